/**
 * An {@link Answerer} built and served on the calling thread, with the face of a
 * {@link WorkerAnswerer} ({@link ServingAnswerer}). For small knowledge: a question answered here
 * skips the worker's message round trip (two postMessage hops and two thread wake-ups), which on
 * the shipped knowledge doubled the median of `bot.ask` and took its p99 over 1 ms; building it
 * blocks this thread only briefly because the knowledge is small (startAnswerer decides what
 * small is).
 */
import { performance } from 'node:perf_hooks';
import { manifestOf, type KnowledgeManifest } from '../knowledge/manifest.js';
import type { KnowledgeBase } from '../knowledge/types.js';
import type { Answer, Platform } from '../types.js';
import { Answerer, type AnswererOptions, type Explanation } from './answerer.js';
import { KnowledgeLoadError, type AnswererHome, type ServingAnswerer } from './serving.js';
import type { AnswererStats } from './worker-protocol.js';

const PLATFORMS: readonly Platform[] = ['discord', 'slack', 'terminal'];

/** See the module comment. */
export class InProcessAnswerer implements ServingAnswerer {
  readonly home: AnswererHome = 'in-process';
  readonly stats: AnswererStats;
  readonly manifest: KnowledgeManifest;
  private readonly helpByPlatform: Record<Platform, Answer>;
  /** Dropped by close(), so a swapped-out knowledge base can be collected while the bot runs on. */
  private answerer: Answerer | undefined;

  private constructor(
    answerer: Answerer,
    /** How long loading and building took on this thread, ms. */
    readonly buildMs: number,
  ) {
    this.answerer = answerer;
    this.stats = answerer.stats;
    this.manifest = manifestOf(answerer.knowledge);
    // Computed once, as the worker does, so help() costs nothing and both kinds reply alike.
    this.helpByPlatform = Object.fromEntries(PLATFORMS.map((p) => [p, answerer.help(p)])) as Record<Platform, Answer>;
  }

  /**
   * Builds the answerer of a loaded knowledge base on this thread (synchronously: the thread is
   * blocked for the build). A failed build is reported as a {@link KnowledgeLoadError}, as the
   * worker reports it, so a broken knowledge base never reaches the bot's swap.
   * @param loadMs how long loading took, counted into buildMs
   * @param where the folder, named in the error
   */
  static build(knowledge: KnowledgeBase, loadMs = 0, where = 'knowledge', options: AnswererOptions = {}): InProcessAnswerer {
    const started = performance.now();
    let answerer: Answerer;
    try {
      answerer = new Answerer(knowledge, options);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new KnowledgeLoadError([{ file: where, message: `answer: building the answerer failed: ${message}` }]);
    }
    return new InProcessAnswerer(answerer, loadMs + performance.now() - started);
  }

  /** Answers a cleaned question (see cleanQuestion). */
  async ask(text: string): Promise<Answer> {
    return this.serving().ask(text);
  }

  /** Answers a cleaned question and says why. The explanation shares the answerer's passages: read it, do not change it. */
  async explain(text: string): Promise<Explanation> {
    return this.serving().explain(text);
  }

  /** Up to `limit` questions it can answer that contain what was typed (autocomplete). */
  async suggest(typed: string, limit: number): Promise<string[]> {
    return this.serving().suggest(typed, limit);
  }

  /** The usage reply, computed when it was built. */
  help(platform: Platform): Answer {
    return this.helpByPlatform[platform];
  }

  /**
   * Stops taking questions and lets the knowledge go. Answers here are computed synchronously
   * inside ask(), so none can be in flight when close() runs: there is nothing to drain.
   */
  async close(): Promise<void> {
    this.answerer = undefined;
  }

  private serving(): Answerer {
    if (!this.answerer) throw new Error('answer: the answerer was closed');
    return this.answerer;
  }
}
