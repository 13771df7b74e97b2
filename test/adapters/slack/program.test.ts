/**
 * Acceptance: the real program (`npm start`) with only Slack configured, pointed at the fake
 * Slack through SLACK_API_URL, answers "who founded it?" by mention, DM and /ask, once in
 * Socket Mode and once in HTTP mode.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directMessage, eventCallback, mention, nextTs, slashCommand, type Workspace } from '../../fakes/slack/payloads.js';
import { FakeSlack, type RecordedCall } from '../../fakes/slack/server.js';
import { postSigned, type SlackBody } from '../../fakes/slack/signing.js';
import { APP_TOKEN, BOT_TOKEN, MEMBER, SIGNING_SECRET } from './support/harness.js';
import { freePort } from '../../helpers/ports.js';

const STARTUP_TIMEOUT_MS = 90_000;
const FOUNDERS = [/Tsinghua/, /edX/, /Zhejiang/];

/** The program as a child process with its output (build errors, JSON log lines) collected. */
interface Program {
  child: ChildProcess;
  output: () => string;
}

/** Starts `npm start` with only Slack configured; resolves once main reports the adapter started. */
async function startProgram(slackEnv: Record<string, string>): Promise<Program> {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    // Only Slack: no Discord settings, and no stray Slack settings from the developer's shell.
    if (!/^(DISCORD_|SLACK_)/.test(key)) env[key] = value;
  }
  Object.assign(env, {
    ...slackEnv,
    LOG_LEVEL: 'info',
    // A developer's .env must not add Discord or change the Slack settings under test.
    DOTENV_CONFIG_PATH: '/nonexistent/alliance-bot-test.env',
    DOTENV_CONFIG_QUIET: 'true',
  });
  // detached: npm does not forward SIGTERM to node, so cleanup signals the whole process group.
  const child = spawn('npm', ['start'], { cwd: process.cwd(), env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  // The build step (tsc) reports type errors on stdout; keep it for the failure message.
  child.stdout?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`program did not start in time; stderr:\n${stderr}`)), STARTUP_TIMEOUT_MS);
    const onData = (): void => {
      if (stderr.includes('"msg":"main: adapter started"')) {
        clearTimeout(timer);
        child.stderr?.off('data', onData);
        child.off('exit', onExit);
        resolve();
      }
    };
    const onExit = (code: number | null): void => {
      clearTimeout(timer);
      reject(new Error(`program exited with ${code} before starting; stderr:\n${stderr}`));
    };
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
  });
  return { child, output: () => stderr };
}

async function stopProgram(program: Program | undefined): Promise<void> {
  const child = program?.child;
  if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  process.kill(-child.pid, 'SIGTERM');
  const killer = setTimeout(() => {
    if (child.exitCode === null && child.signalCode === null && child.pid) process.kill(-child.pid, 'SIGKILL');
  }, 10_000);
  await exited;
  clearTimeout(killer);
}

function expectFounders(text: unknown): void {
  for (const founder of FOUNDERS) expect(String(text)).toMatch(founder);
}

/** Drives one mode: how to deliver an event or a command to the running program. */
interface Delivery {
  event(body: Record<string, unknown>): Promise<void>;
  /** Resolves with what the command was acknowledged with (undefined when empty). */
  command(payload: Record<string, string>): Promise<Record<string, unknown> | undefined>;
}

function describeProgram(mode: 'socket' | 'http'): void {
  describe(`npm start with only Slack configured, ${mode === 'socket' ? 'Socket Mode' : 'HTTP mode'}`, () => {
    let fake: FakeSlack;
    let program: Program | undefined;
    let workspace: Workspace;
    let deliver: Delivery;
    /** HTTP mode: where the program listens. */
    let origin = '';

    beforeAll(async () => {
      fake = await FakeSlack.start();
      workspace = { teamId: fake.teamId, botUserId: fake.botUserId };
      if (mode === 'socket') {
        program = await startProgram({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN, SLACK_API_URL: fake.apiUrl });
        deliver = {
          event: async (body) => void (await fake.sendEnvelope('events_api', body)),
          command: async (payload) => (await fake.sendEnvelope('slash_commands', payload)).payload,
        };
      } else {
        const port = await freePort();
        // HTTP_PORT equal to SLACK_PORT: /healthz and /metrics are served by the Slack app's server.
        program = await startProgram({
          SLACK_BOT_TOKEN: BOT_TOKEN,
          SLACK_SIGNING_SECRET: SIGNING_SECRET,
          SLACK_PORT: String(port),
          HTTP_PORT: String(port),
          SLACK_API_URL: fake.apiUrl,
        });
        origin = `http://127.0.0.1:${port}`;
        const url = `${origin}/slack/events`;
        const post = async (body: SlackBody): Promise<Record<string, unknown> | undefined> => {
          const response = await postSigned(url, SIGNING_SECRET, body);
          expect(response.status).toBe(200);
          return response.text ? (JSON.parse(response.text) as Record<string, unknown>) : undefined;
        };
        deliver = { event: async (json) => void (await post({ json })), command: (form) => post({ form }) };
      }
    }, STARTUP_TIMEOUT_MS + 10_000);

    afterAll(async () => {
      await stopProgram(program);
      await fake?.close();
    }, 30_000);

    const replyIn = (channel: string) => (call: RecordedCall) => call.args.channel === channel;

    it('answers "who founded it?" when mentioned in a channel, in a thread', async () => {
      const ts = nextTs();
      await deliver.event(eventCallback(workspace, mention(workspace, { user: MEMBER, channel: 'CPROG1', text: 'who founded it?', ts })));
      const reply = await fake.waitForCall('chat.postMessage', replyIn('CPROG1'));
      expect(reply.args.thread_ts).toBe(ts);
      expectFounders(reply.args.text);
    });

    it('answers "who founded it?" in a direct message', async () => {
      await deliver.event(eventCallback(workspace, directMessage({ user: 'UDM', channel: 'DPROG2', text: 'who founded it?' })));
      const reply = await fake.waitForCall('chat.postMessage', replyIn('DPROG2'));
      expectFounders(reply.args.text);
    });

    it('answers "/ask who founded it?" in the channel, in the acknowledgement', async () => {
      const reply = await deliver.command(
        slashCommand(workspace, {
          command: '/ask',
          text: 'who founded it?',
          user: 'UASK',
          channel: 'CPROG3',
          responseUrl: fake.responseUrl(),
        }),
      );
      expect(reply?.response_type).toBe('in_channel');
      expectFounders(reply?.text);
    });

    it.runIf(mode === 'http')('serves /healthz and /metrics on SLACK_PORT beside /slack/events when HTTP_PORT is the same', async () => {
      const health = await fetch(`${origin}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: 'ok', adapters: [{ name: 'slack', connected: true }] });
      const metrics = await fetch(`${origin}/metrics`);
      expect(metrics.status).toBe(200);
      expect(await metrics.text()).toMatch(/# TYPE alliance_questions_total counter/);
    });
  });
}

describeProgram('socket');
describeProgram('http');
