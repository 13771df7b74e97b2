import type { Analyzer, TermAlternative } from './analyzer.js';
import type { Passage } from './passages.js';
import type { Spelling } from './spelling.js';

/** What a question term resolved to in this index, and how much it counts. */
export interface ResolvedTerm {
  /** The question's own term (stem). */
  term: string;
  /** Index terms that stand for it: itself, synonyms, typo corrections. */
  alternatives: TermAlternative[];
  /** Inverse document frequency of the best alternative (rare terms say more). */
  idf: number;
}

/** A passage the index found for a question, with its BM25 score. */
export interface Hit {
  passage: Passage;
  score: number;
}

const SYNONYM_WEIGHT = 0.8;
/** What a typo correction one edit away counts; each further edit counts 0.1 less. */
const TYPO_WEIGHT = 0.75;

/** A term's postings in one field: passage ids, ascending. */
type Postings = Int32Array;

// BM25+ as MiniSearch 7.2 scores it with its defaults, split in its two factors (same operations,
// so the same bits): the IDF, one per term and field, and the length norm, one per passage and field.
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };
const bm25Idf = (matchingCount: number, totalCount: number): number =>
  Math.log(1 + (totalCount - matchingCount + 0.5) / (matchingCount + 0.5));
const bm25Norm = (fieldLength: number, avgFieldLength: number): number => {
  const { k, b, d } = BM25;
  const termFreq = 1; // terms are sets: a passage has each term once
  return d + (termFreq * (k + 1)) / (termFreq + k * (1 - b + (b * fieldLength) / avgFieldLength));
};

/** One distinct term of a query, with what scoring it needs. */
interface QueryTerm {
  term: string;
  /** Passage ids having it in the sentence, and in the heading or title. */
  text: Postings | undefined;
  context: Postings | undefined;
  /** MiniSearch's termWeight × termBoost × fieldBoost × docBoost, per field. */
  textFactor: number;
  contextFactor: number;
  textIdf: number;
  contextIdf: number;
}

/** The two indexed fields, in MiniSearch's field order, with their boosts. */
const FIELDS = [
  { name: 'text', boost: 1 },
  { name: 'context', boost: 0.4 },
] as const;

/**
 * An inverted index over passages, on terms the {@link Analyzer} already produced (so the index
 * and the questions agree on stems), plus the vocabulary: document frequencies for IDF weights,
 * and the knowledge's {@link Spelling} for typos. Typo expansion runs only for words the
 * vocabulary lacks, so a well-spelled question costs one exact lookup per word.
 *
 * It used to be MiniSearch. `find` now walks flat postings arrays with reusable score buffers
 * instead, because MiniSearch builds a result object (with match details) for every passage that
 * shares any term, which at 50,000 paragraphs took up to a second for common words. The scores,
 * and the order of ties, are exactly MiniSearch's (BM25+, fields `text` and `context` boosted 1 and
 * 0.4, OR, times the number of query terms matched), so answers are unchanged; a test keeps the
 * two in step.
 */
export class PassageIndex {
  private readonly documentFrequency = new Map<string, number>();
  /** Per field: term → passage ids. */
  private readonly postings: Map<string, Postings>[] = FIELDS.map(() => new Map());
  /** Per field: each passage's BM25 length norm. */
  private readonly norm: Float64Array[];
  // Scratch buffers for find(), reused so a question allocates nothing proportional to the index.
  private readonly total: Float64Array;
  private readonly termScore: Float64Array;
  private readonly matched: Uint16Array;
  /** Where a passage was first met: 2 × query term + field; ties rank in that order, then by id. */
  private readonly firstMet: Int32Array;
  private readonly found: Int32Array;
  private readonly queryMark: Uint32Array;
  private readonly termMark: Uint32Array;
  private epoch = 0;

