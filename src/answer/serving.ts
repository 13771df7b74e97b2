/**
 * What the bot serves answers from, wherever the {@link Answerer} lives: in this thread
 * ({@link InProcessAnswerer}, in-process.ts) for small knowledge, in a worker thread
 * ({@link WorkerAnswerer}, worker.ts) for large. Both have this one face, so the bot reloads,
 * checks, swaps and closes them alike.
 */
import type { KnowledgeManifest } from '../knowledge/manifest.js';
import { formatKnowledgeError } from '../knowledge/loader.js';
import type { Answer, KnowledgeError, Platform } from '../types.js';
import type { Explanation } from './answerer.js';
import type { AnswererStats } from './worker-protocol.js';

/** Where an answerer was built and answers: on the main thread or in a worker thread. */
export type AnswererHome = 'in-process' | 'worker';

/** An immutable answerer being served; see the module comment. */
export interface ServingAnswerer {
  /** Where it lives; chosen by the knowledge's size (see startAnswerer). */
  readonly home: AnswererHome;
  /** Documents, passages (FAQ phrasings excluded) and FAQ entries served. */
  readonly stats: AnswererStats;
  /** What the main thread needs of the knowledge it serves (diffs, checks, teach, status). */
  readonly manifest: KnowledgeManifest;
  /** How long loading and building took, ms. */
  readonly buildMs: number;
  /** Answers a cleaned question (see cleanQuestion). */
  ask(text: string): Promise<Answer>;
  /** Answers a cleaned question and says why. */
  explain(text: string): Promise<Explanation>;
  /** Up to `limit` questions it can answer that contain what was typed (autocomplete). */
  suggest(typed: string, limit: number): Promise<string[]>;
  /** The usage reply; synchronous. */
  help(platform: Platform): Answer;
  /**
   * Stops taking questions, lets the ones in flight finish (at most `drainMs`) and frees what it
   * holds. Closing twice is harmless.
   */
  close(drainMs?: number): Promise<void>;
}

/** Thrown when an answerer is started on a knowledge folder that does not load; `errors` lists every problem. */
export class KnowledgeLoadError extends Error {
  constructor(readonly errors: KnowledgeError[]) {
    super(`answer: the knowledge does not load:\n${errors.map((e) => `  ${formatKnowledgeError(e)}`).join('\n')}`);
    this.name = 'KnowledgeLoadError';
  }
}
