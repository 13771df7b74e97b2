/**
 * The Slack load test of issue 7. The real program (`node dist/src/program/main.js`) runs in HTTP mode as
 * a child process, configured by environment as in production and pointed at a fake Slack (this
 * process) for its Web API calls and response URLs; a second child process, bench/slack-cannon.ts,
 * sends it signed `/ask` slash commands with autocannon and checks the answers in the
 * acknowledgements; answers that come later through response URLs are counted here. In the same
 * run the same load goes to a bare Bolt app in a third child process (bench/slack-ceiling.ts) that
 * acknowledges a constant, as the ceiling.
 *
 * On this 2-core machine the app under test and the load generator share the cores (the
 * program's answerer worker thread too); this process only serves the fake Slack and waits.
 * Every child is stopped when the run ends, fails or is interrupted.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { FakeSlack, type FakeUser } from '../test/fakes/slack/server.js';
import type { CannonJob, CannonReport, CannonRun } from './slack-cannon.js';
import { answers } from './slack-questions.js';
import { freePort } from '../test/helpers/ports.js';

/** One autocannon run, as the load generator saw it, and the app's CPU time per request (Linux). */
export type LoadRun = CannonRun & { cpuMsPerRequest?: number };

/** How the program's answers were counted. */
export interface AnswerCount {
  /** Correct answers: in the acknowledgement, or through the response URL after an empty one. */
  answered: number;
  /** Of those, answers in the acknowledgement itself. */
  inAck: number;
  /** Of those, answers posted to the response URL after an empty acknowledgement. */
  viaResponseUrl: number;
  /** Acknowledgements, or response URL posts, with something other than the expected answer. */
  wrong: number;
  /** Empty acknowledgements whose answer never came. */
  missing: number;
  /** Warnings and errors in the program's log during the whole run. */
  loggedProblems: number;
  /** One example of a wrong answer, if any. */
  example?: string;
}

/** The program against the ceiling. */
export interface SlackLoadResult {
  durationSeconds: number;
  warmUpSeconds: number;
  connections: number;
  /** Distinct people and channels the questions came from. */
  users: number;
  channels: number;
  /** The machine's 1-minute load average just before the run (other work on the shared cores). */
  loadAverage: number;
  adapter: LoadRun & AnswerCount;
  ceiling: LoadRun;
}

/** Options for {@link slackLoad}. */
export interface SlackLoadOptions {
  /** Measured seconds per app; default 10. */
  durationSeconds?: number;
  /** Unmeasured seconds of load before each measured run; default 2. */
  warmUpSeconds?: number;
  connections?: number;
  users?: number;
  channels?: number;
  /** When set, the program runs with `--cpu-prof` and writes its profile into this folder. */
  cpuProfileDir?: string;
  /** More settings for the program (REDIS_URL, DATABASE_URL for the several-instances run). */
  env?: Record<string, string>;
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SIGNING_SECRET = 'bench-signing-secret';
const BOT_TOKEN = 'xoxb-bench-bot-token';
const STARTUP_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 15_000;
/** Linux's USER_HZ: /proc reports CPU time in these ticks. */
const CLOCK_TICKS = 100;
/** How long answers posted to response URLs may trail the last acknowledgement. */
const SETTLE_TIMEOUT_MS = 10_000;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const running = (child: ChildProcess): boolean => child.exitCode === null && child.signalCode === null;

function exited(child: ChildProcess): Promise<void> {
  return running(child) ? new Promise((resolve) => child.once('exit', () => resolve())) : Promise.resolve();
}

/** The children of one run, so that every one of them is stopped whatever happens. */
class Children {
  private readonly all = new Set<ChildProcess>();
  private readonly onExit = (): void => this.killAll('SIGKILL');
  private readonly onSignal = (signal: NodeJS.Signals): void => {
    this.killAll('SIGKILL');
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };

  constructor() {
    process.on('exit', this.onExit);
    process.once('SIGINT', this.onSignal);
    process.once('SIGTERM', this.onSignal);
  }

  spawn(args: string[], options: Parameters<typeof spawn>[2]): ChildProcess {
    const child = spawn(process.execPath, args, { cwd: root, ...options });
    this.all.add(child);
    child.once('exit', () => this.all.delete(child));
    return child;
  }

  /** SIGTERM, then SIGKILL if it has not exited in time. */
  async stop(child: ChildProcess): Promise<void> {
    if (!running(child)) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await exited(child);
    clearTimeout(timer);
  }

  killAll(signal: NodeJS.Signals): void {
    for (const child of this.all) if (running(child)) child.kill(signal);
  }

