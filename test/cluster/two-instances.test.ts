/**
 * Acceptance of issue 16: two processes of the real program, in Slack's HTTP mode, share one Redis
 * and one PostgreSQL and answer the fake Slack as one bot. A retried event delivered to the other
 * instance is answered once; a person's cooldown holds across both; a reload on one reloads both;
 * gaps recorded by both show in one /kb gaps; a follow-up asked through the other instance is
 * resolved; /healthz says degraded while Redis is lost and every question is still answered.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directMessage, eventCallback, mention, slashCommand, type Workspace } from '../fakes/slack/payloads.js';
import { FakeSlack, type RecordedCall } from '../fakes/slack/server.js';
import { postSigned, type SlackBody, type SignedRequestOptions } from '../fakes/slack/signing.js';
import { freePort } from '../helpers/ports.js';
import { freshDatabase, OwnRedis, serviceUrl, titled } from '../helpers/services.js';

const BOT_TOKEN = 'xoxb-test-bot-token';
const SIGNING_SECRET = 'test-signing-secret';
const MODERATOR = 'UMOD';
const STARTUP_TIMEOUT_MS = 60_000;
const FOUNDERS = /Tsinghua/;

const databaseUrl = serviceUrl('TEST_DATABASE_URL');
const redisUrl = serviceUrl('TEST_REDIS_URL');
const ready = Boolean(databaseUrl && redisUrl);

/** The compiled entry point (global set-up builds it). */
const MAIN = ['dist/src/program/main.js', 'dist/src/main.js'].find((file) => existsSync(file)) ?? 'dist/src/program/main.js';

interface Instance {
  name: string;
  child: ChildProcess;
  origin: string;
  output: () => string;
  post(body: SlackBody, options?: SignedRequestOptions): Promise<{ status: number; text: string }>;
}

async function startInstance(name: string, env: Record<string, string>): Promise<Instance> {
  const port = await freePort();
  const childEnv: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env))
    if (!/^(DISCORD_|SLACK_|REDIS_URL|DATABASE_URL|ANALYTICS_)/.test(key)) childEnv[key] = value;
  Object.assign(childEnv, env, {
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_PORT: String(port),
    HTTP_PORT: String(port),
    SLACK_MODERATOR_IDS: MODERATOR,
    LOG_LEVEL: 'info',
    DOTENV_CONFIG_PATH: '/nonexistent/alliance-bot-test.env',
    DOTENV_CONFIG_QUIET: 'true',
  });
  const child = spawn(process.execPath, [MAIN], { env: childEnv, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start in time:\n${stderr}`)), STARTUP_TIMEOUT_MS);
    const check = (): void => {
      if (!stderr.includes('"msg":"main: adapter started"')) return;
      clearTimeout(timer);
      child.stderr?.off('data', check);
      resolve();
    };
    child.stderr?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with ${code}:\n${stderr}`));
    });
  });
  const origin = `http://127.0.0.1:${port}`;
  return {
    name,
    child,
    origin,
    output: () => stderr,
    post: (body, options) => postSigned(`${origin}/slack/events`, SIGNING_SECRET, body, options),
  };
}

async function stopInstance(instance: Instance | undefined): Promise<void> {
  const child = instance?.child;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(killer);
}

