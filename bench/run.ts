/**
 * `npm run bench`: the speed suite of issue 7. Builds knowledge folders of 1k, 10k and 50k
 * paragraphs from the State of the Union addresses, asks generated questions one at a time and
 * writes docs/benchmarks.md and docs/latency.svg. Not part of `npm test`.
 *
 * Environment: BENCH_SIZES (default 1000,10000,50000), BENCH_QUERIES (default 1000 per size),
 * BENCH_NO_WRITE=1 to print only, BENCH_ONLY=slack to run only the Slack load test (printed, not
 * written; BENCH_SLACK_SECONDS, BENCH_SLACK_PROFILE=<folder> for a CPU profile of the program),
 * BENCH_ONLY=bot to run only the bot's build, heap and latency at BENCH_SIZES (printed, not written).
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Question } from '../src/types.js';
import { paragraphsOf, readSpeeches, sample, writeKnowledge, type Paragraph } from './corpus.js';
import { makeQueries, quotes, type Query } from './queries.js';
import { miniSearchDefaults, miniSearchTuned, type Reference } from './reference.js';
import { chart, markdown, slackSection, slackSummary, type IndexResult, type Results, type SizeResult } from './report.js';
import { discordBurst } from './discord-burst.js';
import { slackLoad } from './slack-load.js';
import { measureStall } from './stall.js';
import { heapAfterGc, ms, summarize, timed, type Latency } from './stats.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// The code under test is the compiled program in dist/ (npm run bench builds it first), as
// production runs it; only the suite itself runs through tsx.
const dist = (module: string): string => pathToFileURL(path.join(root, 'dist', module)).href;
const { createBot } = (await import(dist('src/bot.js'))) as typeof import('../src/bot.js');
const { loadKnowledge } = (await import(dist('src/knowledge/loader.js'))) as typeof import('../src/knowledge/loader.js');
const { Answerer } = (await import(dist('src/answer/answerer.js'))) as typeof import('../src/answer/answerer.js');

/** Loads and builds an Answerer on this thread: what the bot's worker holds, and what it used to do in process. */
async function buildInProcess(dir: string): Promise<unknown> {
  const loaded = await loadKnowledge(dir);
  if (!loaded.ok) throw new Error(`bench: ${dir} does not load`);
  return new Answerer(loaded.knowledge);
}
const { DEFAULT_KNOWLEDGE_DIR } = (await import(dist('src/paths.js'))) as typeof import('../src/paths.js');
const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,50000').split(',').map(Number);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 1000);
const WARM_UP = 50;
const SEED = 7;

const asked = (text: string, isModerator = false): Question => ({
  text,
  platform: 'terminal',
  userId: 'bench',
  channelId: 'bench',
  isModerator,
  userName: 'bench',
});
const log = (line: string): void => void process.stdout.write(`${line}\n`);

type Bot = import('../src/bot.js').AllianceBot;

/** Asks every query one at a time; returns latencies and how many found their paragraph. */
async function askAll(
  bot: Bot,
  queries: readonly Query[],
): Promise<{ latency: Latency; accuracy: number; unknown: number; typoAccuracy: number }> {
  for (const q of queries.slice(0, WARM_UP)) await bot.ask(asked(q.text));
  const times: number[] = [];
  let found = 0;
  let unknown = 0;
  let typoFound = 0;
  for (const q of queries) {
    const started = performance.now();
    const reply = await bot.ask(asked(q.text));
    times.push(performance.now() - started);
    if (reply.kind === 'unknown') unknown++;
    else if (quotes(reply.sources[0]?.quote, q.paragraph)) {
      found++;
      if (q.typo) typoFound++;
    }
  }
  const typos = queries.filter((q) => q.typo).length;
  return {
    latency: summarize(times),
    accuracy: found / queries.length,
    unknown: unknown / queries.length,
    typoAccuracy: typos ? typoFound / typos : 0,
  };
}

