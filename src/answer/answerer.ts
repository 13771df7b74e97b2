import type { FaqEntry, KnowledgeBase } from '../knowledge/types.js';
import type { Answer, AnswerFacts, Platform } from '../types.js';
import { Analyzer } from './analyzer.js';
import { answer, countText, listText, membershipText, passageText, sourceOf } from './compose.js';
import { findEntity } from './entities.js';
import { contradicts } from './polarity.js';
import { FactsAnswerer } from './facts/answer.js';
import { buildFacts } from './facts/extract.js';
import { PassageIndex, type ResolvedTerm } from './passage-index.js';
import { buildPassages, collectTerms, type EntityList, type Passage } from './passages.js';
import { Spelling } from './spelling.js';
import { fold } from './text.js';
import type { ValueType } from './tagger.js';
import { readQuestion, type ReadQuestion, type Shape } from './question.js';
import { buildSuggestions, rankSuggestions, type Suggestion } from './suggestions.js';

/**
 * Below this confidence the bot says it does not know. Calibrated on the alliance sets and a
 * reading-comprehension set together (`npx tsx bench/reading.ts` prints the trade-off).
 */
export const CONFIDENCE_THRESHOLD = 0.1;

/** How an {@link Answerer} decides; every field has a default. */
export interface AnswererOptions {
  /** Confidence below which it says it does not know (default {@link CONFIDENCE_THRESHOLD}). */
  threshold?: number;
}
/** Terms naming the main subject count this much: nearly every passage is about it. */
const SUBJECT_WEIGHT = 0.3;
/** A match in the section heading or title counts this much of a match in the sentence. */
const CONTEXT_MATCH = 0.5;
const CANDIDATES = 40;
/** How much having what the shape asks for counts; a "when" question without a date is barely answered. */
const SHAPE_BONUS: Partial<Record<Shape, number>> = { when: 0.3 };
const UNKNOWN_WEIGHT = 1.5;
const STRICT_SHAPES: ReadonlySet<Shape> = new Set(['when', 'count']);
/** Coverage kept when no word of the question itself is in the passage, only synonyms or corrections. */
const SYNONYMS_ONLY = 0.85;
/** The best few candidates are re-read for the order and closeness of the question's words … */
const REREAD = 6;
/** … which add at most this much (all of them in the question's order) … */
const ORDER_WEIGHT = 0.05;
/** … and this much (the question's words side by side). */
const PROXIMITY_WEIGHT = 0.05;
/** … and this much (every pair of neighbouring words of the question, stop words included, in the passage). */
const PHRASE_WEIGHT = 0.1;
/** A match in the sentence before counts this much: it is often what "it" or "this" stands for. */
const PREVIOUS_MATCH = 0.4;
/** Confidence before the evidence, and how much coverage adds to it … */
const BASE_CONFIDENCE = 0.1;
const COVERAGE_WEIGHT = 1;
/** … less per share of the question's weight in the heaviest idea the best passage lacks … */
const MISSING_PENALTY = 0.2;
/** … and in the heaviest idea the whole knowledge lacks. */
const UNKNOWN_PENALTY = 0.4;
/** Confidence lost when a "when" or "how many" question gets a passage without a date or number it does not state. */
const LACKS_TYPE_PENALTY = 0.6;
/** Confidence lost when a yes/no question has an idea the passage lacks: the sentence does not say yes. */
const YES_NO_MISSING_PENALTY = 0.5;
/** Confidence lost when a capitalised name of the question that the knowledge has is missing from the passage. */
const MISSING_NAME_PENALTY = 0.5;
/**
 * Confidence lost when the question has a weighty word the knowledge lacks and the passage matches
 * at most one other idea of it ("the president of France" against a sentence that only says
 * "France"): a question about something else that shares one word with the text.
 */
const NARROW_UNKNOWN_PENALTY = 0.1;
/** Confidence gained when the passage holds a thing of the asked type the question does not state. */
const VALUE_BONUS = 0;
/** Confidence gained by a clear lead over the runner-up (0.2 of rank or more counts in full). */
const MARGIN_WEIGHT = 0;
/** A runner-up this close to the best is quoted too, when both fit in … */
const RUNNER_UP_WINDOW = 0.5;
/** … this many characters (the reply stays under 500) … */
const TWO_SENTENCES_MAX = 470;
/** … up to this many sentences. */
const MAX_SENTENCES = 3;

