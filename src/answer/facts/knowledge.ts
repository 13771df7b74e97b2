/**
 * What every facts answer looks things up in: the facts index with its entities and lists, the
 * names they go by, the main subject, the country data, and how replies are put together.
 */
import type { Answer, AnswerFacts, Source } from '../../types.js';
import type { Analyzer } from '../analyzer.js';
import { answer } from '../compose.js';
import { findEntity } from '../entities.js';
import type { EntityList } from '../passages.js';
import { osaDistance } from '../spelling.js';
import { fold, truncate } from '../text.js';
import { type Places, places as countryData } from './countries.js';
import type { FactsIndex } from './extract.js';
import type { FactEntity, FactList, SentenceRef } from './types.js';

/** How sure a facts answer is: it matched a form and every word of the question was accounted for. */
export const CONFIDENT = 0.9;

// Words that name no attribute: what the things are called in general, and how a place is asked.
export const GENERIC = [
  'member',
  'members',
  'institution',
  'institutions',
  'organisation',
  'organisations',
  'organization',
  'organizations',
  'entity',
  'entities',
  'one',
  'ones',
  'participant',
  'participants',
  'partner',
  'partners',
  'based',
  'located',
  'situated',
  'headquartered',
  'come',
  'comes',
  'list',
  'listed',
  'included',
  'include',
  'part',
  'total',
  'altogether',
  'all',
  'country',
  'countries',
  'continent',
  'region',
  'world',
  'among',
  'amongst',
  'within',
  'represented',
  'from',
  'different',
  'joined',
  'join',
  'take',
  'taking',
  'participate',
  'participating',
  'belong',
  'belongs',
  'involved',
  'signed',
  'most',
  'more',
  'than',
  'continents',
  'regions',
  'has',
  'have',
  'with',
  'outside',
  'non',
  'except',
  'excluding',
];

const PRONOUN = /^(?:it|its|they|them|this|that)$/i;

export const sameTerm = (a: string, b: string): boolean => a === b || (Math.min(a.length, b.length) >= 5 && osaDistance(a, b, 1) <= 1);

export const plural = (word: string): string =>
  /[^aeiou]y$/.test(word) ? `${word.slice(0, -1)}ies` : /(?:s|x|z|ch|sh)$/.test(word) ? `${word}es` : `${word}s`;

// "an online platform", "a university": a vowel sound, not a vowel letter ("uni-", "use", "eu-" and "one" sound like "y"/"w").
export const article = (phrase: string): string =>
  /^(?:[aio]|e(?!u)|u(?!ni|s[aeiu]|r[aeiou]))/i.test(phrase) && !/^one\b/i.test(phrase) ? `an ${phrase}` : `a ${phrase}`;

/** A country's name in running text: "the" before the plural and compound ones ("the United States"). */
export const inText = (name: string): string =>
  /\b(?:united|republic|kingdom|federation|islands|states|emirates)\b|(?:lands|ines)$/i.test(name) ? `the ${name}` : name;

export const sourceOf = (s: SentenceRef): Source => ({
  document: s.doc.title,
  quote: truncate(s.text, 300),
  ...(s.section ? { section: s.section } : {}),
  ...(s.doc.url ? { url: s.doc.url } : {}),
});

/** The facts index with its lookups, shared by the answers of each form. */
export class FactsKnowledge {
  readonly subjectTerms: string[];
  readonly kindTermsOf = new Map<FactEntity, string[]>();
  readonly generic: Set<string>;
  /** Every kind word and every city the knowledge gives, worked out once. */
  readonly allKinds: string[];
  readonly cityNames: string[];
  private readonly namedCache = new Map<string, boolean>();

  readonly places: Places;

