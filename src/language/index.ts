/**
 * The language layer: questions in the members' languages (it, es, fr, de, pt, ru, zh) are
 * detected, read as an English question for the core, and answered in the person's language.
 *
 *     const layer = createLanguageLayer({ lexicons, subject });
 *     const reading = await layer.read(text, locale);        // { lang, english, … }
 *     const reply = layer.localize(await core(reading.english), reading);
 *
 * `answer(text, locale, core)` does both, and asks the documents written in the person's language
 * (front matter `lang: it`) first. English questions pass through untouched.
 */
import type { Answer } from '../types.js';
import { type DetectedBy, type Detection, detectLanguage, quickDetection } from './detect.js';
import type { Lexicon } from './lexicon.js';
import { Localizer } from './localize.js';
import { TABLES } from './tables/index.js';
import { Translator } from './translate.js';
import type { LanguageCode, OtherLanguage } from './types.js';

export { detectLanguage, hintLanguage, loadDetector } from './detect.js';
export { isLexiconFile, type Lexicon, type LexiconEntry, LEXICON_FOLDER, parseLexicon } from './lexicon.js';
export { LANGUAGES, type LanguageCode } from './types.js';

/** A question as the language layer read it. */
export interface Reading {
  /** The question as asked. */
  text: string;
  lang: LanguageCode;
  by: DetectedBy;
  /** The question for the core, in English (the text itself when it is English). */
  english: string;
}

/** What the layer is built from: the knowledge's lexicons, main subject and documents' languages. */
export interface LanguageLayerOptions {
  lexicons: readonly Lexicon[];
  /** The knowledge's main subject, named in "I don't know" and help. */
  subject: string;
  /** Title → language of the documents that declare one (`lang:` in front matter). */
  documentLanguages?: Readonly<Record<string, string>>;
}

/** See the module comment. */
export interface LanguageLayer {
  read(text: string, locale?: string): Promise<Reading>;
  localize(answer: Answer, reading: Reading): Answer;
  /**
   * The question in its own words with the English question word, when documents are written in
   * its language (front matter `lang:`): asked before the English reading, so they answer first.
   */
  ownWords(reading: Reading): string | undefined;
  /** The answer to {@link ownWords}'s question, when one of those documents gives it. */
  ownAnswer(answer: Answer, lang: LanguageCode): Answer | undefined;
  /** Reads, asks the core (documents in the person's language first), localizes. */
  answer(text: string, locale: string | undefined, core: (english: string) => Promise<Answer>): Promise<Answer>;
}

const ASKS_WHEN = /^when\b/;

/** The line before suggested questions, in the answer's language ("You could ask:" in English). */
export function suggestionsLeadIn(lang: string | undefined): string {
  return lang && lang in TABLES ? TABLES[lang as OtherLanguage].frames.suggestionsLeadIn : 'You could ask:';
}

/** Builds the layer; cheap (the lexicons' words are analyzed, per language on first use). */
export function createLanguageLayer(options: LanguageLayerOptions): LanguageLayer {
  const translators = new Map<OtherLanguage, Translator>();
  const localizers = new Map<OtherLanguage, Localizer>();
  const translator = (lang: OtherLanguage): Translator => {
    let t = translators.get(lang);
    if (!t) translators.set(lang, (t = new Translator(TABLES[lang], options.lexicons)));
    return t;
  };
  const localizer = (lang: OtherLanguage): Localizer => {
    let l = localizers.get(lang);
    if (!l) localizers.set(lang, (l = new Localizer(lang, options.lexicons, options.subject)));
    return l;
  };
  const ownDocuments = (lang: LanguageCode): Set<string> =>
    new Set(
      Object.entries(options.documentLanguages ?? {})
        .filter(([, l]) => l === lang)
        .map(([title]) => title),
    );

  const readingOf = (text: string, { lang, by }: Detection): Reading => ({
    text,
    lang,
    by,
    english: lang === 'en' ? text : translator(lang).english(text),
  });

  const layer: LanguageLayer = {
    async read(text, locale) {
      return readingOf(text, await detectLanguage(text, locale));
    },

    localize(answer, reading) {
      if (reading.lang === 'en') return answer;
      // An answer from a document in the person's language is already in it.
      const own = ownDocuments(reading.lang);
      if (answer.sources.length > 0 && answer.sources.every((s) => own.has(s.document))) return { ...answer, lang: reading.lang };
      return localizer(reading.lang).localize(answer, ASKS_WHEN.test(reading.english.toLowerCase()));
    },

    ownWords(reading) {
      if (reading.lang === 'en' || ownDocuments(reading.lang).size === 0) return undefined;
      return ownWords(reading, translator(reading.lang));
    },

    ownAnswer(answer, lang) {
      const own = ownDocuments(lang);
      return answer.kind !== 'unknown' && answer.sources.some((s) => own.has(s.document)) ? { ...answer, lang } : undefined;
    },

    async answer(text, locale, core) {
      // No await before the core is asked when the language is plain (see quickDetection).
      const quick = quickDetection(text, locale);
      if (quick?.lang === 'en') return core(text);
      const reading = quick ? readingOf(text, quick) : await layer.read(text, locale);
      if (reading.lang === 'en') return core(text);
      // A document in the person's language answers first: the question's own words, with the
      // English question word the core reads the shape from.
      const own = layer.ownWords(reading);
      const mine = own === undefined ? undefined : layer.ownAnswer(await core(own), reading.lang);
      if (mine) return mine;
      return layer.localize(await core(reading.english), reading);
    },
  };
  return layer;
}

/** The question's English question word and its own words: "who fondato alleanza?". */
function ownWords(reading: Reading, translator: Translator): string {
  const question = /^(?:who|what|when|where|which|how many|how|why|is|are)\b/.exec(reading.english.toLowerCase())?.[0] ?? '';
  return `${question} ${translator.ownWords(reading.text).join(' ')}?`.trim();
}