/** One passage weighed against a question (also what `kb why` shows). */
export interface Candidate {
  passage: Passage;
  /** What the passage is: a document sentence, an extracted list, or a curated FAQ phrasing. */
  kind: 'passage' | 'list' | 'faq';
  /** Share of the question's weight the passage covers, 0..1. */
  coverage: number;
  /** Coverage plus shape evidence plus a BM25 tie-breaker: what ranks candidates. */
  rank: number;
  /** Whether the passage has what the question's shape asks for (a date for "when", …). */
  shapeMatch: boolean;
  /** How sure the answer is, what the threshold is compared with (set for the best candidate; else its coverage). */
  confidence: number;
  /** Share of the question's weight in the heaviest idea the passage lacks entirely, 0..1. */
  missing: number;
  /** The short answer of the asked type the passage holds ("1965"), when the question asks for one. */
  value?: string;
  /** For the best candidate: what its confidence was made of. */
  signals?: Signals;
}

/** What the confidence in the best candidate is made of (see {@link confidenceOf}). */
export interface Signals {
  /** Share of the question's weight it covers, 0..1 (halved when it lacks what a "when"/"how many" asks). */
  coverage: number;
  /** The same, of the weight of the question's words the knowledge has somewhere. */
  knownCoverage: number;
  /** Share of the question's weight in the heaviest idea it lacks entirely. */
  missing: number;
  /** Share of the question's weight in the heaviest idea the whole knowledge lacks. */
  unknown: number;
  /** Whether it holds a thing of the asked type that the question does not state. */
  value: boolean;
  /** Whether the question asks for a date or a number and it states none the question does not. */
  lacksType: boolean;
  /** Its lead in rank over the runner-up. */
  margin: number;
  /** Whether the question says the opposite ("not", "least" for "most"). */
  contrary: boolean;
  /** Whether it is a yes/no question, which a sentence answers only if it states all that is asked. */
  yesNo: boolean;
  /**
   * Whether a name the question writes with a capital ("Berlin", "French") is nowhere in it, its
   * heading or the sentence before, though the knowledge has it: the usual trick question swaps one
   * name for another the text mentions elsewhere.
   */
  missingName: boolean;
  /** How many ideas of the question, the main subject aside, it matches at all. */
  matchedIdeas: number;
}

/**
 * How sure an answer is, 0..1, from what tells a question the text answers from one it does not
 * on any text: a question about something the knowledge never mentions (an unknown weighty
 * word), one that says the opposite of the sentence, one the sentence covers poorly or lacks a
 * weighty idea of. Paraphrase lowers coverage too, so coverage counts only in part: a refusal of
 * an answerable question costs more than a quoted, sourced sentence in reply to a trick question.
 */
export function confidenceOf(s: Signals): number {
  if (s.contrary) return 0;
  const confidence =
    BASE_CONFIDENCE +
    COVERAGE_WEIGHT * s.coverage -
    MISSING_PENALTY * s.missing -
    UNKNOWN_PENALTY * s.unknown +
    (s.value ? VALUE_BONUS : 0) -
    (s.lacksType ? LACKS_TYPE_PENALTY : 0) -
    (s.yesNo && s.missing > 0 ? YES_NO_MISSING_PENALTY : 0) -
    (s.missingName ? MISSING_NAME_PENALTY : 0) -
    (s.unknown > 0 && s.matchedIdeas <= 1 ? NARROW_UNKNOWN_PENALTY : 0) +
    MARGIN_WEIGHT * Math.min(1, s.margin / 0.2);
  return Math.max(0, Math.min(1, confidence));
}

/** How a question was understood and weighed: the answer's reasoning, for moderators. */
export interface Explanation {
  question: ReadQuestion;
  terms: { term: string; weight: number; alternatives: string[] }[];
  candidates: Candidate[];
  threshold: number;
  answer: Answer;
  /** The entities the answer names, with the attributes the facts layer extracted (issue 13). */
  entities?: string[];
}

/** One idea of the question: a word, or a multi-word name counted once ("United States"). */
interface WeightedTerm {
  term: string;
  /** The words of the idea as the index resolved them; a passage matches the idea by their average. */
  parts: ResolvedTerm[];
  weight: number;
  /** Whether it names the main subject, which nearly every passage is about. */
  subject: boolean;
}

/**
 * How close together the question's terms stand in a passage's terms: the number of distinct
 * question terms in the shortest window holding all of them, over the window's length (1 when
 * they stand side by side), 0 with fewer than two of them.
 */
