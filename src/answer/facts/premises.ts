/**
 * Questions that take something for granted the knowledge does not say: a leader no sentence
 * names, a founder that is not on the founding list.
 */
import type { Answer, Source } from '../../types.js';
import type { FactEntity, FactList } from './types.js';
import { fold } from '../text.js';
import { escapeRegExp, type FactsKnowledge, sourceOf } from './knowledge.js';
import { CONNECTORS } from './profile.js';
import { STOP_WORDS } from '../stopwords.js';

/** "Who leads X?": answered by the passages when a sentence names a leader of X; when none does, said so. */
export function leader(k: FactsKnowledge, about: string): Answer | undefined {
  const subject = k.isSubject(about);
  const e = subject ? undefined : k.entityNamed(about);
  if (!subject && !e) return undefined;
  const names = subject ? [k.index.subject, ...k.subjectAliases()] : (e?.names ?? []);
  const roles =
    /\b(?:leader|head|chair|chairman|chairwoman|chairperson|president|director|rector|chancellor|dean|ceo|chief|coordinator|secretary[- ]general|manager|governor|principal)s?\s+(?:of|at)\s+/i;
  const alternatives = names.map(escapeRegExp).join('|');
  const mention = new RegExp(`(?:${alternatives})`, 'i');
  const role = new RegExp(
    `${roles.source}(?:the\\s+)?(?:${alternatives})|\\b(?:leads|heads|chairs|runs|directs|manages)\\s+(?:the\\s+)?(?:${alternatives})`,
    'i',
  );
  const passive = new RegExp(
    `(?:${alternatives})\\b[^.;]{0,40}?\\b(?:is|was|are|were)\\s+(?:currently\\s+)?(?:led|headed|chaired|run|directed|managed|governed|presided over|coordinated)\\s+by\\b`,
    'i',
  );
  // The sentence that names a leader answers, whatever verb the question used ("leads" for "is chaired by").
  const named =
    k.index.sentences.find((s) => mention.test(s.text) && (role.test(s.text) || passive.test(s.text))) ??
    k.index.sentences.find(
      (s) =>
        mention.test(s.text) && /\b(?:led|headed|chaired|run|directed|managed|governed|presided over|coordinated)\s+by\b/i.test(s.text),
    );
  if (named) return k.reply('passage', named.text, [sourceOf(named)], { topic: subject ? k.index.subject : (e?.name ?? '') }, 0.8);
  const name = subject ? k.index.subject : (e?.name ?? '');
  return k.reply(
    'unknown',
    `I don't know: the knowledge does not say who leads ${k.named(name, false)}.`,
    [],
    {
      topic: name,
    },
    0,
  );
}

/** "Did X found the alliance?": yes when X is on the founding list, else no, with what the text does say of X. */
export function premise(k: FactsKnowledge, q: { about: string; verb: string; object: string }): Answer | undefined {
  // "Was the alliance founded by X?" is "Did X found the alliance?".
  const passive = /^by\s+(.+)$/i.exec(q.object);
  if (passive?.[1]) return premise(k, { about: passive[1], verb: q.verb, object: q.about });
  if (!k.isSubject(q.object)) return founderOf(k, q);
  const verbTerms = k.analyzer.terms(q.verb, 'question');
  // The list the verb is about ("found" → the founding members), else the first list.
  const list = k.index.lists.find((l) => verbTerms.some((t) => l.aboutTerms.has(t))) ?? k.index.lists[0];
  if (!list) return undefined;
  const e = k.entityNamed(q.about);
  const count = `${list.members.length} ${list.name}`;
  if (e && list.members.includes(e)) {
    return k.reply('membership', `Yes. ${e.label} is one of the ${count}.`, [sourceOf(list.source)], {
      entities: [e.name],
      listName: list.name,
      yes: true,
      topic: e.name,
    });
  }
  const who = e ? k.named(e.name) : `"${q.about}"`;
  const said = e ? relatedSayings(k, e, list) : { lines: [], sources: [] };
  const lines = [`No. ${who} is not one of the ${count}.`, ...said.lines];
  const sources: (Source | undefined)[] = [sourceOf(list.source), ...said.sources];
  return k.reply('membership', lines.slice(0, 3).join(' '), sources, {
    ...(e ? { entities: [e.name], topic: e.name } : {}),
    listName: list.name,
    yes: false,
  });
}

/**
 * "Did Tsinghua found XuetangX?", "Was edX founded by MIT?": checked against the relation the text
 * states of the thing (yes, or no with who it says did); nothing stated, no answer.
 */
function founderOf(k: FactsKnowledge, q: { about: string; verb: string; object: string }): Answer | undefined {
  const thing = k.entityNamed(q.object);
  if (!thing) return undefined;
  const stem = (w: string): string => k.analyzer.terms(w.replace(/^co-?/i, ''))[0] ?? w;
  const wanted = stem(q.verb.split(/\s+/)[0] ?? q.verb);
  const r = thing.relations.find((x) => stem(x.relation.split(/\s+/)[0] ?? '') === wanted);
  if (!r) return undefined;
  const agent = k.entityNamed(q.about);
  const yes = agent !== undefined && r.objects.some((o) => agent.names.some((n) => fold(n) === fold(o)));
  const said = `${k.named(thing.name)} was ${r.relation} ${k.namesInText(r.objects)}.`;
  const who = agent ? k.named(agent.name) : `"${q.about}"`;
  const text = yes ? `Yes. ${said}` : `No. The knowledge does not say ${who} ${r.relation.replace(/ by$/, '')} it: ${said}`;
  return k.reply('membership', text, [sourceOf(r.source)], {
    entities: [thing.name, ...(agent ? [agent.name] : [])],
    topic: thing.name,
    yes,
  });
}

