/**
 * What something is: an entity from its profile and what else the text says of it, the main
 * subject from the sentence that says what it is (not when it started), a defining sentence
 * ("X is a …"), and what a short name stands for.
 */
import type { Answer, Source } from '../../types.js';
import { fold } from '../text.js';
import { escapeRegExp, type FactsKnowledge, sourceOf, wordsOf } from './knowledge.js';
import type { FactEntity, SentenceRef } from './types.js';

/** "What is X?", "Tell me about X", "Is X involved in anything besides …?". */
export function describe(k: FactsKnowledge, about: string, mode: 'what' | 'tell' | 'besides'): Answer | undefined {
  if (k.isSubject(about)) return mode === 'besides' ? undefined : describeSubject(k);
  const e = k.entityNamed(about);
  if (!e) return mode === 'what' ? definition(k, about) : undefined;
  const lists = k.listsOf(e);
  // A thing with no profile (merely mentioned, or only listed) is better described by the passages.
  if (mode !== 'besides' && !e.profile) return mode === 'what' ? (definition(k, about) ?? expanded(k, e)) : undefined;
  const listed = lists.map((l) => `${e.name} is one of the ${l.members.length} ${l.name}.`);
  const skip = new Set<SentenceRef>([...lists.map((l) => l.source), ...(e.profile ? [e.profile] : [])]);
  const others = k.mentions(e).filter((s) => !skip.has(s));
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
  return k.reply('passage', text, sources, {
    entities: [e.name],
    topic: e.name,
    ...(lists[0] ? { listName: lists[0].name } : {}),
  });
}

/** What a short name stands for, and the first thing the text says of it ("UNESCO IITE stands for …"). */
export function expanded(k: FactsKnowledge, e: FactEntity): Answer | undefined {
  const x = k.index.expansions.find((y) => e.names.some((n) => fold(n) === fold(y.short)));
  if (!x) return undefined;
  const said = k.mentions(e)[0];
  const text = `${x.short} stands for ${x.long}.${said ? ` The knowledge says: ${said.text}` : ''}`;
  return k.reply('passage', text, [sourceOf(x.source), said ? sourceOf(said) : undefined], {
    entities: [e.name],
    topic: e.name,
    value: x.long,
    valueType: 'name',
  });
}

/** What the main subject is: a sentence with it (or "it" after it) as subject, "is a …" first, not when it started. */
export function describeSubject(k: FactsKnowledge): Answer | undefined {
  const names = [k.index.subject, ...k.subjectAliases()].map((n) => fold(n));
  let best: { s: SentenceRef; score: number; text: string } | undefined;
  // Only sentences opening with the subject's words or "it" can say what it is: found by their first word.
  const openers = new Set([...names.flatMap((n) => wordsOf(n).slice(0, 1)), ...names.flatMap((n) => wordsOf(n).slice(1, 2)), 'it']);
  const candidates = [...new Set([...openers].flatMap((w) => k.opening(w)))].sort((a, b) => k.position(a) - k.position(b));
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
    if (!best || score > best.score) best = { s, score, text: byPronoun ? s.text.replace(/^It\b/, k.named(k.index.subject)) : s.text };
  }
  if (!best || best.score <= 0) return undefined;
  return k.reply('passage', best.text, [sourceOf(best.s)], { topic: k.index.subject });
}

/** "What is X?" for a thing that is no entity: a sentence that defines it ("X is a …", "An X is …"). */
export function definition(k: FactsKnowledge, about: string): Answer | undefined {
  const key = fold(about.replace(/^(?:the|a|an)\s+/i, '').trim());
  if (key.split(/\s+/).length > 6 || key === '') return undefined;
  const pattern = new RegExp(
    `^(?:the |an? )?${escapeRegExp(key)}(?: \\([^)]*\\))? (?:(?:is|are) (?:a|an|the|one of the) |refers to |means )`,
    'u',
  );
  // Only a sentence's opening can define: folding just that keeps a large knowledge base fast.
  const s = k.opening(wordsOf(key)[0] ?? key).find((x) => pattern.test(fold(x.text.slice(0, key.length + 40))));
  return s ? k.reply('passage', s.text, [sourceOf(s)], { topic: about }) : undefined;
}

export function expand(k: FactsKnowledge, about: string): Answer | undefined {
  const key = fold(about.replace(/^(?:the\s+)?["“]?|["”]$/g, '').trim());
  const found = k.index.expansions.find((x) => fold(x.short) === key) ?? k.index.expansions.find((x) => fold(x.long) === key);
  if (!found) return unexpanded(k, about);
  const text = fold(found.short) === key ? `${found.short} stands for ${found.long}.` : `${found.long} is abbreviated ${found.short}.`;
  return k.reply('passage', text, [sourceOf(found.source)], { topic: found.short, value: found.long, valueType: 'name' });
}

/**
 * "What does RWTH stand for?" when no text spells it out but it is the start of a known name: the
 * bot does not guess the letters, it says the knowledge does not say, and what the thing is.
 */
function unexpanded(k: FactsKnowledge, about: string): Answer | undefined {
  const short = about.replace(/^(?:the\s+)?["“]?|["”]$/g, '').trim();
  if (!/^[\p{Lu}\p{N}&.-]{2,12}$/u.test(short)) return undefined;
  const e = k.entityNamed(short);
  // Only the start of a longer name ("RWTH" of "RWTH Aachen University"): a whole name stands for nothing.
  const starts = (n: string): boolean => n !== short && new RegExp(`^${escapeRegExp(short)}\\b`, 'u').test(n);
  if (e === undefined || !e.names.some(starts)) return undefined;
  const said = e.profile?.text ?? k.mentions(e)[0]?.text;
  const text = `I don't know what ${short} stands for: the knowledge does not say.${said ? ` It names ${k.named(e.name, false)}: ${said}` : ''}`;
  return k.reply('passage', text, [e.profile ? sourceOf(e.profile) : undefined], { topic: e.name, entities: [e.name] }, 0.5);
}
