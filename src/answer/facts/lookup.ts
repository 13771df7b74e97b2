/**
 * Questions about one entity's attributes: where it is, what kind of thing it is, whether it is
 * in a place or of a kind, who founded it; and a country asked about as if it were a member.
 */
import type { Answer } from '../../types.js';
import { type Place, placeKey } from './countries.js';
import { describeSubject } from './describe.js';
import { filtered } from './filters.js';
import { article, capital, escapeRegExp, type FactsKnowledge, inText, sameTerm, sourceOf, wordsOf } from './knowledge.js';

export function where(k: FactsKnowledge, about: string): Answer | undefined {
  if (k.isSubject(about)) return whereSubject(k);
  const e = k.entityNamed(about);
  // "Where are the members located?": the countries of the list the words name.
  // Only a phrase that ends in the list's own noun ("the members", "the observers"): "the alliance launched" is not one.
  const noun = about.split(/\s+/).at(-1)?.toLowerCase() ?? '';
  const listNoun =
    /^(?:members|partners|participants)$/.test(noun) || k.index.lists.some((l) => l.name.split(/\s+/).at(-1)?.toLowerCase() === noun);
  if (!e && listNoun && /^(?:the |all (?:the )?)?\p{Ll}/u.test(about)) return filtered(k, 'filter', `countries ${about}`);
  if (!e || (!e.city && !e.country)) return undefined;
  const value = k.placeOf(e);
  const list = k.listsOf(e)[0];
  const text = `${k.named(e.name)} is in ${k.placeOf(e, true)}.${list ? ` It is one of the ${list.members.length} ${list.name}.` : ''}`;
  return k.reply('passage', text, [e.profile ? sourceOf(e.profile) : undefined], {
    entities: [e.name],
    topic: e.name,
    value,
    valueType: 'place',
    ...(list ? { listName: list.name } : {}),
  });
}

/** "Where is the alliance based?": a sentence about the subject saying where it is, else that the text does not say. */
export function whereSubject(k: FactsKnowledge): Answer | undefined {
  const names = [k.index.subject, ...k.subjectAliases()];
  const openers = new Set([
    ...names.flatMap((n) =>
      wordsOf(n)
        .filter((w) => w !== 'the')
        .slice(0, 1),
    ),
    'it',
  ]);
  const said = [...openers]
    .flatMap((w) => k.opening(w))
    .some((s) => /\b(?:based|located|headquartered|seated|situated|hosted)\s+(?:in|at)\b|\bheadquarters\b|\bseat\b/i.test(s.text));
  if (said) return undefined;
  return k.reply(
    'unknown',
    `I don't know: the knowledge does not say where ${k.named(k.index.subject, false)} is based.`,
    [],
    {
      topic: k.index.subject,
    },
    0,
  );
}