export function proximity(wanted: ReadonlySet<string>, text: readonly string[]): number {
  const positions: { at: number; term: string }[] = [];
  text.forEach((term, at) => {
    if (wanted.has(term)) positions.push({ at, term });
  });
  const distinct = new Set(positions.map((p) => p.term)).size;
  if (distinct < 2) return 0;
  // Shortest window holding every distinct matched term (two pointers over the positions).
  const inWindow = new Map<string, number>();
  let best = Infinity;
  let left = 0;
  for (const p of positions) {
    inWindow.set(p.term, (inWindow.get(p.term) ?? 0) + 1);
    while (inWindow.size === distinct) {
      const first = positions[left] as { at: number; term: string };
      best = Math.min(best, p.at - first.at + 1);
      const n = (inWindow.get(first.term) ?? 1) - 1;
      if (n === 0) inWindow.delete(first.term);
      else inWindow.set(first.term, n);
      left++;
    }
  }
  return distinct / best;
}

/** Neighbouring word pairs of a text, folded, stop words kept ("referred to", "to as"). */
export function wordPairs(text: string): Set<string> {
  const words = fold(text).match(/[\p{L}\p{N}]+/gu) ?? [];
  const pairs = new Set<string>();
  for (let i = 1; i < words.length; i++) pairs.add(`${words[i - 1]} ${words[i]}`);
  return pairs;
}

/**
 * Share of a question's word pairs found in a passage: a question often keeps the passage's
 * phrasing ("is referred to as", "one of the"), function words included, which stems alone lose.
 */
export function sharedPairs(pairs: ReadonlySet<string>, text: string): number {
  if (pairs.size === 0) return 0;
  const own = wordPairs(text);
  let shared = 0;
  for (const p of pairs) if (own.has(p)) shared++;
  return shared / pairs.size;
}

/** Share of `wanted` found in `text` in the same order (longest common subsequence), 0..1. */
export function inOrderShare(wanted: readonly string[], text: readonly string[]): number {
  if (wanted.length === 0) return 0;
  // One row of the LCS table, over the question's terms; the passage's terms run down.
  const row = new Uint16Array(wanted.length + 1);
  for (const term of text) {
    let diagonal = 0;
    for (let i = 1; i <= wanted.length; i++) {
      const above = row[i] as number;
      row[i] = wanted[i - 1] === term ? diagonal + 1 : Math.max(above, row[i - 1] as number);
      diagonal = above;
    }
  }
  return (row[wanted.length] as number) / wanted.length;
}

const FAQ_DOCUMENT = (entry: FaqEntry) => ({ file: entry.file, title: `FAQ (${entry.file})` });

/**
 * Answers questions from one loaded knowledge base. Immutable once built: a reload builds a new
 * Answerer and the bot swaps it in, so a question never sees half a knowledge base.
 */
export class Answerer {
  readonly analyzer: Analyzer;
  readonly index: PassageIndex;
  readonly lists: EntityList[];
  private readonly subjectTerms: Set<string>;
  private readonly faqByPassage = new Map<number, FaqEntry>();
  private suggestionPool: Suggestion[] = [];
  /** Facts about the things the knowledge lists (issue 13): filter, count, describe, define. */
  readonly facts: FactsAnswerer;

  /** Confidence below which it says it does not know. */
  readonly threshold: number;

  constructor(
    readonly knowledge: KnowledgeBase,
    options: AnswererOptions = {},
  ) {
    this.threshold = options.threshold ?? CONFIDENCE_THRESHOLD;
    this.analyzer = new Analyzer(knowledge.synonyms);
    const { passages, lists, words } = buildPassages(knowledge.documents, this.analyzer);
    // Every phrasing of a curated FAQ entry is a passage too, so it shares the vocabulary and IDF.
    const subjectTerms = this.analyzer.terms(knowledge.subject);
    for (const entry of knowledge.faq) {
      for (const phrasing of [entry.question, ...entry.alternates]) {
        const id = passages.length;
        // A phrasing read like a question: "it" in "Who founded it?" is the main subject.
        const read = readQuestion(phrasing, this.analyzer);
        const terms = new Set([...collectTerms(this.analyzer, phrasing, words), ...(read.pronoun ? subjectTerms : [])]);
        passages.push({
          id,
          doc: FAQ_DOCUMENT(entry),
          text: phrasing,
          terms,
          contextTerms: new Set(subjectTerms),
          tags: [],
          hasDate: false,
          hasNumber: false,
          hasPlace: false,
          hasNames: false,
        });
        this.faqByPassage.set(id, entry);
      }
    }
    this.lists = lists;
    this.index = new PassageIndex(passages, this.analyzer, new Spelling(words));
    this.subjectTerms = new Set(subjectTerms);
    // --- facts hook (issue 13): entities with attributes, built beside the passage index.
    this.facts = new FactsAnswerer(buildFacts(knowledge, this.analyzer), this.analyzer, knowledge.faq);
    this.suggestionPool = buildSuggestions(this, knowledge.faq);
  }

