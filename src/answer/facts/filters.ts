/**
 * Filter, count and existence questions over a list: "Which members are in Europe?", "How many
 * Chinese universities are members?", "Is there an African member?", "Which country has the
 * most members?". Every word of the question must be a list, kind or place word, or none answers.
 */
import type { Answer, AnswerFacts, Source } from '../../types.js';
import { fold } from '../text.js';
import { type Place, placeKey } from './countries.js';
import { article, capital, countBy, escapeRegExp, type FactsKnowledge, inText, NUMBERS, plural, sameTerm, sourceOf } from './knowledge.js';
import type { FactEntity, FactList } from './types.js';

const MAX_TEXT = 680;

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
  /** "founded by Tsinghua": a relation the members must have, to a known entity. */
  relation?: { verb: string; words: string; object: FactEntity };
  /** "not universities", "outside Asia": the members that do not match. */
  negated: boolean;
  /** Place phrases the person named that no data knows ("on the Moon"), as written. */
  unknownPlaces: string[];
  /**
   * A kind the question's head noun asks for that no member has ("Which hospitals are members?"),
   * singular: nothing matches it, and the reply says what kinds the members are instead.
   */
  unknownKind?: string;
}

/** Filter, count and existence questions over a list: every word must be a list, kind or place word. */
export function filtered(k: FactsKnowledge, form: 'filter' | 'count' | 'exist' | 'all', rest: string): Answer | undefined {
  if (form === 'all') return allOf(k, rest);
  // "Which countries are the members from?", "How many countries are represented?"
  const countries = form !== 'exist' && /\b(?:countr(?:y|ies)|continents?|regions?)\b/i.test(rest);
  const filter = readFilter(k, rest, countries);
  if (!filter) return undefined;
  // "in the Nordic countries": a place no data knows is said so, not counted as no country at all.
  if (countries && filter.unknownPlaces.length === 0) return countriesOf(k, form, filter, rest);
  const { list } = filter;
  const matches = list.members.filter((m) => keeps(k, m, filter));
  const n = matches.length;
  const total = list.members.length;
  const unplaced = filter.places.length + filter.cities.length > 0 ? list.members.filter((m) => !m.country && !m.city).length : 0;
  const desc = describeFilter(k, filter, matches);
  const of = `of the ${total} ${list.name}`;
  // Places beside the names while the list is short; a long one is names only.
  const items = matches.map((m) => {
    if (matches.length > 6 && form !== 'filter') return m.label;
    const place = k.placeOf(m);
    return `${m.label}${place && !m.label.includes(place) ? ` (${place})` : ''}`;
  });
  // "Are there more European or Asian members?": the places of one group counted side by side.
  const compared = filter.groups.find((g) => g.length >= 2);
  if (compared && /\b(?:more|fewer|less)\b(?! than)/i.test(rest) && !filter.negated) return comparison(k, filter, compared);
  // What the members are, when none is of the kind asked for and the knowledge has no such kind.
  const kinds = filter.unknownKind
    ? countBy(list.members.flatMap((m) => (m.kind ? [m.kind] : []))).map(
        ([kind, c]) => `${c} ${c === 1 ? kind : kind.replace(/(\S+)$/, (w) => plural(w))}`,
      )
    : [];
  const caveat = `${kinds.length ? ` The knowledge describes them as ${kinds.slice(0, 6).join(', ')}${kinds.length > 6 ? ', …' : ''}.` : ''}${unplaced ? ` The knowledge gives no place for ${unplaced} of them.` : ''}${
    filter.unknownPlaces.length
      ? ` I know no place called ${filter.unknownPlaces.map((u) => `"${u}"`).join(' or ')} where any of them is.`
      : ''
  }`;
  // A place no data knows ("Latin America", "the Moon") cannot be ruled out alone: the reply says
  // where the members are, so the person can tell. Beside a known place it is said unplaced.
  if (filter.unknownPlaces.length > 0 && filter.places.length + filter.cities.length === 0) {
    const countries = countBy(list.members.flatMap((m) => (m.country ? [k.places.country(m.country)?.name ?? m.country] : [])));
    const text = `I know no place called ${filter.unknownPlaces.map((u) => `"${u}"`).join(' or ')}: the knowledge places the ${total} ${
      list.name
    } in ${countries.length} countries (${countries.map(([c]) => c).join(', ')}), none by that name.${unplaced ? ` It gives no place for ${unplaced} of them.` : ''}`;
    return k.reply('unknown', text, [sourceOf(list.source)], { listName: list.name }, 0.5);
  }
  let text: string;
  // "was founded by …" when the relation is all the filter says; "is a university in …" otherwise.
  const past = filter.relation !== undefined && filter.kindTerms.length + filter.places.length + filter.cities.length === 0;
  const be = (one: boolean): string => (past ? (one ? 'was' : 'were') : one ? 'is' : 'are');
  if (n === 0) text = `${form === 'exist' ? 'No. ' : ''}None ${of} ${be(true)} ${desc.one}.${caveat}`;
  else if (form === 'filter')
    text = `${n} ${of} ${be(n === 1)} ${n === 1 ? desc.one : desc.many}:\n${items.map((i) => `- ${i}`).join('\n')}${caveat}`;
  else
    text = `${form === 'exist' ? 'Yes. ' : ''}${n} ${of} ${be(n === 1)} ${n === 1 ? desc.one : desc.many}: ${items.join(', ')}.${caveat}`;
  if (text.length > MAX_TEXT || (form !== 'filter' && text.length > 640))
    text = `${n} ${of} are ${desc.many}: ${matches.map((m) => m.name).join(', ')}.`;
  const sources = [sourceOf(list.source), ...new Set(matches.map((m) => m.profile?.doc.title))]
    .filter((s): s is Source | string => s !== undefined)
    .map((s) => (typeof s === 'string' ? { document: s, quote: matches.find((m) => m.profile?.doc.title === s)?.profile?.text ?? '' } : s));
  const facts: AnswerFacts = { entities: matches.map((m) => m.name), listName: list.name };
  if (form === 'count') facts.count = n;
  if (form === 'exist') facts.yes = n > 0;
  if (n === 1 && matches[0]) facts.topic = matches[0].name;
  return k.reply(form === 'count' ? 'count' : form === 'exist' ? 'membership' : 'list', text, sources, facts);
}

