/** The set-up most Slack e2e files share: one real core for the file, a fresh adapter per test. */
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { AllianceBot } from '../../../../src/bot.js';
import { startHarness, type Harness } from './harness.js';

/** The file's core and the current test's harness, as {@link harnessPerTest} keeps them. */
export interface PerTest<B> {
  readonly bot: B;
  readonly h: Harness;
}

/**
 * Registers the hooks: `makeBot()` once before the file's tests (closed after them), and a
 * harness in `mode` over it before each test (closed after each).
 */
export function harnessPerTest<B extends AllianceBot>(mode: 'socket' | 'http', makeBot: () => Promise<B>): PerTest<B> {
  let bot: B | undefined;
  let h: Harness | undefined;
  beforeAll(async () => {
    bot = await makeBot();
  });
  afterAll(async () => {
    await bot?.close();
  });
  beforeEach(async () => {
    if (!bot) throw new Error('test: the bot did not start');
    h = await startHarness(mode, bot);
  });
  afterEach(async () => {
    await h?.close();
  });
  return {
    get bot(): B {
      if (!bot) throw new Error('test: the bot is made before the first test');
      return bot;
    },
    get h(): Harness {
      if (!h) throw new Error('test: the harness is started before each test');
      return h;
    },
  };
}
