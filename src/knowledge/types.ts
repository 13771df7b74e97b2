/** What the loader makes of a knowledge folder: documents split into blocks, FAQ entries, synonyms. */
import type { Lexicon } from '../language/lexicon.js';

/** Front matter of a Markdown document. */
export interface DocumentMeta {
  /** File name relative to the knowledge folder, e.g. `global-mooc-alliance.md`. */
  file: string;
  title: string;
  source?: string;
  url?: string;
  date?: string;
  /** What the document is mainly about; "it" in a question means this. */
  subject?: string;
  /** The language it is written in (ISO 639-1), when not English: it answers questions in that language first. */
  lang?: string;
}

/** A unit of a document as written: a paragraph, a bulleted list or a block quote. */
export interface Block {
  kind: 'paragraph' | 'list' | 'quote';
  /** Paragraph or quote text (quote lines joined); for lists, the items. */
  text: string;
  items: string[];
  /** Heading the block sits under, if any. */
  section?: string;
  /** 1-based line in the file where the block starts. */
  line: number;
}

/** A parsed Markdown document. */
export interface KnowledgeDocument {
  meta: DocumentMeta;
  blocks: Block[];
  /**
   * A hash of the file's text, to tell changed documents apart on reload. The text itself is not
   * kept: the blocks hold what answers need, and a second copy of every file doubled the memory.
   */
  hash: string;
  /** Characters in the file. */
  chars: number;
}

/** A curated question and answer, written by a moderator. */
export interface FaqEntry {
  question: string;
  alternates: string[];
  answer: string;
  /** File and line it came from, for reports. */
  file: string;
  line: number;
  source?: string;
  author?: string;
  date?: string;
}

/** A known-good question and what its answer must say; a reload goes live only if all pass. */
export interface KnowledgeCheck {
  question: string;
  /** Patterns (case-insensitive regular expressions) the answer must all match. */
  expect: string[];
  /** Patterns the answer must not match. */
  forbid: string[];
  /** The answer must say it does not know. */
  abstain: boolean;
  maxLength?: number;
  file: string;
  line: number;
}

/** A whole knowledge folder, validated. */
export interface KnowledgeBase {
  documents: KnowledgeDocument[];
  faq: FaqEntry[];
  /** Known-good questions from checks.yaml. */
  checks: KnowledgeCheck[];
  /** A hash of every file's content: tells at a glance whether two deployments serve the same knowledge. */
  contentHash: string;
  /** Moderator synonym groups from synonyms.yaml. */
  synonyms: string[][];
  /** Moderator lexicons from lexicon/<lang>.yaml: other languages' words for the knowledge's terms. */
  lexicons?: Lexicon[];
  /** The main subject ("it"): the first document subject declared, else the first title. */
  subject: string;
}
