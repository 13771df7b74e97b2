/** What the language layer shares between its modules: languages, per-language tables, frames. */

/** The languages the bot reads and answers in, ISO 639-1. English is the knowledge's own. */
export const LANGUAGES = ['en', 'it', 'es', 'fr', 'de', 'pt', 'ru', 'zh'] as const;
/** One of {@link LANGUAGES}. */
export type LanguageCode = (typeof LANGUAGES)[number];
/** A language other than English: the ones with tables and frames. */
export type OtherLanguage = Exclude<LanguageCode, 'en'>;

/** Whether a code (e.g. a platform locale's language part) is one the bot reads. */
export function isLanguage(code: string): code is LanguageCode {
  return (LANGUAGES as readonly string[]).includes(code);
}

/**
 * How answers are worded in one language. `term` is the localized name of a list ("membri fondatori
 * di Global MOOC Alliance"), `items` its entries as the knowledge writes them.
 */
export interface Frames {
  /** Says it does not know; must contain the language's plain "I don't know". */
  dontKnow(subject: string): string;
  /** The line before suggested questions. */
  suggestionsLeadIn: string;
  /** A list's name with what it belongs to: "{term} di {owner}". */
  of(term: string, owner: string): string;
  yes(entity: string, list: string): string;
  no(list: string): string;
  /** The asked name is not listed, but a similar one is. */
  partial(entity: string, list: string): string;
  count(n: number, list: string, items: string[]): string;
  /** The line introducing a list's items (bullets follow). */
  list(list: string): string;
  /** A date answer; `date` is already formatted for the language. */
  date(date: string): string;
  /** Introduces a quote from an English source. */
  quote(text: string): string;
  /** The usage reply. */
  help(subject: string): string;
}

/** The reading and writing tables of one language other than English. */
export interface LanguageTable {
  code: OtherLanguage;
  /** BCP 47 locale for Intl (dates, segmentation). */
  locale: string;
  /**
   * Function words and phrases mapped to English: question words, auxiliaries, articles,
   * prepositions. An empty string drops the word. Phrases are space-separated words.
   */
  words: Record<string, string>;
  /** Whether a name follows its head noun with no preposition ("Universität Toronto"): read as "of". */
  bareNameAfterHead?: boolean;
  /**
   * Openings of a follow-up, as written (lower case, accents kept: Italian "e" is "and", "è" is
   * "is"), mapped to the English opening the conversation layer's follow-up rewrite reads:
   * "E Yale?" → "and Yale?", "Was ist mit Yale?" → "what about Yale?".
   */
  followUpOpeners?: Record<string, 'and' | 'what about'>;
  /**
   * A sentence-final particle that makes "what about X?" of a bare name (Chinese "那亚洲呢？",
   * "耶鲁大学呢？"); the openers then only open such a question.
   */
  followUpParticle?: string;
  /** Whether the script has no spaces between words (Chinese): matched by characters. */
  unspaced?: boolean;
  frames: Frames;
}
