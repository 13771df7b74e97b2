/**
 * The "Languages" section of docs/benchmarks.md (issue 15): language detection on short questions
 * (our own set, bench/language/<lang>.txt, 101 questions per language, plus the English questions
 * of test/answer/golden.json and the shared dev set) for each candidate detector, and the bot's
 * answer accuracy per language (bench/language/answers.json, plus the shared eval's "lang" tier).
 *
 *     npm run bench:language
 *
 * Writes bench/language/languages.md and puts it in docs/benchmarks.md (bench/run.ts keeps it there).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { franc } from 'franc-min';
import { detect as tinyld } from 'tinyld';
import { createBot } from '../../src/bot.js';
import { createConversation } from '../../src/conversation/conversation.js';
import { detectLanguage } from '../../src/language/detect.js';
import { createLanguageStage } from '../../src/language/stage.js';
import { LANGUAGES } from '../../src/language/types.js';
import { createMemoryState } from '../../src/state/memory.js';
import type { Question } from '../../src/types.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const OTHERS = LANGUAGES.filter((l) => l !== 'en');
const lines = (file: string): string[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
const cases = (file: string): { q: string; tier?: string; expect?: string[]; forbid?: string[]; abstain?: boolean }[] =>
  existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).cases : [];

const sets: Record<string, string[]> = Object.fromEntries(OTHERS.map((l) => [l, lines(path.join(root, `bench/language/${l}.txt`))]));
sets.en = [...cases(path.join(root, 'test/answer/golden.json')), ...cases(path.join(root, '../shared/eval/questions.json'))].map(
  (c) => c.q,
);

type Detect = (text: string) => string | Promise<string>;
const ISO3: Record<string, string> = { ita: 'it', spa: 'es', fra: 'fr', deu: 'de', por: 'pt', rus: 'ru', cmn: 'zh', eng: 'en' };

async function eld(size: string): Promise<Detect> {
  const { eld: detector } = await import(`eld/${size}`);
  detector.setLanguageSubset([...LANGUAGES]);
  return (t) => detector.detect(t).language;
}

/** Load time and memory of a detector, in a fresh process. */
function cost(spec: string): { ms: number; mb: number } {
  const script = `const r0 = process.memoryUsage().rss; const t0 = performance.now(); await import('${spec}'); const ms = performance.now() - t0; global.gc?.(); console.log(JSON.stringify({ ms, mb: (process.memoryUsage().rss - r0) / 1e6 }));`;
  const run = spawnSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
  return JSON.parse(run.stdout.trim());
}

async function detection(): Promise<string[]> {
  const detectors: [string, string, Detect][] = [
    ['eld (extrasmall), raw', 'eld/extrasmall', await eld('extrasmall')],
    ['eld (small), raw', 'eld/small', await eld('small')],
    ['tinyld, raw', 'tinyld', (t) => tinyld(t, { only: [...LANGUAGES] })],
    ['franc-min, raw', 'franc-min', (t) => ISO3[franc(t, { only: Object.keys(ISO3), minLength: 1 })] ?? 'und'],
    ['**the bot** (script, eld extrasmall, English guard)', 'eld/extrasmall', async (t) => (await detectLanguage(t)).lang],
  ];
  const order = [...OTHERS, 'en'];
  const rows = [
    `| detector | ${order.map((l) => `${l} (${sets[l]?.length})`).join(' | ')} | all | µs/question | load | memory |`,
    `| --- | ${order.map(() => '---:').join(' | ')} | ---: | ---: | ---: | ---: |`,
  ];
  for (const [name, spec, detect] of detectors) {
    let right = 0;
    let total = 0;
    const cells: string[] = [];
    const t0 = performance.now();
    for (const lang of order) {
      const questions = sets[lang] ?? [];
      let ok = 0;
      for (const q of questions) if ((await detect(q)) === lang) ok++;
      right += ok;
      total += questions.length;
      cells.push(`${((100 * ok) / questions.length).toFixed(1)}%`);
    }
    const us = ((performance.now() - t0) * 1000) / total;
    const { ms, mb } = cost(spec);
    rows.push(
      `| ${name} | ${cells.join(' | ')} | ${((100 * right) / total).toFixed(1)}% | ${us.toFixed(0)} | ${ms.toFixed(0)} ms | ${mb.toFixed(0)} MB |`,
    );
  }
  return rows;
}

const ABSTAIN =
  /(don['’]t|do not|can['’]t|cannot) (know|find|answer)|non (lo )?so(?!\p{L})|no (lo )?sé(?!\p{L})|ne sais pas|weiß (es |das )?nicht|não sei|не знаю|不知道/iu;