async function measureBot(dir: string, queries: readonly Query[]): Promise<{ result: SizeResult['bot']; passages: number; bot: Bot }> {
  const before = heapAfterGc();
  let loaded: Awaited<ReturnType<typeof loadKnowledge>> | undefined = await loadKnowledge(dir);
  const knowledgeHeapBytes = heapAfterGc() - before;
  loaded = undefined;
  void loaded;
  // The bot's answerer lives in a worker, whose heap this thread cannot see: measure the same
  // answerer built here instead.
  let answerer: unknown = await buildInProcess(dir);
  const heapBytes = heapAfterGc() - before;
  answerer = undefined;
  void answerer;
  const { value: bot, ms: buildMs } = await timed(() => createBot({ knowledgeDir: dir }));
  const { ms: reloadMs } = await timed(() => bot.reload(asked('reload', true)));
  const { latency, accuracy, unknown, typoAccuracy } = await askAll(bot, queries);
  return {
    result: { name: 'alliance-bot bot.ask', buildMs, reloadMs, latency, accuracy, unknown, typoAccuracy, heapBytes, knowledgeHeapBytes },
    passages: bot.current().stats.passages,
    bot,
  };
}

function measureReference(
  make: (ps: readonly Paragraph[]) => Reference,
  paragraphs: readonly Paragraph[],
  queries: readonly Query[],
): IndexResult {
  const before = heapAfterGc();
  const started = performance.now();
  const ref = make(paragraphs);
  const buildMs = performance.now() - started;
  const heapBytes = heapAfterGc() - before;
  for (const q of queries.slice(0, WARM_UP)) ref.top(q.text);
  const times: number[] = [];
  let found = 0;
  for (const q of queries) {
    const t = performance.now();
    const id = ref.top(q.text);
    times.push(performance.now() - t);
    if (id === q.paragraph.id) found++;
  }
  return { name: ref.name, buildMs, latency: summarize(times), accuracy: found / queries.length, heapBytes };
}

/** Loads the WorkerAnswerer if this checkout has one (the suite also runs on older commits). */
async function workerModule(): Promise<typeof import('../src/answer/worker.js') | undefined> {
  try {
    return (await import(dist('src/answer/worker.js'))) as typeof import('../src/answer/worker.js');
  } catch {
    return undefined;
  }
}

async function measureStalls(dir: string, bot: Bot, queries: readonly Query[], paragraphs: number): Promise<Results['stall']> {
  const texts = queries.map((q) => q.text);
  let i = 0;
  const next = (): string => texts[i++ % texts.length] as string;
  const usualTimes: number[] = [];
  for (let k = 0; k < 300; k++) {
    const t = performance.now();
    await bot.ask(asked(next()));
    usualTimes.push(performance.now() - t);
  }
  const inProcess = await measureStall(
    () => buildInProcess(dir),
    () => bot.ask(asked(next())),
  );
  log(
    `  stall in-process: loop max ${ms(inProcess.loopMaxMs)} ms, asked p99 ${ms(inProcess.asked.p99)} ms, max ${ms(inProcess.asked.max)} ms`,
  );
  const mod = await workerModule();
  if (!mod) return { paragraphs, usual: summarize(usualTimes), inProcess };
  const { ms: workerStartMs } = await timed(() => mod.WorkerAnswerer.start(dir).then((w) => w.close()));
  const worker = await measureStall(
    () => bot.reload(asked('reload', true)),
    () => bot.ask(asked(next())),
  );
  log(`  stall worker: loop max ${ms(worker.loopMaxMs)} ms, asked p99 ${ms(worker.asked.p99)} ms, max ${ms(worker.asked.max)} ms`);
  return { paragraphs, usual: summarize(usualTimes), inProcess, worker, workerStartMs };
}

/**
 * The Slack load test (bench/slack-load.ts): the compiled program and a bare Bolt app, each loaded
 * by autocannon from its own process. BENCH_SLACK_SECONDS sets the measured seconds per app.
 */
