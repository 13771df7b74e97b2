import { isMap, isScalar, isSeq } from 'yaml';
import type { KnowledgeError } from '../types.js';
import type { Parsed } from './markdown.js';
import type { FaqEntry } from './types.js';
import { parseYamlFile } from './yaml.js';

const FAQ_KEYS = ['question', 'alternates', 'answer', 'source', 'author', 'date'];

/**
 * Parses a curated FAQ file (`*.faq.yaml`): a YAML list of entries, each with `question` and
 * `answer` (required), `alternates` (other phrasings), and `source`, `author`, `date` (optional).
 * Every problem is reported with its line.
 */
export function parseFaq(file: string, raw: string): Parsed<FaqEntry[]> {
  const parsed = parseYamlFile(file, raw);
  if (!parsed.ok) return parsed;
  const { doc, lineOf } = parsed;
  const errors: KnowledgeError[] = [];
  if (doc.contents === null) return { ok: true, value: [] };
  if (!isSeq(doc.contents)) {
    return {
      ok: false,
      errors: [{ file, line: lineOf(doc.contents), message: 'an FAQ file must be a list of entries ("- question: …")' }],
    };
  }

  const entries: FaqEntry[] = [];
  for (const item of doc.contents.items) {
    const line = lineOf(item);
    if (!isMap(item)) {
      errors.push({ file, line, message: 'each FAQ entry must have "question:" and "answer:" keys' });
      continue;
    }
    const text = (key: string): string | undefined => {
      const node = item.get(key, true);
      if (node === undefined) return undefined;
      if (!isScalar(node) || (typeof node.value !== 'string' && typeof node.value !== 'number')) {
        errors.push({ file, line: lineOf(node), message: `${key} must be text` });
        return undefined;
      }
      return String(node.value).trim();
    };
    for (const pair of item.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (!FAQ_KEYS.includes(key))
        errors.push({ file, line: lineOf(pair.key), message: `unknown key "${key}" (expected ${FAQ_KEYS.join(', ')})` });
    }
    const question = text('question');
    const answer = text('answer');
    if (!question) errors.push({ file, line, message: 'question is missing or empty' });
    if (!answer) errors.push({ file, line, message: 'answer is missing or empty' });
    if (answer && answer.length > 1500) errors.push({ file, line, message: `answer is ${answer.length} characters; keep it under 1,500` });

    const alternates: string[] = [];
    const alternatesNode = item.get('alternates', true);
    if (alternatesNode !== undefined) {
      if (!isSeq(alternatesNode)) {
        errors.push({ file, line: lineOf(alternatesNode), message: 'alternates must be a list ("- other phrasing")' });
      } else {
        for (const alt of alternatesNode.items) {
          if (isScalar(alt) && typeof alt.value === 'string' && alt.value.trim() !== '') alternates.push(alt.value.trim());
          else errors.push({ file, line: lineOf(alt), message: 'each alternate must be a non-empty question' });
        }
      }
    }
    if (question && answer) {
      const extras = { source: text('source'), author: text('author'), date: text('date') };
      entries.push({
        question,
        alternates,
        answer,
        file,
        line,
        ...Object.fromEntries(Object.entries(extras).filter(([, v]) => v)),
      });
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: entries };
}

/** Parses `synonyms.yaml`: a list of groups, each a list of words or phrases that mean the same. */
export function parseSynonyms(file: string, raw: string): Parsed<string[][]> {
  const parsed = parseYamlFile(file, raw);
  if (!parsed.ok) return parsed;
  const { doc, lineOf } = parsed;
  const data: unknown = doc.toJS();
  if (data === null || data === undefined) return { ok: true, value: [] };
  if (!Array.isArray(data))
    return { ok: false, errors: [{ file, line: 1, message: 'synonyms must be a list of groups, e.g. "- [founded, started, set up]"' }] };
  const errors: KnowledgeError[] = [];
  const groups: string[][] = [];
  const items = isSeq(doc.contents) ? doc.contents.items : [];
  data.forEach((group: unknown, i) => {
    const line = lineOf(items[i]);
    if (!Array.isArray(group) || group.length < 2 || !group.every((w) => typeof w === 'string' && w.trim() !== '')) {
      errors.push({ file, line, message: 'each synonym group must list at least two words, e.g. "- [founded, started]"' });
    } else {
      groups.push(group as string[]);
    }
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: groups };
}
