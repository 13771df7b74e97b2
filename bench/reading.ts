/**
 * `npx tsx bench/reading.ts`: the reading trade-off. Puts the questions of a SQuAD 2.0-format file
 * (../shared/eval/reading/complexity-theory.json by default, READING_CASES to change) and the
 * alliance question sets (../shared/eval/questions.json and test/answer/golden.json) to the
 * Answerer in process, and prints, for several confidence thresholds, how many answerable
 * questions are answered right and how many unanswerable ones refused: the table in
 * docs/benchmarks.md ("Reading"). READING_VERBOSE=1 prints each miss.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Answerer, type Signals } from '../src/answer/answerer.js';
import { loadKnowledge } from '../src/knowledge/loader.js';
import { parseMarkdown } from '../src/knowledge/markdown.js';
import { checkProblems } from '../src/moderation/checks.js';
import { DEFAULT_KNOWLEDGE_DIR } from '../src/paths.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// SQuAD-format files (comma-separated): the shared complexity-theory article and our own held-out-style articles.
const casesFiles = (
  process.env.READING_CASES ??
  [path.join(root, '../shared/eval/reading/complexity-theory.json'), path.join(root, 'bench/reading/heldout.json')].join(',')
).split(',');
const verbose = process.env.READING_VERBOSE === '1';
const THRESHOLDS = (process.env.READING_THRESHOLDS ?? '0,0.2,0.3,0.35,0.4,0.45,0.5,0.55,0.6').split(',').map(Number);

// The reading scorer's rules (score-reading.mjs): gold text in the reply, case, punctuation and articles ignored.
const ABSTAIN =
  /(don['’]t|do not|didn['’]t|did not|can['’]t|cannot|couldn['’]t|could not) (know|find|answer|help with)|no (good |confident |matching )?answer|not sure|I only (know|answer)|outside (of )?(what|my)/i;
const norm = (s: string): string =>
  ` ${s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\b(a|an|the)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()} `;

interface Squad {
  data: {
    title: string;
    paragraphs: { context: string; qas: { question: string; is_impossible: boolean; answers: { text: string }[] }[] }[];
  }[];
}
interface Row {
  signals?: Signals | undefined;
  answerable: boolean;
  confidence: number;
  right: boolean;
  question: string;
  got: string;
  gold?: string;
}

function readingRows(casesFile: string): Row[] {
  const rows: Row[] = [];
  const squad = JSON.parse(readFileSync(casesFile, 'utf8')) as Squad;
  for (const article of squad.data) {
    const name = article.title.replace(/_/g, ' ');
    const md = `---\ntitle: ${name}\nsubject: ${name}\n---\n\n# ${name}\n\n${article.paragraphs.map((p) => p.context.trim()).join('\n\n')}\n`;
    const parsed = parseMarkdown(`${article.title}.md`, md);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const answerer = new Answerer(
      { documents: [parsed.value], faq: [], checks: [], synonyms: [], subject: name, contentHash: 'x' },
      { threshold: 0 },
    );
    for (const q of article.paragraphs.flatMap((p) => p.qas)) {
      const text = q.question.replace(/\s+/g, ' ').trim();
      const e = answerer.explain(text);
      const a = e.answer;
      const reply = a.text;
      const right =
        !q.is_impossible && !ABSTAIN.test(reply) && reply.length <= 500 && q.answers.some((g) => norm(reply).includes(norm(g.text)));
      rows.push({
        signals: a.kind === 'passage' || a.kind === 'list' ? e.candidates[0]?.signals : undefined,
        answerable: !q.is_impossible,
        // Unrounded, as the answerer compares it with its threshold.
        confidence: a.kind === 'unknown' ? 0 : (e.candidates[0]?.confidence ?? a.confidence),
        right,
        question: text,
        got: reply,
        ...(q.answers[0] ? { gold: q.answers[0].text } : {}),
      });
    }
  }
  return rows;
}

interface Case {
  q: string;
  expect?: string[];
  forbid?: string[];
  abstain?: boolean;
  maxLen?: number;
}
async function allianceRows(file: string): Promise<Row[]> {
  if (!existsSync(file)) return [];
  const set = JSON.parse(readFileSync(file, 'utf8')) as { cases: Case[]; defaults?: { maxLen?: number } };
  const loaded = await loadKnowledge(DEFAULT_KNOWLEDGE_DIR);
  if (!loaded.ok) throw new Error('bench: the shipped knowledge does not load');
  const answerer = new Answerer(loaded.knowledge, { threshold: 0 });
  return set.cases.map((c) => {
    const e = answerer.explain(c.q);
    const a = e.answer;
    const answerable = !c.abstain;
    const problems = checkProblems(
      { expect: c.expect ?? [], forbid: c.forbid ?? [], abstain: false, maxLength: c.maxLen ?? set.defaults?.maxLen ?? 700 },
      a.text,
    );
    return {
      signals: a.kind === 'passage' || a.kind === 'list' ? e.candidates[0]?.signals : undefined,
      answerable,
      confidence: a.kind === 'unknown' ? 0 : a.kind === 'passage' || a.kind === 'faq' || a.kind === 'list' ? a.confidence : 2,
      right: answerable && problems.length === 0,
      question: c.q,
      got: a.text,
    };
  });
}

/** Answerable right and unanswerable refused if the threshold were `t` (an answer below it is a refusal). */
function at(rows: Row[], t: number): { right: number; answerable: number; refused: number; unanswerable: number } {
  const answerable = rows.filter((r) => r.answerable);
  const unanswerable = rows.filter((r) => !r.answerable);
  return {
    right: answerable.filter((r) => r.right && r.confidence >= t && r.confidence > 0).length,
    answerable: answerable.length,
    refused: unanswerable.filter((r) => r.confidence < t || r.confidence === 0).length,
    unanswerable: unanswerable.length,
  };
}

const sets: [string, Row[]][] = [
  ...casesFiles.map((f): [string, Row[]] => [`reading (${path.basename(f, '.json')})`, readingRows(f)]),
  ['alliance dev set', await allianceRows(path.join(root, '../shared/eval/questions.json'))],
  ['alliance golden', await allianceRows(path.join(root, 'test/answer/golden.json'))],
  ['alliance off-topic', await allianceRows(path.join(root, 'bench/reading/alliance-offtopic.json'))],
];
if (verbose) {
  for (const r of sets.flatMap(([, rows]) => rows)) {
    if (r.answerable && !r.right) console.log(`MISS (${r.confidence}) ${r.question} [${r.gold}]\n   ${r.got.slice(0, 300)}`);
    if (!r.answerable && r.confidence > 0) console.log(`ANSWERED (${r.confidence}) ${r.question}\n   ${r.got.slice(0, 200)}`);
  }
}
if (process.env.READING_DUMP) {
  const { writeFileSync } = await import('node:fs');
  writeFileSync(process.env.READING_DUMP, JSON.stringify(sets.map(([name, rows]) => ({ name, rows }))));
}
const pct = (a: number, b: number): string => (b ? `${Math.round((1000 * a) / b) / 10}%` : '—');
console.log(`| threshold | ${sets.map(([name]) => `${name}: answerable right | unanswerable refused`).join(' | ')} |`);
console.log(`|---:|${sets.map(() => '---:|---:').join('|')}|`);
for (const t of THRESHOLDS) {
  const cells = sets.map(([, rows]) => {
    const s = at(rows, t);
    return `${s.right}/${s.answerable} (${pct(s.right, s.answerable)}) | ${s.refused}/${s.unanswerable} (${pct(s.refused, s.unanswerable)})`;
  });
  console.log(`| ${t} | ${cells.join(' | ')} |`);
}
