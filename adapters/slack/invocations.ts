import type { Invocations } from '../../src/conversation/commands.js';
import { ASK_COMMAND } from './listeners/commands/ask.js';
import { KB_COMMAND } from './listeners/commands/kb.js';
import { RELOAD_COMMAND } from './listeners/commands/kb-reload.js';

/** How Slack invokes each command of the conversation layer's table, for help. */
export const SLACK_INVOCATIONS: Invocations = {
  ask: ASK_COMMAND,
  help: `${KB_COMMAND} help`,
  reload: RELOAD_COMMAND,
  status: `${KB_COMMAND} status`,
  gaps: `${KB_COMMAND} gaps`,
  why: `${KB_COMMAND} why`,
  teach: `${KB_COMMAND} teach`,
};
