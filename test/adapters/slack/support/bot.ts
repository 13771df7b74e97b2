/** The bot the Slack e2e tests talk to: the real core over the shipped knowledge folder. */
import { createBot, type AllianceBot } from '../../../../src/bot.js';
import type { ChatBot } from '../../../../src/types.js';

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

/** A core whose answers wait for the test: see {@link holdAnswers}. */
export interface HeldBot {
  bot: ChatBot;
  /** Resolves once a question has reached the core. */
  asked: Promise<void>;
  /** Lets every held question (and any later one) through to the real core. */
  release(): void;
}

/**
 * The real core, but each answer waits until the test calls release(): a core slower than the
 * adapter's acknowledgement budget (a stall, an overloaded host). `fail` makes the released
 * answers reject instead, as a bug would.
 */
export function holdAnswers(real: ChatBot, fail?: Error): HeldBot {
  let entered!: () => void;
  const asked = new Promise<void>((resolve) => {
    entered = resolve;
  });
  let release!: () => void;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const bot = new Proxy(real, {
    get: (target, key, receiver) =>
      key === 'ask'
        ? async (...args: Parameters<ChatBot['ask']>) => {
            entered();
            await released;
            if (fail) throw fail;
            return target.ask(...args);
          }
        : (Reflect.get(target, key, receiver) as unknown),
  }) satisfies ChatBot;
  return { bot, asked, release };
}
