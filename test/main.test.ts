import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/paths.js';
import { FakeSlack } from './fakes/slack/server.js';
import { eventCallback, mention, type Workspace } from './fakes/slack/payloads.js';
import { postSigned } from './fakes/slack/signing.js';
import { tempKnowledge, type TempKnowledge } from './helpers/knowledge.js';
import { freePort } from './helpers/ports.js';

let child: ChildProcessWithoutNullStreams | undefined;
let kb: TempKnowledge | undefined;
afterEach(async () => {
  if (child && child.exitCode === null) {
    child.kill('SIGKILL');
    await once(child, 'exit');
  }
  await kb?.remove();
});

/** Starts the compiled program in terminal mode and collects what it prints. */
async function startProgram(env: NodeJS.ProcessEnv): Promise<{ out: () => string; port: number }> {
  const port = await freePort();
  kb = await tempKnowledge('shipped');
  let out = '';
  child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'dist/src/program/main.js')], {
    cwd: PROJECT_ROOT,
    env: { PATH: process.env.PATH, HTTP_PORT: String(port), KNOWLEDGE_DIR: kb.dir, ANALYTICS_DB: 'off', LOG_LEVEL: 'info', ...env },
  });
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  await until(
    () => out.includes('serving /healthz'),
    () => out,
  );
  return { out: () => out, port };
}

async function until(condition: () => boolean, describe: () => string, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out; output so far:\n${describe()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('the program in terminal mode', () => {
  it('serves /healthz and /metrics, and counts a question', async () => {
    const { out, port } = await startProgram({});
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', problems: [], adapters: [{ name: 'terminal', connected: true }] });
    child?.stdin.write('who founded it?\n');
    await until(() => out().includes('Zhejiang University'), out);
    const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    expect(metrics).toMatch(/alliance_questions_total\{platform="terminal",outcome="list"\} 1/);
    expect(metrics).toMatch(/alliance_answer_latency_seconds_count\{platform="terminal"\} 1/);
  });

  it('reloads on SIGHUP', async () => {
    const { out } = await startProgram({});
    await kb?.write('lighthouse.md', '---\ntitle: Lighthouse\n---\n\nThe lighthouse is kept by Jane Keeper.\n');
    child?.kill('SIGHUP');
    await until(() => out().includes('reloaded on SIGHUP'), out);
    child?.stdin.write('who keeps the lighthouse?\n');
    await until(() => out().includes('Jane Keeper'), out);
  });

  it('reloads when a knowledge file changes, with KNOWLEDGE_WATCH=true', async () => {
    const { out } = await startProgram({ KNOWLEDGE_WATCH: 'true' });
    await kb?.write('lighthouse.md', '---\ntitle: Lighthouse\n---\n\nThe lighthouse is kept by Jane Keeper.\n');
    await until(() => out().includes('knowledge: changed on disk, reloaded'), out);
    child?.stdin.write('who keeps the lighthouse?\n');
    await until(() => out().includes('Jane Keeper'), out);
  });

  it('exits 0 on SIGTERM', async () => {
    await startProgram({});
    child?.kill('SIGTERM');
    const [code] = (await once(child!, 'exit')) as [number | null];
    expect(code).toBe(0);
  });

  it('refuses to start on a malformed setting, naming it', async () => {
    const run = spawn(process.execPath, [path.join(PROJECT_ROOT, 'dist/src/program/main.js')], {
      cwd: PROJECT_ROOT,
      env: { PATH: process.env.PATH, HTTP_PORT: 'eighty' },
    });
    let err = '';
    run.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const [code] = (await once(run, 'exit')) as [number | null];
    expect(code).toBe(1);
    expect(err).toContain('HTTP_PORT must be a port number');
  });
});

/** The program in Slack HTTP mode against a fake Slack, started by {@link startSlackProgram}. */
let slack: FakeSlack | undefined;
afterEach(async () => {
  await slack?.close();
  slack = undefined;
});

/** Starts the program in Slack HTTP mode against the fake; resolves once the adapter runs. */
async function startSlackProgram(extraEnv: NodeJS.ProcessEnv = {}): Promise<{ port: number; out: () => string }> {
  slack = await FakeSlack.start();
  const port = await freePort();
  kb = await tempKnowledge('shipped');
  let out = '';
  child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'dist/src/program/main.js')], {
    cwd: PROJECT_ROOT,
    env: {
      PATH: process.env.PATH,
      KNOWLEDGE_DIR: kb.dir,
      ANALYTICS_DB: 'off',
      LOG_LEVEL: 'info',
      DOTENV_CONFIG_PATH: '/nonexistent.env',
      SLACK_BOT_TOKEN: 'xoxb-test-bot-token',
      SLACK_SIGNING_SECRET: 'test-signing-secret',
      SLACK_API_URL: slack.apiUrl,
      SLACK_PORT: String(port),
      ...extraEnv,
    },
  });
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  await until(
    () => out.includes('adapter started'),
    () => out,
  );
  return { port, out: () => out };
}

describe('the program with Slack in HTTP mode and HTTP_PORT equal to SLACK_PORT', () => {
  it('serves /healthz and /metrics on the Slack server', async () => {
    const port = await freePort();
    const { out } = await startSlackProgram({ SLACK_PORT: String(port), HTTP_PORT: String(port) });
    expect(out()).toContain('serving /healthz and /metrics on the Slack HTTP server');
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(await health.json()).toEqual({ status: 'ok', problems: [], adapters: [{ name: 'slack', connected: true }] });
    expect(await (await fetch(`http://127.0.0.1:${port}/metrics`)).text()).toContain('alliance_adapter_connected{adapter="slack"} 1');
  });
});

describe('SIGTERM with a question in flight', () => {
  it('finishes the answer, then exits 0', async () => {
    const { port, out } = await startSlackProgram();
    const fake = slack as FakeSlack;
    // The reply to Slack is held, so the handler is still running when SIGTERM arrives.
    const release = fake.holdNext('chat.postMessage');
    const workspace: Workspace = { teamId: 'T0FAKE', botUserId: 'UBOT' };
    const body = eventCallback(workspace, mention(workspace, { user: 'U1', channel: 'C1', text: '<@UBOT> who founded it?' }));
    await postSigned(`http://127.0.0.1:${port}/slack/events`, 'test-signing-secret', { json: body });
    await fake.waitForCall('chat.postMessage');
    const exited = once(child!, 'exit');
    child?.kill('SIGTERM');
    await until(() => out().includes('main: stopping'), out);
    // Give a program that did not wait every chance to exit before the answer is released.
    await new Promise((r) => setTimeout(r, 500));
    expect(child?.exitCode).toBeNull();
    release();
    const [code] = (await exited) as [number | null];
    expect(code).toBe(0);
    expect(String(fake.callsTo('chat.postMessage')[0]?.args.text)).toContain('Zhejiang University');
  });
});
