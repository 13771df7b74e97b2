import { describe, expect, it } from 'vitest';
import type { Lexicon } from '../../src/language/lexicon.js';
import { Localizer, localDate } from '../../src/language/localize.js';
import type { OtherLanguage } from '../../src/language/types.js';
import type { Answer } from '../../src/types.js';

const lexicons: Lexicon[] = (['it', 'es', 'fr', 'de', 'pt', 'ru', 'zh'] as OtherLanguage[]).map((lang) => ({
  lang,
  file: `lexicon/${lang}.yaml`,
  entries: [
    {
      english: 'partners',
      forms: [{ it: 'partner', es: 'socios', fr: 'partenaires', de: 'Partner', pt: 'parceiros', ru: 'партнёры', zh: '合作伙伴' }[lang]],
      line: 1,
    },
  ],
}));
const localizer = (lang: OtherLanguage) => new Localizer(lang, lexicons, 'Example Network');
const reply = (kind: Answer['kind'], text: string, facts?: Answer['facts']): Answer => ({
  kind,
  text,
  confidence: 0.9,
  sources: [],
  suggestions: [],
  ...(facts ? { facts } : {}),
});
// What the shared scorer accepts as "I don't know" in each language.
const ABSTAIN = /non (lo )?so(?!\p{L})|no (lo )?sé(?!\p{L})|ne sais pas|weiß (es |das )?nicht|não sei|не знаю|不知道/iu;

describe('dates through Intl.DateTimeFormat', () => {
  it('formats an English date in each language', () => {
    expect(localDate('It opened on 3 March.', 'it-IT')).toBe('3 marzo');
    expect(localDate('on March 3, 2021', 'ru-RU')).toBe('3 марта 2021 г.');
    expect(localDate('3 March', 'zh-CN')).toBe('3月3日');
    expect(localDate('3 March', 'es-ES')).toBe('3 de marzo');
    expect(localDate('no date here', 'de-DE')).toBeUndefined();
  });
});

describe('structured answers in the question’s language', () => {
  const facts = { listName: 'Example Network partners', entities: ['Alpha Institute', 'Beta College'] };
  it('yes, no and not exactly, with the entity as the knowledge writes it', () => {
    expect(
      localizer('de').localize(reply('membership', 'Yes. …', { ...facts, yes: true, entities: ['Alpha Institute'] }), false).text,
    ).toBe('Ja. Alpha Institute ist eines der Partner von Example Network.');
    expect(localizer('fr').localize(reply('membership', 'No. …', { ...facts, yes: false, entities: [] }), false).text).toMatch(/^Non\b/);
    expect(localizer('it').localize(reply('membership', 'Not exactly …', { ...facts, entities: ['Beta College'] }), false).text).toMatch(
      /^Non esattamente: .*Beta College/,
    );
  });
  it('a count names the number and the items', () => {
    const text = localizer('pt').localize(reply('count', 'There are 2 …', { ...facts, count: 2 }), false).text;
    expect(text).toBe('Existem 2 parceiros de Example Network: Alpha Institute, Beta College.');
  });
  it('a list as bullets under a line in the language', () => {
    const text = localizer('zh').localize(reply('list', 'The partners are: …', facts), false).text;
    expect(text).toBe('Example Network 的合作伙伴有：\n- Alpha Institute\n- Beta College');
  });
  it('a list narrowed after its term keeps the narrowing in English', () => {
    expect(localizer('it').listName('Example Network partners in China')).toBe('partner di Example Network (in China)');
  });
  it('a value the core pulled out leads a passage', () => {
    const text = localizer('fr').localize(
      reply('passage', 'It was organised by Alpha.', { value: 'Alpha', valueType: 'organization' }),
      false,
    ).text;
    expect(text).toBe("Alpha. D'après la source (en anglais) : « It was organised by Alpha. »");
  });
  it('a list the lexicon has no word for keeps its English name', () => {
    expect(localizer('es').listName('Example Network sponsors')).toBe('Example Network sponsors');
  });
  it('a "when" answer gives the date in the language and quotes the English source, saying so', () => {
    const text = localizer('ru').localize(reply('passage', 'The network was launched on 11 December.'), true).text;
    expect(text).toBe('11 декабря. Из источника (на английском): «The network was launched on 11 December.»');
  });
  it('another passage is quoted in English, saying so', () => {
    expect(localizer('es').localize(reply('faq', 'A MOOC is a course.'), false).text).toBe(
      'Según la fuente (en inglés): «A MOOC is a course.»',
    );
  });
  it('marks the answer’s language (for the suggestions’ lead-in)', () => {
    expect(localizer('fr').localize(reply('passage', 'Text.'), false).lang).toBe('fr');
  });
});

describe('a refusal in each language', () => {
  for (const lang of ['it', 'es', 'fr', 'de', 'pt', 'ru', 'zh'] as OtherLanguage[]) {
    it(`${lang}: says it does not know, short, keeps the suggestions`, () => {
      const out = localizer(lang).localize(
        { ...reply('unknown', "I don't know the answer to that."), suggestions: ['Who are the partners?'] },
        false,
      );
      expect(out.text).toMatch(ABSTAIN);
      expect(out.text).not.toMatch(/I don't know/);
      expect(out.text.length).toBeLessThan(200);
      expect(out.suggestions).toEqual(['Who are the partners?']);
    });
  }
});
