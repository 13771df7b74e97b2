import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { KnowledgeError } from '../types.js';
import { parseFaq, parseSynonyms } from './faq.js';
import { parseMarkdown, parseText } from './markdown.js';
import { CHECKS_FILE, parseChecks } from '../moderation/checks.js';
import { isLexiconFile, type Lexicon, parseLexicon } from '../language/lexicon.js';
import type { FaqEntry, KnowledgeBase, KnowledgeCheck, KnowledgeDocument } from './types.js';

/** The synonyms file a moderator may keep in the knowledge folder. */
export const SYNONYMS_FILE = 'synonyms.yaml';
/** Files the loader reads; anything else in the folder is ignored (README, checks, …). */
const isDocument = (name: string): boolean =>
  (name.endsWith('.md') || name.endsWith('.txt')) && !/^readme\.(md|txt)$/i.test(name.split('/').pop() ?? '');

/**
 * A file's text, or why it is not text: a document must be UTF-8 text (a stray PDF or image
 * renamed .md gets a clear message instead of garbage answers).
 */
async function readText(file: string): Promise<{ ok: true; text: string } | { ok: false; message: string }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    return { ok: false, message: `cannot be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` };
  }
  if (bytes.subarray(0, 8192).includes(0)) return { ok: false, message: 'is not a text file (it holds binary data)' };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, message: 'is not UTF-8 text (save it as UTF-8)' };
  }
}
const isFaq = (name: string): boolean => name.endsWith('.faq.yaml') || name.endsWith('.faq.yml');

/** A loaded knowledge folder, or every problem found in it. */
export type LoadResult = { ok: true; knowledge: KnowledgeBase } | { ok: false; errors: KnowledgeError[] };

/**
 * Reads and validates a knowledge folder: documents (`*.md` Markdown, front matter optional, and
 * `*.txt` plain text), curated FAQ files
 * (`*.faq.yaml`), `synonyms.yaml` and `checks.yaml`. Collects every problem rather than stopping at the first,
 * so a moderator fixes them in one go.
 */
export async function loadKnowledge(dir: string): Promise<LoadResult> {
  let names: string[];
  try {
    names = (await readdir(dir, { recursive: true })).map((n) => n.split(path.sep).join('/')).sort();
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'folder not found' : (error as Error).message;
    return {
      ok: false,
      errors: [
        { file: dir, message: `knowledge: cannot read the knowledge folder: ${reason} (set KNOWLEDGE_DIR to a folder of .md files)` },
      ],
    };
  }
  names = names.filter((n) => !n.split('/').some((part) => part.startsWith('.')));

  const errors: KnowledgeError[] = [];
  const documents: KnowledgeDocument[] = [];
  const faq: FaqEntry[] = [];
  let synonyms: string[][] = [];
  let checks: KnowledgeCheck[] = [];
  const lexicons: Lexicon[] = [];
  const hash = createHash('sha256');

  for (const name of names) {
    if (!isDocument(name) && !isFaq(name) && name !== SYNONYMS_FILE && name !== CHECKS_FILE && !isLexiconFile(name)) continue;
    const read = await readText(path.join(dir, name));
    if (!read.ok) {
      errors.push({ file: name, message: `the file ${read.message}` });
      continue;
    }
    const raw = read.text;
    hash.update(`${name}\0${raw}\0`);
    if (isDocument(name)) {
      const parsed = name.endsWith('.txt') ? parseText(name, raw) : parseMarkdown(name, raw);
      if (parsed.ok) documents.push(parsed.value);
      else errors.push(...parsed.errors);
    } else if (isFaq(name)) {
      const parsed = parseFaq(name, raw);
      if (parsed.ok) faq.push(...parsed.value);
      else errors.push(...parsed.errors);
    } else if (isLexiconFile(name)) {
      // The language layer's lexicons (src/language): validated here so a reload reports them.
      const parsed = parseLexicon(name, raw);
      if (parsed.ok) lexicons.push(parsed.value);
      else errors.push(...parsed.errors);
    } else if (name === CHECKS_FILE) {
      const parsed = parseChecks(name, raw);
      if (parsed.ok) checks = parsed.value;
      else errors.push(...parsed.errors);
    } else {
      const parsed = parseSynonyms(name, raw);
      if (parsed.ok) synonyms = parsed.value;
      else errors.push(...parsed.errors);
    }
  }

  const seen = new Map<string, FaqEntry>();
  for (const entry of faq) {
    const key = entry.question.toLowerCase();
    const first = seen.get(key);
    if (first)
      errors.push({
        file: entry.file,
        line: entry.line,
        message: `question "${entry.question}" is already answered in ${first.file}:${first.line}`,
      });
    else seen.set(key, entry);
  }
  if (documents.length === 0 && faq.length === 0 && errors.length === 0) {
    errors.push({ file: dir, message: 'knowledge: the folder has no documents (*.md, *.txt) or FAQ files (*.faq.yaml)' });
  }
  if (errors.length > 0) return { ok: false, errors };

  const subject = documents.find((d) => d.meta.subject)?.meta.subject ?? documents[0]?.meta.title ?? 'this knowledge base';
  return { ok: true, knowledge: { documents, faq, synonyms, checks, lexicons, subject, contentHash: hash.digest('hex').slice(0, 12) } };
}

/** Formats a problem as `file:line: message`, the form moderators see everywhere. */
export function formatKnowledgeError(error: KnowledgeError): string {
  return `${error.file}${error.line ? `:${error.line}` : ''}: ${error.message}`;
}
