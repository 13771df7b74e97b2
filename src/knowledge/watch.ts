import { watch } from 'node:fs';
import type { Logger } from '../logger.js';
import type { ReloadReport } from '../types.js';

/** Edits arrive as bursts of file events; reload once they settle. */
const WATCH_DEBOUNCE_MS = 500;

/**
 * KNOWLEDGE_WATCH: a checked reload when a file the loader reads changes in the knowledge folder.
 * Returns a function that stops watching.
 */
export function watchKnowledge(dir: string, reload: () => Promise<ReloadReport>, logger: Logger): () => void {
  let timer: NodeJS.Timeout | undefined;
  const watcher = watch(dir, { recursive: true }, (_event, file) => {
    // Editors and `kb teach` write temp files first; only the files the loader reads matter.
    const name = String(file ?? '');
    if (name.split('/').some((part) => part.startsWith('.')) || !/\.(md|txt|ya?ml)$/.test(name)) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      void reload().then((r) => logger.info({ ok: r.ok }, 'knowledge: changed on disk, reloaded'));
    }, WATCH_DEBOUNCE_MS);
  });
  return () => {
    clearTimeout(timer);
    watcher.close();
  };
}
