/**
 * The moderators' lexicons: `lexicon/<lang>.yaml` in the knowledge folder maps the English terms
 * and names the knowledge uses onto the words and names people use in that language:
 *
 *     founding members: [membri fondatori, membro fondatore, soci fondatori]
 *     Tsinghua University: [Università Tsinghua]
 *
 * The first word or phrase of a line is how answers say the term (write nouns in the plural).
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { KnowledgeError } from '../types.js';
import { isLanguage, type OtherLanguage } from './types.js';

/** The folder of the knowledge folder that holds lexicons. */
export const LEXICON_FOLDER = 'lexicon';

/** One line of a lexicon: an English term or name and the words for it in the lexicon's language. */
export interface LexiconEntry {
  /** As the knowledge writes it ("founding members", "Tsinghua University"). */
  english: string;
  /** Words and phrases for it in the language; the first is the one answers use. */
  forms: string[];
  line: number;
}

/** A parsed `lexicon/<lang>.yaml`. */
export interface Lexicon {
  lang: OtherLanguage;
  file: string;
  entries: LexiconEntry[];
}

/** Whether a knowledge-folder path is a lexicon file. */
export function isLexiconFile(name: string): boolean {
  return name.startsWith(`${LEXICON_FOLDER}/`) && /\.ya?ml$/.test(name);
}

/** Parses and validates one lexicon file; every problem is reported with its line. */
export function parseLexicon(file: string, raw: string): { ok: true; value: Lexicon } | { ok: false; errors: KnowledgeError[] } {
  const errors: KnowledgeError[] = [];
  const code = file.slice(LEXICON_FOLDER.length + 1).replace(/\.ya?ml$/, '');
  if (!isLanguage(code) || code === 'en') {
    return {
      ok: false,
      errors: [{ file, line: 1, message: `language: the file name must be a language code: it, es, fr, de, pt, ru or zh (got "${code}")` }],
    };
  }
  const counter = new LineCounter();
  const doc = parseDocument(raw, { lineCounter: counter, prettyErrors: false });
  const lineOf = (node: Node | null | undefined): number => (node?.range ? counter.linePos(node.range[0]).line : 1);
  for (const e of doc.errors) errors.push({ file, line: counter.linePos(e.pos[0]).line, message: `language: ${e.message.split('\n')[0]}` });
  if (errors.length > 0) return { ok: false, errors };
  const entries: LexiconEntry[] = [];
  if (doc.contents === null) return { ok: true, value: { lang: code, file, entries } };
  if (!isMap(doc.contents)) {
    return { ok: false, errors: [{ file, line: lineOf(doc.contents), message: 'language: expected "English term: [words, …]" lines' }] };
  }
  const seen = new Map<string, { english: string; line: number }>();
  for (const pair of doc.contents.items) {
    const keyNode = pair.key as Node | null;
    const line = lineOf(keyNode);
    const english = isScalar(keyNode) ? String(keyNode.value ?? '').trim() : '';
    if (english === '') {
      errors.push({ file, line, message: 'language: the English term before ":" is empty' });
      continue;
    }
    const value = pair.value as Node | null;
    const raws = isSeq(value) ? value.items : isScalar(value) ? [value] : [];
    const forms = raws.map((item) => (isScalar(item) ? String(item.value ?? '').trim() : ''));
    if (forms.length === 0 || forms.some((f) => f === '')) {
      errors.push({ file, line, message: `language: "${english}" needs its words as a list, e.g. ${english}: [word, other word]` });
      continue;
    }
    for (const form of forms) {
      const key = form.toLowerCase();
      const first = seen.get(key);
      if (first && first.english !== english) {
        errors.push({ file, line, message: `language: "${form}" already means "${first.english}" (line ${first.line})` });
      } else seen.set(key, { english, line });
    }
    entries.push({ english, forms, line });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: { lang: code, file, entries } };
}