  constructor(
    readonly passages: readonly Passage[],
    private readonly analyzer: Analyzer,
    /** The knowledge's words as written, for typo corrections. */
    private readonly spelling: Spelling,
  ) {
    const n = passages.length;
    this.norm = FIELDS.map(() => new Float64Array(n));
    const building: Map<string, number[]>[] = FIELDS.map(() => new Map());
    const sets = (p: Passage): ReadonlySet<string>[] => [p.terms, p.contextTerms];
    for (let f = 0; f < FIELDS.length; f++) {
      let avg = 0;
      const lists = building[f] as Map<string, number[]>;
      const lengths = new Uint32Array(n);
      for (let id = 0; id < n; id++) {
        const terms = sets(passages[id] as Passage)[f] as ReadonlySet<string>;
        lengths[id] = terms.size;
        // The running average in MiniSearch's arithmetic, so scores match to the last bit.
        avg = (avg * id + terms.size) / (id + 1);
        for (const term of terms) {
          const list = lists.get(term);
          if (list) list.push(id);
          else lists.set(term, [id]);
        }
      }
      const norm = this.norm[f] as Float64Array;
      for (let id = 0; id < n; id++) norm[id] = bm25Norm(lengths[id] as number, avg);
      const postings = this.postings[f] as Map<string, Postings>;
      for (const [term, ids] of lists) postings.set(term, Int32Array.from(ids));
    }
    for (const p of passages) {
      for (const term of p.terms) this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
      for (const term of p.contextTerms)
        if (!p.terms.has(term)) this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
    }
    this.total = new Float64Array(n);
    this.termScore = new Float64Array(n);
    this.matched = new Uint16Array(n);
    this.firstMet = new Int32Array(n);
    this.found = new Int32Array(n);
    this.queryMark = new Uint32Array(n);
    this.termMark = new Uint32Array(n);
  }
  /** IDF of a term; a term the index lacks gets the highest weight, as a rare word would. */
  idf(term: string): number {
    const n = this.passages.length;
    return Math.log(1 + n / (this.documentFrequency.get(term) ?? 0.5));
  }

  has(term: string): boolean {
    return this.documentFrequency.has(term);
  }

  /** Whether the knowledge has this word as written (folded), whatever its term. */
  knowsWord(word: string): boolean {
    return this.spelling.has(word);
  }

  /** Resolves a question term: itself if indexed, its synonyms, and typo corrections when unknown. */
  resolve(term: string, word: string = term): ResolvedTerm {
    const alternatives = new Map<string, number>();
    const offer = (t: string, weight: number): void => {
      if (this.has(t) && weight > (alternatives.get(t) ?? 0)) alternatives.set(t, weight);
    };
    offer(term, 1);
    for (const synonym of this.analyzer.synonyms(term)) offer(synonym, SYNONYM_WEIGHT);
    // Only a word whose term the knowledge lacks is read as a typo ("fonded" → found).
    if (!this.has(term)) {
      for (const { term: candidate, distance } of this.spelling.corrections(word)) {
        const weight = TYPO_WEIGHT - 0.1 * (distance - 1);
        offer(candidate, weight);
        for (const synonym of this.analyzer.synonyms(candidate)) offer(synonym, weight * SYNONYM_WEIGHT);
      }
    }
    const list = [...alternatives].map(([t, weight]) => ({ term: t, weight })).sort((a, b) => b.weight - a.weight);
    const best = list[0];
    return { term, alternatives: list, idf: best ? this.idf(best.term) : this.idf(term) };
  }

  /**
   * Passages containing any alternative, best BM25 first. Ties keep MiniSearch's order (its sort
   * was stable over the order results were met: query term by term, sentence matches before
   * heading-only matches, then by id).
   */
  find(terms: readonly ResolvedTerm[], limit: number): Hit[] {
    const weights = new Map<string, number>();
    for (const t of terms) for (const a of t.alternatives) weights.set(a.term, Math.max(weights.get(a.term) ?? 0, a.weight));
    if (weights.size === 0 || limit <= 0) return [];
    const n = this.passages.length;
    const query: QueryTerm[] = [];
    for (const [term, boost] of weights) {
      const text = this.postings[0]?.get(term);
      const context = this.postings[1]?.get(term);
      // Same operand order as MiniSearch's termWeight * termBoost * fieldBoost * docBoost * rawScore.
      const textFactor = 1 * boost * FIELDS[0].boost * 1;
      const contextFactor = 1 * boost * FIELDS[1].boost * 1;
      const textIdf = text ? bm25Idf(text.length, n) : 0;
      const contextIdf = context ? bm25Idf(context.length, n) : 0;
      query.push({ term, text, context, textFactor, contextFactor, textIdf, contextIdf });
    }
    return this.scan(query, limit);
  }