/** "More in Europe or in Asia?": how many of the list are in each place, the most first. */
function comparison(k: FactsKnowledge, filter: Filter, places: Place[]): Answer {
  const { list } = filter;
  const counted = places
    .map((p) => {
      const inIt = list.members.filter((m) => keeps(k, m, { ...filter, places: [p], groups: [[p]] }));
      return { p, inIt, name: p.kind === 'country' ? inText(p.name) : /s$/.test(p.name) ? `the ${p.name}` : p.name };
    })
    .sort((a, b) => b.inIt.length - a.inIt.length);
  const [top, next] = counted;
  const desc = describeFilter(k, { ...filter, places: [], groups: [] }, []);
  const what = desc.many ? ` (${desc.many})` : '';
  const each = counted.map((c) => `${c.inIt.length} in ${c.name}`).join(', ');
  const text =
    top && next && top.inIt.length > next.inIt.length
      ? `More of the ${list.members.length} ${list.name}${what} are in ${top.name} than in ${counted
          .slice(1)
          .map((c) => c.name)
          .join(' or ')}: ${each}.`
      : `As many of the ${list.members.length} ${list.name}${what} are in one as in the other: ${each}.`;
  return k.reply('count', text, [sourceOf(list.source)], {
    entities: counted.flatMap((c) => c.inIt.map((m) => m.name)),
    listName: list.name,
  });
}

export function keeps(k: FactsKnowledge, m: FactEntity, f: Filter): boolean {
  return matchesAll(k, m, f) !== f.negated;
}

export function matchesAll(k: FactsKnowledge, m: FactEntity, f: Filter): boolean {
  if (f.unknownKind) return false;
  if (f.kindTerms.length > 0) {
    const kind = k.kindTermsOf.get(m) ?? [];
    if (!f.kindTerms.every((t) => kind.some((k) => sameTerm(k, t)))) return false;
  }
  const relation = f.relation;
  if (relation) {
    const stem = (w: string): string => k.analyzer.terms(w.replace(/^co-?/, ''))[0] ?? w;
    const names = relation.object.names.map(fold);
    const related = m.relations.some(
      (r) => stem(r.relation.split(/\s+/)[0] ?? '') === relation.verb && r.objects.some((o) => names.includes(fold(o))),
    );
    if (!related) return false;
  }
  if (f.places.length + f.cities.length + f.unknownPlaces.length === 0) return true;
  // A place the country data does not know (a state, a province: "Texas") holds when the member's profile places it there.
  if (f.cities.some((c) => (m.city && placeKey(m.city) === placeKey(c)) || profilePlaces(m, c))) return true;
  return f.groups.length > 0 && f.groups.every((g) => g.some((p) => m.country !== undefined && k.places.contains(p, m.country ?? '')));
}

