import type { SlackConfig } from '../../src/config.js';
import type { Logger } from '../../src/logger.js';
import type { Adapter } from '../../src/types.js';

/** Placeholder until the Slack adapter lands (issue 4). */
export function createSlackAdapter(_config: SlackConfig, _logger: Logger): Adapter {
  throw new Error('slack: adapter not implemented yet');
}
