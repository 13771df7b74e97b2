/**
 * Deterministic questions made from corpus sentences, each with the paragraph it came from:
 * a few content words of one sentence kept in order (the rest dropped), a typo in some, and
 * some phrased as questions. The same seed gives the same questions on every machine.
 */
import { STOP_WORDS } from '../src/answer/stopwords.js';
import type { Paragraph } from './corpus.js';

/** A generated question and the paragraph that answers it. */
export interface Query {
  text: string;
  paragraph: Paragraph;
  /** The sentence the words came from. */
  sentence: string;
  typo: boolean;
  question: boolean;
}

/** mulberry32: a small seeded PRNG, so the suite needs no dependency for reproducible draws. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const content = (sentence: string): string[] =>
  (sentence.match(/[A-Za-z][A-Za-z'-]*[A-Za-z]/g) ?? []).filter((w) => w.length >= 4 && !STOP_WORDS.has(w.toLowerCase()));

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** One edit inside the word (never the first letter): substitute, delete, insert or swap. */
function misspell(word: string, rnd: () => number): string {
  const i = 1 + Math.floor(rnd() * (word.length - 2));
  const letter = LETTERS[Math.floor(rnd() * LETTERS.length)] ?? 'e';
  switch (Math.floor(rnd() * 4)) {
    case 0:
      return word.slice(0, i) + (letter === word[i] ? 'x' : letter) + word.slice(i + 1);
    case 1:
      return word.slice(0, i) + word.slice(i + 1);
    case 2:
      return word.slice(0, i) + letter + word.slice(i);
    default:
      return word.slice(0, i) + (word[i + 1] ?? '') + (word[i] ?? '') + word.slice(i + 2);
  }
}

const TEMPLATES: ((words: string) => string)[] = [
  (w) => `What did the president say about ${w}?`,
  (w) => `What about ${w}?`,
  (w) => `Why ${w}?`,
  (w) => `Tell me about ${w}`,
];

/**
 * `count` questions over `paragraphs`. Only sentences with at least five content words that
 * occur once in the corpus are used, so "the answer quotes the source paragraph" is unambiguous.
 */
export function makeQueries(paragraphs: readonly Paragraph[], count: number, seed = 7): Query[] {
  const seen = new Map<string, number>();
  for (const p of paragraphs) for (const s of p.sentences) seen.set(s, (seen.get(s) ?? 0) + 1);
  const rnd = random(seed);
  const out: Query[] = [];
  for (let attempts = 0; out.length < count && attempts < count * 50; attempts++) {
    const paragraph = paragraphs[Math.floor(rnd() * paragraphs.length)] as Paragraph;
    const sentence = paragraph.sentences[Math.floor(rnd() * paragraph.sentences.length)] as string;
    const words = content(sentence);
    if (words.length < 5 || seen.get(sentence) !== 1) continue;
    // Keep 3-5 of the words, in sentence order: "a few kept, some dropped".
    const keep = 3 + Math.floor(rnd() * 3);
    const picked = new Set<number>();
    while (picked.size < keep) picked.add(Math.floor(rnd() * words.length));
    const kept = [...picked].sort((a, b) => a - b).map((i) => words[i] as string);
    let typo = false;
    if (rnd() < 0.3) {
      const long = kept.map((w, i) => [w, i] as const).filter(([w]) => w.length >= 6);
      const target = long[Math.floor(rnd() * long.length)];
      if (target) {
        kept[target[1]] = misspell(target[0], rnd);
        typo = true;
      }
    }
    const question = rnd() < 0.4;
    const phrase = kept.join(' ');
    const template = TEMPLATES[Math.floor(rnd() * TEMPLATES.length)];
    const text = question && template ? template(phrase) : phrase;
    out.push({ text, paragraph, sentence, typo, question });
  }
  return out;
}

/**
 * Whether an answer's quote comes from the source paragraph: the bot quotes a sentence (cut
 * with "…" when long), so the quote without the ellipsis must be a part of the paragraph.
 */
export function quotes(quote: string | undefined, paragraph: Paragraph): boolean {
  if (!quote) return false;
  const bare = quote.replace(/…$/, '');
  return bare.length > 0 && paragraph.text.includes(bare);
}
