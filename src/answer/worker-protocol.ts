/**
 * Messages between {@link WorkerAnswerer} (main thread) and its worker (worker-entry.ts). Kept in
 * one module so both sides agree on the shapes.
 */
import type { KnowledgeManifest } from '../knowledge/manifest.js';
import type { AnswererOptions } from './answerer.js';
import type { KnowledgeBase } from '../knowledge/types.js';
import type { Answer, KnowledgeError, Platform } from '../types.js';
import type { Explanation } from './answerer.js';

/** What the worker builds from: a knowledge folder to load there, or a knowledge base already loaded. */
export type AnswererSource = string | KnowledgeBase;

/** The first message the worker receives (as workerData). */
export interface StartData {
  source: AnswererSource;
  /** How the answerer decides (its confidence threshold). */
  answerer?: AnswererOptions;
}

/** Counts of what the answerer serves. */
export interface AnswererStats {
  documents: number;
  passages: number;
  faqEntries: number;
}

/** The worker's first message: ready to serve, or why it could not load. */
export type ReadyMessage =
  | {
      type: 'ready';
      stats: AnswererStats;
      /** The usage reply per platform, computed once so help() stays synchronous. */
      help: Record<Platform, Answer>;
      /** What the caller needs of the knowledge without holding it (diffs, checks, teach, status). */
      manifest: KnowledgeManifest;
      buildMs: number;
    }
  | { type: 'failed'; errors: KnowledgeError[] };

/** A call to the worker's answerer. */
export type Request =
  | { id: number; method: 'ask'; text: string }
  | { id: number; method: 'explain'; text: string }
  | { id: number; method: 'suggest'; typed: string; limit: number };

/** What each method returns. */
export interface Results {
  ask: Answer;
  explain: Explanation;
  suggest: string[];
}

/** The worker's reply to one {@link Request}. */
export type Reply = { id: number; ok: true; value: Results[keyof Results] } | { id: number; ok: false; message: string };
