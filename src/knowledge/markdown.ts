import { LineCounter, parseDocument } from 'yaml';
import { isLanguage, LANGUAGES } from '../language/types.js';
import type { KnowledgeError } from '../types.js';
import { contentHash } from './hash.js';
import type { Block, DocumentMeta, KnowledgeDocument } from './types.js';

const META_KEYS = ['title', 'source', 'url', 'date', 'subject', 'lang'] as const;
type MetaKey = (typeof META_KEYS)[number];

/** The result of parsing one file: the value, or the problems found, never both. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: KnowledgeError[] };

/**
 * A title from a file name: "notes/club-history.md" → "club history".
 */
export function titleFromFileName(file: string): string {
  const base = file.split('/').pop() ?? file;
  return (
    base
      .replace(/\.[^.]+$/, '')
      .replace(/[-_]+/g, ' ')
      .trim() || base
  );
}

/**
 * Parses a plain text document: paragraphs separated by blank lines, nothing else marked up.
 * The title is the file name.
 */
export function parseText(file: string, raw: string): Parsed<KnowledgeDocument> {
  const lines = raw.replace(/^\uFEFF/, '').split(/\r?\n/);
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let start = 0;
  const flush = (): void => {
    const text = paragraph.join(' ').replace(/\s+/g, ' ').trim();
    if (text !== '') blocks.push({ kind: 'paragraph', text, items: [], line: start + 1 });
    paragraph = [];
  };
  lines.forEach((line, i) => {
    if (line.trim() === '') flush();
    else {
      if (paragraph.length === 0) start = i;
      paragraph.push(line);
    }
  });
  flush();
  if (blocks.length === 0) return { ok: false, errors: [{ file, message: 'the file is empty' }] };
  const title = titleFromFileName(file);
  return { ok: true, value: { meta: { file, title }, blocks, hash: contentHash(raw), chars: raw.length } };
}

/**
 * Parses a Markdown document into blocks: paragraphs, bulleted lists and block quotes, each with
 * the heading it sits under. YAML front matter is optional (`title`, `source`, `url`, `date`,
 * `subject`); without a title the first `#` heading is the title, else the file name, and the
 * knowledge's subject (what "it" means in questions) is a document's title unless front matter names one.
 */
export function parseMarkdown(file: string, raw: string): Parsed<KnowledgeDocument> {
  const errors: KnowledgeError[] = [];
  const lines = raw.replace(/^\uFEFF/, '').split(/\r?\n/);
  let bodyStart = 0;
  const meta: Partial<Record<MetaKey, string>> = {};

  if (lines[0]?.trim() === '---') {
    const end = lines.findIndex((line, i) => i > 0 && line.trim() === '---');
    if (end < 0) return { ok: false, errors: [{ file, line: 1, message: 'front matter opened with --- is never closed by a --- line' }] };
    const counter = new LineCounter();
    const doc = parseDocument(lines.slice(1, end).join('\n'), { lineCounter: counter });
    for (const error of doc.errors) {
      errors.push({
        file,
        line: counter.linePos(error.pos[0]).line + 1,
        message: `front matter is not valid YAML: ${error.message.split('\n')[0]}`,
      });
    }
    const data: unknown = errors.length === 0 ? doc.toJS() : {};
    if (data !== null && data !== undefined && (typeof data !== 'object' || Array.isArray(data))) {
      errors.push({ file, line: 2, message: 'front matter must be key: value lines (title, source, url, date, subject)' });
    } else if (data) {
      for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
        const keyLine = 1 + lines.slice(1, end).findIndex((l) => l.trimStart().startsWith(`${key}:`)) + 1;
        if (!(META_KEYS as readonly string[]).includes(key)) {
          errors.push({ file, line: keyLine, message: `unknown front matter key "${key}" (expected ${META_KEYS.join(', ')})` });
        } else if (typeof value !== 'string' && typeof value !== 'number' && !(value instanceof Date)) {
          errors.push({ file, line: keyLine, message: `front matter "${key}" must be text` });
        } else if (key === 'lang' && !isLanguage(String(value).trim())) {
          errors.push({ file, line: keyLine, message: `front matter "lang" must be one of ${LANGUAGES.join(', ')} (got "${value}")` });
        } else {
          meta[key as MetaKey] = value instanceof Date ? value.toISOString().slice(0, 10) : String(value).trim();
        }
      }
    }
    bodyStart = end + 1;
  }
  if (errors.length === 0 && bodyStart === 0 && lines.every((l) => l.trim() === '')) {
    return { ok: false, errors: [{ file, message: 'the file is empty' }] };
  }

  const blocks = parseBlocks(lines, bodyStart);
  if (blocks.length === 0) errors.push({ file, line: bodyStart + 1, message: 'document has no text' });
  if (errors.length > 0) return { ok: false, errors };
  const heading = lines
    .slice(bodyStart)
    .map((l) => /^\s{0,3}#\s+(.*?)\s*#*\s*$/.exec(l)?.[1])
    .find((h) => h);
  const title = meta.title || heading || titleFromFileName(file);
  const documentMeta: DocumentMeta = {
    file,
    title,
    // Without a subject of its own the knowledge's subject is a title (the loader decides which).
    ...pick(meta, ['source', 'url', 'date', 'subject', 'lang']),
  };
  return { ok: true, value: { meta: documentMeta, blocks, hash: contentHash(raw), chars: raw.length } };
}