describe.skipIf(!ready)(titled('two instances of the program act as one', ready ? 'set' : undefined, 'TEST_REDIS_URL'), () => {
  let fake: FakeSlack;
  let redis: OwnRedis;
  let database: { url: string; drop: () => Promise<void> };
  let knowledge: string;
  let a: Instance;
  let b: Instance;
  let workspace: Workspace;

  beforeAll(async () => {
    fake = await FakeSlack.start({ users: [{ id: MODERATOR, name: 'mod' }] });
    workspace = { teamId: fake.teamId, botUserId: fake.botUserId };
    // A Redis of this test's own, to stop and start again; the shared PostgreSQL with a fresh database.
    redis = await OwnRedis.start();
    database = await freshDatabase(databaseUrl ?? '');
    knowledge = await mkdtemp(path.join(os.tmpdir(), 'alliance-two-'));
    await cp('knowledge', knowledge, { recursive: true });
    const env = {
      REDIS_URL: redis.url,
      DATABASE_URL: database.url,
      KNOWLEDGE_DIR: knowledge,
      SLACK_API_URL: fake.apiUrl,
      COOLDOWN_USER_LIMIT: '3',
      COOLDOWN_WINDOW_SECONDS: '60',
    };
    [a, b] = await Promise.all([startInstance('a', env), startInstance('b', env)]);
  }, STARTUP_TIMEOUT_MS * 2);

  afterAll(async () => {
    await Promise.all([stopInstance(a), stopInstance(b)]);
    await redis?.stop();
    await database?.drop();
    await fake?.close();
    if (knowledge) await rm(knowledge, { recursive: true, force: true });
  }, 60_000);

  const postsIn = (channel: string) => (call: RecordedCall) => call.args.channel === channel;

  /** Sends a slash command to an instance; the reply is the acknowledgement or, if that is empty, the response URL post. */
  async function command(to: Instance, o: { command: string; text: string; user: string; channel: string }): Promise<string> {
    const responseUrl = fake.responseUrl();
    const response = await to.post({ form: slashCommand(workspace, { ...o, responseUrl }) });
    expect(response.status).toBe(200);
    const ack = response.text ? (JSON.parse(response.text) as { text?: string }) : undefined;
    if (ack?.text) return ack.text;
    const id = responseUrl.split('/').pop();
    const posted = await fake.waitForCall('response_url', (c) => c.responseId === id, `the reply to ${o.command} ${o.text}`);
    return String(posted.args.text);
  }

  it('answers a retried event once when the retry lands on the other instance', async () => {
    const body = eventCallback(workspace, mention(workspace, { user: 'URETRY', channel: 'CRETRY', text: 'who founded it?' }));
    expect((await a.post({ json: body })).status).toBe(200);
    expect((await b.post({ json: body }, { retry: { num: 1, reason: 'http_timeout' } })).status).toBe(200);
    const reply = await fake.waitForCall('chat.postMessage', postsIn('CRETRY'));
    expect(String(reply.args.text)).toMatch(FOUNDERS);
    await sleep(1500);
    expect(fake.callsTo('chat.postMessage').filter(postsIn('CRETRY'))).toHaveLength(1);
  });

  it("holds a person's cooldown across both instances", async () => {
    const ask = (to: Instance) => command(to, { command: '/ask', text: 'who founded it?', user: 'UCOOL', channel: 'CCOOL' });
    expect(await ask(a)).toMatch(FOUNDERS);
    expect(await ask(b)).toMatch(FOUNDERS);
    expect(await ask(a)).toMatch(FOUNDERS);
    const refused = await ask(b);
    expect(refused).not.toMatch(FOUNDERS);
    expect(refused).toMatch(/wait/i);
  });

  it('reloads both instances when a moderator reloads one, and says so', async () => {
    await writeFile(
      path.join(knowledge, 'newsletter.md'),
      '---\ntitle: The newsletter\n---\n\nThe alliance newsletter is called The Lantern and is sent to members every month.\n',
    );
    const report = await command(a, { command: '/kb-reload', text: '', user: MODERATOR, channel: 'CMOD' });
    expect(report).toMatch(/Reloaded on 2 instances/);
    expect(report).toMatch(/newsletter/);
    const answer = await command(b, { command: '/ask', text: 'what is the newsletter called?', user: 'UNEWS', channel: 'CNEWS' });
    expect(answer).toMatch(/Lantern/);
  });

  it('shows the gaps recorded by both instances in one /kb gaps', async () => {
    await command(a, { command: '/ask', text: 'what colour are the trams in Lisbon?', user: 'UGAP1', channel: 'CGAP' });
    await command(b, { command: '/ask', text: 'how many penguins live in Antarctica?', user: 'UGAP2', channel: 'CGAP' });
    // Each instance writes its rows within a moment (they are grouped); ask until both are in.
    let gaps = '';
    for (let i = 0; i < 20 && !(/trams in lisbon/i.test(gaps) && /penguins/i.test(gaps)); i++) {
      if (i > 0) await sleep(100);
      gaps = await command(b, { command: '/kb', text: 'gaps', user: MODERATOR, channel: 'CMOD' });
    }
    expect(gaps).toMatch(/trams in lisbon/i);
    expect(gaps).toMatch(/penguins/i);
  });

  it('resolves a follow-up asked through the other instance', async () => {
    await a.post({
      json: eventCallback(
        workspace,
        directMessage({ user: 'UFOLLOW', channel: 'DFOLLOW', text: 'Is Tsinghua University a founding member?' }),
      ),
    });
    const first = await fake.waitForCall('chat.postMessage', postsIn('DFOLLOW'));
    expect(String(first.args.text)).toMatch(/Tsinghua/);
    await b.post({ json: eventCallback(workspace, directMessage({ user: 'UFOLLOW', channel: 'DFOLLOW', text: 'and Yale?' })) });
    const second = await fake.waitFor(() => fake.callsTo('chat.postMessage').filter(postsIn('DFOLLOW'))[1], 'the follow-up answer');
    expect(String(second.args.text)).toMatch(/Yale/);
    expect(String(second.args.text)).toMatch(/not/i);
  });

  it('says degraded while Redis is lost, still answers, and is ok again once Redis is back', async () => {
    await redis.stop();
    const health = async (instance: Instance) => (await (await fetch(`${instance.origin}/healthz`)).json()) as { status: string };
    for (let i = 0; i < 100 && (await health(a)).status !== 'degraded'; i++) await sleep(100);
    expect(await health(a)).toMatchObject({ status: 'degraded' });
    expect(await command(b, { command: '/ask', text: 'who founded it?', user: 'UOUTAGE', channel: 'COUTAGE' })).toMatch(FOUNDERS);
    await redis.start();
    for (let i = 0; i < 100 && ((await health(a)).status !== 'ok' || (await health(b)).status !== 'ok'); i++) await sleep(100);
    expect(await health(a)).toMatchObject({ status: 'ok' });
    expect(await health(b)).toMatchObject({ status: 'ok' });
  });
});
