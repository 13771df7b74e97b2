/** The bot the Slack e2e tests talk to: the real core over the shipped knowledge folder. */
import { createBot } from '../../../../src/bot.js';
import type { Bot } from '../../../../src/types.js';

/** The real core, without cooldowns so a test file may ask as often as it needs. */
export function createTestBot(): Promise<Bot> {
  return createBot({ knowledgeDir: 'knowledge' });
}
