/**
 * The language layer as the conversation layer's {@link LanguageStage}: the question is read into
 * English before the follow-up rewrite (so "e quando?" after an Italian question is rewritten like
 * "and when?"), and the answer is put into the person's language after the core answered.
 */
import type { LanguageStage } from '../conversation/conversation.js';
import type { LanguageLayer } from './index.js';
import { isLanguage } from './types.js';

/**
 * A stage reading with `layer()`: the layer of the knowledge serving now (its lexicons change on
 * reload, so it is asked for on every question).
 */
export function createLanguageStage(layer: () => LanguageLayer): LanguageStage {
  return {
    async toEnglish(text, q) {
      const current = layer();
      const reading = await current.read(text, q.locale);
      if (reading.lang === 'en') return { text };
      const own = current.ownWords(reading);
      return { text: reading.english, language: reading.lang, ...(own === undefined ? {} : { ownWords: own }) };
    },
    ownAnswer(answer, language) {
      return isLanguage(language) ? layer().ownAnswer(answer, language) : undefined;
    },
    async toPerson(answer, language, _q, asked) {
      if (!language || !isLanguage(language) || language === 'en') return answer;
      // The English question asked (after any follow-up rewrite) decides the answer's shape.
      return layer().localize(answer, { text: asked, lang: language, by: 'hint', english: asked });
    },
  };
}