/** Whether a member's profile places it in a named place the country data does not know ("in Houston, Texas, …"). */
export function profilePlaces(m: FactEntity, place: string): boolean {
  const name = place.replace(/^the\s+/i, '');
  if (!m.profile || !/^\p{Lu}/u.test(name)) return false;
  return new RegExp(`\\bin\\s+(?:[\\p{Lu}][\\p{L}.'’-]*\\s*,?\\s*){0,3}?${escapeRegExp(name)}(?![\\p{L}\\p{N}])`, 'u').test(m.profile.text);
}

/** How the filter reads in a reply: the kind in the knowledge's words, the places by their data names. */
export function describeFilter(k: FactsKnowledge, f: Filter, matches: FactEntity[]): { one: string; many: string } {
  let kind = '';
  if (f.kindTerms.length > 0) {
    // The kind as the knowledge writes it, keeping the words the question asked for ("online … platform").
    const sample = [...matches, ...f.list.members].find(
      (m) => m.kind && f.kindTerms.every((t) => (k.kindTermsOf.get(m) ?? []).some((k) => sameTerm(k, t))),
    );
    const words = (sample?.kind ?? '').split(/\s+/);
    kind = words
      .filter((w) => {
        const t = k.analyzer.terms(w)[0];
        return t !== undefined && f.kindTerms.some((k) => sameTerm(k, t));
      })
      .join(' ');
  }
  if (f.unknownKind) kind = f.unknownKind;
  // "the Americas", "the Caribbean": a region named in the plural takes its article, as a country does.
  const groups = f.groups.map((g) => g.map((p) => (p.kind === 'country' ? inText(p.name) : /s$/.test(p.name) ? `the ${p.name}` : p.name)));
  if (f.cities.length) groups.push(f.cities);
  const placeText = groups.map((g) => `in ${g.join(' or ')}`).join(' and ');
  const related = f.relation ? `${f.relation.words} ${k.named(f.relation.object.name, false)}` : '';
  const manyText = [kind.replace(/(\S+)$/, (w) => plural(w)), placeText, related].filter(Boolean).join(' ');
  const oneText = [kind ? article(kind) : '', placeText, related].filter(Boolean).join(' ');
  if (f.negated) return { one: `not ${oneText}`, many: `not ${manyText}` };
  return { one: oneText, many: manyText };
}