  /** Numbers for reports: documents, passages (FAQ phrasings excluded), FAQ entries. */
  get stats(): { documents: number; passages: number; faqEntries: number } {
    return {
      documents: this.knowledge.documents.length,
      passages: this.index.passages.length - this.faqByPassage.size,
      faqEntries: this.knowledge.faq.length,
    };
  }

  /** Answers a cleaned question. */
  ask(text: string): Answer {
    return this.reason(text).reply;
  }

  /** Answers a cleaned question and says why. */
  explain(text: string): Explanation {
    const { question, terms, candidates, reply } = this.reason(text);
    return {
      question,
      terms: terms.map((t) => ({
        term: t.term,
        weight: Math.round(t.weight * 100) / 100,
        alternatives: t.parts.flatMap((p) => p.alternatives.map((a) => a.term)),
      })),
      candidates: candidates.slice(0, 5),
      threshold: this.threshold,
      answer: reply,
      ...(reply.facts?.entities?.length ? { entities: this.facts.explainEntities(reply.facts.entities) } : {}),
    };
  }

  /** What ask and explain share: the question read, weighed, matched and answered. */
  private reason(text: string): { question: ReadQuestion; terms: WeightedTerm[]; candidates: Candidate[]; reply: Answer } {
    const question = readQuestion(text, this.analyzer, (word) => this.index.knowsWord(word));
    const terms = this.weigh(question);
    // Structured answers (the things the documents list and their attributes) belong here, before
    // sentences are ranked: a question they answer needs no passage.
    const candidates = question.meta || terms.length === 0 ? [] : this.rank(question, terms);
    // --- facts hook (issue 13): a confident facts answer first, else the passage answer kept honest.
    const reply = this.facts.settle(question.text, this.compose(question, terms, candidates), {
      meta: question.meta !== undefined,
      unknown: () => this.unknown(question),
    });
    return { question, terms, candidates, reply };
  }

  /** The usage reply. */
  help(_platform: Platform): Answer {
    const examples = this.suggestionPool.slice(0, 3).map((s) => s.text);
    const text =
      `I answer questions about the ${this.knowledge.subject} from ${this.stats.documents} document(s)` +
      `${this.stats.faqEntries ? ` and ${this.stats.faqEntries} curated FAQ entries` : ''}. Ask me a question in plain words` +
      `${examples.length ? `, for example: ${examples.map((e) => `"${e}"`).join(', ')}` : ''}. ` +
      "Every answer names its source; when I don't know, I say so.";
    return answer('help', text, 1, [], examples);
  }

  /** Questions the bot can answer that contain what was typed (for autocomplete). */
  suggest(typed: string, limit: number): string[] {
    return rankSuggestions(this.suggestionPool, typed, this.analyzer, limit);
  }

  /** Question ideas with their weights: IDF, lowered for the main subject; a name counts once. */
  private weigh(question: ReadQuestion): WeightedTerm[] {
    const terms = [...new Set(question.terms)];
    if (question.pronoun) for (const t of this.subjectTerms) if (!terms.includes(t)) terms.push(t);
    const resolved = new Map(terms.map((t) => [t, this.index.resolve(t, question.words[t])]));
    // A misspelt subject ("allianse") is still the subject.
    // Who is reported ("what did the president say about …") weighs like the subject: context, not topic.
    const speaker = new Set(question.speaker);
    const isSubject = (r: ResolvedTerm): boolean =>
      speaker.has(r.term) ||
      this.subjectTerms.has(r.term) ||
      (!this.index.has(r.term) && this.subjectTerms.has(r.alternatives[0]?.term ?? ''));
    // A word the knowledge has nowhere, not even as a synonym or typo, says the question is about something else.
    const weightOf = (r: ResolvedTerm): number => (r.alternatives.length === 0 ? r.idf * UNKNOWN_WEIGHT : r.idf);
    const ideas: WeightedTerm[] = [];
    const grouped = new Set<string>();
    for (const name of question.names) {
      const parts = name.filter((t) => resolved.has(t) && !grouped.has(t)).map((t) => resolved.get(t) as ResolvedTerm);
      if (parts.length < 2) continue;
      for (const p of parts) grouped.add(p.term);
      const subject = parts.every(isSubject);
      ideas.push({
        term: parts.map((p) => p.term).join(' '),
        parts,
        subject,
        weight: Math.max(...parts.map(weightOf)) * (subject ? SUBJECT_WEIGHT : 1),
      });
    }
    for (const [term, r] of resolved) {
      if (grouped.has(term)) continue;
      const subject = isSubject(r);
      ideas.push({ term, parts: [r], subject, weight: weightOf(r) * (subject ? SUBJECT_WEIGHT : 1) });
    }
    return ideas;
  }

