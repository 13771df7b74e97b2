/**
 * Typos in a facts question ("wich members are in europ?", "hwo many chinese univesities"): each
 * word that is no word the facts layer knows is read as the known word one edit away, if exactly
 * one is. The vocabulary is the question words the forms read, the words of the lists, names and
 * kinds of the knowledge, and the place names of the country data.
 */
import { osaDistance } from '../spelling.js';
import { fold } from '../text.js';
import type { FactsKnowledge } from './knowledge.js';
import { plural, wordsOf } from './knowledge.js';

// The words the question forms are read by: short ones are corrected only against these.
const QUESTION_WORDS = [
  'which',
  'what',
  'where',
  'when',
  'who',
  'how',
  'many',
  'there',
  'are',
  'any',
  'member',
  'members',
  'based',
  'located',
  'founded',
  'country',
  'countries',
  'continent',
  'does',
  'stand',
];

/** The question with its misspelt words read as the known words they are one edit from; undefined when none is. */
export function correctTypos(k: FactsKnowledge, text: string): string | undefined {
  const vocabulary = vocabularyOf(k);
  let changed = false;
  const corrected = text.replace(/\p{L}+/gu, (word) => {
    const w = fold(word);
    if (vocabulary.all.has(w) || w.length < 3) return word;
    const pool = w.length < 5 ? QUESTION_WORDS : vocabulary.long;
    let near = [...new Set(pool.filter((v) => Math.abs(v.length - w.length) <= 1 && osaDistance(v, w, 1) <= 1))];
    // "hwo" is one swap from "how" and from "who": the one that starts as typed.
    if (near.length > 1) near = near.filter((v) => v[0] === w[0]);
    if (near.length !== 1 || near[0] === undefined) return word;
    changed = true;
    return /^\p{Lu}/u.test(word) ? near[0].charAt(0).toUpperCase() + near[0].slice(1) : near[0];
  });
  return changed ? corrected : undefined;
}

const cache = new WeakMap<FactsKnowledge, { all: Set<string>; long: string[] }>();

function vocabularyOf(k: FactsKnowledge): { all: Set<string>; long: string[] } {
  const known = cache.get(k);
  if (known) return known;
  const words = new Set<string>(QUESTION_WORDS);
  for (const l of k.index.lists) for (const w of wordsOf(l.name)) words.add(w);
  for (const e of k.index.entities) {
    for (const n of e.names) for (const w of wordsOf(n)) words.add(w);
    for (const w of wordsOf(e.kind ?? '')) {
      words.add(w);
      words.add(plural(w));
    }
  }
  for (const w of wordsOf(k.index.subject)) words.add(w);
  const places = k.places.words();
  const all = new Set([...words, ...places]);
  const made = { all, long: [...all].filter((w) => w.length >= 5) };
  cache.set(k, made);
  return made;
}