  /**
   * Scores every posting of every term. Even a term in every passage (a word of every title) is
   * one pass over a flat array; the score buffers are reused, so nothing is allocated per passage.
   */
  private scan(query: readonly QueryTerm[], limit: number): Hit[] {
    const { total, termScore, matched, firstMet, found, queryMark, termMark } = this;
    const epoch = this.nextEpoch();
    let count = 0;
    // Adds one term's score to a passage; a passage's sum runs term by term as MiniSearch's did.
    const add = (id: number, score: number, met: number): void => {
      if (queryMark[id] !== epoch) {
        queryMark[id] = epoch;
        total[id] = score;
        matched[id] = 1;
        firstMet[id] = met;
        found[count++] = id;
      } else {
        total[id] = (total[id] as number) + score;
        matched[id] = (matched[id] as number) + 1;
      }
    };
    const normText = this.norm[0] as Float64Array;
    const normContext = this.norm[1] as Float64Array;
    for (let j = 0; j < query.length; j++) {
      const q = query[j] as QueryTerm;
      const mark = this.nextEpoch();
      const { text, context } = q;
      if (text) {
        for (let i = 0; i < text.length; i++) {
          const id = text[i] as number;
          termScore[id] = q.textFactor * (q.textIdf * (normText[id] as number));
          termMark[id] = mark;
        }
      }
      if (context) {
        for (let i = 0; i < context.length; i++) {
          const id = context[i] as number;
          const score = q.contextFactor * (q.contextIdf * (normContext[id] as number));
          // In both fields: the term's score is the sum of the two, added once below.
          if (termMark[id] === mark) termScore[id] = (termScore[id] as number) + score;
          else add(id, score, 2 * j + 1);
        }
      }
      if (text) for (let i = 0; i < text.length; i++) add(text[i] as number, termScore[text[i] as number] as number, 2 * j);
    }
    const top = new TopHits(limit);
    for (let i = 0; i < count; i++) {
      const id = found[i] as number;
      top.offer(id, (total[id] as number) * (matched[id] as number), firstMet[id] as number);
    }
    return this.hits(top);
  }

  private hits(top: TopHits): Hit[] {
    return top.list().map(({ id, score }) => ({ passage: this.passages[id] as Passage, score }));
  }

  /** A fresh mark for the scratch buffers, so they never need clearing. */
  private nextEpoch(): number {
    if (this.epoch === 0xffffffff) {
      this.queryMark.fill(0);
      this.termMark.fill(0);
      this.epoch = 0;
    }
    return ++this.epoch;
  }
}

/** A hit kept by {@link TopHits}. */
interface Ranked {
  id: number;
  score: number;
  met: number;
}

/** Whether `a` ranks before `b`: higher score, then met earlier, then lower id (MiniSearch's stable order). */
const before = (score: number, met: number, id: number, b: Ranked): boolean =>
  score > b.score || (score === b.score && (met < b.met || (met === b.met && id < b.id)));

/** The best `limit` passages, best first. */
class TopHits {
  private readonly items: Ranked[] = [];

  constructor(private readonly limit: number) {}

  offer(id: number, score: number, met: number): void {
    const items = this.items;
    // Most passages rank below the last kept one: decide that before allocating anything.
    if (items.length === this.limit && !before(score, met, id, items[items.length - 1] as Ranked)) return;
    let at = items.length;
    while (at > 0 && before(score, met, id, items[at - 1] as Ranked)) at--;
    items.splice(at, 0, { id, score, met });
    if (items.length > this.limit) items.pop();
  }

  list(): readonly Ranked[] {
    return this.items;
  }
}