/** The countries a list's members (those the filter keeps) are in, with how many in each. */
export function countriesOf(k: FactsKnowledge, form: 'filter' | 'count', filter: Filter, rest: string): Answer | undefined {
  const { list } = filter;
  const kept = list.members.filter((m) => keeps(k, m, filter));
  // By continent or region when the question says so, else by country.
  const by: 'continent' | 'region' | 'country' = /\bcontinents?\b/i.test(rest)
    ? 'continent'
    : /\bregions?\b/i.test(rest)
      ? 'region'
      : 'country';
  const keyOf = (code: string): string => {
    const c = k.places.country(code);
    return by === 'continent' ? (c?.continent ?? code) : by === 'region' ? (c?.within.at(-1) ?? code) : (c?.name ?? code);
  };
  // A country as the knowledge first writes it ("Côte d'Ivoire"), counted by its code; continents and regions as the data names them.
  const label = new Map<string, string>();
  for (const m of kept)
    if (m.country && m.countryName && !label.has(m.country)) label.set(m.country, m.countryName.replace(/^the\s+/i, ''));
  let groups = countBy(
    kept.flatMap((m) => (m.country ? [by === 'country' ? (label.get(m.country) ?? keyOf(m.country)) : keyOf(m.country)] : [])),
  );
  const total = groups.length;
  // "the most members", "more than one member": the groups asked for.
  const more = /\bmore than (\w+)/i.exec(rest)?.[1];
  const threshold = more ? Number(more) || NUMBERS.indexOf(more.toLowerCase()) + 1 || 0 : 0;
  // Every group alike: none has the most.
  const even = groups.length > 1 && groups.every(([, n]) => n === groups[0]?.[1]);
  if (/\bmost\b/i.test(rest)) groups = groups.filter(([, n]) => n === groups[0]?.[1]);
  else if (threshold > 0) groups = groups.filter(([, n]) => n > threshold);
  else if (more) return undefined;
  const unplaced = kept.filter((m) => !m.country).length;
  const desc = describeFilter(k, filter, kept);
  const filtered = filter.kindTerms.length + filter.places.length + filter.cities.length > 0 || filter.negated;
  const whose = filtered ? `${kept.length} ${desc.many} among the ` : 'the ';
  const noun = (n: number): string => (by === 'country' ? (n === 1 ? 'country' : 'countries') : n === 1 ? by : `${by}s`);
  const listed = groups.map(([c, n]) => `${c} (${n})`).join(', ');
  const of = `${filtered ? whose : 'of the '}${list.members.length} ${list.name}`;
  const text = /\bmost\b/i.test(rest)
    ? even
      ? `None has more than the others: each of the ${total} ${noun(total)} has ${groups[0]?.[1]} ${of}.`
      : `${listed} ${groups.length === 1 ? 'has' : 'have'} the most ${of}, of ${total} ${noun(total)}.`
    : threshold > 0
      ? `${groups.length} of ${total} ${noun(total)} ${groups.length === 1 ? 'has' : 'have'} more than ${threshold} ${of}${groups.length ? `: ${listed}` : ''}.`
      : `${capital(whose)}${list.members.length} ${list.name} are in ${total} ${noun(total)}: ${listed}.`;
  return k.reply(
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

export function readFilter(k: FactsKnowledge, rest: string, countries = false): Filter | undefined {
  // "… founded by Tsinghua": the relation and its known object take the end of the question.
  const by = /^(.*?)\b((?:co-?)?[a-z]+(?:ed|en)) by (.+)$/i.exec(rest);
  const object = by?.[3] ? k.entityNamed(by[3]) : undefined;
  const relation =
    by?.[2] && object
      ? { verb: k.analyzer.terms(by[2].replace(/^co-?/i, ''))[0] ?? by[2], words: `${by[2].toLowerCase()} by`, object }
      : undefined;
  const words = (relation ? (by?.[1] ?? '') : rest).split(/[\s,;]+/).filter(Boolean);
  const used = new Array<boolean>(words.length).fill(false);
  const found = k.places.scan(words.map((w) => w.replace(/[?!.]+$/, '')));
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
  const cityNames = k.cityNames;
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
      // "the Nordic countries" is quoted whole, not cut before its noun.
      const noun = /^(?:countries|country|regions?|areas?|states|islands|world)$/i.test(words[j] ?? '') ? 1 : 0;
      const quoted = words.slice(i + 1, j + noun).join(' ');
      for (let n = j; n < j + noun; n++) used[n] = true;
      if (k.isSubject(named) || k.index.lists.some((l) => k.analyzer.terms(named, 'question').every((t) => l.aboutTerms.has(t)))) continue;
      // A capital the data knows is a city: "in London" asks about members in London.
      if (k.places.capitalOf(named)) cities.push(named);
      else unknownPlaces.push(quoted);
      for (let k = i; k < j; k++) used[k] = true;
    }
  }
  const remaining = words.filter((_, i) => !used[i]).join(' ');
  const terms = k.analyzer.terms(remaining, 'question');
  const kindTerms: string[] = [];
  const listTerms: string[] = [];
  const allKinds = k.allKinds;
  const unknown: string[] = [];
  for (const t of terms) {
    const alike = [t, ...k.analyzer.synonyms(t)];
    if (k.subjectTerms.includes(t) || k.index.lists.some((l) => alike.some((a) => l.aboutTerms.has(a)))) listTerms.push(t);
    else if (allKinds.some((k) => sameTerm(k, t))) kindTerms.push(t);
    else if (!k.generic.has(t)) unknown.push(t);
  }
  // A word of the list's name that is also a word of a kind asked with it ("seed" in "seed banks" of
  // the Seed Keepers Network) belongs to the kind.
  if (kindTerms.length > 0)
    for (const t of [...listTerms]) {
      const kindHas = [...k.kindTermsOf.values()].some(
        (kt) => kt.some((x) => sameTerm(x, t)) && kindTerms.every((w) => kt.some((x) => sameTerm(x, w))),
      );
      if (kindHas) {
        listTerms.splice(listTerms.indexOf(t), 1);
        kindTerms.push(t);
      }
    }
  const unknownKind =
    unknown.length === 1 && kindTerms.length === 0 ? headNounKind(k, words, used, unknown[0] ?? '', listTerms) : undefined;
  if (unknown.length > 0 && !unknownKind) return undefined;
  if (places.length + cities.length + unknownPlaces.length + kindTerms.length === 0 && !countries && !relation && !unknownKind)
    return undefined;
  // The list the question names best; with none named, the largest list with attributes.
  // Only a list most of whose members have the attributes asked about can answer for them.
  const placed = places.length + cities.length + unknownPlaces.length > 0 || countries;
  const has = (l: FactList, attr: (m: FactEntity) => unknown): boolean => l.members.filter(attr).length * 2 >= l.members.length;
  const scored = k.index.lists
    .filter(
      (l) => (!placed || has(l, (m) => m.country ?? m.city)) && (kindTerms.length === 0 && !unknownKind ? true : has(l, (m) => m.kind)),
    )
    .map((l) => ({ l, score: listTerms.filter((t) => [t, ...k.analyzer.synonyms(t)].some((a) => l.aboutTerms.has(a))).length }))
    .sort((a, b) => b.score - a.score || b.l.members.length - a.l.members.length);
  const list = scored[0]?.l;
  if (!list) return undefined;
  const negated = /\b(?:not|non|n't|except|excluding|outside)\b|\bother than\b/i.test(rest);
  // A place no data knows that the list's own profiles name ("in Houston, Texas") is a place like a city.
  const known = unknownPlaces.filter((u) => list.members.some((m) => profilePlaces(m, u)));
  return {
    list,
    kindTerms,
    places,
    groups,
    cities: [...cities, ...known.map((u) => u.replace(/^the\s+/i, ''))],
    unknownPlaces: unknownPlaces.filter((u) => !known.includes(u)),
    negated,
    ...(relation ? { relation } : {}),
    ...(unknownKind ? { unknownKind } : {}),
  };
}

// The words a question asks about the members with, when they name the list by what its members are.
const MEMBER_WORDS = /^(?:members?|partners?|participants?)$/i;

/**
 * The kind a question asks for by its head noun when no member has it: "Which hospitals are
 * members?", "Is there a hospital among the members?" → "hospital". The noun must open the
 * question's subject (after an article, a place adjective) and the question must say it asks about
 * the members (the word "members", or the list's own words beyond the main subject's), so "How many
 * students are in the alliance?" is not read as one.
 */
function headNounKind(k: FactsKnowledge, words: string[], used: boolean[], term: string, listTerms: string[]): string | undefined {
  const first = words.findIndex((w, i) => !used[i] && !/^(?:a|an|any|the|some)$/i.test(w));
  // The noun opens the subject ("Which hospitals are members?") or ends the question ("Which members are hospitals?").
  const last = words.length - 1;
  const atEnd = /^(?:are|is)$/i.test(words[last - 1] ?? '') || /^(?:a|an)$/i.test(words[last - 1] ?? '');
  const head = atEnd && MEMBER_WORDS.test(words[first] ?? '') ? last : first;
  const word = words[head]?.replace(/[?!.,]+$/, '') ?? '';
  if (!/^\p{Ll}{3,}$/u.test(word) || k.analyzer.terms(word, 'question')[0] !== term) return undefined;
  const singular = /^(?:a|an)$/i.test(words[head - 1] ?? '');
  if (!singular && !/[^s]s$/.test(word)) return undefined;
  const asksMembers =
    words.some((w, i) => i !== head && MEMBER_WORDS.test(w.replace(/[?!.,]+$/, ''))) || listTerms.some((t) => !k.subjectTerms.includes(t));
  if (!asksMembers) return undefined;
  // A word of a member's name ("Lumen Observatory" for "observatories") may be what it is: not ruled out.
  const kind = singular ? word : singularOf(word);
  const kindTerm = k.analyzer.terms(kind, 'question')[0] ?? kind;
  // A noun the text itself uses ("sponsors") is a role it may give: the passages answer.
  if (k.usesWord(kindTerm)) return undefined;
  const listed = k.index.lists.flatMap((l) => l.members);
  if (listed.some((e) => e.names.some((n) => k.analyzer.terms(n, 'question').some((t) => sameTerm(t, kindTerm))))) return undefined;
  return kind;
}

/** The singular of an English plural noun: "universities" → "university", "churches" → "church". */
export function singularOf(word: string): string {
  if (/[^aeiou]ies$/.test(word)) return `${word.slice(0, -3)}y`;
  if (/(?:ss|x|z|ch|sh)es$/.test(word)) return word.slice(0, -2);
  return word.replace(/s$/, '');
}

/**
 * "How many supporters are there?", "Which are the supporters?": a list asked for by its own name
 * alone (a table's heading, a bulleted list's intro), when the passages found no answer. Every word
 * must be the list's or a general one, and one of them its own, not the main subject's.
 */
export function wholeList(k: FactsKnowledge, form: 'filter' | 'count' | 'exist', rest: string): Answer | undefined {
  if (form === 'exist') return undefined;
  const terms = k.analyzer.terms(rest, 'question');
  const alike = (t: string): string[] => [t, ...k.analyzer.synonyms(t)];
  const scored = k.index.lists
    .map((l) => ({ l, own: terms.filter((t) => !k.subjectTerms.includes(t) && alike(t).some((a) => l.aboutTerms.has(a))).length }))
    .filter((x) => x.own > 0)
    .sort((a, b) => b.own - a.own || b.l.members.length - a.l.members.length);
  const best = scored[0];
  if (!best || (scored[1] && scored[1].own === best.own)) return undefined;
  const list = best.l;
  if (!terms.every((t) => k.generic.has(t) || k.subjectTerms.includes(t) || alike(t).some((a) => list.aboutTerms.has(a)))) return undefined;
  const n = list.members.length;
  const text =
    form === 'count'
      ? `There are ${n} ${list.name}: ${list.members.map((m) => m.label).join(', ')}.`
      : `The ${n} ${list.name} are:\n${list.members.map((m) => `- ${m.label}`).join('\n')}`;
  return k.reply(form === 'count' ? 'count' : 'list', text, [sourceOf(list.source)], {
    entities: list.members.map((m) => m.name),
    listName: list.name,
    ...(form === 'count' ? { count: n } : {}),
  });
}

/** "Is the University of Nairobi the only African member?": the members the rest describes, and whether X is the one. */
export function onlyOne(k: FactsKnowledge, about: string, rest: string): Answer | undefined {
  const e = k.entityNamed(about);
  const filter = readFilter(k, rest);
  if (!e || !filter) return undefined;
  const matches = filter.list.members.filter((m) => keeps(k, m, filter));
  const desc = describeFilter(k, filter, matches);
  const of = `of the ${filter.list.members.length} ${filter.list.name}`;
  const yes = matches.length === 1 && matches[0] === e;
  const text = yes
    ? `Yes. ${k.named(e.name)} is the only one ${of} that is ${desc.one}.`
    : matches.length === 0
      ? `No. None ${of} is ${desc.one}.`
      : `No. ${matches.length} ${of} ${matches.length === 1 ? 'is' : 'are'} ${matches.length === 1 ? desc.one : desc.many}: ${matches.map((m) => m.label).join(', ')}.`;
  return k.reply('membership', text, [sourceOf(filter.list.source)], {
    entities: matches.map((m) => m.name),
    listName: filter.list.name,
    topic: e.name,
    yes,
  });
}

/** "Are all members universities?": yes when the filter keeps every member, else no, with how many it keeps and those it does not. */
function allOf(k: FactsKnowledge, rest: string): Answer | undefined {
  const filter = readFilter(k, rest);
  if (!filter || filter.negated) return undefined;
  const { list } = filter;
  const kept = list.members.filter((m) => keeps(k, m, filter));
  const others = list.members.filter((m) => !kept.includes(m));
  const desc = describeFilter(k, filter, kept);
  const total = list.members.length;
  const text =
    others.length === 0
      ? `Yes. All ${total} ${list.name} are ${desc.many}.`
      : `No. ${kept.length === 0 ? 'None' : kept.length} of the ${total} ${list.name} ${kept.length === 1 ? 'is' : 'are'} ${
          kept.length === 1 ? desc.one : desc.many
        }; ${others.length <= 6 ? `the others are not: ${others.map((m) => m.label).join(', ')}` : `${others.length} are not`}.`;
  return k.reply('membership', text, [sourceOf(list.source)], {
    entities: kept.map((m) => m.name),
    listName: list.name,
    yes: others.length === 0,
  });
}
