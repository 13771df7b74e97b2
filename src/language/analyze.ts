/**
 * Per-language analysis of a question: words cut with Intl.Segmenter (elisions such as "l'" and
 * "dell'" split off), folded, and stemmed with the language's Snowball stemmer, so "fondato",
 * "fondata" and "fondare" meet. Chinese is not stemmed; its words are cut by the segmenter too.
 */
import { stemmer as deStem } from '@orama/stemmers/german';
import { stemmer as esStem } from '@orama/stemmers/spanish';
import { stemmer as frStem } from '@orama/stemmers/french';
import { stemmer as itStem } from '@orama/stemmers/italian';
import { stemmer as ptStem } from '@orama/stemmers/portuguese';
import { stemmer as ruStem } from '@orama/stemmers/russian';
import { deu, fra, ita, por, rus, spa, zho } from 'stopword';
import type { OtherLanguage } from './types.js';

/** One word of a question, with the forms it is matched by. */
export interface Token {
  /** As written. */
  text: string;
  /** Lower-cased, accents removed. */
  fold: string;
  /** The Snowball stem, folded (the word itself for Chinese). */
  stem: string;
  /** Written with a capital letter (a name, or a German noun). */
  capital: boolean;
  /** Written in Latin letters in a language that is not (Russian, Chinese): a name, never a stop word. */
  latin: boolean;
}

const STEMMERS: Record<OtherLanguage, (word: string) => string> = {
  it: itStem,
  es: esStem,
  fr: frStem,
  de: deStem,
  pt: ptStem,
  ru: ruStem,
  zh: (word) => word,
};

const STOPWORDS: Record<OtherLanguage, ReadonlySet<string>> = {
  it: new Set(ita.map((w) => fold(w))),
  es: new Set(spa.map((w) => fold(w))),
  fr: new Set(fra.map((w) => fold(w))),
  de: new Set(deu.map((w) => fold(w))),
  pt: new Set(por.map((w) => fold(w))),
  ru: new Set(rus.map((w) => fold(w))),
  zh: new Set(zho),
};

/** Lower-cases and strips accents (also Cyrillic "й" → "и", "ё" → "е", alike for matching). */
export function fold(word: string): string {
  return word
    .toLowerCase()
    .replace(/[’‘ʼ`´]/g, "'")
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '');
}

/** Whether a folded word is a stop word of the language (articles, pronouns, particles). */
export function isStopword(lang: OtherLanguage, folded: string): boolean {
  return STOPWORDS[lang].has(folded);
}

const segmenters = new Map<string, Intl.Segmenter>();
function segmenter(locale: string): Intl.Segmenter {
  let s = segmenters.get(locale);
  if (!s) {
    s = new Intl.Segmenter(locale, { granularity: 'word' });
    segmenters.set(locale, s);
  }
  return s;
}

// "l'Università", "dell'alleanza", "qu'est", "d'edX": the elided article or preposition is its own word.
const ELISION = /^(\p{L}{1,5}['’])(\p{L}.*)$/u;

/** Cuts text into the language's words (Intl.Segmenter), elisions split off. */
export function words(text: string, lang: OtherLanguage, locale: string): string[] {
  const out: string[] = [];
  for (const s of segmenter(locale).segment(text.normalize('NFC'))) {
    if (!s.isWordLike) continue;
    const elided = lang === 'fr' || lang === 'it' ? ELISION.exec(s.segment) : null;
    // The apostrophe goes, as Intl.Segmenter drops it from a table's "dell'" too.
    if (elided?.[1] && elided[2]) out.push(elided[1].slice(0, -1), elided[2]);
    else out.push(s.segment);
  }
  return out;
}

/** A word with its matching forms. */
export function token(word: string, lang: OtherLanguage): Token {
  // German written without umlauts ("gegruendet", "Universitaet") is the same word.
  const lower =
    lang === 'de'
      ? word
          .toLowerCase()
          .replace(/([aou])e/g, (_, v: string) => `${v}\u0308`)
          .normalize('NFC')
      : word.toLowerCase();
  const folded = fold(lower);
  return {
    text: word,
    fold: folded,
    stem: fold(STEMMERS[lang](lower)),
    capital: /^\p{Lu}/u.test(word),
    latin: lang === 'ru' || lang === 'zh' ? /^[A-Za-z0-9]/.test(word) : false,
  };
}

/** Cuts and analyzes text in one language. */
export function tokens(text: string, lang: OtherLanguage, locale: string): Token[] {
  return words(text, lang, locale).map((w) => token(w, lang));
}
