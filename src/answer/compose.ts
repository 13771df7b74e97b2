import type { Answer, AnswerKind, Source } from '../types.js';
import type { Entity, EntityList, Passage } from './passages.js';
import { capitalize, truncate } from './text.js';

/** The longest reply the core gives; adapters may split it further for their platform. */
export const MAX_ANSWER_LENGTH = 1500;
const MAX_QUOTE_LENGTH = 300;

/** The source of a passage: its document, section and the words quoted. */
export function sourceOf(passage: Passage): Source {
  return {
    document: passage.doc.title,
    quote: truncate(passage.text, MAX_QUOTE_LENGTH),
    ...(passage.section ? { section: passage.section } : {}),
    ...(passage.doc.url ? { url: passage.doc.url } : {}),
  };
}

/** An answer with its text bounded and its confidence rounded. */
export function answer(kind: AnswerKind, text: string, confidence: number, sources: Source[], suggestions: string[] = []): Answer {
  return { text: truncate(text, MAX_ANSWER_LENGTH), kind, confidence: Math.round(confidence * 100) / 100, sources, suggestions };
}

/**
 * A sentence answer. One that opens with a pronoun, or is too short to stand alone ("Prof. Resta
 * concluded."), gets the sentence before it, so it has its referent.
 */
export function passageText(passage: Passage): string {
  const dependent = /^(?:it|its|they|their|this|these|those|he|she|his|her)\b/i.test(passage.text) || passage.text.split(/\s+/).length < 5;
  if (passage.previous && dependent) {
    return `${passage.previous.text} ${passage.text}`;
  }
  return passage.text;
}

/** "There are 19 Global MOOC Alliance founding members: A, B, …". */
export function countText(list: EntityList): string {
  return `There are ${list.items.length} ${list.name}: ${list.items.map((e) => e.label).join(', ')}.`;
}

/** The list's intro and its items as bullets. */
export function listText(list: EntityList): string {
  return `${capitalize(list.intro)}:\n${list.items.map((e) => `- ${e.label}`).join('\n')}`;
}

/** "Yes. X is one of the 19 …" / "No. I don't see X among the 19 …" / "Not exactly: …". */
export function membershipText(asked: string, list: EntityList, found: { entity: Entity; match: 'exact' | 'partial' } | undefined): string {
  const count = `${list.items.length} ${list.name}`;
  if (!found) return `No. ${asked} is not among the ${count}.`;
  if (found.match === 'partial') return `Not exactly: ${asked} is not listed, but ${found.entity.label} is one of the ${count}.`;
  return `Yes. ${found.entity.label} is one of the ${count}.`;
}
