/**
 * Answers in the question's language: structured answers (yes/no, counts, lists, dates) from the
 * language's frames and the answer's facts, with names as the knowledge writes them; passages and
 * FAQ answers quoted in English, saying so; "I don't know" and help in the language.
 */
import { stemmer } from 'stemmer';
import type { Answer } from '../types.js';
import type { Lexicon } from './lexicon.js';
import { TABLES } from './tables/index.js';
import type { LanguageTable, OtherLanguage } from './types.js';

/** The longest reply the core gives (see answer/compose.ts). */
const MAX_LENGTH = 1500;

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = `(${MONTHS.join('|')}|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\\.?`;
const DAY_MONTH = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}(?:,?\\s+(\\d{4}))?\\b`, 'i');
const MONTH_DAY = new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?\\b`, 'i');

/** A date written in English ("11 December", "December 11, 2023"), formatted for a locale. */
export function localDate(english: string, locale: string): string | undefined {
  const a = DAY_MONTH.exec(english);
  const b = a ? undefined : MONTH_DAY.exec(english);
  const [day, month, year] = a ? [a[1], a[2], a[3]] : b ? [b[2], b[1], b[3]] : [];
  if (!day || !month) return undefined;
  const m = MONTHS.findIndex((name) => name.startsWith(month.toLowerCase().slice(0, 3)));
  if (m < 0 || Number(day) < 1 || Number(day) > 31) return undefined;
  const date = new Date(Date.UTC(year ? Number(year) : 2000, m, Number(day)));
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', ...(year ? { year: 'numeric' } : {}), timeZone: 'UTC' }).format(
    date,
  );
}

const englishStems = (text: string): string[] => (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).map((w) => stemmer(w));

/** Words the answer frames need: how this language names a list the knowledge names in English. */
export class Localizer {
  private readonly table: LanguageTable;
  private readonly terms: { stems: string[]; local: string }[];

  constructor(
    lang: OtherLanguage,
    lexicons: readonly Lexicon[],
    private readonly subject: string,
  ) {
    this.table = TABLES[lang];
    this.terms = lexicons
      .filter((l) => l.lang === lang)
      .flatMap((l) => l.entries.filter((e) => /^\p{Ll}/u.test(e.english)))
      .map((e) => ({ stems: englishStems(e.english), local: e.forms[0] as string }))
      .sort((a, b) => b.stems.length - a.stems.length);
  }

  /**
   * "Global MOOC Alliance founding members" → "membri fondatori di Global MOOC Alliance": the
   * longest lexicon term in the name, what it belongs to after it; as written when no term is known.
   */
  listName(english: string): string {
    const words = english.split(/\s+/);
    const stems = englishStems(english);
    if (stems.length !== words.length) return english;
    for (const term of this.terms) {
      for (let i = 0; i + term.stems.length <= stems.length; i++) {
        if (!term.stems.every((s, k) => stems[i + k] === s)) continue;
        // What the list belongs to comes before the term ("Global MOOC Alliance founding members");
        // what narrows it follows, kept in English ("founding members in China").
        const owner = words.slice(0, i).join(' ');
        const narrowed = words.slice(i + term.stems.length).join(' ');
        const named = owner ? this.table.frames.of(term.local, owner) : term.local;
        return narrowed ? `${named} (${narrowed})` : named;
      }
    }
    return english;
  }

  /** The answer in this language; `asksWhen` says the question asked for a date. */
  localize(answer: Answer, asksWhen: boolean): Answer {
    const f = this.table.frames;
    const facts = answer.facts ?? {};
    const list = facts.listName ? this.listName(facts.listName) : undefined;
    const entity = facts.entities?.[0];
    let text: string | undefined;
    switch (answer.kind) {
      case 'unknown':
        text = f.dontKnow(this.subject);
        break;
      case 'help':
        text = f.help(this.subject);
        break;
      case 'membership':
        if (list && facts.yes === true && entity) text = f.yes(entity, list);
        else if (list && facts.yes === false) text = f.no(list);
        else if (list && entity) text = f.partial(entity, list);
        break;
      case 'count':
        if (list && facts.count !== undefined) text = f.count(facts.count, list, facts.entities ?? []);
        break;
      case 'list':
        if (list && facts.entities?.length) text = [f.list(list), ...facts.entities.map((e) => `- ${e}`)].join('\n');
        break;
      case 'passage':
      case 'faq': {
        const date =
          asksWhen || facts.valueType === 'date'
            ? localDate(facts.valueType === 'date' && facts.value ? facts.value : answer.text, this.table.locale)
            : undefined;
        // A short value the core pulled out (a name, a place, a number) leads, as the knowledge writes it.
        const value = !date && facts.value && facts.valueType !== 'date' ? `${facts.value}. ` : '';
        text = date ? `${f.date(date)} ${f.quote(answer.text)}` : `${value}${f.quote(answer.text)}`;
        break;
      }
      default:
        return answer;
    }
    return { ...answer, text: bound(text ?? f.quote(answer.text)), lang: this.table.code };
  }
}

function bound(text: string): string {
  return text.length <= MAX_LENGTH ? text : `${text.slice(0, MAX_LENGTH - 1).trimEnd()}…`;
}
