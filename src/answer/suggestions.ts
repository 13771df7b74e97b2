import type { FaqEntry } from '../knowledge/types.js';
import type { Answer } from '../types.js';
import type { Analyzer } from './analyzer.js';
import type { PassageIndex } from './passage-index.js';
import type { EntityList } from './passages.js';
import { fold } from './text.js';

/** A question the bot is known to answer, with its terms for matching what someone typed. */
export interface Suggestion {
  text: string;
  terms: Set<string>;
}

/** At most this many generated questions are tried at build time, to bound reload cost. */
const MAX_CANDIDATES = 200;

/**
 * Questions drawn from the knowledge: curated FAQ questions, questions about each list, and
 * questions made from sentence patterns ("X was launched on <date>" → "When was X launched?").
 * Each generated question is asked of the answerer and kept only if it is answered, so a
 * suggestion never leads to "I don't know".
 */
/** What suggestions are built from: an answerer's lists, passages and analyzer, and its answers (no import of it: no cycle). */
export interface SuggestionSource {
  readonly analyzer: Analyzer;
  readonly index: Pick<PassageIndex, 'passages'>;
  readonly lists: readonly EntityList[];
  ask(text: string): Answer;
}

export function buildSuggestions(answerer: SuggestionSource, faq: readonly FaqEntry[]): Suggestion[] {
  const candidates: string[] = [];
  for (const list of answerer.lists) {
    candidates.push(`Who are the ${list.name}?`, `How many ${list.name} are there?`);
  }
  for (const passage of answerer.index.passages) {
    if (candidates.length >= MAX_CANDIDATES) break;
    candidates.push(...questionsFrom(passage.text));
  }
  const seen = new Set<string>();
  const out: Suggestion[] = [];
  const keep = (text: string): void => {
    const key = fold(text);
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ text, terms: new Set(answerer.analyzer.terms(text)) });
  };
  for (const text of candidates.slice(0, MAX_CANDIDATES)) {
    const reply = answerer.ask(text);
    if (reply.kind !== 'unknown' && reply.kind !== 'help') keep(text);
  }
  for (const entry of faq) keep(entry.question);
  return out;
}

/** Questions a sentence answers, by a few English patterns; most sentences give none. */
export function questionsFrom(sentence: string): string[] {
  const out: string[] = [];
  const passive = /^(The\s+)?([\p{Lu}][^,;:]{2,60}?) (was|were) ([a-z]+ed) (on|in|during|at|by) (.+)$/u.exec(sentence);
  if (passive) {
    const [, the = '', subject = '', verb = '', participle = '', preposition = '', rest = ''] = passive;
    const what = `${the}${subject}`.replace(/^The /, 'the ');
    if (/^(on|in)$/.test(preposition) && /\d/.test(rest)) out.push(`When ${verb} ${what} ${participle}?`);
    if (/^(during|at|in)$/.test(preposition) && /^(the\s+)?\p{Lu}/u.test(rest)) out.push(`Where ${verb} ${what} ${participle}?`);
  }
  const role = /^([\p{Lu}][\p{L}'’-]+(?: [\p{Lu}][\p{L}'’-]+){1,3}), ([\p{Lu}][a-z]+) of ([\p{Lu}].{2,60})$/u.exec(sentence);
  if (role) out.push(`Who is the ${role[2]} of ${role[3]}?`);
  const agent = /(?:the )?(\p{Lu}[\p{L}]*(?: \p{Lu}[\p{L}]*)+), ((?:co-)?organi[sz]ed|hosted|led|founded|created) by \p{Lu}/u.exec(
    sentence,
  );
  if (agent) out.push(`Who ${agent[2]} the ${agent[1]}?`);
  const speaker = /\bsaid by (?:(?:Rector|Prof\.?|Professor|Dr\.?|President|Minister) )?(\p{Lu}\p{L}+(?: \p{Lu}\p{L}+)+)/u.exec(sentence);
  if (speaker) out.push(`What did ${speaker[1]} say?`);
  const definite = /^The ([^,;:]{3,50}?) (are|is) /.exec(sentence);
  if (definite && !/ (was|were|will|has|have) /.test(definite[1] ?? '')) out.push(`What ${definite[2]} the ${definite[1]}?`);
  return out;
}

/**
 * The suggestions closest to `typed` (sharing its words, or containing it), best first; with
 * `fill`, the list is topped up with the first suggestions so there are always some.
 */
export function rankSuggestions(pool: readonly Suggestion[], typed: string, analyzer: Analyzer, limit: number, fill = false): string[] {
  const query = fold(typed).trim();
  const terms = analyzer.terms(typed);
  const scored = pool
    .map((s, order) => {
      const shared = terms.filter((t) => s.terms.has(t)).length;
      const contains = query !== '' && fold(s.text).includes(query) ? 1 : 0;
      return { s, order, score: shared + contains * 2 };
    })
    .filter((x) => query === '' || x.score > 0)
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .map((x) => x.s.text);
  if (fill) for (const s of pool) if (!scored.includes(s.text)) scored.push(s.text);
  return scored.slice(0, limit);
}
