/**
 * Starts the answerer for a knowledge folder where it serves best: small knowledge on the calling
 * (main) thread, large knowledge in a worker thread.
 *
 * In a worker, every question pays a message round trip (two postMessage hops, two thread
 * wake-ups): on the shipped knowledge that took `bot.ask` from p99 0.4 ms to over 1 ms. On the
 * main thread, building blocks the event loop that must acknowledge Slack and Discord: seconds
 * for 50,000 paragraphs. So the rule is the stall: build on the main thread only what builds
 * well within the time a question may wait during a reload (50 ms more than usual).
 *
 * The rule is stated in bytes of knowledge text rather than build time or passages because bytes
 * are known before building anything: a small folder never pays for a worker start, and a large
 * one never touches the main thread. Building costs roughly in proportion to the text (passages
 * are its sentences), plus a fixed part that dominates below about 20 KB.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setImmediate } from 'node:timers/promises';
import { loadKnowledge } from '../knowledge/loader.js';
import type { KnowledgeBase } from '../knowledge/types.js';
import type { AnswererOptions } from './answerer.js';
import { InProcessAnswerer } from './in-process.js';
import { KnowledgeLoadError, type ServingAnswerer } from './serving.js';
import { WorkerAnswerer } from './worker.js';

/**
 * Knowledge up to this many bytes of text is built and served on the main thread. Measured with
 * `bot.reload` on the 2-core development machine while it was shared with other work (load 4),
 * the longest block of the event loop per reload: 10–34 ms for the shipped 5.5 KB, 12–38 ms for
 * 13 KB, 16–31 ms for 19 KB, 15–39 ms for 26 KB and 27–69 ms for 33 KB of State of the Union
 * paragraphs (about half on a quiet machine). Most of it is a fixed part; above 20 KB the text
 * starts to tell. 16 KiB keeps the block under 40 ms, within the 50 ms a question may wait during
 * a reload even on a busy machine, and is three times the shipped knowledge, room for moderators'
 * FAQ entries; beyond it the knowledge moves to a worker, where only the round trip is paid.
 */
export const IN_PROCESS_MAX_BYTES = 16 * 1024;

/** Options for {@link startAnswerer}. */
export interface StartAnswererOptions {
  /**
   * Largest knowledge, in bytes of text, built and served on the main thread (default
   * {@link IN_PROCESS_MAX_BYTES}); 0 puts every knowledge base in a worker, Infinity none.
   */
  inProcessMaxBytes?: number;
  /**
   * In process, build twice and keep the second: for start-up, when nothing is served yet. The
   * first build runs cold code (70 ms for the shipped knowledge) and the next one still half cold
   * (30 ms); without this the first reload blocks the loop that long, with it as long as later
   * ones (about 8 ms on a quiet machine).
   */
  warmUp?: boolean;
  /** How the answerer decides (its confidence threshold), wherever it is built. */
  answerer?: AnswererOptions;
}

/** What the loader may read, as the watcher sees it: non-hidden `*.md`, `*.yaml`, `*.yml`. */
// Lexicons (src/language) are read by the main thread's language layer, not indexed: they do not count.
const isKnowledgeFile = (name: string): boolean =>
  !name.split(/[\\/]/).some((part) => part.startsWith('.')) && /\.(md|txt|ya?ml)$/.test(name) && !/^lexicon[\\/]/.test(name);

/**
 * Bytes in the files of a knowledge folder that the loader may read. 0 for a folder that cannot
 * be read, so the loader, which runs next, reports why in its words.
 */
export async function knowledgeBytes(dir: string): Promise<number> {
  let names: string[];
  try {
    names = (await readdir(dir, { recursive: true })).filter(isKnowledgeFile);
  } catch {
    return 0;
  }
  const sizes = await Promise.all(
    names.map((name) =>
      stat(path.join(dir, name)).then(
        (s) => (s.isFile() ? s.size : 0),
        () => 0,
      ),
    ),
  );
  return sizes.reduce((a, b) => a + b, 0);
}

/** Characters of text in a loaded knowledge base: documents as written, and FAQ entries. */
export function knowledgeTextSize(knowledge: KnowledgeBase): number {
  let size = 0;
  for (const d of knowledge.documents) size += d.chars;
  for (const f of knowledge.faq) size += f.question.length + f.answer.length + f.alternates.reduce((n, a) => n + a.length, 0);
  return size;
}

/**
 * Loads and builds the answerer for `dir`, on this thread when the folder is small enough (see
 * {@link IN_PROCESS_MAX_BYTES}), otherwise in a worker. Rejects with a {@link KnowledgeLoadError}
 * when the folder does not load, wherever it was built.
 */
export async function startAnswerer(dir: string, options: StartAnswererOptions = {}): Promise<ServingAnswerer> {
  const limit = options.inProcessMaxBytes ?? IN_PROCESS_MAX_BYTES;
  const answerer = options.answerer ?? {};
  if (limit <= 0 || (await knowledgeBytes(dir)) > limit) return WorkerAnswerer.start(dir, { answerer });
  const started = performance.now();
  const loaded = await loadKnowledge(dir);
  if (!loaded.ok) throw new KnowledgeLoadError(loaded.errors);
  // Files may have grown since they were measured (a large file copied in while the watcher's
  // reload runs): the build, which blocks this thread, happens only if the text read still fits.
  if (knowledgeTextSize(loaded.knowledge) > limit) return WorkerAnswerer.start(dir, { answerer });
  // The last file's parse and the build would otherwise run as one block (the loader resolves in
  // a microtask): let the event loop in between, so a question waits for one of them at most.
  await setImmediate();
  if (options.warmUp) {
    await InProcessAnswerer.build(loaded.knowledge, 0, dir, answerer).close();
    await setImmediate();
  }
  return InProcessAnswerer.build(loaded.knowledge, performance.now() - started, dir, answerer);
}
