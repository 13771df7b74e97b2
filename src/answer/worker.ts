/**
 * An {@link Answerer} in a worker thread, for knowledge too large to build on the main thread
 * (startAnswerer in start.ts decides; small knowledge is served by InProcessAnswerer). Building the
 * answerer for a large knowledge base takes seconds of CPU; in a worker it stalls nobody: the main
 * thread (which acknowledges Slack and Discord within 3 s) only posts questions and receives
 * answers. A reload starts a new answerer while the old one keeps serving, swaps, then closes the
 * old one.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { KnowledgeManifest } from '../knowledge/manifest.js';
import { PROJECT_ROOT } from '../paths.js';
import type { Answer, Platform } from '../types.js';
import type { AnswererOptions, Explanation } from './answerer.js';
import { KnowledgeLoadError, type AnswererHome, type ServingAnswerer } from './serving.js';
import type { AnswererSource, AnswererStats, ReadyMessage, Reply, Request, Results, StartData } from './worker-protocol.js';

export type { AnswererSource, AnswererStats } from './worker-protocol.js';
// Thrown by start(); it lives with the face both kinds of answerer share.
export { KnowledgeLoadError } from './serving.js';

/** Options for {@link WorkerAnswerer.start}. */
export interface WorkerAnswererOptions {
  /** The compiled worker entry; by default worker-entry.js next to this module in dist/. */
  entry?: string | URL;
  /** How the answerer decides (its confidence threshold). */
  answerer?: AnswererOptions;
}

/**
 * Where the compiled worker entry is. Workers run JavaScript, so when this module itself runs from
 * TypeScript sources (vitest, tsx), the entry is taken from dist/, which the build fills.
 */
export function workerEntry(): string {
  const here = fileURLToPath(import.meta.url);
  return here.endsWith('.ts')
    ? path.join(PROJECT_ROOT, 'dist', 'src', 'answer', 'worker-entry.js')
    : path.join(path.dirname(here), 'worker-entry.js');
}

type Pending = { resolve: (value: never) => void; reject: (error: Error) => void };

/** The asynchronous face of an {@link Answerer} that lives in a worker thread. */
export class WorkerAnswerer implements ServingAnswerer {
  readonly home: AnswererHome = 'worker';
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  /** Set once the worker is gone: every question is rejected with it. */
  private closed: Error | undefined;
  /** Set by close(): new questions are rejected while those in flight finish. */
  private refusing: Error | undefined;
  private closing: Promise<void> | undefined;
  private drained: (() => void) | undefined;

  private constructor(
    private readonly worker: Worker,
    /** Documents, passages (FAQ phrasings excluded) and FAQ entries served. */
    readonly stats: AnswererStats,
    private readonly helpByPlatform: Record<Platform, Answer>,
    /** What the main thread needs of the knowledge it serves (diffs, checks, teach, status). */
    readonly manifest: KnowledgeManifest,
    /** How long loading and building took in the worker, ms. */
    readonly buildMs: number,
  ) {
    // An idle worker does not keep the process alive (a CLI exits when done, an embedder need not
    // close it); a question in flight does.
    worker.unref();
    worker.on('message', (reply: Reply) => this.settle(reply));
    worker.on('error', (error: Error) => this.fail(new Error(`answer: the answerer worker failed: ${error.message}`)));
    worker.on('exit', (code) => this.fail(new Error(`answer: the answerer worker stopped (exit code ${code})`)));
  }

  /**
   * Loads (when given a folder) and builds an answerer in a new worker thread; resolves once it
   * can answer. Rejects with a {@link KnowledgeLoadError} when the folder does not validate.
   * Give a folder rather than a loaded KnowledgeBase for large knowledge: a KnowledgeBase is
   * copied to the worker on the calling thread.
   */
  static start(source: AnswererSource, options: WorkerAnswererOptions = {}): Promise<WorkerAnswerer> {
    const data: StartData = { source, ...(options.answerer ? { answerer: options.answerer } : {}) };
    // Workers inherit the process's node flags, but a `node --input-type=… -e` script's flag makes
    // the worker fail; only then are the flags given explicitly (where Node also refuses
    // process-wide ones such as --expose-gc, so those go too).
    const inherited = process.execArgv;
    const execArgv = inherited.some((flag) => flag.startsWith('--input-type'))
      ? inherited.filter((flag) => !flag.startsWith('--input-type') && !flag.startsWith('--expose-gc'))
      : undefined;
    const worker = new Worker(options.entry ?? workerEntry(), { workerData: data, ...(execArgv ? { execArgv } : {}) });
    return new Promise<WorkerAnswerer>((resolve, reject) => {
      const onError = (error: Error): void => {
        cleanup();
        reject(new Error(`answer: the answerer worker failed to start: ${error.message}`));
      };
      const onExit = (code: number): void => {
        cleanup();
        reject(new Error(`answer: the answerer worker stopped before it was ready (exit code ${code})`));
      };
      const onMessage = (message: ReadyMessage): void => {
        cleanup();
        if (message.type === 'failed') {
          void worker.terminate();
          reject(new KnowledgeLoadError(message.errors));
          return;
        }
        resolve(new WorkerAnswerer(worker, message.stats, message.help, message.manifest, message.buildMs));
      };
      const cleanup = (): void => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      worker.once('message', onMessage);
      worker.once('error', onError);
      worker.once('exit', onExit);
    });
  }

  /** Answers a cleaned question (see cleanQuestion). */
  ask(text: string): Promise<Answer> {
    return this.call<'ask'>({ id: 0, method: 'ask', text });
  }

  /** Answers a cleaned question and says why. */
  explain(text: string): Promise<Explanation> {
    return this.call<'explain'>({ id: 0, method: 'explain', text });
  }

  /** Up to `limit` questions it can answer that contain what was typed (autocomplete). */
  suggest(typed: string, limit: number): Promise<string[]> {
    return this.call<'suggest'>({ id: 0, method: 'suggest', typed, limit });
  }

  /** The usage reply; synchronous, computed when the worker started. */
  help(platform: Platform): Answer {
    return this.helpByPlatform[platform];
  }

  /**
   * Stops taking questions, lets the ones in flight finish (at most `drainMs`, then they are
   * rejected) and stops the worker. After a reload swap, closing the old answerer this way loses
   * no answer.
   */
  async close(drainMs = 5000): Promise<void> {
    if (this.closing) return this.closing;
    this.refusing = new Error('answer: the answerer was closed');
    this.closing = (async () => {
      if (this.pending.size > 0) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, drainMs);
          this.drained = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
      this.fail(this.refusing ?? new Error('answer: the answerer was closed'));
      await this.worker.terminate();
    })();
    return this.closing;
  }

  private call<M extends keyof Results>(request: Request): Promise<Results[M]> {
    const refused = this.closed ?? this.refusing;
    if (refused) return Promise.reject(refused);
    const id = this.nextId++;
    return new Promise<Results[M]>((resolve, reject) => {
      if (this.pending.size === 0) this.worker.ref();
      this.pending.set(id, { resolve: resolve as (value: never) => void, reject });
      this.worker.postMessage({ ...request, id });
    });
  }

  private settle(reply: Reply): void {
    const pending = this.pending.get(reply.id);
    if (!pending) return;
    this.pending.delete(reply.id);
    if (this.pending.size === 0) {
      this.worker.unref();
      this.drained?.();
    }
    if (reply.ok) pending.resolve(reply.value as never);
    else pending.reject(new Error(`answer: the answerer failed: ${reply.message}`));
  }

  private fail(error: Error): void {
    this.closed ??= error;
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }
}
