/** The bot the Slack e2e tests talk to: the real core over the shipped knowledge folder. */
import { createBot, type AllianceBot } from '../../../../src/bot.js';

/** The real core, without cooldowns so a test file may ask as often as it needs. */
export function createTestBot(): Promise<AllianceBot> {
  return createBot({ knowledgeDir: 'knowledge' });
}

/**
 * The real core recording questions and votes in an in-memory database (gaps, 👍/👎), over
 * `knowledgeDir` (a temp copy for tests that teach). Close it after the test.
 */
export function createRecordingBot(knowledgeDir = 'knowledge'): Promise<AllianceBot> {
  return createBot({ knowledgeDir, analytics: { path: ':memory:', storeUsers: false, retentionDays: 90 } });
}
