import type { Lexicon } from '../language/lexicon.js';
import type { ReloadReport } from '../types.js';
import { contentHash } from './hash.js';
import type { FaqEntry, KnowledgeBase, KnowledgeCheck } from './types.js';

/**
 * What the main thread needs to know of a knowledge base that lives in a worker: small enough to
 * copy, and enough to diff two reloads, validate a teach, run the checks and report status.
 */
export interface KnowledgeManifest {
  subject: string;
  contentHash: string;
  synonyms: string[][];
  checks: KnowledgeCheck[];
  /** FAQ questions and phrasings with where they are, for teach validation. */
  faq: Pick<FaqEntry, 'question' | 'alternates' | 'file' | 'line'>[];
  /** The lexicons and the documents' declared languages (title → code), for the language layer. */
  lexicons: Lexicon[];
  documentLanguages: Record<string, string>;
  /** Document file or FAQ entry name → hash of its content, for reload diffs. */
  items: Record<string, string>;
}

/** The manifest of a loaded knowledge base. */
export function manifestOf(kb: KnowledgeBase): KnowledgeManifest {
  const items: Record<string, string> = {};
  for (const d of kb.documents) items[d.meta.file] = d.hash;
  for (const f of kb.faq) items[`FAQ "${f.question}"`] = contentHash(JSON.stringify([f.alternates, f.answer, f.source]));
  return {
    subject: kb.subject,
    contentHash: kb.contentHash,
    synonyms: kb.synonyms,
    checks: kb.checks,
    lexicons: kb.lexicons ?? [],
    documentLanguages: Object.fromEntries(kb.documents.filter((d) => d.meta.lang).map((d) => [d.meta.title, d.meta.lang as string])),
    faq: kb.faq.map(({ question, alternates, file, line }) => ({ question, alternates, file, line })),
    items,
  };
}

/** Names of documents and FAQ entries added, removed and changed between two manifests. */
export function diffManifests(before: KnowledgeManifest, after: KnowledgeManifest): Pick<ReloadReport, 'added' | 'removed' | 'changed'> {
  const old = before.items;
  const now = after.items;
  return {
    added: Object.keys(now).filter((k) => !(k in old)),
    removed: Object.keys(old).filter((k) => !(k in now)),
    changed: Object.keys(now).filter((k) => k in old && old[k] !== now[k]),
  };
}
