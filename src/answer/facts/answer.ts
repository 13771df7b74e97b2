/**
 * Answers questions about the things the knowledge lists: filter, count and existence over a
 * list's attributes, where a thing is, what it is or stands for, what else the text says of it,
 * and questions whose premise the lists contradict. Every answer names the list it comes from;
 * a name in a reply is a known entity, or the person's words quoted whole.
 */
import type { Answer, AnswerFacts, Source } from '../../types.js';
import type { Analyzer } from '../analyzer.js';
import { answer } from '../compose.js';
import { findEntity } from '../entities.js';
import type { EntityList } from '../passages.js';
import { osaDistance } from '../spelling.js';
import { fold, truncate } from '../text.js';
import { type Place, type Places, placeKey, places as countryData } from './countries.js';
import type { FactsIndex } from './extract.js';
import { type FactsQuestion, readFactsQuestion } from './read.js';
import type { FactEntity, FactList, SentenceRef } from './types.js';

/** How sure a facts answer is: it matched a form and every word of the question was accounted for. */
const CONFIDENT = 0.9;
const MAX_TEXT = 680;

// Words that name no attribute: what the things are called in general, and how a place is asked.
const GENERIC = [
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

/** A filter read from a question: the list, the kind words, the places. */
interface Filter {
  list: FactList;
  kindTerms: string[];
  places: Place[];
  /**
   * The places grouped as asked: "in Europe or Asia" is one group (either), "European members in
   * Asia" two (both); an entity must be in a place of every group.
   */
  groups: Place[][];
  cities: string[];
  /** "not universities", "outside Asia": the members that do not match. */
  negated: boolean;
  /** Place phrases the person named that no data knows ("on the Moon"), as written. */
  unknownPlaces: string[];
}

const sameTerm = (a: string, b: string): boolean => a === b || (Math.min(a.length, b.length) >= 5 && osaDistance(a, b, 1) <= 1);

const plural = (word: string): string =>
  /[^aeiou]y$/.test(word) ? `${word.slice(0, -1)}ies` : /(?:s|x|z|ch|sh)$/.test(word) ? `${word}es` : `${word}s`;

// "an online platform", "a university": a vowel sound, not a vowel letter ("uni-", "use", "eu-" and "one" sound like "y"/"w").
const article = (phrase: string): string =>
  /^(?:[aio]|e(?!u)|u(?!ni|s[aeiu]|r[aeiou]))/i.test(phrase) && !/^one\b/i.test(phrase) ? `an ${phrase}` : `a ${phrase}`;

/** A country's name in running text: "the" before the plural and compound ones ("the United States"). */
export const inText = (name: string): string =>
  /\b(?:united|republic|kingdom|federation|islands|states|emirates)\b|(?:lands|ines)$/i.test(name) ? `the ${name}` : name;

const sourceOf = (s: SentenceRef): Source => ({
  document: s.doc.title,
  quote: truncate(s.text, 300),
  ...(s.section ? { section: s.section } : {}),
  ...(s.doc.url ? { url: s.doc.url } : {}),
});

/** Answers the facts questions of one knowledge base; built once with the Answerer. */
export class FactsAnswerer {
  private readonly subjectTerms: string[];
  private readonly kindTermsOf = new Map<FactEntity, string[]>();
  private readonly generic: Set<string>;
  /** Every kind word and every city the knowledge gives, worked out once. */
  private readonly allKinds: string[];
  private readonly cityNames: string[];
  private readonly namedCache = new Map<string, boolean>();

  constructor(
    readonly index: FactsIndex,
    private readonly analyzer: Analyzer,
    private readonly places: Places = countryData(),
  ) {
    this.subjectTerms = analyzer.terms(index.subject, 'question');
    for (const e of index.entities) if (e.kind) this.kindTermsOf.set(e, analyzer.terms(e.kind));
    this.generic = new Set(GENERIC.flatMap((w) => analyzer.terms(w, 'question')));
    this.allKinds = [...new Set([...this.kindTermsOf.values()].flat())];
    this.cityNames = [...new Set(index.entities.map((e) => e.city).filter((c): c is string => Boolean(c)))];
  }

  /**
   * The structured facts of a passage answerer's list, count or yes/no answer (the list it comes
   * from, the entities it names, the count, yes or no), for follow-ups and other languages.
   */
  factsOf(reply: Answer): AnswerFacts | undefined {
    if (reply.facts || !['list', 'count', 'membership'].includes(reply.kind)) return reply.facts;
    const quotes = reply.sources.map((s) => s.quote);
    const list =
      this.index.lists.find((l) => quotes.some((q) => q.startsWith(l.source.text.slice(0, 40)))) ??
      this.index.lists.find((l) => reply.text.includes(l.name));
    if (!list) return undefined;
    if (reply.kind === 'membership') {
      const named = this.index.entities.filter((e) => reply.text.includes(e.label));
      const yes = /^Yes\b/.test(reply.text) ? true : /^No\b/.test(reply.text) ? false : undefined;
      return {
        listName: list.name,
        ...(named.length ? { entities: named.map((e) => e.name) } : {}),
        ...(yes !== undefined ? { yes } : {}),
        ...(named.length === 1 && named[0] ? { topic: named[0].name } : {}),
      };
    }
    return {
      listName: list.name,
      entities: list.members.map((m) => m.name),
      ...(reply.kind === 'count' ? { count: list.members.length } : {}),
    };
  }

  /** One line per entity named: its kind, place, relations and lists (for `kb why`). */
  explainEntities(names: readonly string[]): string[] {
    return names
      .map((n) => this.index.entities.find((e) => e.name === n))
      .filter((e): e is FactEntity => e !== undefined)
      .slice(0, 8)
      .map((e) => {
        const attrs = [e.kind, this.placeOf(e), ...e.relations.map((r) => `${r.relation} ${joinNames(r.objects)}`)].filter(Boolean);
        const lists = this.listsOf(e).map((l) => l.name);
        return `${e.label}${attrs.length ? `: ${attrs.join('; ')}` : ''}${lists.length ? ` [${lists.join(', ')}]` : ' [mentioned, on no list]'}`;
      });
  }

  /** What was extracted, for `npm run check` and the reload report: each list with its kinds and countries. */
  summary(): string[] {
    const lines: string[] = [];
    const described = this.index.lists.filter((l) => l.members.filter((m) => m.kind || m.country || m.city).length * 2 >= l.members.length);
    for (const l of described) {
      // "national online learning platform" counts with "online learning platform": a kind of two or
      // more words takes in the longer kinds ending with it ("university" alone keeps "technical university" apart).
      const all = [...new Set(l.members.map((m) => m.kind).filter((k): k is string => Boolean(k)))];
      const group = (kind: string): string =>
        all.filter((k) => k.includes(' ') && k !== kind && kind.endsWith(` ${k}`)).sort((a, b) => a.length - b.length)[0] ?? kind;
      const kinds = countBy(l.members.map((m) => (m.kind ? group(m.kind) : 'kind not given')));
      const countries = new Set(l.members.map((m) => m.country).filter(Boolean)).size;
      const placed = l.members.filter((m) => m.country).length;
      lines.push(
        `${l.members.length} ${l.name} (${kinds.map(([k, n]) => `${k} ${n}`).join(', ')}; ${placed} with a country, ${countries} countries)`,
      );
    }
    const plain = this.index.lists.length - described.length;
    if (plain) lines.push(`${plain} other list${plain === 1 ? '' : 's'} whose members have no kind or place`);
    const mentioned = this.index.entities.filter((e) => !this.index.lists.some((l) => l.members.includes(e)));
    if (mentioned.length)
      lines.push(
        `${mentioned.length} mentioned, on no list: ${mentioned
          .map((e) => e.name)
          .slice(0, 8)
          .join(', ')}${mentioned.length > 8 ? ', …' : ''}`,
      );
    if (this.index.expansions.length)
      lines.push(
        `${new Set(this.index.expansions.map((x) => x.short)).size} expansion(s): ${[...new Set(this.index.expansions.map((x) => `${x.short} = ${x.long}`))].slice(0, 5).join('; ')}`,
      );
    return lines;
  }

  /** A confident answer, or undefined to let the passage answerer answer. */
  answer(text: string): Answer | undefined {
    const question = readFactsQuestion(text);
    if (!question) return undefined;
    switch (question.form) {
      case 'expand':
        return this.expand(question.about);
      case 'leader':
        return this.leader(question.about);
      case 'premise':
        return this.premise(question);
      case 'besides':
        return this.describe(question.about, 'besides');
      case 'where':
        return this.where(question.about);
      case 'agent':
        return this.agent(question.about, question.verb);
      case 'kind':
        return this.kindOf(question.about);
      case 'check':
        return this.check(question.about, question.value, question.link);
      case 'describe':
        return this.describe(question.about, question.tell ? 'tell' : 'what') ?? this.filtered('filter', question.about);
      default:
        return this.filtered(question.form, question.rest);
    }
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
  private named(name: string, initial = true): string {
    let withThe = this.namedCache.get(name);
    if (withThe === undefined) {
      const the = new RegExp(`\\bthe ${escapeRegExp(name)}\\b`, 'i');
      withThe = this.index.sentences.some((s) => the.test(s.text));
      if (this.namedCache.size < 10_000) this.namedCache.set(name, withThe);
    }
    return withThe ? `${initial ? 'The' : 'the'} ${name}` : name;
  }

  private namesInText(names: string[]): string {
    return joinNames(names.map((n) => this.named(n, false)));
  }

  private byWord?: Map<string, FactEntity[]>;
  /**
   * The entities worth comparing with a name: all of a small knowledge base's (tolerant matching
   * allows typos), else those sharing a word or initials with it, so a large one stays fast.
   */
  private candidates(name: string): FactEntity[] {
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

  private positions?: Map<SentenceRef, number>;
  /** A sentence's place in the knowledge, for keeping document order. */
  private position(s: SentenceRef): number {
    this.positions ??= new Map(this.index.sentences.map((x, i) => [x, i]));
    return this.positions.get(s) ?? 0;
  }

  private byOpening?: Map<string, SentenceRef[]>;
  /** Sentences by their first word (after an article), for definitions. */
  private opening(word: string): SentenceRef[] {
    if (!this.byOpening) {
      this.byOpening = new Map();
      for (const s of this.index.sentences) {
        const first = wordsOf(s.text.slice(0, 60)).find((w) => !/^(?:the|a|an)$/.test(w));
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

  /** The lists an entity is on. */
  listsOf(entity: FactEntity): FactList[] {
    return this.index.lists.filter((l) => l.members.includes(entity));
  }

  private where(about: string): Answer | undefined {
    if (this.isSubject(about)) return this.whereSubject();
    const e = this.entityNamed(about);
    if (!e || (!e.city && !e.country)) return undefined;
    const value = this.placeOf(e);
    const list = this.listsOf(e)[0];
    const text = `${this.named(e.name)} is in ${this.placeOf(e, true)}.${list ? ` It is one of the ${list.members.length} ${list.name}.` : ''}`;
    return this.reply('passage', text, [e.profile ? sourceOf(e.profile) : undefined], {
      entities: [e.name],
      topic: e.name,
      value,
      valueType: 'place',
      ...(list ? { listName: list.name } : {}),
    });
  }

  /** "What kind of institution is X?": the kind its profile gives. */
  private kindOf(about: string): Answer | undefined {
    const e = this.entityNamed(about);
    if (!e?.kind) return undefined;
    const list = this.listsOf(e)[0];
    return this.reply('passage', `${this.named(e.name)} is ${article(e.kind)}.`, [e.profile ? sourceOf(e.profile) : undefined], {
      entities: [e.name],
      topic: e.name,
      value: e.kind,
      valueType: 'name',
      ...(list ? { listName: list.name } : {}),
    });
  }

  /**
   * "Is X in Europe?", "Is X a Chinese university?": yes or no from X's attributes, saying what
   * they are. Undefined when the value names something no attribute holds ("a founding member").
   */
  private check(about: string, value: string, link: 'in' | 'is'): Answer | undefined {
    const country = link === 'is' ? this.places.lookup(about.replace(/^the\s+/i, '')) : undefined;
    if (country?.kind === 'country') return this.countryAsMember(country, value);
    const e = this.entityNamed(about);
    if (!e) return undefined;
    const words = value.split(/[\s,;]+/).filter(Boolean);
    const found = this.places.scan(words);
    const used = new Set(found.flatMap((f) => Array.from({ length: f.end - f.start }, (_, i) => f.start + i)));
    const city = link === 'in' && found.length === 0 ? value.replace(/^the\s+/i, '') : undefined;
    const cityKnown =
      city !== undefined && (this.index.entities.some((o) => o.city && placeKey(o.city) === placeKey(city)) || this.places.capitalOf(city));
    if (link === 'in' && found.length === 0 && !cityKnown) return undefined;
    const rest = this.analyzer.terms(words.filter((_, i) => !used.has(i)).join(' '), 'question');
    const allKinds = this.allKinds;
    if (link === 'in' && rest.length > 0 && !cityKnown) return undefined;
    if (link === 'is' && !rest.every((t) => allKinds.some((k) => sameTerm(k, t)))) return undefined;
    if (link === 'is' && rest.length === 0 && found.length === 0) return undefined;
    const kindTerms = link === 'is' ? rest : [];
    const own = this.kindTermsOf.get(e) ?? [];
    if (kindTerms.length > 0 && !e.kind) return undefined;
    if (found.length > 0 && !e.country) return undefined;
    if (cityKnown && !e.city && !e.country) return undefined;
    const kindOk = kindTerms.every((t) => own.some((k) => sameTerm(k, t)));
    const placeOk = cityKnown
      ? e.city !== undefined && placeKey(e.city) === placeKey(city ?? '')
      : found.every((f) => e.country !== undefined && this.places.contains(f.place, e.country));
    const yes = kindOk && placeOk;
    const where = this.placeOf(e, true);
    const what = [e.kind && (kindTerms.length > 0 || link === 'is') ? article(e.kind) : '', where ? `in ${where}` : '']
      .filter(Boolean)
      .join(' ');
    const list = this.listsOf(e)[0];
    return this.reply(
      'membership',
      `${yes ? 'Yes' : 'No'}. ${this.named(e.name)} is ${what}.`,
      [e.profile ? sourceOf(e.profile) : undefined],
      {
        entities: [e.name],
        topic: e.name,
        yes,
        ...(list ? { listName: list.name } : {}),
      },
    );
  }

  /** "Is Thailand a member?": a country is not a member; the members in it are named. */
  private countryAsMember(country: Place, value: string): Answer | undefined {
    const terms = this.analyzer.terms(value, 'question');
    const list = this.index.lists.find(
      (l) => terms.length > 0 && terms.every((t) => [t, ...this.analyzer.synonyms(t)].some((a) => l.aboutTerms.has(a))),
    );
    if (!list) return undefined;
    const inIt = list.members.filter((m) => m.country === country.code);
    const name = inText(country.name);
    const text = `No. ${capital(name)} is a country, not one of the ${list.members.length} ${list.name}; ${
      inIt.length
        ? `${inIt.length} of them ${inIt.length === 1 ? 'is' : 'are'} in ${name}: ${inIt.map((m) => m.label).join(', ')}.`
        : `none of them is in ${name}.`
    }`;
    return this.reply('membership', text, [sourceOf(list.source)], { entities: inIt.map((m) => m.name), listName: list.name, yes: false });
  }

  /** "Who founded X?": the relation X's profile or an appositive states ("founded by A and B"). */
  private agent(about: string, verb: string): Answer | undefined {
    const e = this.entityNamed(about);
    if (!e) return undefined;
    const stem = (w: string): string => this.analyzer.terms(w.replace(/^co-?/, ''))[0] ?? w;
    const wanted = stem(verb.split(/\s+/)[0] ?? verb);
    const r = e.relations.find((x) => stem(x.relation.split(/\s+/)[0] ?? '') === wanted);
    if (!r) return undefined;
    const list = this.listsOf(e)[0];
    return this.reply('passage', `${this.named(e.name)} was ${r.relation} ${this.namesInText(r.objects)}.`, [sourceOf(r.source)], {
      entities: r.objects,
      topic: e.name,
      ...(list ? { listName: list.name } : {}),
    });
  }

  /** "Where is the alliance based?": a sentence about the subject saying where it is, else that the text does not say. */
  private whereSubject(): Answer | undefined {
    const names = [this.index.subject, ...this.subjectAliases()];
    const openers = new Set([
      ...names.flatMap((n) =>
        wordsOf(n)
          .filter((w) => w !== 'the')
          .slice(0, 1),
      ),
      'it',
    ]);
    const said = [...openers]
      .flatMap((w) => this.opening(w))
      .some((s) => /\b(?:based|located|headquartered|seated|situated|hosted)\s+(?:in|at)\b|\bheadquarters\b|\bseat\b/i.test(s.text));
    if (said) return undefined;
    return this.reply(
      'unknown',
      `I don't know: the knowledge does not say where ${this.named(this.index.subject, false)} is based.`,
      [],
      {
        topic: this.index.subject,
      },
      0,
    );
  }

  /** "Hangzhou, China"; in running text a country alone takes its article ("in the United States"). */
  private placeOf(e: FactEntity, running = false): string {
    const known = e.country ? this.places.country(e.country)?.name : undefined;
    const country = known && running && !e.city ? inText(known) : known;
    return [e.city, country].filter((p, i, all): p is string => Boolean(p) && all.indexOf(p) === i).join(', ');
  }

  private expand(about: string): Answer | undefined {
    const key = fold(about.replace(/^(?:the\s+)?["“]?|["”]$/g, '').trim());
    const found = this.index.expansions.find((x) => fold(x.short) === key) ?? this.index.expansions.find((x) => fold(x.long) === key);
    if (!found) return undefined;
    const text = fold(found.short) === key ? `${found.short} stands for ${found.long}.` : `${found.long} is abbreviated ${found.short}.`;
    return this.reply('passage', text, [sourceOf(found.source)], { topic: found.short, value: found.long, valueType: 'name' });
  }

  /** "Who leads X?": answered by the passages when a sentence names a leader of X; when none does, said so. */
  private leader(about: string): Answer | undefined {
    const subject = this.isSubject(about);
    const e = subject ? undefined : this.entityNamed(about);
    if (!subject && !e) return undefined;
    const names = subject ? [this.index.subject, ...this.subjectAliases()] : (e?.names ?? []);
    const roles =
      /\b(?:leader|head|chair|chairman|chairwoman|chairperson|president|director|rector|chancellor|dean|ceo|chief|coordinator|secretary[- ]general|manager|governor|principal)s?\s+(?:of|at)\s+/i;
    const alternatives = names.map(escapeRegExp).join('|');
    const mention = new RegExp(`(?:${alternatives})`, 'i');
    const role = new RegExp(
      `${roles.source}(?:the\\s+)?(?:${alternatives})|\\b(?:leads|heads|chairs|runs|directs|manages)\\s+(?:the\\s+)?(?:${alternatives})`,
      'i',
    );
    const named = this.index.sentences.some(
      (s) =>
        mention.test(s.text) &&
        (role.test(s.text) || /\b(?:led|headed|chaired|run|directed|managed|governed|presided over|coordinated)\s+by\b/i.test(s.text)),
    );
    if (named) return undefined;
    const name = subject ? this.index.subject : (e?.name ?? '');
    return this.reply(
      'unknown',
      `I don't know: the knowledge does not say who leads ${this.named(name, false)}.`,
      [],
      {
        topic: name,
      },
      0,
    );
  }

  private subjectAliases(): string[] {
    const head = this.index.subject.split(/\s+/).at(-1) ?? '';
    return [`the ${head}`, `this ${head}`];
  }

  /** "Did X found the alliance?": yes when X is on the founding list, else no, with what the text does say of X. */
  private premise(q: { about: string; verb: string; object: string }): Answer | undefined {
    // "Was the alliance founded by X?" is "Did X found the alliance?".
    const passive = /^by\s+(.+)$/i.exec(q.object);
    if (passive?.[1] && this.isSubject(q.about)) return this.premise({ about: passive[1], verb: q.verb, object: q.about });
    if (!this.isSubject(q.object)) return undefined;
    const verbTerms = this.analyzer.terms(q.verb, 'question');
    // The list the verb is about ("found" → the founding members), else the first list.
    const list = this.index.lists.find((l) => verbTerms.some((t) => l.aboutTerms.has(t))) ?? this.index.lists[0];
    if (!list) return undefined;
    const e = this.entityNamed(q.about);
    const count = `${list.members.length} ${list.name}`;
    if (e && list.members.includes(e)) {
      return this.reply('membership', `Yes. ${e.label} is one of the ${count}.`, [sourceOf(list.source)], {
        entities: [e.name],
        listName: list.name,
        yes: true,
        topic: e.name,
      });
    }
    const who = e ? this.named(e.name) : `"${q.about}"`;
    const lines = [`No. ${who} is not one of the ${count}.`];
    const sources: (Source | undefined)[] = [sourceOf(list.source)];
    if (e) {
      for (const other of this.index.entities) {
        for (const r of other.relations) {
          if (!r.objects.some((o) => e.names.some((n) => fold(n) === fold(o)))) continue;
          const member = list.members.includes(other) ? `, one of them,` : '';
          lines.push(`The knowledge says ${this.named(other.name, false)}${member} was ${r.relation} ${this.namesInText(r.objects)}.`);
          sources.push(sourceOf(r.source));
        }
      }
    }
    return this.reply('membership', lines.slice(0, 3).join(' '), sources, {
      ...(e ? { entities: [e.name], topic: e.name } : {}),
      listName: list.name,
      yes: false,
    });
  }

  /** "What is X?", "Tell me about X", "Is X involved in anything besides …?". */
  private describe(about: string, mode: 'what' | 'tell' | 'besides'): Answer | undefined {
    if (this.isSubject(about)) return mode === 'besides' ? undefined : this.describeSubject();
    const e = this.entityNamed(about);
    if (!e) return mode === 'what' ? this.definition(about) : undefined;
    const lists = this.listsOf(e);
    // A thing with no profile (merely mentioned, or only listed) is better described by the passages.
    if (mode !== 'besides' && !e.profile) return mode === 'what' ? (this.definition(about) ?? this.expanded(e)) : undefined;
    const listed = lists.map((l) => `${e.name} is one of the ${l.members.length} ${l.name}.`);
    const skip = new Set<SentenceRef>([...lists.map((l) => l.source), ...(e.profile ? [e.profile] : [])]);
    const others = this.mentions(e).filter((s) => !skip.has(s));
    const sources: (Source | undefined)[] = [e.profile ? sourceOf(e.profile) : undefined, ...lists.map((l) => sourceOf(l.source))];
    let text: string;
    if (mode === 'besides') {
      text = others.length
        ? `${listed.join(' ')} Beyond that, the knowledge says:\n${others
            .slice(0, 3)
            .map((s) => `- ${s.text}`)
            .join('\n')}`
        : `${listed.join(' ')} The knowledge says nothing else about ${e.name}.`;
      sources.push(...others.slice(0, 3).map(sourceOf));
    } else {
      const first = e.profile?.text ?? others[0]?.text;
      if (!first && listed.length === 0) return undefined;
      // The list line unless the first sentence already names the list.
      const parts = [first, ...listed.filter((_, i) => !first?.includes(lists[i]?.name ?? '\u0000'))].filter(Boolean);
      if (mode === 'tell') {
        const more = others.filter((s) => s.text !== first).slice(0, 2);
        if (more.length) parts.push(`The knowledge also says: ${more.map((s) => s.text).join(' ')}`);
        sources.push(...more.map(sourceOf));
      } else if (!e.profile && others[0]) sources.push(sourceOf(others[0]));
      text = parts.join(' ');
    }
    return this.reply('passage', text, sources, {
      entities: [e.name],
      topic: e.name,
      ...(lists[0] ? { listName: lists[0].name } : {}),
    });
  }

  /** What a short name stands for, and the first thing the text says of it ("UNESCO IITE stands for …"). */
  private expanded(e: FactEntity): Answer | undefined {
    const x = this.index.expansions.find((y) => e.names.some((n) => fold(n) === fold(y.short)));
    if (!x) return undefined;
    const said = this.mentions(e)[0];
    const text = `${x.short} stands for ${x.long}.${said ? ` The knowledge says: ${said.text}` : ''}`;
    return this.reply('passage', text, [sourceOf(x.source), said ? sourceOf(said) : undefined], {
      entities: [e.name],
      topic: e.name,
      value: x.long,
      valueType: 'name',
    });
  }

  /** Sentences that name an entity (any of its names, as a whole word). */
  private mentions(e: FactEntity): SentenceRef[] {
    const patterns = e.names.map(
      (n) => new RegExp(`(?:^|[^\\p{L}\\p{N}])${escapeRegExp(n)}(?![\\p{L}\\p{N}])`, /^[\p{Lu}\p{N}]+$/u.test(n) ? 'u' : 'iu'),
    );
    return this.index.sentences.filter((s) => patterns.some((p) => p.test(s.text)));
  }

  /** What the main subject is: a sentence with it (or "it" after it) as subject, "is a …" first, not when it started. */
  private describeSubject(): Answer | undefined {
    const names = [this.index.subject, ...this.subjectAliases()].map((n) => fold(n));
    let best: { s: SentenceRef; score: number; text: string } | undefined;
    // Only sentences opening with the subject's words or "it" can say what it is: found by their first word.
    const openers = new Set([...names.flatMap((n) => wordsOf(n).slice(0, 1)), ...names.flatMap((n) => wordsOf(n).slice(1, 2)), 'it']);
    const candidates = [...new Set([...openers].flatMap((w) => this.opening(w)))].sort((a, b) => this.position(a) - this.position(b));
    for (const s of candidates) {
      const opening = fold(s.text.slice(0, 80));
      if (!/^it\s/.test(opening) && !names.some((n) => opening.startsWith(n) || opening.startsWith(`the ${n}`))) continue;
      const t = fold(s.text);
      const bySubject = names.some((n) => t.startsWith(n) || t.startsWith(`the ${n}`));
      const byPronoun = /^it\s/.test(t) && s.previous !== undefined && names.some((n) => fold(s.previous?.text ?? '').includes(n));
      if (!bySubject && !byPronoun) continue;
      let score = 1;
      if (/^\S+(?:\s+\S+){0,6}?\s+(?:is|are)\s+(?:a|an|the|one)\s/.test(t)) score += 3;
      if (/\b(?:launched|founded|started|created|established|began|set up|formed)\b/.test(t)) score -= 1.5;
      // "Its members are: A, B, C" says who is in it, not what it is.
      if (/:\s/.test(t)) score -= 0.5;
      if (
        /\b\d{1,2}(?:st|nd|rd|th)? (?:january|february|march|april|may|june|july|august|september|october|november|december)\b|\b(?:1[89]|20)\d{2}\b/.test(
          t,
        )
      )
        score -= 1;
      // "It involved …" after a sentence naming the subject is about the subject: said with its name.
      if (!best || score > best.score)
        best = { s, score, text: byPronoun ? s.text.replace(/^It\b/, this.named(this.index.subject)) : s.text };
    }
    if (!best || best.score <= 0) return undefined;
    return this.reply('passage', best.text, [sourceOf(best.s)], { topic: this.index.subject });
  }

  /** "What is X?" for a thing that is no entity: a sentence that defines it ("X is a …", "An X is …"). */
  private definition(about: string): Answer | undefined {
    const key = fold(about.replace(/^(?:the|a|an)\s+/i, '').trim());
    if (key.split(/\s+/).length > 6 || key === '') return undefined;
    const pattern = new RegExp(
      `^(?:the |an? )?${escapeRegExp(key)}(?: \\([^)]*\\))? (?:(?:is|are) (?:a|an|the|one of the) |refers to |means )`,
      'u',
    );
    // Only a sentence's opening can define: folding just that keeps a large knowledge base fast.
    const s = this.opening(wordsOf(key)[0] ?? key).find((x) => pattern.test(fold(x.text.slice(0, key.length + 40))));
    return s ? this.reply('passage', s.text, [sourceOf(s)], { topic: about }) : undefined;
  }

  /** Filter, count and existence questions over a list: every word must be a list, kind or place word. */
  private filtered(form: 'filter' | 'count' | 'exist', rest: string): Answer | undefined {
    // "Which countries are the members from?", "How many countries are represented?"
    const countries = form !== 'exist' && /\b(?:countr(?:y|ies)|continents?|regions?)\b/i.test(rest);
    const filter = this.readFilter(rest, countries);
    if (!filter) return undefined;
    if (countries) return this.countries(form, filter, rest);
    const { list } = filter;
    const matches = list.members.filter((m) => this.matches(m, filter));
    const n = matches.length;
    const total = list.members.length;
    const unplaced = filter.places.length + filter.cities.length > 0 ? list.members.filter((m) => !m.country && !m.city).length : 0;
    const desc = this.describeFilter(filter, matches);
    const of = `of the ${total} ${list.name}`;
    // Places beside the names while the list is short; a long one is names only.
    const items = matches.map((m) => {
      if (matches.length > 6 && form !== 'filter') return m.label;
      const place = this.placeOf(m);
      return `${m.label}${place && !m.label.includes(place) ? ` (${place})` : ''}`;
    });
    const caveat = `${unplaced ? ` The knowledge gives no place for ${unplaced} of them.` : ''}${
      filter.unknownPlaces.length
        ? ` I know no place called ${filter.unknownPlaces.map((u) => `"${u}"`).join(' or ')} where any of them is.`
        : ''
    }`;
    // A place no data knows ("Latin America", "the Moon") cannot be ruled out alone; beside a known one it is said unplaced.
    if (filter.unknownPlaces.length > 0 && filter.places.length + filter.cities.length === 0) return undefined;
    let text: string;
    if (n === 0) text = `${form === 'exist' ? 'No. ' : ''}None ${of} is ${desc.one}.${caveat}`;
    else if (form === 'filter')
      text = `${n} ${of} ${n === 1 ? 'is' : 'are'} ${n === 1 ? desc.one : desc.many}:\n${items.map((i) => `- ${i}`).join('\n')}${caveat}`;
    else
      text = `${form === 'exist' ? 'Yes. ' : ''}${n} ${of} ${n === 1 ? 'is' : 'are'} ${n === 1 ? desc.one : desc.many}: ${items.join(', ')}.${caveat}`;
    if (text.length > MAX_TEXT || (form !== 'filter' && text.length > 640))
      text = `${n} ${of} are ${desc.many}: ${matches.map((m) => m.name).join(', ')}.`;
    const sources = [sourceOf(list.source), ...new Set(matches.map((m) => m.profile?.doc.title))]
      .filter((s): s is Source | string => s !== undefined)
      .map((s) =>
        typeof s === 'string' ? { document: s, quote: matches.find((m) => m.profile?.doc.title === s)?.profile?.text ?? '' } : s,
      );
    const facts: AnswerFacts = { entities: matches.map((m) => m.name), listName: list.name };
    if (form === 'count') facts.count = n;
    if (form === 'exist') facts.yes = n > 0;
    if (n === 1 && matches[0]) facts.topic = matches[0].name;
    return this.reply(form === 'count' ? 'count' : form === 'exist' ? 'membership' : 'list', text, sources, facts);
  }

  private matches(m: FactEntity, f: Filter): boolean {
    return this.matchesAll(m, f) !== f.negated;
  }

  private matchesAll(m: FactEntity, f: Filter): boolean {
    if (f.kindTerms.length > 0) {
      const kind = this.kindTermsOf.get(m) ?? [];
      if (!f.kindTerms.every((t) => kind.some((k) => sameTerm(k, t)))) return false;
    }
    if (f.places.length + f.cities.length + f.unknownPlaces.length === 0) return true;
    if (f.cities.some((c) => m.city && placeKey(m.city) === placeKey(c))) return true;
    return f.groups.length > 0 && f.groups.every((g) => g.some((p) => m.country !== undefined && this.places.contains(p, m.country ?? '')));
  }

  /** How the filter reads in a reply: the kind in the knowledge's words, the places by their data names. */
  private describeFilter(f: Filter, matches: FactEntity[]): { one: string; many: string } {
    let kind = '';
    if (f.kindTerms.length > 0) {
      // The kind as the knowledge writes it, keeping the words the question asked for ("online … platform").
      const sample = [...matches, ...f.list.members].find(
        (m) => m.kind && f.kindTerms.every((t) => (this.kindTermsOf.get(m) ?? []).some((k) => sameTerm(k, t))),
      );
      const words = (sample?.kind ?? '').split(/\s+/);
      kind = words
        .filter((w) => {
          const t = this.analyzer.terms(w)[0];
          return t !== undefined && f.kindTerms.some((k) => sameTerm(k, t));
        })
        .join(' ');
    }
    const groups = f.groups.map((g) => g.map((p) => (p.kind === 'country' ? inText(p.name) : p.name)));
    if (f.cities.length) groups.push(f.cities);
    const placeText = groups.map((g) => `in ${g.join(' or ')}`).join(' and ');
    const manyText = [kind.replace(/(\S+)$/, (w) => plural(w)), placeText].filter(Boolean).join(' ');
    const oneText = [kind ? article(kind) : '', placeText].filter(Boolean).join(' ');
    if (f.negated) return { one: `not ${oneText}`, many: `not ${manyText}` };
    return { one: oneText, many: manyText };
  }

  /** The countries a list's members (those the filter keeps) are in, with how many in each. */
  private countries(form: 'filter' | 'count', filter: Filter, rest: string): Answer | undefined {
    const { list } = filter;
    const kept = list.members.filter((m) => this.matches(m, filter));
    // By continent or region when the question says so, else by country.
    const by: 'continent' | 'region' | 'country' = /\bcontinents?\b/i.test(rest)
      ? 'continent'
      : /\bregions?\b/i.test(rest)
        ? 'region'
        : 'country';
    const keyOf = (code: string): string => {
      const c = this.places.country(code);
      return by === 'continent' ? (c?.continent ?? code) : by === 'region' ? (c?.within.at(-1) ?? code) : (c?.name ?? code);
    };
    let groups = countBy(kept.flatMap((m) => (m.country ? [keyOf(m.country)] : [])));
    const total = groups.length;
    // "the most members", "more than one member": the groups asked for.
    const more = /\bmore than (\w+)/i.exec(rest)?.[1];
    const threshold = more ? Number(more) || NUMBERS.indexOf(more.toLowerCase()) + 1 || 0 : 0;
    if (/\bmost\b/i.test(rest)) groups = groups.filter(([, n]) => n === groups[0]?.[1]);
    else if (threshold > 0) groups = groups.filter(([, n]) => n > threshold);
    else if (more) return undefined;
    const unplaced = kept.filter((m) => !m.country).length;
    const desc = this.describeFilter(filter, kept);
    const filtered = filter.kindTerms.length + filter.places.length + filter.cities.length > 0 || filter.negated;
    const whose = filtered ? `${kept.length} ${desc.many} among the ` : 'the ';
    const noun = (n: number): string => (by === 'country' ? (n === 1 ? 'country' : 'countries') : n === 1 ? by : `${by}s`);
    const listed = groups.map(([c, n]) => `${c} (${n})`).join(', ');
    const of = `${filtered ? whose : 'of the '}${list.members.length} ${list.name}`;
    const text = /\bmost\b/i.test(rest)
      ? `${listed} ${groups.length === 1 ? 'has' : 'have'} the most ${of}, of ${total} ${noun(total)}.`
      : threshold > 0
        ? `${groups.length} of ${total} ${noun(total)} ${groups.length === 1 ? 'has' : 'have'} more than ${threshold} ${of}${groups.length ? `: ${listed}` : ''}.`
        : `${capital(whose)}${list.members.length} ${list.name} are in ${total} ${noun(total)}: ${listed}.`;
    return this.reply(
      form === 'count' ? 'count' : 'list',
      `${text}${unplaced ? ` The knowledge gives no country for ${unplaced} of them.` : ''}`,
      [sourceOf(list.source)],
      {
        entities: kept.map((m) => m.name),
        listName: list.name,
        ...(form === 'count' ? { count: groups.length } : {}),
      },
    );
  }

  private readFilter(rest: string, countries = false): Filter | undefined {
    const words = rest.split(/[\s,;]+/).filter(Boolean);
    const used = new Array<boolean>(words.length).fill(false);
    const found = this.places.scan(words.map((w) => w.replace(/[?!.]+$/, '')));
    const places: Place[] = [];
    const groups: Place[][] = [];
    let previousEnd = -1;
    for (const f of found) {
      places.push(f.place);
      for (let i = f.start; i < f.end; i++) used[i] = true;
      // Places joined by "or", "and" or a comma are alternatives; apart, each must hold.
      const between = words.slice(Math.max(previousEnd, 0), f.start).map((w) => w.toLowerCase());
      const last = groups.at(-1);
      if (last && previousEnd >= 0 && between.length <= 3 && between.some((w) => /^(?:or|and|nor|&)$/.test(w))) last.push(f.place);
      else groups.push([f.place]);
      previousEnd = f.end;
    }
    // Cities the knowledge names.
    const cities: string[] = [];
    const cityNames = this.cityNames;
    for (const city of cityNames) {
      const cw = city.split(/\s+/).map(placeKey);
      for (let i = 0; i + cw.length <= words.length; i++) {
        if (cw.every((w, j) => placeKey(words[i + j] ?? '') === w) && !used.slice(i, i + cw.length).some(Boolean)) {
          cities.push(city);
          for (let j = i; j < i + cw.length; j++) used[j] = true;
        }
      }
    }
    // Capitalised words after "in", "on", "from", "at" that no data knows are an unknown place.
    const unknownPlaces: string[] = [];
    for (let i = 0; i < words.length; i++) {
      if (used[i] || !/^(?:in|on|from|at)$/i.test(words[i] ?? '')) continue;
      let j = i + 1;
      if (/^the$/i.test(words[j] ?? '')) j++;
      const start = j;
      while (j < words.length && !used[j] && /^\p{Lu}/u.test(words[j] ?? '')) j++;
      if (j > start) {
        const named = words.slice(start, j).join(' ');
        const quoted = words.slice(i + 1, j).join(' ');
        if (this.isSubject(named) || this.index.lists.some((l) => this.analyzer.terms(named, 'question').every((t) => l.aboutTerms.has(t))))
          continue;
        // A capital the data knows is a city: "in London" asks about members in London.
        if (this.places.capitalOf(named)) cities.push(named);
        else unknownPlaces.push(quoted);
        for (let k = i; k < j; k++) used[k] = true;
      }
    }
    const remaining = words.filter((_, i) => !used[i]).join(' ');
    const terms = this.analyzer.terms(remaining, 'question');
    const kindTerms: string[] = [];
    const listTerms: string[] = [];
    const allKinds = this.allKinds;
    for (const t of terms) {
      const alike = [t, ...this.analyzer.synonyms(t)];
      if (this.subjectTerms.includes(t) || this.index.lists.some((l) => alike.some((a) => l.aboutTerms.has(a)))) listTerms.push(t);
      else if (allKinds.some((k) => sameTerm(k, t))) kindTerms.push(t);
      else if (!this.generic.has(t)) return undefined;
    }
    if (places.length + cities.length + unknownPlaces.length + kindTerms.length === 0 && !countries) return undefined;
    // The list the question names best; with none named, the largest list with attributes.
    // Only a list most of whose members have the attributes asked about can answer for them.
    const placed = places.length + cities.length + unknownPlaces.length > 0 || countries;
    const has = (l: FactList, attr: (m: FactEntity) => unknown): boolean => l.members.filter(attr).length * 2 >= l.members.length;
    const scored = this.index.lists
      .filter((l) => (!placed || has(l, (m) => m.country ?? m.city)) && (kindTerms.length === 0 || has(l, (m) => m.kind)))
      .map((l) => ({ l, score: listTerms.filter((t) => [t, ...this.analyzer.synonyms(t)].some((a) => l.aboutTerms.has(a))).length }))
      .sort((a, b) => b.score - a.score || b.l.members.length - a.l.members.length);
    const list = scored[0]?.l;
    if (!list) return undefined;
    const negated = /\b(?:not|non|n't|except|excluding|outside)\b|\bother than\b/i.test(rest);
    return { list, kindTerms, places, groups, cities, unknownPlaces, negated };
  }

  private reply(kind: Answer['kind'], text: string, sources: (Source | undefined)[], facts: AnswerFacts, confidence = CONFIDENT): Answer {
    const unique = sources.filter((s, i, all): s is Source => s !== undefined && all.findIndex((o) => o?.quote === s.quote) === i);
    return { ...answer(kind, text, confidence, unique), facts };
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// Small numbers as words, for "more than two members".
const NUMBERS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

const capital = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** Folded words of a text. */
function wordsOf(text: string): string[] {
  return fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

function countBy(values: string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]);
}

function joinNames(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** Builds the facts answerer for a knowledge base's facts index. */
export function factsAnswerer(index: FactsIndex, analyzer: Analyzer): FactsAnswerer {
  return new FactsAnswerer(index, analyzer);
}

export type { FactsQuestion };
