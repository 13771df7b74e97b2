import MiniSearch from 'minisearch';
import SearchableMap from 'minisearch/SearchableMap';
import type { Analyzer, TermAlternative } from './analyzer.js';
import type { Passage } from './passages.js';

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

interface IndexedPassage {
  id: number;
  text: string;
  context: string;
}

const SYNONYM_WEIGHT = 0.8;
const TYPO_WEIGHT = 0.75;

/**
 * MiniSearch over passages, on terms the {@link Analyzer} already produced (so the index and the
 * questions agree on stems), plus the vocabulary: document frequencies for IDF weights and a
 * radix tree for typo lookups. Typo expansion runs only for words the vocabulary lacks, so a
 * well-spelled question costs one exact lookup per word.
 */
export class PassageIndex {
  private readonly search: MiniSearch<IndexedPassage>;
  private readonly documentFrequency = new Map<string, number>();
  private readonly vocabulary = new SearchableMap<number>();

  constructor(
    readonly passages: readonly Passage[],
    private readonly analyzer: Analyzer,
  ) {
    this.search = new MiniSearch<IndexedPassage>({
      fields: ['text', 'context'],
      tokenize: (s) => (s === '' ? [] : s.split(' ')),
      processTerm: (t) => t,
      searchOptions: { boost: { text: 1, context: 0.4 }, combineWith: 'OR', tokenize: (s) => s.split(' '), processTerm: (t) => t },
    });
    this.search.addAll(
      passages.map((p) => ({ id: p.id, text: [...p.terms].join(' '), context: [...p.contextTerms].join(' ') })),
    );
    for (const p of passages) {
      for (const term of new Set([...p.terms, ...p.contextTerms])) {
        this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
      }
    }
    for (const [term, df] of this.documentFrequency) this.vocabulary.set(term, df);
  }

  /** IDF of a term; a term the index lacks gets the highest weight, as a rare word would. */
  idf(term: string): number {
    const n = this.passages.length;
    return Math.log(1 + n / (this.documentFrequency.get(term) ?? 0.5));
  }

  has(term: string): boolean {
    return this.documentFrequency.has(term);
  }

  /** Resolves a question term: itself if indexed, its synonyms, and typo corrections when unknown. */
  resolve(term: string): ResolvedTerm {
    const alternatives = new Map<string, number>();
    const offer = (t: string, weight: number): void => {
      if (this.has(t) && weight > (alternatives.get(t) ?? 0)) alternatives.set(t, weight);
    };
    offer(term, 1);
    for (const synonym of this.analyzer.synonyms(term)) offer(synonym, SYNONYM_WEIGHT);
    if (!this.has(term) && term.length >= 5 && !/\d/.test(term)) {
      const maxDistance = term.length >= 8 ? 2 : 1;
      for (const [candidate, [, distance]] of this.vocabulary.fuzzyGet(term, maxDistance)) {
        const weight = TYPO_WEIGHT - 0.1 * (distance - 1);
        offer(candidate, weight);
        for (const synonym of this.analyzer.synonyms(candidate)) offer(synonym, weight * SYNONYM_WEIGHT);
      }
    }
    const list = [...alternatives].map(([t, weight]) => ({ term: t, weight })).sort((a, b) => b.weight - a.weight);
    const best = list[0];
    return { term, alternatives: list, idf: best ? this.idf(best.term) : this.idf(term) };
  }

  /** Passages containing any alternative, best BM25 first. */
  find(terms: readonly ResolvedTerm[], limit: number): Hit[] {
    const weights = new Map<string, number>();
    for (const t of terms) for (const a of t.alternatives) weights.set(a.term, Math.max(weights.get(a.term) ?? 0, a.weight));
    if (weights.size === 0) return [];
    const results = this.search.search([...weights.keys()].join(' '), { boostTerm: (term) => weights.get(term) ?? 1 });
    return results.slice(0, limit).map((r) => ({ passage: this.passages[r.id as number] as Passage, score: r.score }));
  }
}
