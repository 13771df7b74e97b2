import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectLanguage, hintLanguage } from '../../src/language/detect.js';
import type { LanguageCode } from '../../src/language/types.js';

// Every 10th question of the detection benchmark's own set (bench/language/<lang>.txt).
const sample = (lang: string): string[] =>
  readFileSync(new URL(`../../bench/language/${lang}.txt`, import.meta.url), 'utf8')
    .split('\n')
    .filter((line, i) => line.trim() !== '' && i % 10 === 0);

describe('detection of the supported languages', () => {
  for (const lang of ['it', 'es', 'fr', 'de', 'pt', 'ru', 'zh'] as LanguageCode[]) {
    it(`reads short ${lang} questions as ${lang}`, async () => {
      const questions = sample(lang);
      const right = (await Promise.all(questions.map((q) => detectLanguage(q)))).filter((d) => d.lang === lang).length;
      expect(right / questions.length).toBeGreaterThanOrEqual(0.9);
    });
  }
});

describe('detection falls back to English', () => {
  it('for English, including English naming a foreign institution', async () => {
    expect((await detectLanguage('who founded it?')).lang).toBe('en');
    expect((await detectLanguage('Who leads Politecnico di Milano?')).lang).toBe('en');
    expect((await detectLanguage('founding members of the alliance')).lang).toBe('en');
    expect(await detectLanguage('What’s the alliance’s goal?')).toEqual({ lang: 'en', by: 'script' });
  });
  it('for a single unknown word or no letters', async () => {
    expect(await detectLanguage('MOOC')).toEqual({ lang: 'en', by: 'fallback' });
    expect(await detectLanguage('???')).toEqual({ lang: 'en', by: 'fallback' });
  });
  it('for a script the bot does not read (Japanese kana)', async () => {
    expect((await detectLanguage('これは何ですか')).lang).toBe('en');
  });
});

describe('a question too short for the detector to be sure', () => {
  it("keeps its language when its words are that language's function words", async () => {
    expect((await detectLanguage("Che cos'è XuetangX?")).lang).toBe('it');
  });
  it('goes to the language whose function words it uses when two score nearly alike', async () => {
    // n-grams put "Dov'è la …" a shade closer to Spanish; "dov'" and "è" are Italian.
    expect((await detectLanguage("Dov'è la Rice University?")).lang).toBe('it');
  });
  it('stays English when they are not', async () => {
    expect((await detectLanguage('Harbour Bank sponsors')).lang).toBe('en');
  });
});

describe('the platform locale as a hint', () => {
  it('decides a single word the text cannot', async () => {
    expect(await detectLanguage('MOOC', 'it')).toEqual({ lang: 'it', by: 'hint' });
    expect(await detectLanguage('MOOC', 'pt-BR')).toEqual({ lang: 'pt', by: 'hint' });
  });
  it('does not override a clear question in another language', async () => {
    expect((await detectLanguage('who founded the alliance?', 'de')).lang).toBe('en');
    expect((await detectLanguage('Когда был запущен альянс?', 'fr')).lang).toBe('ru');
  });
  it('takes the language part of a locale, when supported', () => {
    expect(hintLanguage('zh-CN')).toBe('zh');
    expect(hintLanguage('es_419')).toBe('es');
    expect(hintLanguage('ja')).toBeUndefined();
    expect(hintLanguage(undefined)).toBeUndefined();
  });
  it('a one-word greeting names its language', async () => {
    expect((await detectLanguage('Ciao!')).lang).toBe('it');
    expect((await detectLanguage('Danke')).lang).toBe('de');
  });
});
