import type { DiscordConfig } from '../../src/config.js';
import type { Logger } from '../../src/logger.js';
import type { Adapter } from '../../src/types.js';

/** Placeholder until the Discord adapter lands (issue 3). */
export function createDiscordAdapter(_config: DiscordConfig, _logger: Logger): Adapter {
  throw new Error('discord: adapter not implemented yet');
}
