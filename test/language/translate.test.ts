import { describe, expect, it } from 'vitest';
import type { Lexicon } from '../../src/language/lexicon.js';
import { TABLES } from '../../src/language/tables/index.js';
import { singular, Translator } from '../../src/language/translate.js';
import type { OtherLanguage } from '../../src/language/types.js';

// A small lexicon per language, written for these tests (not the shipped one).
const lexicons: Lexicon[] = [
  {
    lang: 'it',
    file: 'lexicon/it.yaml',
    entries: [
      { english: 'founding members', forms: ['membri fondatori', 'membro fondatore'], line: 1 },
      { english: 'founded', forms: ['fondata', 'fondare'], line: 2 },
      { english: 'alliance', forms: ['alleanza'], line: 3 },
      { english: 'universities', forms: ['università'], line: 4 },
    ],
  },
  {
    lang: 'es',
    file: 'lexicon/es.yaml',
    entries: [
      { english: 'launched', forms: ['lanzó', 'lanzada'], line: 1 },
      { english: 'alliance', forms: ['alianza'], line: 2 },
    ],
  },
  {
    lang: 'fr',
    file: 'lexicon/fr.yaml',
    entries: [
      { english: 'members', forms: ['membres', 'membre'], line: 1 },
      { english: 'universities', forms: ['universités', 'université'], line: 2 },
    ],
  },
  {
    lang: 'de',
    file: 'lexicon/de.yaml',
    entries: [
      { english: 'founding members', forms: ['Gründungsmitglieder', 'Gründungsmitglied'], line: 1 },
      { english: 'universities', forms: ['Universitäten', 'Universität'], line: 2 },
    ],
  },
  {
    lang: 'pt',
    file: 'lexicon/pt.yaml',
    entries: [{ english: 'founding members', forms: ['membros fundadores', 'membro fundador'], line: 1 }],
  },
  {
    lang: 'ru',
    file: 'lexicon/ru.yaml',
    entries: [
      { english: 'launched', forms: ['запущен', 'запустили'], line: 1 },
      { english: 'alliance', forms: ['альянс'], line: 2 },
      { english: 'universities', forms: ['университеты', 'университет'], line: 3 },
      { english: 'members', forms: ['члены', 'член'], line: 4 },
    ],
  },
  {
    lang: 'zh',
    file: 'lexicon/zh.yaml',
    entries: [
      { english: 'founded', forms: ['创立'], line: 1 },
      { english: 'alliance', forms: ['联盟'], line: 2 },
      { english: 'members', forms: ['成员'], line: 3 },
      { english: 'Tsinghua University', forms: ['清华大学'], line: 4 },
    ],
  },
];
const english = (lang: OtherLanguage, text: string): string => new Translator(TABLES[lang], lexicons).english(text);

describe('question words and shapes per language become the English the core reads', () => {
  it('who (it), names kept as written', () => {
    expect(english('it', 'Chi ha fondato la Example Network?')).toBe('who founded Example Network?');
  });
  it('when (es, ru), verbs by their stem', () => {
    expect(english('es', '¿Cuándo se lanzó la alianza?')).toBe('when launched alliance?');
    expect(english('ru', 'Когда был запущен альянс?')).toBe('when was launched alliance?');
  });
  it('how many (pt), the plural kept', () => {
    expect(english('pt', 'Quantos membros fundadores existem?')).toBe('how many founding members are there?');
  });
  it('is X a member (de, fr): the verb first, a name after its head noun read with "of"', () => {
    expect(english('de', 'Ist die Universität Bonn ein Gründungsmitglied?')).toBe('is University of Bonn a founding member?');
    expect(english('fr', "L'Université de Lyon est-elle membre ?")).toBe('is University of Lyon member?');
    expect(english('it', "L'Università di Pavia è un membro fondatore?")).toBe('is University of Pavia a founding member?');
  });
  it('which … are in … (ru), country names from country data', () => {
    expect(english('ru', 'Какие университеты находятся в Италии?')).toBe('which universities are located in Italy?');
  });
  it('Chinese: words from the lexicon by characters, the question word first', () => {
    expect(english('zh', '谁创立了联盟？')).toBe('who founded alliance?');
    expect(english('zh', '联盟是什么时候成立的？')).toMatch(/^when is alliance /);
    expect(english('zh', '清华大学是联盟的成员吗？')).toBe('is Tsinghua University members of alliance?');
  });
  it('keeps words nobody mapped, so the core can say it does not know', () => {
    expect(english('de', 'Wie spät ist es in Tokio?')).toBe('how spät is in Tokio?');
    expect(english('ru', 'Где находится Торонто?')).toBe('where is located Toronto?');
  });
});

describe('singular', () => {
  it('takes the plural off the last word only', () => {
    expect(singular('founding members')).toBe('founding member');
    expect(singular('universities')).toBe('university');
    expect(singular('campus')).toBe('campus');
    expect(singular('founded')).toBe('founded');
  });
});

describe('a follow-up’s opening reaches the follow-up rewrite in English', () => {
  const read = (lang: OtherLanguage, text: string): string => new Translator(TABLES[lang], lexicons).english(text);
  it('"and …" in each spaced language', () => {
    expect(read('it', 'E Yale?')).toBe('and Yale?');
    expect(read('es', 'Y Yale?')).toBe('and Yale?');
    expect(read('fr', 'Et Yale ?')).toBe('and Yale?');
    expect(read('de', 'Und Yale?')).toBe('and Yale?');
    expect(read('ru', 'А Йель?')).toMatch(/^and /);
  });
  it('"what about …", the longest opening first', () => {
    expect(read('de', 'Und was ist mit Yale?')).toBe('what about Yale?');
    expect(read('es', '¿Y qué hay de Yale?')).toBe('what about Yale?');
  });
  it('the Italian "è" stays a verb: accents are read as written', () => {
    expect(read('it', 'È Yale un membro fondatore?')).toMatch(/^is /);
  });
  it('an opening alone is not a follow-up', () => {
    expect(read('it', 'E?')).not.toMatch(/^and /);
  });
});
