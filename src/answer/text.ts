/**
 * Plain-text helpers shared by the loader and the answerer: folding, sentence splitting and
 * cheap signals (dates, numbers, proper names) that question shapes look for.
 */

/** Lower-cases and strips diacritics and typographic quotes, so "Café’s" and "cafe's" compare equal. */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[‘’ʼ`´]/g, "'")
    .replace(/[“”„«»]/g, '"')
    .toLowerCase();
}

// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS = /\b(?:prof|dr|mr|mrs|ms|st|sr|jr|vs|etc|e\.g|i\.e|no|inc|ltd|co|dept|univ|approx|fig|u\.s|u\.k)\.$/i;

/** Splits a paragraph into sentences, keeping closing quotes with their sentence. */
export function splitSentences(paragraph: string): string[] {
  const text = paragraph.replace(/\s+/g, ' ').trim();
  if (text === '') return [];
  const sentences: string[] = [];
  const boundary = /([.!?]["”’)]*)\s+(?=["“(‘]?[\p{Lu}\p{N}])/gu;
  let start = 0;
  for (const match of text.matchAll(boundary)) {
    const end = (match.index ?? 0) + (match[1]?.length ?? 0);
    const candidate = text.slice(start, end);
    if (ABBREVIATIONS.test(candidate) || /\b\p{Lu}\.$/u.test(candidate)) continue; // "Prof. Resta", "J. Smith"
    sentences.push(candidate.trim());
    start = end;
  }
  const rest = text.slice(start).trim();
  if (rest !== '') sentences.push(rest);
  return sentences;
}

const MONTHS =
  'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec';
const DATE = new RegExp(
  `\\b(?:\\d{1,2}(?:st|nd|rd|th)? (?:${MONTHS})\\b|(?:${MONTHS}) \\d{1,2}\\b|(?:1[89]|20)\\d{2}\\b|\\d{4}-\\d{2}-\\d{2}|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\\b|(?:yesterday|today|last (?:week|month|year)))`,
  'i',
);

/** Whether the text states a date or a time ("11 December", "2021", "Monday"). */
export function hasDate(text: string): boolean {
  return DATE.test(text);
}

/** Whether the text holds a number, in digits or words. */
export function hasNumber(text: string): boolean {
  return /\b\d+\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|hundred|thousand|million)\b/i.test(text);
}

/**
 * Capitalised multi-word names not at the start of the sentence ("Tsinghua University",
 * "UNESCO IITE"): the evidence a "who" question wants.
 */
export function properNames(text: string): string[] {
  const names: string[] = [];
  const pattern =
    /(?:^|[^.!?]\s)((?:[\p{Lu}][\p{L}\p{N}'’-]*)(?:\s+(?:(?:of|di|de|der|du|la|le|and|for|the)\s+)?[\p{Lu}][\p{L}\p{N}'’-]*)+)/gu;
  for (const match of text.matchAll(pattern)) if (match[1]) names.push(match[1]);
  return names;
}

/** Whether the text names a place or an event ("in Paris", "during the Global MOOC Conference"). */
export function hasPlace(text: string): boolean {
  return (
    /\b(?:in|at|during|from|near|across)\s+(?:the\s+)?\p{Lu}/u.test(text) ||
    /\b(?:conference|summit|forum|congress|symposium|meeting|city|country|campus|headquarters)\b/i.test(text)
  );
}

/** The one truncation helper, for the core's answers and quotes too. */
export { truncate } from '../conversation/limits.js';

/** Upper-cases the first letter. */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