  async close(): Promise<void> {
    await Promise.all([...this.all].map((child) => this.stop(child)));
    process.off('exit', this.onExit);
    process.off('SIGINT', this.onSignal);
    process.off('SIGTERM', this.onSignal);
  }
}

/** The environment of the program under test: production's, with only the Slack settings of the run. */
function programEnv(settings: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (
      !/^(DISCORD_|SLACK_|HTTP_PORT$|REDIS_URL$|DATABASE_URL$|KNOWLEDGE_|ANALYTICS_|COOLDOWN_|LOG_LEVEL$|MAX_QUESTION_LENGTH$|NODE_OPTIONS$)/.test(
        key,
      )
    )
      env[key] = value;
  }
  // A developer's .env must not add Discord or change the settings under test.
  return { ...env, DOTENV_CONFIG_PATH: path.join(os.tmpdir(), 'alliance-bot-bench-no.env'), DOTENV_CONFIG_QUIET: 'true', ...settings };
}

/** Resolves once `file` contains `marker`; rejects if `child` exits first or time runs out. */
async function waitForLog(child: ChildProcess, file: string, marker: string): Promise<void> {
  const deadline = performance.now() + STARTUP_TIMEOUT_MS;
  for (;;) {
    const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
    if (text.includes(marker)) return;
    if (!running(child))
      throw new Error(`slack-load: the program exited (${child.exitCode ?? child.signalCode}) before starting:\n${text.slice(-3000)}`);
    if (performance.now() > deadline)
      throw new Error(`slack-load: the program did not start within ${STARTUP_TIMEOUT_MS} ms:\n${text.slice(-3000)}`);
    await sleep(50);
  }
}

/** Starts the bare Bolt app; resolves with its port once it listens. */
async function startCeiling(children: Children): Promise<{ child: ChildProcess; port: number }> {
  const child = children.spawn(['--import', 'tsx', path.join(root, 'bench/slack-ceiling.ts'), '0', SIGNING_SECRET], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('slack-load: the ceiling app did not start in time')), STARTUP_TIMEOUT_MS);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const ready = out.match(/^ready (\d+)$/m);
      if (ready) {
        clearTimeout(timer);
        resolve(Number(ready[1]));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`slack-load: the ceiling app exited with ${code} before listening`));
    });
  });
  return { child, port };
}

/** CPU time (user + system, all threads) a process has used, in ms; undefined where /proc is not there. */
function cpuMs(pid: number | undefined): number | undefined {
  try {
    // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return undefined;
  }
}

/**
 * Runs the load generator in its own process against `target`; resolves with its report and the
 * CPU time the target used per request in the measured run (a figure that other work on the
 * shared cores does not change much, unlike requests/s).
 */
async function cannon(children: Children, job: CannonJob, target: ChildProcess): Promise<CannonReport & { cpuMsPerRequest?: number }> {
  const child = children.spawn(['--import', 'tsx', path.join(root, 'bench/slack-cannon.ts'), JSON.stringify(job)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let out = '';
  let cpuAtStart: number | undefined;
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString('utf8');
    if (cpuAtStart === undefined && /^measuring$/m.test(out)) cpuAtStart = cpuMs(target.pid);
  });
  const limit = setTimeout(() => child.kill('SIGKILL'), (job.warmUpSeconds + job.durationSeconds + 60) * 1000);
  await exited(child);
  const cpuAtEnd = cpuMs(target.pid);
  clearTimeout(limit);
  if (child.exitCode !== 0) throw new Error(`slack-load: the load generator failed (${child.exitCode ?? child.signalCode})`);
  const report = JSON.parse(out.trim().split('\n').at(-1) ?? '') as CannonReport;
  const used = cpuAtStart !== undefined && cpuAtEnd !== undefined ? cpuAtEnd - cpuAtStart : undefined;
  return { ...report, ...(used !== undefined && report.run.requests > 0 ? { cpuMsPerRequest: used / report.run.requests } : {}) };
}

/** Counts the answers that came through response URLs after empty acknowledgements, waiting for late ones. */
async function responseUrlAnswers(
  fake: FakeSlack,
  emptyIds: readonly string[],
): Promise<Pick<AnswerCount, 'viaResponseUrl' | 'wrong' | 'missing' | 'example'>> {
  const expected = new Set(emptyIds);
  const posted = (): Map<string, Record<string, unknown>> => {
    const byId = new Map<string, Record<string, unknown>>();
    for (const call of fake.callsTo('response_url'))
      if (call.responseId && expected.has(call.responseId)) byId.set(call.responseId, call.args);
    return byId;
  };
  const started = performance.now();
  while (posted().size < expected.size && performance.now() - started < SETTLE_TIMEOUT_MS) await sleep(50);
  let viaResponseUrl = 0;
  let wrong = 0;
  let example: string | undefined;
  const byId = posted();
  for (const [id, args] of byId) {
    const question = Number(id.split('_')[1]);
    if (answers(args, question)) viaResponseUrl++;
    else {
      wrong++;
      example ??= JSON.stringify(args).slice(0, 300);
    }
  }
  return { viaResponseUrl, wrong, missing: expected.size - byId.size, ...(example ? { example } : {}) };
}