  /** How well a passage matches one idea: 1 for its own words in the sentence, less for synonyms, typos, headings. */
  private match(passage: Passage, idea: WeightedTerm): number {
    let sum = 0;
    for (const part of idea.parts) {
      let best = 0;
      for (const alt of part.alternatives) {
        const m = passage.terms.has(alt.term)
          ? alt.weight
          : passage.contextTerms.has(alt.term)
            ? alt.weight * CONTEXT_MATCH
            : passage.previous?.terms.has(alt.term)
              ? alt.weight * PREVIOUS_MATCH
              : 0;
        if (m > best) best = m;
      }
      sum += best;
    }
    return sum / idea.parts.length;
  }

  private coverage(passage: Passage, terms: readonly WeightedTerm[]): { coverage: number; topical: boolean; missing: number } {
    let total = 0;
    let matched = 0;
    let topical = false;
    let literal = false;
    let missing = 0;
    for (const t of terms) {
      const m = this.match(passage, t);
      total += t.weight;
      matched += t.weight * m;
      if (!t.subject && m >= 0.6) topical = true;
      if (!t.subject && m === 1) literal = true;
      if (!t.subject && m === 0 && t.weight > missing) missing = t.weight;
    }
    const coverage = total > 0 ? matched / total : 0;
    // Evidence made only of synonyms and typo corrections, not one word of the question itself, is weaker.
    return {
      coverage: literal || terms.every((t) => t.subject) ? coverage : coverage * SYNONYMS_ONLY,
      topical: topical || terms.every((t) => t.subject),
      missing: total > 0 ? missing / total : 0,
    };
  }

  /** Share of a passage's own terms that the question asks for (for FAQ phrasings). */
  private reverseCoverage(passage: Passage, terms: readonly WeightedTerm[]): number {
    if (passage.terms.size === 0) return 0;
    const asked = new Set(terms.flatMap((t) => t.parts.flatMap((p) => p.alternatives.filter((a) => a.weight === 1).map((a) => a.term))));
    let total = 0;
    let matched = 0;
    for (const term of passage.terms) {
      const idf = this.index.idf(term);
      total += idf;
      if (asked.has(term)) matched += idf;
    }
    return matched / total;
  }

  private shapeMatch(shape: Shape, passage: Passage, listAbout: boolean): boolean {
    switch (shape) {
      case 'when':
        return passage.hasDate;
      case 'where':
        return passage.hasPlace;
      case 'who':
        return passage.hasNames || listAbout;
      case 'list':
        return listAbout;
      case 'count':
        return passage.hasNumber || listAbout;
      default:
        return false;
    }
  }

