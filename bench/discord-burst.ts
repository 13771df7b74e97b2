/**
 * The Discord burst of issue 7: 200 `/ask` interactions dispatched at once through the fake
 * gateway (test/fakes/discord) to the real adapter and discord.js client, over the real bot;
 * how long until each is answered (Discord wants the first response within 3 s).
 */
import { performance } from 'node:perf_hooks';
import { FakeDiscord, type CallbackBody, type MessageBody, type SentInteraction } from '../test/fakes/discord/fake-discord.js';
import { summarize, type Latency } from './stats.js';

/** What the burst measured. */
export interface BurstResult {
  interactions: number;
  /** Interactions that got a first response (callback) and an answer with content. */
  acknowledged: number;
  answered: number;
  /** From dispatch to the first response, and to the answer's content, ms. */
  ack: Latency;
  answer: Latency;
  tookMs: number;
}

type Bot = import('../src/bot.js').AllianceBot;
type AdapterModule = typeof import('../adapters/discord/index.js');
type LoggerModule = typeof import('../src/logger.js');

const QUESTIONS = [
  'Who founded the Global MOOC Alliance?',
  'How many founding members are there?',
  'Is Tsinghua University a member?',
  'When was the alliance launched?',
  'What is the capital of Australia?',
];

/** Sends `count` interactions at once and waits (at most `timeoutMs`) for every answer. */
export async function discordBurst(
  bot: Bot,
  adapterModule: AdapterModule,
  loggerModule: LoggerModule,
  count = 200,
  timeoutMs = 20_000,
): Promise<BurstResult> {
  const fake = await FakeDiscord.start();
  const adapter = adapterModule.createDiscordAdapter(
    { token: fake.token, clientId: fake.applicationId, moderatorRoleIds: [fake.moderatorRoleId], apiUrl: fake.apiUrl },
    loggerModule.silentLogger(),
  );
  try {
    await adapter.start(bot);
    await fake.waitForReady();
    const sentAt = new Map<string, { interaction: SentInteraction; at: number; ack?: number; answer?: number }>();
    const started = performance.now();
    for (let i = 0; i < count; i++) {
      const interaction = fake.slashCommand('ask', { question: QUESTIONS[i % QUESTIONS.length] as string });
      sentAt.set(interaction.token, { interaction, at: performance.now() });
    }
    // Scan the fake's request log as it grows (one pass per poll, not one waiter per interaction).
    let seen = 0;
    const done = (): boolean => [...sentAt.values()].every((s) => s.answer !== undefined);
    while (!done() && performance.now() - started < timeoutMs) {
      await new Promise((resolve) => setTimeout(resolve, 2));
      const now = performance.now();
      for (; seen < fake.requests.length; seen++) {
        const r = fake.requests[seen];
        if (!r || r.status >= 300) continue;
        const token = r.path.split('/').find((part) => sentAt.has(part));
        const sent = token ? sentAt.get(token) : undefined;
        if (!sent) continue;
        const body = r.path.endsWith('/callback') ? (r.body as CallbackBody).data : (r.body as MessageBody);
        if (r.path.endsWith('/callback')) sent.ack ??= now - sent.at;
        if (body?.content) sent.answer ??= now - sent.at;
      }
    }
    const all = [...sentAt.values()];
    const acks = all.flatMap((s) => (s.ack === undefined ? [] : [s.ack]));
    const answers = all.flatMap((s) => (s.answer === undefined ? [] : [s.answer]));
    return {
      interactions: count,
      acknowledged: acks.length,
      answered: answers.length,
      ack: summarize(acks),
      answer: summarize(answers),
      tookMs: performance.now() - started,
    };
  } finally {
    await adapter.stop();
    await fake.stop();
  }
}