/** Warnings and errors (pino levels 40 and up) in the program's JSON log. */
function loggedProblems(file: string): number {
  if (!existsSync(file)) return 0;
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => /^\{"level":(4|5|6)\d,/.test(line)).length;
}

/**
 * Runs the load test: the program, then the ceiling, each warmed up and then measured for
 * `durationSeconds` by a load generator in its own process.
 */
export async function slackLoad(options: SlackLoadOptions = {}): Promise<SlackLoadResult> {
  const durationSeconds = options.durationSeconds ?? 10;
  const warmUpSeconds = options.warmUpSeconds ?? 2;
  const connections = options.connections ?? 10;
  const userCount = options.users ?? 200;
  const channelCount = options.channels ?? 20;
  const users = Array.from({ length: userCount }, (_, i) => `ULOAD${String(i).padStart(4, '0')}`);
  const channels = Array.from({ length: channelCount }, (_, i) => `CLOAD${String(i).padStart(3, '0')}`);
  const loadAverage = os.loadavg()[0] ?? 0;

  const tmp = await mkdtemp(path.join(os.tmpdir(), 'alliance-slack-load-'));
  const children = new Children();
  let started: FakeSlack | undefined;
  try {
    const fakeUsers: FakeUser[] = users.map((id) => ({ id, name: id.toLowerCase() }));
    const fake = await FakeSlack.start({ users: fakeUsers });
    started = fake;
    const job = (url: string, check: boolean): CannonJob => ({
      url,
      signingSecret: SIGNING_SECRET,
      teamId: fake.teamId,
      botUserId: fake.botUserId,
      responseOrigin: new URL(fake.apiUrl).origin,
      warmUpSeconds,
      durationSeconds,
      connections,
      users,
      channels,
      check,
    });

    // The program, configured as in production; cooldowns are raised because this run measures
    // throughput, not the rate limit (200 people asking thousands of questions a second).
    const port = await freePort();
    const logFile = path.join(tmp, 'program.log');
    const log = openSync(logFile, 'w');
    const nodeArgs = options.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`] : [];
    const program = children.spawn([...nodeArgs, path.join(root, 'dist/src/program/main.js')], {
      env: programEnv({
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_PORT: String(port),
        SLACK_API_URL: fake.apiUrl,
        KNOWLEDGE_DIR: path.join(root, 'knowledge'),
        ANALYTICS_DB: path.join(tmp, 'analytics.db'),
        LOG_LEVEL: 'info',
        COOLDOWN_USER_LIMIT: '1000000',
        COOLDOWN_CHANNEL_LIMIT: '1000000',
        ...options.env,
      }),
      // Logs go to a file, as to a log collector in production; the driver does not read them meanwhile.
      stdio: ['ignore', 'ignore', log],
    });
    closeSync(log);
    await waitForLog(program, logFile, '"msg":"main: adapter started"');
    const report = await cannon(children, job(`http://127.0.0.1:${port}/slack/events`, true), program);
    const late = await responseUrlAnswers(fake, report.acks.emptyIds);
    await children.stop(program);
    const example = report.acks.example ?? late.example;
    const adapter: SlackLoadResult['adapter'] = {
      ...report.run,
      ...(report.cpuMsPerRequest !== undefined ? { cpuMsPerRequest: report.cpuMsPerRequest } : {}),
      answered: report.acks.answered + late.viaResponseUrl,
      inAck: report.acks.answered,
      viaResponseUrl: late.viaResponseUrl,
      wrong: report.acks.wrong + late.wrong,
      missing: late.missing,
      loggedProblems: loggedProblems(logFile),
      ...(example ? { example } : {}),
    };

    const ceilingApp = await startCeiling(children);
    const ceiling = await cannon(children, job(`http://127.0.0.1:${ceilingApp.port}/slack/events`, false), ceilingApp.child);
    await children.stop(ceilingApp.child);
    const ceilingRun: LoadRun = {
      ...ceiling.run,
      ...(ceiling.cpuMsPerRequest !== undefined ? { cpuMsPerRequest: ceiling.cpuMsPerRequest } : {}),
    };
    return {
      durationSeconds,
      warmUpSeconds,
      connections,
      users: userCount,
      channels: channelCount,
      loadAverage,
      adapter,
      ceiling: ceilingRun,
    };
  } finally {
    await children.close();
    await started?.close();
    await rm(tmp, { recursive: true, force: true });
  }
}
