/**
 * Honest answers around the passage answerer's: a year asked for when the text gives only a day
 * and month is said to be missing, not guessed; a curated FAQ entry about something else than
 * what the question names does not answer it.
 */
import type { FaqEntry } from '../../knowledge/types.js';
import type { Answer } from '../../types.js';
import { acronyms } from '../passages.js';
import { fold } from '../text.js';

const MONTH = 'january|february|march|april|may|june|july|august|september|october|november|december';
const DAY_MONTH = new RegExp(`\\b(?:\\d{1,2}(?:st|nd|rd|th)? (?:${MONTH})|(?:${MONTH}) \\d{1,2}(?:st|nd|rd|th)?)\\b`, 'i');
const YEAR = /\b(?:1[5-9]|20)\d{2}\b/;

/** What part of a date a question asks for, when it asks for a part. */
function askedPart(question: string): 'year' | 'day' | undefined {
  const q = question.toLowerCase();
  if (/\b(?:what|which|in what|in which)\s+year\b|\byear\b.*\?*$/.test(q) && /\b(?:when|what|which|year)\b/.test(q)) return 'year';
  if (/\b(?:what|which|on what|on which)\s+(?:day|date)\b/.test(q)) return 'day';
  return undefined;
}

/**
 * A passage answer to a question about a part of a date that the passage lacks ("In what year …?"
 * against "launched on 11 December") says what it gives and what it does not.
 */
export function partialDate(question: string, reply: Answer): Answer {
  if (reply.kind !== 'passage' && reply.kind !== 'faq') return reply;
  const part = askedPart(question);
  if (!part) return reply;
  const text = reply.text;
  if (part === 'year' && !YEAR.test(text)) {
    const day = DAY_MONTH.exec(text)?.[0];
    if (!day) return reply;
    return {
      ...reply,
      text: `The knowledge gives ${day} but the year is not given: "${text}"`,
      facts: { ...reply.facts, value: day, valueType: 'date' },
    };
  }
  if (part === 'day' && !DAY_MONTH.test(text)) {
    const year = YEAR.exec(text)?.[0];
    if (!year) return reply;
    return {
      ...reply,
      text: `The knowledge gives ${year} but the day is not given: "${text}"`,
      facts: { ...reply.facts, value: year, valueType: 'date' },
    };
  }
  return reply;
}

/**
 * Whether a curated FAQ answer covers the names the question asks about: every capitalised word
 * or acronym of the question (after its first word) must be in the entry (its question, other
 * phrasings and answer, or as the initials of a name there, "SDG"), or in the main subject.
 */
export function faqCoversNames(question: string, reply: Answer, subject: string, faq: readonly FaqEntry[] = []): boolean {
  if (reply.kind !== 'faq') return true;
  const entry = faq.find((e) => e.answer === reply.text);
  const written = `${reply.text} ${reply.sources.map((s) => s.quote).join(' ')} ${entry ? [entry.question, ...entry.alternates].join(' ') : ''} ${subject}`;
  const folded = fold(written);
  const initials = new Set(acronyms(written));
  const words = question.replace(/^\s*\S+/, '').match(/\b\p{Lu}[\p{L}\p{N}-]*/gu);
  return (words ?? []).filter((w) => w !== 'I').every((w) => new RegExp(`\\b${fold(w)}`, 'u').test(folded) || initials.has(fold(w)));
}

/**
 * "Is there …?" and "Are there any …?" ask whether something exists, not whether a name is on a
 * list: a name lookup answer to one would name "there any …", so it does not answer.
 */
export function isExistenceLookup(question: string, reply: Answer): boolean {
  return reply.kind === 'membership' && /^\s*(?:is|are|was|were)\s+there\b/i.test(question);
}
