import { describe, expect, it } from 'vitest';
import { isStopword, tokens, words } from '../../src/language/analyze.js';
import { TABLES } from '../../src/language/tables/index.js';
import type { OtherLanguage } from '../../src/language/types.js';

const stems = (text: string, lang: OtherLanguage): string[] => tokens(text, lang, TABLES[lang].locale).map((t) => t.stem);

describe('each European language stems the forms of a word alike (Snowball)', () => {
  const cases: [OtherLanguage, string, string][] = [
    ['it', 'fondato', 'fondata'],
    ['es', 'lanzada', 'lanzado'],
    ['fr', 'lancée', 'lancé'],
    ['de', 'Gründungsmitglieder', 'Gründungsmitglied'],
    ['pt', 'fundadores', 'fundador'],
    ['ru', 'альянса', 'альянс'],
  ];
  for (const [lang, a, b] of cases) {
    it(`${lang}: "${a}" and "${b}"`, () => {
      expect(stems(a, lang)[0]).toBe(stems(b, lang)[0]);
      expect(stems(a, lang)[0]?.length).toBeGreaterThan(2);
    });
  }
});

describe('words are cut per language', () => {
  it('splits French and Italian elisions off their word', () => {
    expect(words("L'Université de Harvard", 'fr', 'fr-FR')).toEqual(['L', 'Université', 'de', 'Harvard']);
    expect(words("dell'alleanza", 'it', 'it-IT')).toEqual(['dell', 'alleanza']);
  });
  it('cuts Chinese, which has no spaces, into words with Intl.Segmenter', () => {
    const cut = words('谁创立了这个联盟', 'zh', 'zh-CN');
    expect(cut.length).toBeGreaterThan(2);
    expect(cut.join('')).toBe('谁创立了这个联盟');
  });
  it('folds accents and case for matching', () => {
    const [t] = tokens('Università', 'it', 'it-IT');
    expect(t?.fold).toBe('universita');
    expect(t?.capital).toBe(true);
  });
  it('knows each language’s stop words', () => {
    expect(isStopword('it', 'la')).toBe(true);
    expect(isStopword('de', 'die')).toBe(true);
    expect(isStopword('es', 'alianza')).toBe(false);
  });
});