  constructor(
    readonly index: FactsIndex,
    readonly analyzer: Analyzer,
    places?: Places,
  ) {
    this.places = places ?? countryData();
    this.subjectTerms = analyzer.terms(index.subject, 'question');
    for (const e of index.entities) if (e.kind) this.kindTermsOf.set(e, analyzer.terms(e.kind));
    this.generic = new Set(GENERIC.flatMap((w) => analyzer.terms(w, 'question')));
    this.allKinds = [...new Set([...this.kindTermsOf.values()].flat())];
    this.cityNames = [...new Set(index.entities.map((e) => e.city).filter((c): c is string => Boolean(c)))];
    // The lookup maps are built now, with the rest of the knowledge (in the worker for a large one),
    // so no question waits for them.
    this.opening('');
    this.candidates('');
    this.position(index.sentences[0] ?? { doc: { file: '', title: '' }, text: '' });
  }

  /** The entity a phrase names in full (tolerant: case, word order, one typo, an acronym), if any. */
  entityNamed(phrase: string): FactEntity | undefined {
    const cleaned = phrase.replace(/^(?:the|a|an)\s+/i, '').replace(/'s$/, '');
    if (cleaned === '' || this.isSubject(cleaned)) return undefined;
    const pseudo: EntityList = { intro: '', name: '', items: this.candidates(cleaned), aboutTerms: new Set() };
    const found = findEntity(cleaned, pseudo);
    if (found?.match !== 'exact') return undefined;
    const e = found.entity as FactEntity;
    // A part of a name names the thing only when it is the name's start ("RWTH", "Tsinghua") or
    // said of nothing else ("Aachen"); "MOOC" is in the subject's name and in "Thai MOOC".
    const asked = this.analyzer.terms(cleaned, 'question');
    const own = e.names.flatMap((n) => this.analyzer.terms(n, 'question'));
    if (asked.every((t) => own.includes(t)) && asked.length < own.length) {
      const first = this.analyzer.terms(e.name, 'question')[0];
      const elsewhere = (t: string): boolean =>
        this.subjectTerms.includes(t) ||
        this.index.entities.some((o) => o !== e && o.names.some((n) => this.analyzer.terms(n, 'question').includes(t)));
      if (asked[0] !== first && asked.some(elsewhere)) return undefined;
    }
    return e;
  }

  /** A name to open a sentence with, with "The" when the knowledge writes it so ("The Global MOOC Conference"). */
  named(name: string, initial = true): string {
    let withThe = this.namedCache.get(name);
    if (withThe === undefined) {
      const the = new RegExp(`\\bthe ${escapeRegExp(name)}\\b`, 'i');
      withThe = this.index.sentences.some((s) => the.test(s.text));
      if (this.namedCache.size < 10_000) this.namedCache.set(name, withThe);
    }
    return withThe ? `${initial ? 'The' : 'the'} ${name}` : name;
  }

  namesInText(names: string[]): string {
    return joinNames(names.map((n) => this.named(n, false)));
  }

  byWord?: Map<string, FactEntity[]>;
  /**
   * The entities worth comparing with a name: all of a small knowledge base's (tolerant matching
   * allows typos), else those sharing a word or initials with it, so a large one stays fast.
   */
  candidates(name: string): FactEntity[] {
    if (this.index.entities.length <= 300) return this.index.entities;
    if (!this.byWord) {
      this.byWord = new Map();
      for (const e of this.index.entities) {
        const keys = new Set(
          e.names.flatMap((n) => [
            ...wordsOf(n),
            wordsOf(n)
              .map((w) => w[0])
              .join(''),
          ]),
        );
        for (const k of keys) this.byWord.set(k, [...(this.byWord.get(k) ?? []), e]);
      }
    }
    return [...new Set(wordsOf(name).flatMap((w) => this.byWord?.get(w) ?? []))];
  }

  positions?: Map<SentenceRef, number>;
  /** A sentence's place in the knowledge, for keeping document order. */
  position(s: SentenceRef): number {
    this.positions ??= new Map(this.index.sentences.map((x, i) => [x, i]));
    return this.positions.get(s) ?? 0;
  }

  byOpening?: Map<string, SentenceRef[]>;
  /** Sentences by their first word (after an article), for definitions. */
  opening(word: string): SentenceRef[] {
    if (!this.byOpening) {
      this.byOpening = new Map();
      for (const s of this.index.sentences) {
        // The first word after an article, folded alone: folding every sentence whole costs a large knowledge base.
        const word = /^[^\p{L}\p{N}]*(?:(?:the|a|an)\s+)?([\p{L}\p{N}]+)/iu.exec(s.text)?.[1];
        const first = word ? fold(word) : undefined;
        if (first) this.byOpening.set(first, [...(this.byOpening.get(first) ?? []), s]);
      }
    }
    return this.byOpening.get(word) ?? [];
  }

  /** Whether a phrase names the main subject: "it", "the alliance", "the Global MOOC Alliance". */
  isSubject(phrase: string): boolean {
    if (PRONOUN.test(phrase.trim())) return true;
    const terms = this.analyzer.terms(phrase, 'question');
    const head = this.subjectTerms.at(-1);
    return terms.length > 0 && head !== undefined && terms.includes(head) && terms.every((t) => this.subjectTerms.includes(t));
  }

  private readonly wordUse = new Map<string, boolean>();
  /**
   * Whether the knowledge says a term of something it names, as a common noun (in lower case, in
   * a sentence with a known name): "The festival sponsors are: Harbour Bank, …" gives "sponsor" as
   * a role, so a question about it is the text's to answer; "students" in a quotation naming none
   * of them, or "university" only inside "Can Tho University", is not.
   */
  usesWord(term: string): boolean {
    const known = this.wordUse.get(term);
    if (known !== undefined) return known;
    const names = this.index.entities.flatMap((e) => e.names);
    const used = this.index.sentences.some((s) => {
      const lower = s.text.match(/(?<![\p{L}\p{N}])\p{Ll}[\p{L}-]*/gu) ?? [];
      return this.analyzer.terms(lower.join(' ')).includes(term) && names.some((n) => s.text.includes(n));
    });
    if (this.wordUse.size < 1000) this.wordUse.set(term, used);
    return used;
  }

  /** The lists an entity is on. */
  listsOf(entity: FactEntity): FactList[] {
    return this.index.lists.filter((l) => l.members.includes(entity));
  }

  /** "Hangzhou, China"; in running text a country alone takes its article ("in the United States"). */
  placeOf(e: FactEntity, running = false): string {
    // The country as the knowledge writes it ("Côte d'Ivoire"), else as the data names it.
    const known = e.countryName?.replace(/^the\s+/i, '') ?? (e.country ? this.places.country(e.country)?.name : undefined);
    const country = known && running && !e.city ? inText(known) : known;
    return [e.city, country].filter((p, i, all): p is string => Boolean(p) && all.indexOf(p) === i).join(', ');
  }

  subjectAliases(): string[] {
    const head = this.index.subject.split(/\s+/).at(-1) ?? '';
    return [`the ${head}`, `this ${head}`];
  }

  /** Sentences that name an entity (any of its names, as a whole word). */
  mentions(e: FactEntity): SentenceRef[] {
    const patterns = e.names.map(
      (n) => new RegExp(`(?:^|[^\\p{L}\\p{N}])${escapeRegExp(n)}(?![\\p{L}\\p{N}])`, /^[\p{Lu}\p{N}]+$/u.test(n) ? 'u' : 'iu'),
    );
    return this.index.sentences.filter((s) => patterns.some((p) => p.test(s.text)));
  }

  reply(kind: Answer['kind'], text: string, sources: (Source | undefined)[], facts: AnswerFacts, confidence = CONFIDENT): Answer {
    const unique = sources.filter((s, i, all): s is Source => s !== undefined && all.findIndex((o) => o?.quote === s.quote) === i);
    return { ...answer(kind, text, confidence, unique), facts };
  }
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// Small numbers as words, for "more than two members".
export const NUMBERS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

export const capital = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** Folded words of a text. */
export function wordsOf(text: string): string[] {
  return fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

export function countBy(values: string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]);
}

export function joinNames(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
