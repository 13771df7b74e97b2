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
      // Country data writes China as "КНР (…)": people write Китай, which a lexicon adds.
      { english: 'China', forms: ['Китай'], line: 5 },
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
      { english: 'universities', forms: ['大学'], line: 5 },
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
  it('Chinese "那X呢？" and "X呢？" are "what about X?", not a question ending in 呢', () => {
    expect(read('zh', '那清华大学呢？')).toBe('what about Tsinghua University?');
    expect(read('zh', '清华大学呢？')).toBe('what about Tsinghua University?');
    expect(read('zh', '那些成员在哪里？')).not.toMatch(/^what about/);
    expect(read('zh', '哪些成员在联盟呢？')).toMatch(/^which /);
  });
  it('an opening alone is not a follow-up', () => {
    expect(read('it', 'E?')).not.toMatch(/^and /);
  });
});

describe('continents and world regions, from CLDR', () => {
  it('read as the English names in each language', () => {
    expect(english('es', '¿Qué miembros están en Europa?')).toMatch(/\bEurope\b/);
    expect(english('fr', 'Quels membres sont en Asie ?')).toMatch(/\bAsia\b/);
    expect(english('de', 'Welche Mitglieder sind in Südamerika?')).toMatch(/\bSouth America\b/);
    expect(english('zh', '哪些成员在欧洲？')).toMatch(/\bEurope\b/);
  });
  it('in the Russian cases', () => {
    expect(english('ru', 'Какие члены находятся в Азии?')).toMatch(/\bAsia\b/);
    expect(english('ru', 'Какие члены находятся в Северной Америке?')).toMatch(/\bNorth America\b/);
  });
  it('country names in the Russian cases too, short ones included', () => {
    expect(english('ru', 'Какие университеты из Германии?')).toMatch(/\bGermany\b/);
    expect(english('ru', 'Какие университеты из Китая?')).toMatch(/\bChina\b/);
    expect(english('ru', 'Есть ли участники из Японии?')).toMatch(/\bJapan\b/);
  });
});

describe('pronouns read as the English ones the follow-up rewrite resolves', () => {
  it('"which of them" in each language', () => {
    expect(english('it', 'Quali di questi sono in Asia?')).toBe('which of those are in Asia?');
    expect(english('es', '¿Cuáles de ellos están en Asia?')).toBe('which of those are in Asia?');
    expect(english('fr', 'Lesquels sont en Asie ?')).toBe('which of those are in Asia?');
    expect(english('de', 'Welche davon sind in Asien?')).toBe('which of those are in Asia?');
    expect(english('pt', 'Quais deles estão na Ásia?')).toBe('which of those are in Asia?');
    expect(english('ru', 'Какие из них в Азии?')).toBe('which of those in Asia?');
    expect(english('zh', '其中哪些在亚洲？')).toBe('which of those in Asia?');
  });
  it('a dropped or clitic subject leaves a subjectless question', () => {
    expect(english('it', 'Dove si trova?')).toBe('where is located?');
    expect(english('fr', 'Où est-il situé ?')).toBe('where is located?');
    expect(english('es', '¿Quién la lanzó?')).toBe('who launched?');
    expect(english('zh', '它在哪里？')).toBe('where it?');
  });
  it('a French inverted pronoun is still no subject', () => {
    expect(english('fr', "L'Université de Pékin est-elle membre ?")).not.toMatch(/\b(?:it|she)\b/);
  });
});

describe('prepositional question words', () => {
  it('stay with their question word', () => {
    expect(english('de', 'In welcher Universität?')).toMatch(/^in which /);
    expect(english('it', 'In quale evento?')).toMatch(/^in which /);
    expect(english('ru', 'В каком году?')).toMatch(/^in which /);
  });
  it('"by whom" in each language', () => {
    expect(english('es', '¿Por quién?')).toBe('by whom?');
    expect(english('fr', 'Par qui ?')).toBe('by whom?');
    expect(english('it', 'Da chi?')).toBe('by whom?');
    expect(english('de', 'Von wem?')).toBe('by whom?');
    expect(english('pt', 'Por quem?')).toBe('by whom?');
    expect(english('ru', 'Кем?')).toBe('by whom?');
    expect(english('zh', '由谁？')).toBe('by whom?');
  });
  it('Russian "что такое" and "какова" are "what is"', () => {
    expect(english('ru', 'Что такое эдикс?')).toMatch(/^what is /);
    expect(english('ru', 'Какова цель альянса?')).toMatch(/^what is /);
  });
});

describe('German written without umlauts', () => {
  it('is the same word ("gegruendet" is "gegründet")', () => {
    const de: Lexicon = { lang: 'de', file: 'lexicon/de.yaml', entries: [{ english: 'founded', forms: ['gegründet'], line: 1 }] };
    const read = (text: string): string => new Translator(TABLES.de, [de]).english(text);
    expect(read('Wer hat die Allianz gegruendet?')).toMatch(/\bfounded\b/);
    expect(read('Wer hat die Allianz gegründet?')).toMatch(/\bfounded\b/);
  });
});

describe('a Chinese name nobody mapped before its head noun', () => {
  it('reads as one name with the English head ("耶鲁大学" → "耶鲁 University")', () => {
    expect(english('zh', '耶鲁大学是成员吗？')).toMatch(/耶鲁 University/);
  });
});
