/**
 * The Slack load test of issue 7: signed `/ask` slash commands from autocannon to the real Slack
 * adapter in HTTP mode (Bolt, over the real bot, answering through the fake Slack's response
 * URLs), and in the same run a bare Bolt app that only acknowledges, as the ceiling.
 */
import bolt from '@slack/bolt';
import autocannon, { type Request as CannonRequest, type Result } from 'autocannon';
import { createServer } from 'node:net';
import { performance } from 'node:perf_hooks';
import { MEMBER, SIGNING_SECRET, startHarness } from '../test/adapters/slack/support/harness.js';
import { slashCommand, type Workspace } from '../test/fakes/slack/payloads.js';
import { sign } from '../test/fakes/slack/signing.js';

/** One autocannon run. */
export interface LoadRun {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  max: number;
  requests: number;
  /** Connection errors, timeouts and non-2xx replies. */
  errors: number;
}

/** The adapter against the ceiling. */
export interface SlackLoadResult {
  durationSeconds: number;
  connections: number;
  adapter: LoadRun & { answered: number };
  ceiling: LoadRun;
}

type ChatBot = import('../src/types.js').ChatBot;

const QUESTIONS = ['who founded it?', 'How many founding members are there?', 'Is Tsinghua University a member?', 'When was the alliance launched?'];

/** Signed /ask requests, each with its own response URL (so every answer can be counted). */
function signedAsk(url: string, workspace: Workspace, responseUrl: () => string): CannonRequest[] {
  let n = 0;
  const path = new URL(url).pathname;
  return [
    {
      method: 'POST',
      path,
      setupRequest: (request) => {
        const form = slashCommand(workspace, { command: '/ask', text: QUESTIONS[n++ % QUESTIONS.length] as string, user: MEMBER, channel: 'CLOAD', responseUrl: responseUrl() });
        const body = new URLSearchParams(form).toString();
        const timestamp = Math.floor(Date.now() / 1000);
        return {
          ...request,
          body,
          headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': sign(SIGNING_SECRET, timestamp, body) },
        };
      },
    },
  ];
}

const summary = (r: Result): LoadRun => ({
  requestsPerSecond: r.requests.average,
  p50: r.latency.p50,
  p99: r.latency.p99,
  max: r.latency.max,
  requests: r.requests.total,
  errors: r.errors + r.timeouts + r.non2xx,
});

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('bench: no port'))));
    });
  });
}

/** Runs autocannon for `durationSeconds` against the adapter, then against a bare Bolt app. */
export async function slackLoad(bot: ChatBot, durationSeconds = 10, connections = 10): Promise<SlackLoadResult> {
  const h = await startHarness('http', bot);
  let adapter: SlackLoadResult['adapter'];
  try {
    const before = h.fake.calls.filter((c) => c.method === 'response_url').length;
    const result = await autocannon({ url: h.eventsUrl, connections, duration: durationSeconds, requests: signedAsk(h.eventsUrl, h.workspace, () => h.fake.responseUrl()) });
    // Answers go out after the acknowledgement: wait until they stop arriving.
    const answered = (): number => h.fake.calls.filter((c) => c.method === 'response_url').length - before;
    const started = performance.now();
    while (answered() < result['2xx'] && performance.now() - started < 10_000) await new Promise((resolve) => setTimeout(resolve, 50));
    adapter = { ...summary(result), answered: answered() };
  } finally {
    await h.close();
  }

  const port = await freePort();
  // authorize() instead of a token: otherwise Bolt asks Slack (auth.test) who the bot is on every event.
  const app = new bolt.App({
    signingSecret: SIGNING_SECRET,
    authorize: async () => ({ botToken: 'xoxb-ceiling', botId: 'B0CEIL', botUserId: 'U0CEIL' }),
    logLevel: bolt.LogLevel.ERROR,
  });
  app.command('/ask', async ({ ack }) => {
    await ack('ok');
  });
  await app.start(port);
  try {
    const url = `http://127.0.0.1:${port}/slack/events`;
    const ceiling = summary(await autocannon({ url, connections, duration: durationSeconds, requests: signedAsk(url, { teamId: 'T0CEIL', botUserId: 'U0CEIL' }, () => 'http://127.0.0.1:9/never-called') }));
    return { durationSeconds, connections, adapter, ceiling };
  } finally {
    await app.stop();
  }
}