async function runSlack(): Promise<Results['slack']> {
  const slack = await slackLoad({
    durationSeconds: Number(process.env.BENCH_SLACK_SECONDS ?? 10),
    cpuProfileDir: process.env.BENCH_SLACK_PROFILE || undefined,
  });
  log(`slack: ${slackSummary(slack)}`);
  return slack;
}

async function main(): Promise<void> {
  // BENCH_ONLY=slack: the Slack load test alone, printed with its section of benchmarks.md;
  // nothing is written (the document holds one whole run).
  if (process.env.BENCH_ONLY === 'slack') {
    log(slackSection(await runSlack()));
    return;
  }
  // BENCH_ONLY=bot: build time, heap and latency of the bot alone at BENCH_SIZES, printed (for
  // before/after comparisons of the answerer; nothing is written).
  if (process.env.BENCH_ONLY === 'bot') {
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'alliance-bench-'));
    try {
      await loadKnowledge(DEFAULT_KNOWLEDGE_DIR);
      const all = paragraphsOf(readSpeeches());
      for (const size of SIZES) {
        const paragraphs = sample(all, size);
        const dir = path.join(tmp, `kb-${size}`);
        const textBytes = await writeKnowledge(dir, paragraphs);
        const queries = makeQueries(paragraphs, QUERIES, SEED + size);
        const { result, passages, bot } = await measureBot(dir, queries);
        log(
          `${size} paragraphs (${(textBytes / 1e6).toFixed(1)} MB, ${passages} passages): build ${ms(result.buildMs)} ms, reload ${ms(result.reloadMs)} ms, heap ${(result.heapBytes / 1e6).toFixed(1)} MB, p50 ${ms(result.latency.p50)} p99 ${ms(result.latency.p99)} max ${ms(result.latency.max)} ms, top-1 ${(result.accuracy * 100).toFixed(1)}% (unknown ${(result.unknown * 100).toFixed(1)}%)`,
        );
        await bot.close();
      }
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
    return;
  }
  const started = performance.now();
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'alliance-bench-'));
  try {
    // Load a folder once before measuring: the first load sets up the YAML parser and compiles
    // the loader's code, which would otherwise count as the first size's knowledge base.
    await loadKnowledge(DEFAULT_KNOWLEDGE_DIR);
    const all = paragraphsOf(readSpeeches());
    log(`corpus: ${all.length} paragraphs`);
    const sizes: SizeResult[] = [];
    let typo = 0;
    let question = 0;
    let stall: Results['stall'];
    for (const size of SIZES) {
      const paragraphs = sample(all, size);
      const dir = path.join(tmp, `kb-${size}`);
      const textBytes = await writeKnowledge(dir, paragraphs);
      const queries = makeQueries(paragraphs, QUERIES, SEED + size);
      typo += queries.filter((q) => q.typo).length;
      question += queries.filter((q) => q.question).length;
      log(`${paragraphs.length} paragraphs (${(textBytes / 1e6).toFixed(1)} MB), ${queries.length} questions`);
      const { result, passages, bot } = await measureBot(dir, queries);
      log(
        `  bot: build ${ms(result.buildMs)} ms, p50 ${ms(result.latency.p50)} p99 ${ms(result.latency.p99)} max ${ms(result.latency.max)} ms, top-1 ${(result.accuracy * 100).toFixed(1)}% (unknown ${(result.unknown * 100).toFixed(1)}%, with a typo ${(result.typoAccuracy * 100).toFixed(1)}%)`,
      );
      if (size === Math.max(...SIZES)) stall = await measureStalls(dir, bot, queries, paragraphs.length);
      const references: IndexResult[] = [];
      for (const make of [miniSearchDefaults, miniSearchTuned]) {
        const r = measureReference(make, paragraphs, queries);
        log(`  ${r.name}: p50 ${ms(r.latency.p50)} p99 ${ms(r.latency.p99)} ms, top-1 ${(r.accuracy * 100).toFixed(1)}%`);
        references.push(r);
      }
      sizes.push({ paragraphs: paragraphs.length, textBytes, passages, queries: queries.length, bot: result, references });
    }

    // The shipped knowledge: the golden questions, asked over and over.
    const golden = (JSON.parse(readFileSync(path.join(root, 'test/answer/golden.json'), 'utf8')) as { cases: { q: string }[] }).cases.map(
      (c) => c.q,
    );
    const before = heapAfterGc();
    const { value: shippedBot, ms: shippedBuild } = await timed(() => createBot({ knowledgeDir: DEFAULT_KNOWLEDGE_DIR }));
    const shippedHeap = heapAfterGc() - before;
    // Warm means JIT-compiled: a few dozen passes over the questions first.
    for (let round = 0; round < 30; round++) for (const q of golden) await shippedBot.ask(asked(q));
    const times: number[] = [];
    for (let _round = 0; times.length < 2000; _round++) {
      for (const q of golden) {
        const t = performance.now();
        await shippedBot.ask(asked(q));
        times.push(performance.now() - t);
      }
    }
    const shipped = { latency: summarize(times), asks: times.length, buildMs: shippedBuild, heapBytes: shippedHeap };
    log(`shipped knowledge/: p50 ${ms(shipped.latency.p50)} p99 ${ms(shipped.latency.p99)} max ${ms(shipped.latency.max)} ms`);

    // 200 Discord interactions at once through the fake gateway, answered by the shipped knowledge.
    const discordAdapter = (await import(dist('adapters/discord/index.js'))) as typeof import('../adapters/discord/index.js');
    const loggerModule = (await import(dist('src/logger.js'))) as typeof import('../src/logger.js');
    const discord = await discordBurst(shippedBot, discordAdapter, loggerModule);
    log(`discord burst: ${discord.answered}/${discord.interactions} answered, last after ${ms(discord.answer.max)} ms`);

    // The program in Slack HTTP mode under autocannon, against a bare Bolt app that only acknowledges.
    const slack = await runSlack();

    const cpus = os.cpus();
    const total = sizes.reduce((n, s) => n + s.queries, 0);
    const results: Results = {
      date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
      machine: {
        nproc: os.availableParallelism(),
        memoryGb: Math.round(os.totalmem() / 2 ** 30),
        node: process.version,
        cpu: cpus[0]?.model.trim() ?? 'unknown',
      },
      command: 'npm run bench',
      querySeed: `${SEED} + size`,
      queryMix: { typo: typo / total, question: question / total },
      sizes,
      shipped,
      discord,
      slack,
      ...(stall ? { stall } : {}),
      totalSeconds: (performance.now() - started) / 1000,
    };
    if (process.env.BENCH_NO_WRITE) {
      log(JSON.stringify(results, null, 1));
      return;
    }
    const baselineFile = path.join(root, 'bench/baseline.md');
    // The "Languages" section comes from `npm run bench:language` (bench/language/run.ts); the
    // "Reading" section is kept by hand too (bench/reading.md, its numbers from bench/reading.ts).
    const languagesFile = path.join(root, 'bench/language/languages.md');
    // "Several instances" comes from bench/slack-scale.ts, which needs Redis and PostgreSQL running.
    const instancesFile = path.join(root, 'bench/several-instances.md');
    const baseline = [instancesFile, languagesFile, baselineFile]
      .filter((f) => existsSync(f))
      .map((f) => readFileSync(f, 'utf8').trim())
      .join('\n\n');
    const readingFile = path.join(root, 'bench/reading.md');
    const reading = existsSync(readingFile) ? `\n${readFileSync(readingFile, 'utf8').trim()}\n` : '';
    await writeFile(path.join(root, 'docs/benchmarks.md'), `${markdown(results, baseline).trimEnd()}\n${reading}`);
    await writeFile(path.join(root, 'docs/latency.svg'), chart(results));
    await writeFile(path.join(root, 'bench/results.json'), `${JSON.stringify(results, null, 1)}\n`);
    log(`wrote docs/benchmarks.md and docs/latency.svg (${results.totalSeconds.toFixed(0)} s)`);
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