  private rank(question: ReadQuestion, terms: WeightedTerm[]): Candidate[] {
    const hits = this.index.find(
      terms.flatMap((t) => t.parts),
      CANDIDATES,
    );
    const top = hits[0]?.score ?? 1;
    const asked = new Set(question.terms);
    const candidates: Candidate[] = [];
    for (const { passage, score } of hits) {
      const { coverage, topical, missing } = this.coverage(passage, terms);
      if (!topical) continue;
      // A list is what a who/list question wants when its intro (not its items) names the topic.
      const listAbout =
        passage.list !== undefined &&
        terms
          .filter((t) => !t.subject)
          .every((t) => t.parts.every((p) => p.alternatives.some((a) => passage.list?.aboutTerms.has(a.term))));
      // A curated FAQ phrasing the question covers in full was written for this question: it wins ties.
      // One that shares only a synonym with the question was written for another question.
      const faq = this.faqByPassage.has(passage.id) ? this.reverseCoverage(passage, terms) : 0;
      if (this.faqByPassage.has(passage.id) && faq < 0.5) continue;
      const value = question.asks ? this.valueOf(passage, question.asks, asked) : undefined;
      const shapeMatch = faq >= 0.8 || value !== undefined || this.shapeMatch(question.shape, passage, listAbout);
      const listWanted = listAbout && (question.shape === 'who' || question.shape === 'list' || question.shape === 'other');
      // "When" wants a date and "how many" a number: a passage without one does not answer, however well it matches.
      const answers = shapeMatch || !STRICT_SHAPES.has(question.shape) ? coverage : coverage * 0.5;
      const rank =
        answers + (shapeMatch ? (SHAPE_BONUS[question.shape] ?? 0.12) : 0) + (listWanted ? 0.1 : 0) + 0.15 * faq + 0.03 * (score / top);
      const kind = this.faqByPassage.has(passage.id) ? 'faq' : passage.list ? 'list' : 'passage';
      candidates.push({
        passage,
        kind,
        coverage: answers,
        shapeMatch,
        rank,
        confidence: answers,
        missing,
        ...(value ? { value } : {}),
      });
    }
    const byRank = (a: Candidate, b: Candidate): number => b.rank - a.rank || a.passage.id - b.passage.id;
    candidates.sort(byRank);
    // The best few are re-read word by word: the question's words close together and in the
    // question's order say the passage is the one meant, as phrase and proximity matches count in
    // search engines. Only a few are re-read, so this costs a few tokenized sentences per question.
    const pairs = wordPairs(question.text);
    for (const c of candidates.slice(0, REREAD)) {
      const words = this.analyzer.terms(c.passage.text);
      c.rank +=
        ORDER_WEIGHT * inOrderShare(question.terms, words) +
        PROXIMITY_WEIGHT * proximity(asked, words) +
        PHRASE_WEIGHT * sharedPairs(pairs, c.passage.text);
    }
    candidates.sort(byRank);
    this.calibrate(question, terms, candidates);
    return candidates;
  }

  /**
   * The confidence of the best candidate, from what tells an answered question from one the text
   * does not answer: how much of the question it covers, whether it has what the question asks
   * for, whether a weighty idea of the question is missing from it (a question the text does not
   * answer usually swaps one name or adds a condition), and its margin over the runner-up.
   */
  private calibrate(question: ReadQuestion, terms: readonly WeightedTerm[], candidates: Candidate[]): void {
    const [best, second] = candidates;
    if (!best || best.kind === 'faq') return;
    // A word the knowledge has nowhere, not even as a synonym or a typo, is a topic it does not cover.
    let total = 0;
    let unknown = 0;
    let unknownTotal = 0;
    for (const t of terms) {
      total += t.weight;
      if (!t.subject && t.parts.every((p) => p.alternatives.length === 0)) {
        unknown = Math.max(unknown, t.weight);
        unknownTotal += t.weight;
      }
    }
    // "What is not …?" against a sentence that says what is: the text does not answer it.
    const said = best.passage.previous ? `${best.passage.previous.text} ${best.passage.text}` : best.passage.text;
    const signals: Signals = {
      coverage: best.coverage,
      // Words the knowledge has nowhere count in `unknown`; a paraphrase brings some, so coverage is of the rest.
      knownCoverage: total > unknownTotal ? Math.min(1, (best.coverage * total) / (total - unknownTotal)) : 0,
      missing: best.missing,
      unknown: total > 0 ? unknown / total : 0,
      value: best.value !== undefined,
      lacksType: (question.asks === 'date' || question.asks === 'number') && best.value === undefined,
      margin: second ? Math.max(0, best.rank - second.rank) : 1,
      contrary: contradicts(question.text, said),
      yesNo: question.shape === 'yesno',
      missingName: this.missesName(question, terms, best.passage),
      matchedIdeas: terms.filter((t) => !t.subject && this.match(best.passage, t) > 0).length,
    };
    best.signals = signals;
    best.confidence = confidenceOf(signals);
  }

