/**
 * The reference indexes the suite compares the bot with: plain MiniSearch over the same
 * paragraphs, with its defaults, and tuned (Porter stemmer, the bot's stop words, fuzzy 0.2,
 * prefix) as in issue 7's table.
 */
import MiniSearch, { type Options, type SearchOptions } from 'minisearch';
import { stemmer } from 'stemmer';
import { STOP_WORDS } from '../src/answer/stopwords.js';
import type { Paragraph } from './corpus.js';

/** A reference index: what it is called and how it searches. */
export interface Reference {
  name: string;
  /** Id of the best paragraph for a query, or undefined. */
  top(query: string): number | undefined;
}

interface Doc {
  id: number;
  text: string;
}

function build(name: string, paragraphs: readonly Paragraph[], options: Omit<Options<Doc>, 'fields'>, search: SearchOptions): Reference {
  const index = new MiniSearch<Doc>({ fields: ['text'], ...options });
  index.addAll(paragraphs.map((p) => ({ id: p.id, text: p.text })));
  return {
    name,
    top: (query) => {
      const hit = index.search(query, search)[0];
      return hit ? (hit.id as number) : undefined;
    },
  };
}

/** Plain MiniSearch, defaults: lower-case terms, no stemming, exact matches, OR. */
export const miniSearchDefaults = (paragraphs: readonly Paragraph[]): Reference => build('MiniSearch, defaults', paragraphs, {}, {});

/** MiniSearch tuned as issue 7's second row: stemmer + stop words + fuzzy 0.2 + prefix. */
export const miniSearchTuned = (paragraphs: readonly Paragraph[]): Reference =>
  build(
    'MiniSearch, stemmer + stop words + fuzzy 0.2 + prefix',
    paragraphs,
    {
      processTerm: (term) => {
        const lower = term.toLowerCase();
        return STOP_WORDS.has(lower) ? null : stemmer(lower);
      },
    },
    { fuzzy: 0.2, prefix: true },
  );