/** "What kind of institution is X?": the kind its profile gives. */
export function kindOf(k: FactsKnowledge, about: string): Answer | undefined {
  const e = k.entityNamed(about);
  if (!e?.kind) return undefined;
  const list = k.listsOf(e)[0];
  return k.reply('passage', `${k.named(e.name)} is ${article(e.kind)}.`, [e.profile ? sourceOf(e.profile) : undefined], {
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
export function check(k: FactsKnowledge, about: string, value: string, link: 'in' | 'is'): Answer | undefined {
  const country = link === 'is' ? k.places.lookup(about.replace(/^the\s+/i, '')) : undefined;
  if (country?.kind === 'country') return countryAsMember(k, country, value);
  // "Is the alliance based in Milan?": where the subject is, if no sentence says, is not known;
  // "Is the alliance a university?": what the knowledge says it is.
  if (k.isSubject(about)) return link === 'in' ? whereSubject(k) : describeSubject(k);
  const e = k.entityNamed(about);
  if (!e) return undefined;
  const words = value.split(/[\s,;]+/).filter(Boolean);
  const found = k.places.scan(words);
  const used = new Set(found.flatMap((f) => Array.from({ length: f.end - f.start }, (_, i) => f.start + i)));
  const city = link === 'in' && found.length === 0 ? value.replace(/^the\s+/i, '') : undefined;
  const cityKnown =
    city !== undefined && (k.index.entities.some((o) => o.city && placeKey(o.city) === placeKey(city)) || k.places.capitalOf(city));
  if (link === 'in' && found.length === 0 && !cityKnown) return undefined;
  const rest = k.analyzer.terms(words.filter((_, i) => !used.has(i)).join(' '), 'question');
  const allKinds = k.allKinds;
  if (link === 'in' && rest.length > 0 && !cityKnown) return undefined;
  // "Is Kiruna Space Lab a university?": a kind no member has is still a kind noun when it ends the
  // question and is not the list's word ("a member") nor a word of the thing's name: no, with what it is.
  const listWord = (t: string): boolean =>
    k.generic.has(t) ||
    k.subjectTerms.includes(t) ||
    k.index.lists.some((l) => [t, ...k.analyzer.synonyms(t)].some((a) => l.aboutTerms.has(a)));
  const headNoun = rest.at(-1);
  const otherKind =
    link === 'is' &&
    found.length === 0 &&
    rest.length === 1 &&
    headNoun !== undefined &&
    e.kind !== undefined &&
    !listWord(headNoun) &&
    !k.usesWord(headNoun) &&
    !allKinds.some((x) => sameTerm(x, headNoun)) &&
    /^\p{Ll}+$/u.test(words.at(-1) ?? '') &&
    !k.index.lists.some((l) => l.members.some((o) => o.names.some((n) => k.analyzer.terms(n, 'question').includes(headNoun))));
  if (otherKind) {
    const list = k.listsOf(e)[0];
    return k.reply(
      'membership',
      `No. ${k.named(e.name)} is ${article(e.kind ?? '')}${e.city || e.country ? ` in ${k.placeOf(e, true)}` : ''}.`,
      [e.profile ? sourceOf(e.profile) : undefined],
      {
        entities: [e.name],
        topic: e.name,
        yes: false,
        ...(list ? { listName: list.name } : {}),
      },
    );
  }
  if (link === 'is' && !rest.every((t) => allKinds.some((k) => sameTerm(k, t)))) return undefined;
  if (link === 'is' && rest.length === 0 && found.length === 0) return undefined;
  const kindTerms = link === 'is' ? rest : [];
  const own = k.kindTermsOf.get(e) ?? [];
  if (kindTerms.length > 0 && !e.kind) return undefined;
  if (found.length > 0 && !e.country) return undefined;
  if (cityKnown && !e.city && !e.country) return undefined;
  const kindOk = kindTerms.every((t) => own.some((k) => sameTerm(k, t)));
  // "in Europe or Asia" asks which: either will do, and the answer names the one that holds.
  const either = /\bor\b/i.test(value) && found.length > 1;
  const holds = found.filter((f) => e.country !== undefined && k.places.contains(f.place, e.country));
  const placeOk = cityKnown
    ? e.city !== undefined && placeKey(e.city) === placeKey(city ?? '')
    : either
      ? holds.length > 0
      : holds.length === found.length;
  if (either && kindTerms.length === 0) {
    const which = holds.map((f) => (f.place.kind === 'country' ? inText(f.place.name) : f.place.name));
    const text = which.length
      ? `${k.named(e.name)} is in ${k.placeOf(e, true)}, in ${which.join(' and ')}.`
      : `Neither: ${k.named(e.name)} is in ${k.placeOf(e, true)}.`;
    return k.reply('passage', text, [e.profile ? sourceOf(e.profile) : undefined], { entities: [e.name], topic: e.name });
  }
  const yes = kindOk && placeOk;
  const where = k.placeOf(e, true);
  const what = [e.kind && (kindTerms.length > 0 || link === 'is') ? article(e.kind) : '', where ? `in ${where}` : '']
    .filter(Boolean)
    .join(' ');
  const list = k.listsOf(e)[0];
  return k.reply('membership', `${yes ? 'Yes' : 'No'}. ${k.named(e.name)} is ${what}.`, [e.profile ? sourceOf(e.profile) : undefined], {
    entities: [e.name],
    topic: e.name,
    yes,
    ...(list ? { listName: list.name } : {}),
  });
}

/** "Is Thailand a member?": a country is not a member; the members in it are named. */
export function countryAsMember(k: FactsKnowledge, country: Place, value: string): Answer | undefined {
  const terms = k.analyzer.terms(value, 'question');
  const list = k.index.lists.find(
    (l) => terms.length > 0 && terms.every((t) => [t, ...k.analyzer.synonyms(t)].some((a) => l.aboutTerms.has(a))),
  );
  if (!list) return undefined;
  const inIt = list.members.filter((m) => m.country === country.code);
  const name = inText(country.name);
  const text = `No. ${capital(name)} is a country, not one of the ${list.members.length} ${list.name}; ${
    inIt.length
      ? `${inIt.length} of them ${inIt.length === 1 ? 'is' : 'are'} in ${name}: ${inIt.map((m) => m.label).join(', ')}.`
      : `none of them is in ${name}.`
  }`;
  return k.reply('membership', text, [sourceOf(list.source)], { entities: inIt.map((m) => m.name), listName: list.name, yes: false });
}

/** "Who founded X?": the relation X's profile or an appositive states ("founded by A and B"). */
export function agent(k: FactsKnowledge, about: string, verb: string, also?: 'when' | 'where'): Answer | undefined {
  if (k.isSubject(about)) return subjectAgent(k, verb);
  const e = k.entityNamed(about);
  if (!e) return undefined;
  const stem = (w: string): string => k.analyzer.terms(w.replace(/^co-?/, ''))[0] ?? w;
  const wanted = stem(verb.split(/\s+/)[0] ?? verb);
  const r = e.relations.find((x) => stem(x.relation.split(/\s+/)[0] ?? '') === wanted);
  // A known thing whose founder (or organiser…) no sentence states: said so, not another relation read backwards.
  if (!r) {
    // A thing with other relations may be asked about one in other words ("hosted" for "co-organised"): the passages answer.
    if (!/^[a-z-]+(?:ed|en)$/.test(verb) || e.relations.length > 0) return undefined;
    // A sentence with the name before "<verb> by" may state it in a form not read as a relation: the passages answer.
    const before = new RegExp(`(?:${e.names.map(escapeRegExp).join('|')})[^.;]{0,80}\\b${escapeRegExp(verb)}\\s+by\\b`, 'i');
    if (k.mentions(e).some((s) => before.test(s.text))) return undefined;
    return k.reply('unknown', `I don't know: the knowledge does not say who ${verb} ${k.named(e.name, false)}.`, [], { topic: e.name }, 0);
  }
  const list = k.listsOf(e)[0];
  // "… and when?": a date in the sentence that states the relation, else said to be missing.
  const dated =
    /\b(?:1[5-9]|20)\d{2}\b|\b\d{1,2} (?:january|february|march|april|may|june|july|august|september|october|november|december)\b/i.test(
      r.source.text,
    );
  const more =
    also === 'when'
      ? dated
        ? ` The knowledge says: ${r.source.text}`
        : ' The knowledge does not say when.'
      : also === 'where'
        ? where(k, e.name)?.text
        : '';
  return k.reply(
    'passage',
    `${k.named(e.name)} was ${r.relation} ${k.namesInText(r.objects)}.${more ? ` ${more.trim()}` : ''}`,
    [sourceOf(r.source)],
    {
      entities: r.objects,
      topic: e.name,
      ...(list ? { listName: list.name } : {}),
    },
  );
}

/**
 * "Who founded the guild?" when no list is about founding it ("founding members") and no sentence
 * says the subject was founded by anyone: said to be unknown, not a profile that has "founded by".
 */
function subjectAgent(k: FactsKnowledge, verb: string): Answer | undefined {
  if (!/^[a-z-]+(?:ed|en)$/.test(verb)) return undefined;
  const stem = k.analyzer.terms(verb.replace(/^co-?/, ''))[0] ?? verb;
  // "created" is "founded" to the synonyms: the founding members answer it.
  const alike = [stem, ...k.analyzer.synonyms(stem)];
  // The list's own name, not its document's title: "founding members" answers, "The guild is formed" does not.
  if (k.index.lists.some((l) => k.analyzer.terms(l.name).some((t) => alike.includes(t)))) return undefined;
  const names = [k.index.subject, ...k.subjectAliases(), 'it'].map(escapeRegExp).join('|');
  const by = new RegExp(
    `\\b(?:${names})\\b[^.;]{0,60}\\b(?:was|were|is|has been)\\s+(?:[a-z-]+\\s+)?${escapeRegExp(verb)}\\s+(?:by|jointly)\\b`,
    'i',
  );
  if (k.index.sentences.some((s) => by.test(s.text))) return undefined;
  return k.reply(
    'unknown',
    `I don't know: the knowledge does not say who ${verb} ${k.named(k.index.subject, false)}.`,
    [],
    { topic: k.index.subject },
    0,
  );
}