/** What the text says relates a thing to others ("edX, one of them, was founded by Harvard University and MIT"). */
function relatedSayings(k: FactsKnowledge, e: FactEntity, list: FactList): { lines: string[]; sources: Source[] } {
  const lines: string[] = [];
  const sources: Source[] = [];
  for (const other of k.index.entities) {
    for (const r of other.relations) {
      if (!r.objects.some((o) => e.names.some((n) => fold(n) === fold(o)))) continue;
      const member = list.members.includes(other) ? ', one of them,' : '';
      lines.push(`The knowledge says ${k.named(other.name, false)}${member} was ${r.relation} ${k.namesInText(r.objects)}.`);
      sources.push(sourceOf(r.source));
    }
  }
  return { lines: lines.slice(0, 2), sources: sources.slice(0, 2) };
}

/** Whether a phrase mixes a name's capitalised words with lower-case words no name has between them. */
function fragment(phrase: string): boolean {
  const words = phrase.split(/\s+/);
  const lower = words.filter((w) => /^\p{Ll}/u.test(w) && !CONNECTORS.has(w.toLowerCase()));
  return lower.length > 0 && lower.length < words.length;
}

/**
 * A "no" from the list lookup ("No. X is not among the 19 …") names X as the person wrote it: a
 * known thing by its name, with what the text says of it; anything else quoted whole. Undefined
 * when the name is a fragment of the question, not a name: no answer.
 */
export function clarifyNo(k: FactsKnowledge, reply: Answer): Answer | undefined {
  if (reply.kind !== 'membership') return reply;
  // "Not exactly: Tasman Sea Museum the best is not listed, but Tasman Sea Museum is one of …": a
  // cut name is not quoted back; what is known of the name in it stands alone.
  const partly = /^Not exactly: (.+?) is not listed, but (.+)$/s.exec(reply.text);
  if (partly?.[1] && partly[2] && fragment(partly[1])) return { ...reply, text: partly[2] };
  const no = /^No\. (.+?) is not among the (\d+) (.+?)\.$/.exec(reply.text);
  if (!no?.[1] || !no[3]) return reply;
  const list = k.index.lists.find((l) => l.name === no[3]);
  if (!list) return reply;
  const e = k.entityNamed(no[1]);
  if (e && list.members.includes(e)) return reply;
  // A name cut from a longer question ("University of Nairobi the only African") is not the
  // person's words whole: not quoted, not answered.
  if (!e && (fragment(no[1]) || no[1].split(/\s+/).every((w) => STOP_WORDS.has(w.toLowerCase())))) return undefined;
  const said = e ? relatedSayings(k, e, list) : { lines: [], sources: [] };
  // On another list ("Green Delta Fund" among the supporters), it says which.
  const elsewhere = e ? k.listsOf(e).map((l) => `It is one of the ${l.members.length} ${l.name}.`) : [];
  const text = [`No. ${e ? k.named(e.name) : `"${no[1]}"`} is not among the ${no[2]} ${no[3]}.`, ...elsewhere, ...said.lines].join(' ');
  return { ...reply, text, sources: [...reply.sources, ...said.sources] };
}

/**
 * "Is NASA a member?" when the passages have no list to look it up in (the facts layer read one
 * the passage index did not, such as an enumeration without a colon): yes or no from the list the
 * question's words name, a name cut from the question never quoted.
 */
export function listMembership(k: FactsKnowledge, about: string, value: string): Answer | undefined {
  if (fragment(about) || k.isSubject(about)) return undefined;
  const terms = k.analyzer.terms(value, 'question');
  if (terms.length === 0) return undefined;
  const alike = (t: string): string[] => [t, ...k.analyzer.synonyms(t)];
  const list = k.index.lists
    .filter((l) => terms.every((t) => k.generic.has(t) || alike(t).some((a) => l.aboutTerms.has(a))))
    .sort(
      (a, b) =>
        terms.filter((t) => alike(t).some((x) => b.aboutTerms.has(x))).length -
          terms.filter((t) => alike(t).some((x) => a.aboutTerms.has(x))).length || b.members.length - a.members.length,
    )[0];
  if (!list) return undefined;
  const e = k.entityNamed(about);
  const count = `${list.members.length} ${list.name}`;
  if (e && list.members.includes(e))
    return k.reply('membership', `Yes. ${e.label} is one of the ${count}.`, [sourceOf(list.source)], {
      entities: [e.name],
      listName: list.name,
      yes: true,
      topic: e.name,
    });
  const said = e ? relatedSayings(k, e, list) : { lines: [], sources: [] };
  const elsewhere = e ? k.listsOf(e).map((l) => `It is one of the ${l.members.length} ${l.name}.`) : [];
  const text = [`No. ${e ? k.named(e.name) : `"${about}"`} is not among the ${count}.`, ...elsewhere, ...said.lines].join(' ');
  return k.reply('membership', text, [sourceOf(list.source), ...said.sources], {
    ...(e ? { entities: [e.name], topic: e.name } : {}),
    listName: list.name,
    yes: false,
  });
}
