import SearchableMap from 'minisearch/SearchableMap';

/** A word of the knowledge that a misspelt question word may stand for. */
export interface Correction {
  /** The index term (stem) of the knowledge's word. */
  term: string;
  /** Edits between the question's word and the knowledge's word (a swap of two letters is one). */
  distance: number;
}

/** Shortest word read as a possible typo: a shorter one is more likely a real word the knowledge lacks ("join", "joint"). */
const MIN_TYPO_LENGTH = 5;
/** From this length on, two edits are still read as a typo of the word. */
const TWO_EDITS_FROM = 8;

/**
 * The words of the knowledge as written (folded), each with its index term, for correcting a
 * question's misspelt words. Corrections are looked up on words, not stems: a typo changes the
 * stem the stemmer makes ("directinons" stems to "directinon", far from "direct"), while the word
 * is one edit from "directions".
 *
 * Distance is the optimal string alignment distance, in which swapping two neighbouring letters
 * ("reecnt") is one edit, as people type, where plain Levenshtein counts two.
 */
export class Spelling {
  private readonly tree: SearchableMap<string>;

  /** `words`: folded word → its index term. Only the tree is kept: it answers exact lookups too. */
  constructor(words: ReadonlyMap<string, string>) {
    this.tree = SearchableMap.from(words);
  }

  /** Whether the knowledge has this word as written (folded). */
  has(word: string): boolean {
    return this.tree.has(word);
  }

  /**
   * The knowledge's words one edit from `word`, or if there are none and the word has eight
   * letters or more, two edits (keeping the first letter), as index terms, nearest first. None
   * for short words, words with digits and words the knowledge has.
   */
  corrections(word: string): Correction[] {
    if (word.length < MIN_TYPO_LENGTH || /\d/.test(word) || this.tree.has(word)) return [];
    const maxDistance = word.length >= TWO_EDITS_FROM ? 2 : 1;
    const best = new Map<string, number>();
    const offer = (candidate: string, term: string): void => {
      const distance = osaDistance(word, candidate, maxDistance);
      if (distance <= maxDistance && distance < (best.get(term) ?? Infinity)) best.set(term, distance);
    };
    // One edit: the tree finds every word one Levenshtein edit away; a swap is two Levenshtein
    // edits, so swaps are looked up directly, which is cheaper than a wider search.
    for (const [candidate, [term]] of this.tree.fuzzyGet(word, 1)) offer(candidate, term);
    for (let i = 0; i + 1 < word.length; i++) {
      const swapped = word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
      const term = this.tree.get(swapped);
      if (term !== undefined) offer(swapped, term);
    }
    // Two edits, when no word is one edit away: only among words with the same first letter,
    // which people rarely get wrong. A two-edit search of the whole tree costs about a millisecond
    // per word at 50,000 paragraphs; within one first letter's branch, a fraction of that.
    if (maxDistance === 2 && best.size === 0) {
      const first = word[0] as string;
      for (const [rest, [term]] of this.tree.atPrefix(first).fuzzyGet(word.slice(1), 2)) offer(first + rest, term);
    }
    return [...best].map(([term, distance]) => ({ term, distance })).sort((a, b) => a.distance - b.distance);
  }
}

/**
 * Optimal string alignment distance between `a` and `b` (insertions, deletions, substitutions
 * and swaps of neighbours), or `max + 1` as soon as it must exceed `max`.
 */
export function osaDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const width = b.length + 1;
  // Three rows of the dynamic programme: two back for swaps.
  let before = new Uint16Array(width);
  let previous = new Uint16Array(width);
  let current = new Uint16Array(width);
  for (let j = 0; j < width; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j < width; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, (before[j - 2] as number) + 1);
      current[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    [before, previous, current] = [previous, current, before];
  }
  return Math.min(previous[b.length] as number, max + 1);
}
