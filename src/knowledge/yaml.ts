/**
 * The one way the knowledge folder's YAML files (FAQ, synonyms, checks) are read: with line
 * numbers for every node, and syntax errors turned into `file:line: not valid YAML: …` problems,
 * so every file reports its problems the same way.
 */
import { type Document, LineCounter, type Node, parseDocument } from 'yaml';
import type { KnowledgeError } from '../types.js';

/** A parsed YAML file and the line of any of its nodes, or its syntax errors. */
export type ParsedYaml = { ok: true; doc: Document.Parsed; lineOf: (node: unknown) => number } | { ok: false; errors: KnowledgeError[] };

/** Parses `raw` (the text of `file`); a node without a position counts as line 1. */
export function parseYamlFile(file: string, raw: string): ParsedYaml {
  const counter = new LineCounter();
  const doc = parseDocument(raw, { lineCounter: counter, prettyErrors: false });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.map((e) => ({
        file,
        line: counter.linePos(e.pos[0]).line,
        message: `not valid YAML: ${e.message.split('\n')[0]}`,
      })),
    };
  }
  const lineOf = (node: unknown): number => {
    const range = (node as Node | null | undefined)?.range;
    return range ? counter.linePos(range[0]).line : 1;
  };
  return { ok: true, doc, lineOf };
}
