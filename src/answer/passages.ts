import type { DocumentMeta, KnowledgeDocument } from '../knowledge/types.js';
import type { Analyzer } from './analyzer.js';
import { tagSentence, type Tag } from './tagger.js';
import { fold, hasDate, hasNumber, hasPlace, properNames, splitSentences } from './text.js';

/** A named thing in a list found in a document ("Zhejiang University"). */
export interface Entity {
  /** As written, e.g. `CRI (Center for Research and Interdisciplinarity)`. */
  label: string;
  /** The name and its alternatives (text in parentheses, acronyms). */
  names: string[];
}

/** An enumeration found in a document: "The … founding members are: A, B, C". */
export interface EntityList {
  /** The words introducing it, e.g. `The Global MOOC Alliance founding members are`. */
  intro: string;
  /** A noun phrase for it, e.g. `Global MOOC Alliance founding members`. */
  name: string;
  items: Entity[];
  /** Index terms of the intro, section and title: what the list is about. */
  aboutTerms: Set<string>;
}

/** The unit answers are made of: a sentence, a quote, or a list, with where it came from. */
export interface Passage {
  id: number;
  doc: DocumentMeta;
  section?: string;
  /** Verbatim text. */
  text: string;
  /** The sentence before it in the same paragraph, for answers that start with "It …". */
  previous?: Passage;
  /** Set when the passage is an enumeration. */
  list?: EntityList;
  /** Index terms of the text (with acronyms of its names). */
  terms: Set<string>;
  /** Index terms of the section heading and document title. */
  contextTerms: Set<string>;
  /** Dates, numbers, names and places the sentence states (tagged at build time), for what a question asks. */
  tags: readonly Tag[];
  /** Evidence for question shapes: the tags, or the text's own patterns. */
  hasDate: boolean;
  hasNumber: boolean;
  hasPlace: boolean;
  hasNames: boolean;
}

const NO_TAGS: readonly Tag[] = [];

const CONNECTORS = new Set(['of', 'di', 'de', 'der', 'du', 'la', 'le', 'and', 'for', 'the', '&']);

/** Acronyms of every run of two or more capitalised words: "Sustainable Development Goal" → "sdg". */
export function acronyms(text: string): string[] {
  return acronymsOf(properNames(text));
}

/** Acronyms of names already found (a passage finds its names once for both uses). */
function acronymsOf(names: readonly string[]): string[] {
  const out = new Set<string>();
  for (const name of names) {
    const words = name.split(/\s+/).filter((w) => !CONNECTORS.has(w.toLowerCase()));
    for (let start = 0; start < words.length; start++) {
      for (let end = start + 2; end <= Math.min(words.length, start + 5); end++) {
        out.add(
          fold(
            words
              .slice(start, end)
              .map((w) => w[0])
              .join(''),
          ),
        );
      }
    }
  }
  return [...out];
}

/** Splits "A, B (x, y), C and D" into items, ignoring commas inside parentheses. */
export function splitItems(tail: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of tail) {
    if (ch === '(') depth++;
    if (ch === ')') depth = Math.max(0, depth - 1);
    if ((ch === ',' || ch === ';') && depth === 0) {
      items.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  items.push(current);
  const cleaned = items.map((i) => i.trim().replace(/^(?:and|or)\s+/i, '')).filter(Boolean);
  const last = cleaned.at(-1);
  // "…, B and C": the last comma-less " and " separates the final two items.
  if (last && cleaned.length >= 2 && !last.includes('(')) {
    const parts = last.split(/\s+and\s+/);
    if (parts.length === 2 && parts.every((p) => p.split(/\s+/).length <= 4)) cleaned.splice(-1, 1, ...parts);
  }
  return cleaned.map((i) => i.replace(/[.;]+$/, '').trim());
}

function toEntity(label: string): Entity {
  const names = [label];
  const paren = /^(.*?)\s*\(([^)]+)\)\s*$/.exec(label);
  if (paren?.[1] && paren[2]) names.splice(0, 1, paren[1], paren[2]);
  return { label, names };
}

const looksLikeName = (item: string): boolean => item.split(/\s+/).length <= 10 && item.length <= 90 && !/[.!?]$/.test(item);

/** The noun phrase of an intro: "The X founding members are" → "X founding members". */
function listName(intro: string): string {
  return intro
    .replace(/^(?:the|a|an|our)\s+/i, '')
    .replace(/\s+(?:are|is|were|was|include|includes|included|comprise|comprises|consist of|consists of|as follows)\s*$/i, '')
    .trim();
}

