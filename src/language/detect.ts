/**
 * Which language a question is in. Script decides Chinese and Russian; for Latin script the
 * Efficient Language Detector (eld, its smallest database, limited to our languages) decides,
 * measured best on short questions (docs/benchmarks.md, "Languages"). English is the fallback
 * for short, mixed or uncertain text, and a platform's locale breaks ties.
 */
import { eng } from 'stopword';
import { fold, isStopword } from './analyze.js';
import { TABLES } from './tables/index.js';
import { isLanguage, LANGUAGES, type LanguageCode } from './types.js';

/** How a language was decided, for tests and `kb why`. */
export type DetectedBy = 'script' | 'detector' | 'hint' | 'fallback';

/** The language of a question and how it was decided. */
export interface Detection {
  lang: LanguageCode;
  by: DetectedBy;
}

interface Detector {
  detect(text: string): { language: string; isReliable(): boolean; getScores(): Record<string, number> };
}

let detector: Promise<Detector> | undefined;
/** Loads the detector's n-gram database once (about 0.1 s), on the first question that needs it. */
export function loadDetector(): Promise<Detector> {
  detector ??= import('eld/extrasmall').then(({ eld }) => {
    eld.setLanguageSubset([...LANGUAGES]);
    return eld;
  });
  return detector;
}

/** Greetings and thanks, one word, of each language's table: "ciao" → it. */
const GREETINGS = new Map<string, LanguageCode>(
  Object.values(TABLES).flatMap((t) =>
    Object.entries(t.words)
      .filter(([word, english]) => /^(?:hello|thanks|help)$/.test(english) && !word.includes(' '))
      .map(([word]) => [fold(word), t.code] as [string, LanguageCode]),
  ),
);
const ENGLISH = new Set(eng.map((w) => w.toLowerCase()));
// An English question nearly always opens with one of these: no detector needed.
const ENGLISH_OPENING =
  /^(?:who|whom|whose|what|what's|when|where|which|why|how|is|are|were|does|do|did|can|could|has|have|will|would|should|tell|list|name|give|show|please|hi|hello|hey|thanks|thank)\b/i;

/** The language part of a platform locale ("pt-BR" → "pt", "zh-CN" → "zh"), when it is one we read. */
export function hintLanguage(locale: string | undefined): LanguageCode | undefined {
  const code = locale?.toLowerCase().split(/[-_]/)[0] ?? '';
  return isLanguage(code) ? code : undefined;
}

/**
 * Detects the language of a cleaned question. `locale` is the platform's hint (a Discord
 * interaction's locale, a Slack user's locale): used when the text alone does not decide.
 */
export async function detectLanguage(text: string, locale?: string): Promise<Detection> {
  return quickDetection(text, locale) ?? detectWithModel(text, locale);
}

/**
 * What script, punctuation and English openings decide without the detector: synchronous, so an
 * English question reaches the core in the same tick (as it did before languages were read).
 */
export function quickDetection(text: string, locale?: string): Detection | undefined {
  const hint = hintLanguage(locale);
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  const kanaOrHangul = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(text);
  if (han >= 2 && !kanaOrHangul) return { lang: 'zh', by: 'script' };
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const cyrillic = text.match(/\p{Script=Cyrillic}/gu)?.length ?? 0;
  if (cyrillic >= 3 && cyrillic * 2 >= letters) return { lang: 'ru', by: 'script' };
  if (kanaOrHangul || letters === 0) return { lang: 'en', by: 'fallback' };
  // The common English question costs a regular expression, not a detection.
  if (/^[\x20-\x7e‘’“”]*$/.test(text) && ENGLISH_OPENING.test(text.trim())) return { lang: 'en', by: 'script' };
  // Only Spanish opens a question with "¿" or "¡".
  if (/^\s*[¿¡]/.test(text)) return { lang: 'es', by: 'script' };
  const words = text.match(/\p{L}+/gu) ?? [];
  if (words.length < 2) {
    // One word: a greeting or thanks of a language's table ("Ciao!", "Danke") says which; else the hint.
    const greeting = GREETINGS.get(fold(words[0] ?? ''));
    return greeting ? { lang: greeting, by: 'detector' } : hint ? { lang: hint, by: 'hint' } : { lang: 'en', by: 'fallback' };
  }

  return undefined;
}

/** Folded words of each language's table (question words, auxiliaries, articles), one by one. */
const TABLE_WORDS = new Map<LanguageCode, Set<string>>(
  Object.values(TABLES).map((t) => [t.code, new Set(Object.keys(t.words).flatMap((phrase) => fold(phrase).match(/\p{L}+/gu) ?? []))]),
);

/** How many of `words` are function words of `lang`'s table and not English words. */
function functionWords(lang: LanguageCode, words: readonly string[]): number {
  const table = TABLE_WORDS.get(lang);
  return words.map((w) => fold(w)).filter((w) => table?.has(w) && !ENGLISH.has(w)).length;
}

/**
 * When another language scores nearly as high as the detector's pick ("Dov'è la Rice University?"
 * reads a shade more Spanish than Italian to n-grams), the one whose question and function words
 * the question uses more; undefined when that does not decide.
 */
function closeCall(found: LanguageCode, scores: Record<string, number>, words: readonly string[]): LanguageCode | undefined {
  const top = scores[found] ?? 0;
  const mine = functionWords(found, words);
  let best: LanguageCode | undefined;
  let bestCount = mine;
  for (const [lang, score] of Object.entries(scores)) {
    if (lang === found || lang === 'en' || !isLanguage(lang) || score < top * 0.95) continue;
    const count = functionWords(lang, words);
    if (count > bestCount) [best, bestCount] = [lang, count];
  }
  return best;
}

async function detectWithModel(text: string, locale?: string): Promise<Detection> {
  const hint = hintLanguage(locale);
  const words = text.match(/\p{L}+/gu) ?? [];
  const result = (await loadDetector()).detect(text);
  const found = result.language;
  if (!isLanguage(found)) return hint ? { lang: hint, by: 'hint' } : { lang: 'en', by: 'fallback' };
  if (!result.isReliable()) {
    if (hint) return { lang: hint, by: 'hint' };
    // Too short for n-grams ("Che cos'è XuetangX?"): the detector's guess stands when the
    // question's own words are that language's function words, not English ones.
    return found !== 'en' && functionWords(found, words) >= 2 ? { lang: found, by: 'detector' } : { lang: 'en', by: 'fallback' };
  }
  if (found === 'en' || found === 'zh' || found === 'ru') return { lang: found, by: 'detector' };
  const closest = closeCall(found, result.getScores(), words);
  if (closest && !hint) return { lang: closest, by: 'detector' };
  if (hint && hint !== found) {
    const scores = result.getScores();
    if ((scores[hint] ?? 0) >= (scores[found] ?? 0) * 0.9) return { lang: hint, by: 'hint' };
  }
  // English with a foreign name ("Who leads Politecnico di Milano?") reads as that name's language to
  // n-grams: the function words, names aside, say which it is.
  const common = words.filter((w, i) => i === 0 || !/^\p{Lu}/u.test(w)).map((w) => fold(w));
  const english = common.filter((w) => ENGLISH.has(w) && !isStopword(found, w)).length;
  const other = common.filter((w) => isStopword(found, w) && !ENGLISH.has(w)).length;
  if (english > 0 && english >= other) return { lang: 'en', by: 'fallback' };
  return { lang: found, by: 'detector' };
}
