/**
 * The worker thread of {@link WorkerAnswerer}: loads the knowledge (when given a folder), builds
 * the Answerer off the main thread, then answers requests one at a time.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { loadKnowledge } from '../knowledge/loader.js';
import { manifestOf } from '../knowledge/manifest.js';
import type { KnowledgeBase } from '../knowledge/types.js';
import { Answerer } from './answerer.js';
import type { ReadyMessage, Reply, Request, StartData } from './worker-protocol.js';

async function build(data: StartData): Promise<{ answerer: Answerer; buildMs: number } | { errors: ReadyMessage & { type: 'failed' } }> {
  const started = performance.now();
  let knowledge: KnowledgeBase;
  if (typeof data.source === 'string') {
    const loaded = await loadKnowledge(data.source);
    if (!loaded.ok) return { errors: { type: 'failed', errors: loaded.errors } };
    knowledge = loaded.knowledge;
  } else {
    knowledge = data.source;
  }
  return { answerer: new Answerer(knowledge, data.answerer), buildMs: performance.now() - started };
}

function serve(answerer: Answerer, request: Request): Reply {
  try {
    switch (request.method) {
      case 'ask':
        return { id: request.id, ok: true, value: answerer.ask(request.text) };
      case 'explain':
        return { id: request.id, ok: true, value: answerer.explain(request.text) };
      case 'suggest':
        return { id: request.id, ok: true, value: answerer.suggest(request.typed, request.limit) };
    }
  } catch (error) {
    // A bug in one answer must not take the worker down: the caller gets the message and the
    // worker keeps serving.
    return { id: request.id, ok: false, message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}

const port = parentPort;
if (!port) throw new Error('answer: worker-entry.js runs only as a worker thread');

try {
  const built = await build(workerData as StartData);
  if ('errors' in built) {
    port.postMessage(built.errors);
  } else {
    const { answerer, buildMs } = built;
    const ready: ReadyMessage = {
      type: 'ready',
      stats: answerer.stats,
      help: { discord: answerer.help('discord'), slack: answerer.help('slack'), terminal: answerer.help('terminal') },
      manifest: manifestOf(answerer.knowledge),
      buildMs,
    };
    port.on('message', (request: Request) => port.postMessage(serve(answerer, request)));
    port.postMessage(ready);
  }
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  port.postMessage({
    type: 'failed',
    errors: [
      {
        file: typeof (workerData as StartData).source === 'string' ? ((workerData as StartData).source as string) : 'knowledge',
        message: `answer: building the answerer failed: ${message}`,
      },
    ],
  } satisfies ReadyMessage);
}
