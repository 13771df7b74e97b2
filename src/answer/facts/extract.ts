/**
 * Builds the facts index from the knowledge's documents: the lists they give (enumerations after
 * a colon, bullets, tables), the entities on them with their attributes (kind, city, country,
 * relations) from profile sentences and table rows, the expansions of short names, and every
 * sentence, for describing an entity beyond its list.
 */
import type { Block, KnowledgeBase } from '../../knowledge/types.js';
import type { Analyzer } from '../analyzer.js';
import { fold, splitSentences } from '../text.js';
import { splitItems } from '../passages.js';
import { type Places, places as countryData } from './countries.js';
import { looksLikeProperName, namesOf, readProfile, splitNames } from './profile.js';
import { readTable } from './table.js';
import type { Expansion, FactEntity, FactList, SentenceRef } from './types.js';

/** Everything the facts layer answers from. */
export interface FactsIndex {
  entities: FactEntity[];
  lists: FactList[];
  sentences: SentenceRef[];
  expansions: Expansion[];
  /** The knowledge's main subject ("it"). */
  subject: string;
}

/** A name's key: folded words without connectors, in order ("Politecnico di Milano" → "politecnico milano"). */
const nameKey = (name: string): string =>
  fold(name)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '' && !SMALL.has(w))
    .join(' ');

const shortItem = (item: string): boolean => item.split(/\s+/).length <= 10 && item.length <= 90 && !/[.!?]$/.test(item);

