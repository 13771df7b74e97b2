/**
 * Remembers what was already answered. Slack redelivers an event it thinks was not acknowledged
 * in time (same event_id, X-Slack-Retry-Num / retry_attempt set), and a direct message that
 * mentions the app arrives twice, as `app_mention` and as `message`, with different event ids but
 * the same channel and ts. Answering each only once needs a memory of both keys, which lives in
 * the shared {@link Deduper} so a retry landing on another instance is caught too.
 */
import type { Deduper } from '../../src/state/types.js';

/** A short-lived memory of keys already handled. */
export interface Dedupe {
  /**
   * Resolves true when none of `keys` was claimed within the time to live, and claims all of
   * them; false when any was, so the caller skips the duplicate.
   */
  first(...keys: string[]): Promise<boolean>;
}

/** How long a key is remembered: Slack retries within about an hour at most. */
export const DEDUPE_TTL_MS = 60 * 60 * 1000;

/** A {@link Dedupe} over the shared state's claims. */
export function createDedupe(deduper: Deduper, ttlMs = DEDUPE_TTL_MS): Dedupe {
  return {
    async first(...keys) {
      const claims = await Promise.all(keys.map((key) => deduper.claim(`slack:${key}`, ttlMs)));
      return claims.every(Boolean);
    },
  };
}
