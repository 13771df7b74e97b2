/**
 * Starts the real Discord adapter (real discord.js client) against a fresh fake Discord, with a
 * log that tests can read, and stops both in cleanup.
 */
import { Writable } from 'node:stream';
import { createDiscordAdapter } from '../../../adapters/discord/index.js';
import type { DiscordConfig } from '../../../adapters/discord/config.js';
import { createLogger } from '../../../src/logger.js';
import type { DiscordAdapter } from '../../../adapters/discord/index.js';
import type { Answer, ChatBot, Question } from '../../../src/types.js';
import { FakeDiscord } from '../../fakes/discord/fake-discord.js';

/** One parsed pino log line. */
export interface LogLine {
  level: number;
  msg: string;
  [field: string]: unknown;
}

/** A running adapter + fake pair. */
export interface Harness {
  fake: FakeDiscord;
  adapter: DiscordAdapter;
  logs: LogLine[];
  config: DiscordConfig;
}

const running: { adapter: DiscordAdapter; fake: FakeDiscord }[] = [];

/** Starts the adapter with `bot` and resolves once it is ready. */
export async function startHarness(
  bot: ChatBot,
  options: { fake?: FakeDiscord; guildId?: string; moderatorRoleIds?: (fake: FakeDiscord) => string[]; digestChannelId?: string } = {},
): Promise<Harness> {
  const fake = options.fake ?? (await FakeDiscord.start());
  const logs: LogLine[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) logs.push(JSON.parse(line) as LogLine);
      callback();
    },
  });
  const config: DiscordConfig = {
    token: fake.token,
    clientId: fake.applicationId,
    ...(options.guildId ? { guildId: options.guildId } : {}),
    ...(options.digestChannelId ? { digestChannelId: options.digestChannelId } : {}),
    moderatorRoleIds: options.moderatorRoleIds?.(fake) ?? [fake.moderatorRoleId],
    apiUrl: fake.apiUrl,
  };
  const adapter = createDiscordAdapter(config, createLogger({ level: 'debug', destination }));
  running.push({ adapter, fake });
  await adapter.start(bot);
  return { fake, adapter, logs, config };
}

/** Stops every adapter and fake started since the last call (use in afterEach). */
export async function stopHarnesses(): Promise<void> {
  const all = running.splice(0);
  for (const { adapter } of all) await adapter.stop();
  for (const fake of new Set(all.map((h) => h.fake))) await fake.stop();
}

/** A bot wrapped by {@link instrument}. */
export interface InstrumentedBot extends ChatBot {
  calls: { ask: number; reload: number; questions: Question[] };
  /** The next `ask` rejects with `error`. */
  failNextAsk: (error: Error) => void;
  /** The next `reload` rejects with `error`. */
  failNextReload: (error: Error) => void;
  /** The next `ask` answers only once `gate` resolves (a slow index, without timing the test). */
  holdNextAsk: (gate: Promise<unknown>) => void;
  /** The next `ask` returns `answer` instead of asking the real bot. */
  answerNextAsk: (answer: Answer) => void;
}

/**
 * Wraps a bot, counting calls and letting a test make the next calls fail, wait or answer
 * differently. Everything else goes to the real bot unchanged (a proxy, so methods the core adds
 * later pass through too).
 */
export function instrument(bot: ChatBot): InstrumentedBot {
  const calls = { ask: 0, reload: 0, questions: [] as Question[] };
  const askFailures: Error[] = [];
  const reloadFailures: Error[] = [];
  const gates: Promise<unknown>[] = [];
  const answers: Answer[] = [];
  const overrides: Partial<InstrumentedBot> = {
    calls,
    failNextAsk: (error) => void askFailures.push(error),
    failNextReload: (error) => void reloadFailures.push(error),
    holdNextAsk: (gate) => void gates.push(gate),
    answerNextAsk: (answer) => void answers.push(answer),
    ask: async (q) => {
      calls.ask += 1;
      calls.questions.push(q);
      const failure = askFailures.shift();
      if (failure) throw failure;
      await gates.shift();
      return answers.shift() ?? bot.ask(q);
    },
    reload: async (q, ...rest) => {
      calls.reload += 1;
      const failure = reloadFailures.shift();
      if (failure) throw failure;
      return bot.reload(q, ...rest);
    },
  };
  return new Proxy(bot, {
    get: (target, property, receiver) =>
      property in overrides ? overrides[property as keyof InstrumentedBot] : (Reflect.get(target, property, receiver) as unknown),
  }) as InstrumentedBot;
}

/**
 * Resolves once `condition` holds, checked every few milliseconds; rejects naming `what` after
 * `timeoutMs`. For state the fake cannot see (the adapter's status, calls into the core).
 */
export async function eventually(what: string, condition: () => boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