// "The coalition's members are …", "Its partners include …": a plural noun, then the verb that lists.
const PLAIN_ENUMERATION =
  /^((?:the |its |their |our )?(?:[\p{L}'’-]+ ){0,5}?(?:members|partners|founders|participants|signatories|affiliates|sponsors|supporters|observers)) (?:are|were|include|included|comprise|comprised) (.+?)\.?$/iu;

/** The noun phrase of an intro: "The X founding members are" → "X founding members". */
export function listNameOf(intro: string, subject = ''): string {
  // "Its partners are:" in a document about the Open Labs Network lists "Open Labs Network partners".
  // "The coalition's members" in a document about the Dark Sky Coalition: the subject's own.
  const head = subject.split(/\s+/).at(-1)?.toLowerCase();
  const owned = subject
    ? intro
        .replace(/^(?:its|their)\s+/i, `${subject} `)
        .replace(/^(?:the\s+)?([\p{L}-]+)['’]s\s+/iu, (all, word: string) => (word.toLowerCase() === head ? `${subject} ` : all))
    : intro;
  return owned
    .replace(/:\s*$/, '')
    .replace(/^(?:the|a|an|our)\s+/i, '')
    .replace(/\s+(?:are|is|were|was|include|includes|included|comprise|comprises|consist of|consists of|as follows)\s*$/i, '')
    .trim();
}

// "Long Name (LN)" and "LN (Long Name)".
const LONG_SHORT =
  /((?:\p{Lu}[\p{L}'’-]*\s+)(?:(?:of|for|and|the|in|on|de|di|du|des|la|le|\p{Lu}[\p{L}'’-]*)\s+)*\p{Lu}[\p{L}'’-]*)\s*\(([\p{Lu}][\p{Lu}\p{N}&.-]{1,11})\)/gu;
const SHORT_LONG = /(?:^|[\s,;:])([\p{Lu}][\p{Lu}\p{N}&-]{1,11})\s*\(([^()]{5,120})\)/gu;
const SMALL = new Set(['of', 'for', 'and', 'the', 'in', 'on', 'de', 'di', 'du', 'des', 'la', 'le', 'at', 'to']);

/** Whether a short form is made of the long form's initials ("CRI" ← "Center for Research and Interdisciplinarity"). */
export function initialsMatch(short: string, long: string): boolean {
  const letters = short.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  const words = long.split(/[\s-]+/).filter(Boolean);
  const all = words.map((w) => w[0]?.toLowerCase() ?? '').join('');
  const main = words
    .filter((w) => !SMALL.has(w.toLowerCase()))
    .map((w) => w[0]?.toLowerCase() ?? '')
    .join('');
  return letters.length >= 2 && (letters === all || letters === main);
}

/** The expansions a sentence states. */
function expansionsIn(sentence: SentenceRef): Expansion[] {
  const out: Expansion[] = [];
  // Most sentences have no parenthesis: the cheap test spares a large knowledge base two regular expressions each.
  if (!sentence.text.includes('(')) return out;
  for (const m of sentence.text.matchAll(LONG_SHORT)) {
    // The long form ends at the parenthesis; its start is the shortest run of words whose initials fit.
    const words = (m[1] ?? '').trim().split(/\s+/);
    const short = m[2] ?? '';
    for (let start = words.length - 1; start >= 0; start--) {
      const long = words.slice(start).join(' ');
      if (initialsMatch(short, long)) {
        out.push({ short, long, source: sentence });
        break;
      }
    }
  }
  for (const m of sentence.text.matchAll(SHORT_LONG)) {
    const short = m[1] ?? '';
    const long = (m[2] ?? '').trim();
    if (initialsMatch(short, long)) out.push({ short, long, source: sentence });
  }
  return out;
}

// An appositive relation: "the Global MOOC Conference, co-organised by Tsinghua University and UNESCO IITE".
const APPOSITIVE =
  /(\p{Lu}[\p{L}\p{N}'’-]*(?:\s+(?:(?:of|di|de|for|and|the)\s+)?\p{Lu}[\p{L}\p{N}'’-]*)*),\s+((?:co-)?\p{Ll}+(?:ed|en))\s+by\s+(.+?)(?=\s+and\s+\p{Ll}+ed\b|,|;|\.|$)/gu;

/** Builds the facts index of a knowledge base. */
export function buildFacts(knowledge: KnowledgeBase, analyzer: Analyzer, places: Places = countryData()): FactsIndex {
  const entities: FactEntity[] = [];
  const lists: { list: FactList; enumerated: boolean }[] = [];
  const sentences: SentenceRef[] = [];
  const expansions: Expansion[] = [];

  /** Entities by each of their names' key, so a large knowledge base finds one in constant time. */
  const byKey = new Map<string, FactEntity>();
  /** The entity a name stands for, made on first sight; names are one entity when they read the same. */
  const entity = (label: string): FactEntity => {
    const { name, names } = namesOf(label);
    const found = names.map((n) => byKey.get(nameKey(n))).find((e) => e !== undefined);
    if (found) {
      if (found.label === found.name && label !== name) {
        found.label = label;
        found.names = [...new Set([...found.names, ...names])];
        for (const n of names) if (!byKey.has(nameKey(n))) byKey.set(nameKey(n), found);
      }
      return found;
    }
    const made: FactEntity = { name, label, names, relations: [] };
    entities.push(made);
    for (const n of names) if (!byKey.has(nameKey(n))) byKey.set(nameKey(n), made);
    return made;
  };

  const addList = (name: string, members: FactEntity[], source: SentenceRef, about: string, enumerated: boolean): void => {
    lists.push({
      list: { name, members: [...new Set(members)], source, aboutTerms: new Set(analyzer.terms(about)) },
      enumerated,
    });
  };

  for (const doc of knowledge.documents) {
    const subject = doc.meta.subject ?? knowledge.subject;
    const context = (block: Block): string => `${block.section ?? ''} ${doc.meta.title}`;
    let lastSentence: SentenceRef | undefined;
    for (const block of doc.blocks) {
      const ref = (text: string, previous?: SentenceRef): SentenceRef => {
        const s: SentenceRef = {
          doc: doc.meta,
          text,
          ...(block.section ? { section: block.section } : {}),
          ...(previous ? { previous } : {}),
        };
        sentences.push(s);
        expansions.push(...expansionsIn(s));
        for (const m of text.includes(' by ') ? text.matchAll(APPOSITIVE) : []) {
          const objects = splitNames(m[3] ?? '');
          if (m[1] && m[2] && objects.length > 0 && looksLikeProperName(m[1]))
            entity(m[1]).relations.push({ relation: `${m[2]} by`, objects, source: s });
        }
        return s;
      };
      const intro = lastSentence && /:\s*$/.test(lastSentence.text) ? lastSentence : undefined;
      const heading = block.section ?? doc.meta.title;

      if (block.kind === 'paragraph' && block.text.startsWith('|')) {
        const table = readTable(block.text, places);
        if (table && table.rows.length > 0) {
          const source = ref(intro ? intro.text : heading);
          const members = table.rows.map((row) => {
            const e = entity(row.label);
            e.kind ??= row.kind;
            e.city ??= row.city;
            if (!e.country && row.country)
              Object.assign(e, { country: row.country, ...(row.countryName ? { countryName: row.countryName } : {}) });
            e.profile ??= { doc: doc.meta, text: row.text, ...(block.section ? { section: block.section } : {}) };
            for (const r of row.relations) e.relations.push({ ...r, source: e.profile });
            return e;
          });
          addList(intro ? listNameOf(intro.text, subject) : heading, members, source, `${intro?.text ?? ''} ${context(block)}`, false);
          lastSentence = undefined;
          continue;
        }
      }
      if (block.kind === 'list') {
        if (block.items.length >= 2 && block.items.every(shortItem)) {
          const source = ref(`${intro ? listNameOf(intro.text, subject) : heading}: ${block.items.join(', ')}.`);
          addList(
            intro ? listNameOf(intro.text, subject) : heading,
            block.items.map(entity),
            source,
            `${intro?.text ?? ''} ${context(block)}`,
            true,
          );
        } else {
          const profiled: FactEntity[] = [];
          for (const item of block.items) {
            let previous: SentenceRef | undefined;
            for (const sentence of splitSentences(item)) {
              previous = ref(sentence, previous);
              const profile = readProfile(sentence, places);
              if (!profile) continue;
              const e = applyProfile(entity(profile.label), profile, previous);
              if (!profiled.includes(e)) profiled.push(e);
            }
          }
          // Bullets that profile one thing each are a list of those things.
          if (profiled.length >= 2 && profiled.length >= block.items.length / 2) {
            addList(
              intro ? listNameOf(intro.text, subject) : heading,
              profiled,
              intro ?? ref(heading),
              `${intro?.text ?? ''} ${context(block)}`,
              false,
            );
          }
        }
        lastSentence = undefined;
        continue;
      }
      let previous: SentenceRef | undefined;
      for (const sentence of block.kind === 'quote' ? [block.text] : splitSentences(block.text)) {
        previous = ref(sentence, previous);
        lastSentence = previous;
        if (block.kind === 'quote') continue;
        const enumeration = sentence.includes(':') ? /^(.{3,200}?\S)\s*:\s+(.+)$/.exec(sentence) : null;
        const items = enumeration?.[2] ? splitItems(enumeration[2]) : [];
        if (enumeration?.[1] && items.length >= 3 && items.every(shortItem)) {
          addList(listNameOf(enumeration[1], subject), items.map(entity), previous, `${enumeration[1]} ${context(block)}`, true);
          continue;
        }
        // "The coalition's members are A, B, C and D.": no colon, so every item must be a name.
        const plain = enumeration ? null : PLAIN_ENUMERATION.exec(sentence);
        const named = plain?.[2] ? splitItems(plain[2]) : [];
        if (plain?.[1] && named.length >= 3 && named.every((i) => shortItem(i) && looksLikeProperName(namesOf(i).name))) {
          addList(listNameOf(plain[1], subject), named.map(entity), previous, `${plain[1]} ${context(block)}`, true);
          continue;
        }
        const profile = readProfile(sentence, places);
        if (profile?.kind) {
          applyProfile(entity(profile.label), profile, previous);
        }
      }
    }
  }
  expansions.push(...synonymExpansions(knowledge.synonyms, sentences));
  // What relations name are things the text mentions ("founded by Harvard University"): known, not listed.
  for (const e of [...entities]) for (const r of e.relations) for (const o of r.objects) entity(o);
  return { entities, lists: mergeLists(lists), sentences, expansions, subject: knowledge.subject };
}

/**
 * Lists of the same things are one list ("the founding members are: …" and a bulleted profile of
 * each): the enumeration names it, the others add their words to what it is about.
 */
function mergeLists(lists: { list: FactList; enumerated: boolean }[]): FactList[] {
  const out: { list: FactList; enumerated: boolean }[] = [];
  for (const item of lists) {
    const same = out.find(
      (o) => o.list.members.length === item.list.members.length && o.list.members.every((m) => item.list.members.includes(m)),
    );
    if (!same) {
      out.push(item);
      continue;
    }
    for (const t of item.list.aboutTerms) same.list.aboutTerms.add(t);
    if (item.enumerated && !same.enumerated) {
      same.list.name = item.list.name;
      same.list.source = item.list.source;
      same.list.members = item.list.members;
      same.enumerated = true;
    }
  }
  return out.map((o) => o.list);
}

/**
 * Expansions a moderator's synonym groups state: one phrase the initials of another, after the
 * words they share ("unesco iite" and "unesco institute for information technologies in
 * education"). Each is written as the documents write it, when they do.
 */
function synonymExpansions(groups: readonly string[][], sentences: readonly SentenceRef[]): Expansion[] {
  const out: Expansion[] = [];
  const source: SentenceRef = { doc: { file: 'synonyms.yaml', title: 'Synonyms (synonyms.yaml)' }, text: '' };
  const asWritten = (phrase: string): string => {
    const pattern = new RegExp(`\\b${phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+')}\\b`, 'i');
    for (const s of sentences) {
      const m = pattern.exec(s.text);
      if (m) return m[0];
    }
    return phrase;
  };
  for (const group of groups) {
    for (const a of group) {
      for (const b of group) {
        const aw = a.trim().split(/\s+/);
        const bw = b.trim().split(/\s+/);
        let shared = 0;
        while (shared < aw.length - 1 && shared < bw.length - 1 && aw[shared]?.toLowerCase() === bw[shared]?.toLowerCase()) shared++;
        const short = aw.slice(shared);
        if (a === b || short.length !== 1 || bw.length - shared < 2 || !initialsMatch(short[0] ?? '', bw.slice(shared).join(' '))) continue;
        // Not in the documents, the initials are written as initials are: in capitals.
        const found = asWritten(a);
        const shortText = found === a ? [...aw.slice(0, shared), (short[0] ?? '').toUpperCase()].join(' ') : found;
        // The long form takes the short form's capitals for the words they share ("UNESCO").
        const prefix = shortText.split(/\s+/).slice(0, shared);
        const longText = asWritten([...prefix, ...bw.slice(shared)].join(' '));
        const own = longText.split(/\s+/).slice(shared);
        const titled =
          own.join(' ') === own.join(' ').toLowerCase() ? own.map((w) => (SMALL.has(w) ? w : w.charAt(0).toUpperCase() + w.slice(1))) : own;
        const ref = { ...source, text: `${a} = ${b}` };
        out.push({ short: shortText, long: [...prefix, ...titled].join(' '), source: ref });
        // "IITE" alone stands for the rest ("Institute for Information Technologies in Education").
        const bare = shortText.split(/\s+/).at(-1);
        if (shared > 0 && bare) out.push({ short: bare, long: titled.join(' '), source: ref });
      }
    }
  }
  return out;
}

/** Gives an entity what a profile sentence says of it, keeping what an earlier one said first. */
function applyProfile(e: FactEntity, profile: NonNullable<ReturnType<typeof readProfile>>, source: SentenceRef): FactEntity {
  e.kind ??= profile.kind;
  e.city ??= profile.city;
  if (!e.country && profile.country)
    Object.assign(e, { country: profile.country, ...(profile.countryName ? { countryName: profile.countryName } : {}) });
  e.profile ??= source;
  for (const r of profile.relations) e.relations.push({ ...r, source });
  return e;
}
