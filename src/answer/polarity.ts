/**
 * Whether a question asks the opposite of what a sentence states. A question the text does not
 * answer is often the text's own sentence with "not" added, or one word turned into its contrary
 * ("rarely" for "commonly", "least" for "most", "indirectly" for "directly"): every other word
 * matches, so coverage alone takes it for answered. This is English grammar and morphology, not
 * knowledge of any document.
 */
import { fold } from './text.js';

const NEGATORS = /\b(?:not|never|no|none|neither|nor|without|cannot|nobody|nothing|nowhere)\b|n't\b/;

/** Contrary pairs of common English words (both directions are checked). */
const CONTRARIES: readonly (readonly [string, string])[] = [
  ['most', 'least'],
  ['more', 'less'],
  ['more', 'fewer'],
  ['often', 'rarely'],
  ['often', 'seldom'],
  ['commonly', 'rarely'],
  ['usually', 'rarely'],
  ['always', 'never'],
  ['best', 'worst'],
  ['better', 'worse'],
  ['first', 'last'],
  ['before', 'after'],
  ['largest', 'smallest'],
  ['larger', 'smaller'],
  ['highest', 'lowest'],
  ['higher', 'lower'],
  ['upper', 'lower'],
  ['increase', 'decrease'],
  ['increased', 'decreased'],
  ['easy', 'hard'],
  ['easier', 'harder'],
  ['easiest', 'hardest'],
  ['strong', 'weak'],
  ['stronger', 'weaker'],
  ['possible', 'impossible'],
  ['true', 'false'],
  ['early', 'late'],
  ['earliest', 'latest'],
  ['minimum', 'maximum'],
  ['inside', 'outside'],
  ['success', 'failure'],
  ['accept', 'reject'],
  ['accepted', 'rejected'],
];
const CONTRARY = new Map<string, string[]>();
for (const [a, b] of CONTRARIES) {
  CONTRARY.set(a, [...(CONTRARY.get(a) ?? []), b]);
  CONTRARY.set(b, [...(CONTRARY.get(b) ?? []), a]);
}
// "uncommonly" → "commonly", "non-deterministic" → "deterministic", "indirectly" → "directly".
const NEGATIVE_PREFIX = /^(?:un|non-?|in|im|il|ir|dis)(?=[a-z]{4,})/;

const words = (text: string): string[] => fold(text).match(/[\p{L}\p{N}'-]+/gu) ?? [];

// "whether or not", "may or may not": a choice, not a negation.
const OR_NOT = /\bor\s+(?:(?:may|might|can|could|do|does|did|is|are|was|were|will|would)\s+)?not\b/g;

/** Whether the text says "not", "never", "no" … */
export function isNegated(text: string): boolean {
  return NEGATORS.test(fold(text).replace(/[’]/g, "'").replace(OR_NOT, ' '));
}

/**
 * Whether the question turns what `sentence` says around: it is negated and the sentence is not,
 * or it has the contrary of a word of the sentence ("least" against "most", "uncommon" against
 * "common") without having the sentence's word.
 */
export function contradicts(question: string, sentence: string): boolean {
  const negated = isNegated(sentence);
  if (isNegated(question) && !negated) return true;
  const said = new Set(words(sentence));
  const asked = words(question);
  const askedSet = new Set(asked);
  for (const word of asked) {
    if (said.has(word)) continue;
    for (const contrary of CONTRARY.get(word) ?? []) if (said.has(contrary) && !askedSet.has(contrary)) return true;
    // "unsolved" against "not solved" says the same thing.
    const base = word.replace(NEGATIVE_PREFIX, '').replace(/^-/, '');
    if (base !== word && said.has(base) && !negated) return true;
  }
  return false;
}