function pick(meta: Partial<Record<MetaKey, string>>, keys: MetaKey[]): Partial<DocumentMeta> {
  return Object.fromEntries(keys.filter((k) => meta[k]).map((k) => [k, meta[k]]));
}

const BULLET = /^\s*(?:[-*+]|\d+[.)])\s+(.*)$/;
const HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const QUOTE = /^\s{0,3}>\s?(.*)$/;

/** Splits the body into blocks; blank lines end a block, headings set the section. */
function parseBlocks(lines: string[], start: number): Block[] {
  const blocks: Block[] = [];
  let section: string | undefined;
  let current: { kind: Block['kind']; lines: string[]; items: string[]; line: number } | undefined;

  const flush = (): void => {
    if (!current) return;
    const text = current.lines.join(' ').replace(/\s+/g, ' ').trim();
    const items = current.items.map((i) => i.replace(/\s+/g, ' ').trim()).filter(Boolean);
    if (text !== '' || items.length > 0) {
      blocks.push({
        kind: current.kind,
        text: current.kind === 'list' ? items.join('\n') : text,
        items,
        line: current.line,
        ...(section ? { section } : {}),
      });
    }
    current = undefined;
  };
  /** The block being built if it is of `kind`; else the current one ends and a `kind` block starts at `line`. */
  const enter = (kind: Block['kind'], line: number): NonNullable<typeof current> => {
    if (current?.kind !== kind) {
      flush();
      current = { kind, lines: [], items: [], line };
    }
    return current;
  };

  for (let i = start; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const lineNo = i + 1;
    if (line.trim() === '') {
      // A blank line inside a block quote ("> " then ">") does not end it; a truly blank one does.
      flush();
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      flush();
      section = heading[2];
      continue;
    }
    const quote = QUOTE.exec(line);
    if (quote) {
      enter('quote', lineNo).lines.push(quote[1] ?? '');
      continue;
    }
    const bullet = BULLET.exec(line);
    if (bullet) {
      enter('list', lineNo).items.push(bullet[1] ?? '');
      continue;
    }
    if (current?.kind === 'list' && /^\s{2,}\S/.test(line)) {
      // An indented continuation of the last bullet.
      current.items[current.items.length - 1] += ` ${line.trim()}`;
      continue;
    }
    enter('paragraph', lineNo).lines.push(line);
  }
  flush();
  return blocks;
}