async function answers(): Promise<string[]> {
  const own = cases(path.join(root, 'bench/language/answers.json'));
  const shared = cases(path.join(root, '../shared/eval/capabilities.json')).filter((c) => c.tier === 'lang');
  const core = await createBot({ knowledgeDir: path.join(root, 'knowledge') });
  // As the entry points ask: the conversation layer reads the language. Each question in a
  // conversation of its own, so none is read as a follow-up of the one before.
  const bot = createConversation(core, { state: createMemoryState(), language: createLanguageStage(() => core.language()) });
  let asked = 0;
  const question = (text: string): Question => ({
    text,
    platform: 'terminal',
    userId: `b${asked}`,
    channelId: `b${asked++}`,
    isModerator: true,
  });
  const byLang = new Map<string, { ok: number; total: number; ms: number[] }>();
  const all = [...own, ...shared];
  for (const c of all) {
    const lang = (await detectLanguage(c.q)).lang;
    const t0 = performance.now();
    const a = await bot.ask(question(c.q));
    const ms = performance.now() - t0;
    const text = a.text;
    const pass =
      (!c.abstain || ABSTAIN.test(text)) &&
      (c.expect ?? []).every((re) => new RegExp(re, 'iu').test(text)) &&
      !(c.forbid ?? []).some((re) => new RegExp(re, 'iu').test(text));
    const row = byLang.get(lang) ?? { ok: 0, total: 0, ms: [] };
    row.total++;
    if (pass) row.ok++;
    row.ms.push(ms);
    byLang.set(lang, row);
  }
  await core.close();
  const rows = ['| language | answered right | median ms per question |', '| --- | ---: | ---: |'];
  for (const lang of OTHERS) {
    const r = byLang.get(lang);
    if (!r) continue;
    const sorted = [...r.ms].sort((a, b) => a - b);
    rows.push(`| ${lang} | ${r.ok}/${r.total} | ${(sorted[Math.floor(sorted.length / 2)] ?? 0).toFixed(2)} |`);
  }
  return [`${own.length} of our questions (bench/language/answers.json) and the shared eval's ${shared.length} "lang" cases:`, '', ...rows];
}

async function main(): Promise<void> {
  const section = [
    '## Languages',
    '',
    `Written by \`npm run bench:language\` (bench/language/run.ts), ${new Date().toISOString().slice(0, 10)}.`,
    '',
    '### Language detection on short questions',
    '',
    'Our own set of short questions, 101 per language, written for this benchmark',
    '(bench/language/<lang>.txt: about the alliance, study, and everyday things), and the English',
    'questions of test/answer/golden.json and the shared dev set. Each detector is limited to the eight',
    'languages the bot reads. Load time and memory are measured in a fresh process.',
    '',
    ...(await detection()),
    '',
    "The bot uses eld's smallest database, loaded on the first question that is not plainly English:",
    'as accurate on these questions as the larger ones within a question or two, at half the memory.',
    'Script decides Chinese and Russian, "¿"/"¡" Spanish, a one-word greeting its language; English',
    "wins when its function words outnumber the other language's (names aside), and short, mixed or",
    "uncertain text falls back to the platform's locale, then to English. An English question that",
    'opens with a question word never reaches the detector (a regular expression, about a microsecond)',
    'and is asked of the core in the same tick, so English answers and their speed are as before.',
    '',
    '### Answers per language',
    '',
    ...(await answers()),
  ].join('\n');
  const file = path.join(root, 'bench/language/languages.md');
  writeFileSync(file, `${section}\n`);
  // Biome formats Markdown under bench/ (npm test checks it): its table layout is the one kept.
  spawnSync(path.join(root, 'node_modules/.bin/biome'), ['format', '--write', file], { cwd: root });
  const formatted = readFileSync(file, 'utf8').trimEnd();
  const docs = path.join(root, 'docs/benchmarks.md');
  const current = readFileSync(docs, 'utf8');
  const start = current.indexOf('## Languages');
  const next = start >= 0 ? current.indexOf('\n## ', start + 1) : -1;
  const updated =
    start >= 0
      ? `${current.slice(0, start)}${formatted}\n${next >= 0 ? current.slice(next) : ''}`
      : current.replace('\n## Before the speed work', `\n${formatted}\n\n## Before the speed work`);
  writeFileSync(docs, updated);
  process.stdout.write(`${formatted}\n`);
}

await main();