  /**
   * Whether an idea of the question written with a capital (not its first word), one the knowledge
   * has somewhere, is absent from the passage and its context. Names are rarely paraphrased, so a
   * missing one is a different thing than the text speaks of, not a different wording.
   */
  private missesName(question: ReadQuestion, terms: readonly WeightedTerm[], passage: Passage): boolean {
    return this.nameIdeas(question, terms).some(({ word, name }) => {
      if (this.match(passage, word) > 0) return false;
      // "Alan Turing" against a sentence on "Turing": a word the knowledge never writes without the
      // name's other words that the passage has is the same name, not another.
      const present = name.parts.filter((p) => p !== word.parts[0] && this.match(passage, { ...name, parts: [p] }) > 0);
      if (present.length === 0) return true;
      const own = word.parts[0] as ResolvedTerm;
      return this.index.passages.some(
        (other) =>
          own.alternatives.some((a) => other.terms.has(a.term)) && !present.some((p) => this.match(other, { ...name, parts: [p] }) > 0),
      );
    });
  }

  /**
   * The question's names written with a capital (not its first word) that the knowledge has, the
   * subject aside, one idea per word with the name it is part of: "the Volga Delta" is missing from
   * a sentence on "the Danube Delta" although half of the two-word name is there.
   */
  private nameIdeas(question: ReadQuestion, terms: readonly WeightedTerm[]): { word: WeightedTerm; name: WeightedTerm }[] {
    const capitalised = new Set<string>();
    // A quoted title capitalises its common words ("On the Computational Complexity of Algorithms").
    const unquoted = question.text.replace(/["“][^"”]*["”]/g, ' ');
    for (const m of unquoted.matchAll(/(?<=[\p{L}\p{N},;:'’)]\s+)\p{Lu}[\p{L}\p{N}'’-]*/gu)) {
      for (const t of this.analyzer.terms(m[0], 'question')) capitalised.add(t);
    }
    if (capitalised.size === 0) return [];
    return terms
      .filter((t) => !t.subject)
      .flatMap((t) =>
        t.parts
          .filter((p) => p.alternatives.length > 0 && capitalised.has(p.term) && !this.subjectTerms.has(p.term))
          .map((p) => ({ word: { ...t, term: p.term, parts: [p] }, name: t })),
      );
  }

  /**
   * The first tagged span of the asked type that the question does not already state: the short
   * answer ("1965" for "when did …", "Juris Hartmanis" for "who …").
   */
  private valueOf(passage: Passage, type: ValueType, asked: ReadonlySet<string>): string | undefined {
    for (const tag of passage.tags) {
      if (tag.type !== type && !(type === 'name' && tag.type === 'place')) continue;
      const terms = this.analyzer.terms(tag.text);
      if (terms.length > 0 && terms.every((t) => asked.has(t) || this.subjectTerms.has(t))) continue;
      return tag.text;
    }
    return undefined;
  }

  private compose(question: ReadQuestion, terms: WeightedTerm[], candidates: Candidate[]): Answer {
    if (question.meta === 'help' || question.meta === 'greeting') return this.help('terminal');
    if (question.meta === 'thanks')
      return answer('help', `You're welcome! Ask me anything else about the ${this.knowledge.subject}.`, 1, []);

    const best = candidates[0];
    const faq = best ? this.faqByPassage.get(best.passage.id) : undefined;

    if (question.shape === 'membership' && question.membership) {
      const membership = this.membership(question, terms);
      if (membership) return membership;
    }
    if (question.shape === 'count') {
      const list = this.bestList(terms);
      if (list && (!best || list.coverage >= best.coverage - 0.05)) {
        // Facts (issue 15): what the language layer words the answer from.
        const entities = list.list.items.map((e) => e.label);
        return {
          ...answer('count', countText(list.list), list.coverage, [sourceOf(list.passage)]),
          facts: { count: entities.length, entities, listName: list.list.name },
        };
      }
    }
    if (!best || best.confidence < this.threshold) return this.unknown(question);
    if (faq) {
      return answer('faq', faq.answer, best.confidence, [{ document: faq.source ?? `FAQ (${faq.file})`, quote: faq.question }]);
    }
    const passage = best.passage;
    if (
      passage.list &&
      (question.shape === 'who' || question.shape === 'list' || question.shape === 'what' || question.shape === 'other')
    ) {
      return {
        ...answer('list', listText(passage.list), best.confidence, [sourceOf(passage)]),
        facts: { entities: passage.list.items.map((e) => e.label), listName: passage.list.name },
      };
    }
    // The best sentence, and the runner-up when it ranks close: two sentences reach the answer
    // far more often than one, and a short reply is still short.
    const quoted = [passage];
    let text = passageText(passage);
    for (const next of candidates.slice(1, MAX_SENTENCES)) {
      if (next.kind !== 'passage' || next.rank < best.rank - RUNNER_UP_WINDOW || next.passage === passage.previous) continue;
      const more = passageText(next.passage);
      if (!text.includes(more) && text.length + more.length + 1 <= TWO_SENTENCES_MAX) {
        text = `${text} ${more}`;
        quoted.push(next.passage);
      }
    }
    const facts: AnswerFacts = {};
    if (best.value && question.asks) {
      facts.value = best.value;
      facts.valueType = question.asks === 'name' ? 'name' : question.asks;
    }
    // The one named thing the question is about, when it names exactly one.
    if (question.nameTexts.length === 1) facts.topic = question.nameTexts[0] as string;
    const lead = best.value && !/^\s*$/.test(best.value) ? `${best.value}: ` : '';
    const reply = answer('passage', `${lead}${text}`, best.confidence, quoted.map(sourceOf));
    return Object.keys(facts).length > 0 ? { ...reply, facts } : reply;
  }

  /** The list a count or membership question is about: the one whose intro and headings cover it best. */
  private bestList(about: readonly WeightedTerm[]): { list: EntityList; passage: Passage; coverage: number } | undefined {
    let best: { list: EntityList; passage: Passage; coverage: number } | undefined;
    for (const passage of this.index.passages) {
      if (!passage.list) continue;
      let total = 0;
      let matched = 0;
      for (const t of about) {
        total += t.weight;
        const about = passage.list.aboutTerms;
        matched +=
          (t.weight * t.parts.reduce((sum, p) => sum + Math.max(0, ...p.alternatives.map((a) => (about.has(a.term) ? a.weight : 0))), 0)) /
          t.parts.length;
      }
      const coverage = total > 0 ? matched / total : 0;
      if (!best || coverage > best.coverage) best = { list: passage.list, passage, coverage };
    }
    return best && best.coverage >= 0.5 ? best : undefined;
  }

  private membership(question: ReadQuestion, terms: WeightedTerm[]): Answer | undefined {
    const membership = question.membership;
    if (!membership) return undefined;
    const [whole, ...parts] = membership.names;
    if (!whole) return undefined;
    const nameTerms = new Set(this.analyzer.terms(whole, 'question'));
    // "Is it …?" / "Is the alliance …?" ask about the subject, not about a member.
    if (nameTerms.size === 0 || [...nameTerms].every((t) => this.subjectTerms.has(t))) return undefined;
    // The list is the one the rest of the question is about ("a founding member", "part of it").
    const aboutMembers =
      /\b(?:members?|part|among|amongst|listed|included|involved|affiliated|founding|founders?|co-?founders?|partners?|participants?|participat|belong|join|signator|one of)/.test(
        membership.rest,
      );
    const list =
      this.bestList(terms.filter((t) => !t.parts.some((p) => nameTerms.has(p.term)))) ?? (aboutMembers ? this.firstList() : undefined);
    if (!list) return undefined;

    // "Are A and B members?" asks twice, unless "A and B" is itself one member's name.
    const names = parts.length > 0 && findEntity(whole, list.list)?.match !== 'exact' ? parts : [whole];
    // A moderator's synonym may name a member another way ("PoliMi").
    const lookup = (name: string) =>
      findEntity(name, list.list) ??
      this.analyzer
        .aliases(name)
        .map((alias) => findEntity(alias, list.list))
        .find((f) => f?.match === 'exact');
    const found = names.map((name) => lookup(name));
    const lines = names.map((name, i) => membershipText(name, list.list, found[i]));
    const reply = answer('membership', lines.join('\n'), 0.9, [sourceOf(list.passage)]);
    // Facts (issue 15) for one name: yes/no, or (partial match) only the similar entity.
    const one = names.length === 1 ? found[0] : undefined;
    if (names.length !== 1) return reply;
    return {
      ...reply,
      facts: {
        listName: list.list.name,
        topic: whole,
        entities: one ? [one.entity.label] : [],
        ...(one?.match === 'partial' ? {} : { yes: one !== undefined }),
      },
    };
  }

  private firstList(): { list: EntityList; passage: Passage; coverage: number } | undefined {
    const passage = this.index.passages.find((p) => p.list);
    return passage?.list ? { list: passage.list, passage, coverage: 0.5 } : undefined;
  }

  private unknown(question: ReadQuestion): Answer {
    const suggestions = rankSuggestions(this.suggestionPool, question.text, this.analyzer, 3, true);
    return answer(
      'unknown',
      `I don't know the answer to that. I can only answer questions about the ${this.knowledge.subject} from my knowledge base.`,
      0,
      [],
      suggestions,
    );
  }
}