/** "Intro: A, B, C" with three or more short items, or undefined. */
function enumeration(sentence: string): { intro: string; items: string[] } | undefined {
  const match = /^(.{3,200}?\S)\s*:\s+(.+)$/.exec(sentence);
  if (!match?.[1] || !match[2]) return undefined;
  const items = splitItems(match[2]);
  if (items.length < 3 || !items.every(looksLikeName)) return undefined;
  return { intro: match[1], items };
}

/**
 * Cuts documents into passages at answer grain: sentences of paragraphs, whole block quotes
 * (a quote and its attribution belong together), bulleted items, and enumerations, which also
 * become entity lists that can be counted and looked up. `words` maps each word met, as written
 * (folded), to its index term: the knowledge's spellings, for correcting typos in questions.
 */
export function buildPassages(
  documents: readonly KnowledgeDocument[],
  analyzer: Analyzer,
): { passages: Passage[]; lists: EntityList[]; words: Map<string, string> } {
  const passages: Passage[] = [];
  const lists: EntityList[] = [];
  const words = new Map<string, string>();
  const termsOf = (text: string): string[] => collectTerms(analyzer, text, words);

  for (const doc of documents) {
    const titleTerms = termsOf(doc.meta.title);
    const english = !doc.meta.lang || doc.meta.lang === 'en';
    // Blocks under one heading share one set: a large knowledge base has one per section, not per paragraph.
    const contextBySection = new Map<string, Set<string>>();
    let lastSentence = '';
    for (const block of doc.blocks) {
      const key = block.section ?? '';
      let contextTerms = contextBySection.get(key);
      if (!contextTerms) {
        contextTerms = new Set([...titleTerms, ...(block.section ? termsOf(block.section) : [])]);
        contextBySection.set(key, contextTerms);
      }
      const add = (text: string, previous?: Passage, list?: EntityList): Passage => {
        const names = properNames(text);
        const terms = new Set([...termsOf(text), ...acronymsOf(names)]);
        // A list is answered as a list; its items need no tags. The tagger reads English: a document
        // declared in another language would get its capitalised words read as names ("Il").
        const tags = list || !english ? NO_TAGS : tagSentence(text);
        const has = (type: Tag['type']): boolean => tags.some((t) => t.type === type);
        const passage: Passage = {
          id: passages.length,
          doc: doc.meta,
          text,
          terms,
          contextTerms,
          tags,
          hasDate: has('date') || hasDate(text),
          hasNumber: has('number') || hasNumber(text),
          hasPlace: has('place') || hasPlace(text),
          hasNames: has('name') || names.length > 0,
          ...(block.section ? { section: block.section } : {}),
          ...(previous ? { previous } : {}),
          ...(list ? { list } : {}),
        };
        passages.push(passage);
        return passage;
      };
      const makeList = (intro: string, items: string[]): EntityList => {
        const list: EntityList = {
          intro,
          name: listName(intro),
          items: items.map(toEntity),
          aboutTerms: new Set([...termsOf(intro), ...contextTerms]),
        };
        lists.push(list);
        return list;
      };

      if (block.kind === 'quote') {
        add(block.text);
        lastSentence = block.text;
      } else if (block.kind === 'list') {
        if (block.items.every(looksLikeName) && block.items.length >= 2) {
          const intro = /:\s*$/.test(lastSentence) ? lastSentence.replace(/:\s*$/, '') : (block.section ?? doc.meta.title);
          const list = makeList(intro, block.items);
          add(`${intro}: ${block.items.join(', ')}.`, undefined, list);
        } else {
          for (const item of block.items) for (const sentence of splitSentences(item)) add(sentence);
        }
      } else {
        let previous: Passage | undefined;
        for (const sentence of splitSentences(block.text)) {
          const found = enumeration(sentence);
          previous = add(sentence, previous, found ? makeList(found.intro, found.items) : undefined);
          lastSentence = sentence;
        }
      }
    }
  }
  return { passages, lists, words };
}

/**
 * The index terms of a text, noting each word as written (folded) with its term in `words`:
 * the knowledge's own spellings, against which a question's typos are corrected.
 */
export function collectTerms(analyzer: Analyzer, text: string, words: Map<string, string>): string[] {
  const terms: string[] = [];
  for (const { term, word } of analyzer.termsWithWords(text)) {
    terms.push(term);
    if (!words.has(word)) words.set(word, term);
  }
  return terms;
}
