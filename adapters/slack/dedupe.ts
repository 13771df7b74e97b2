/**
 * Remembers what was already answered. Slack redelivers an event it thinks was not acknowledged
 * in time (same event_id, X-Slack-Retry-Num / retry_attempt set), and a direct message that
 * mentions the app arrives twice, as `app_mention` and as `message`, with different event ids but
 * the same channel and ts. Answering each only once needs a memory of both keys.
 */

/** A short-lived memory of keys already handled. */
export interface Dedupe {
  /**
   * Returns true when none of `keys` was seen within the time to live, and remembers all of them;
   * false when any was, so the caller skips the duplicate.
   */
  first(...keys: string[]): boolean;
}

/** Options for {@link createDedupe}. */
export interface DedupeOptions {
  /** How long a key is remembered. Slack retries within about an hour at most; default 1 hour. */
  ttlMs?: number;
  /** Upper bound on remembered keys so a busy workspace cannot grow memory without end. */
  maxKeys?: number;
  /** Clock, for tests. */
  now?: () => number;
}

/** Creates an in-memory {@link Dedupe}. */
export function createDedupe(options: DedupeOptions = {}): Dedupe {
  const ttlMs = options.ttlMs ?? 60 * 60 * 1000;
  const maxKeys = options.maxKeys ?? 20_000;
  const now = options.now ?? Date.now;
  // Insertion order is expiry order (one TTL for all), so pruning only looks at the front.
  const expiries = new Map<string, number>();

  const prune = (time: number): void => {
    for (const [key, expiry] of expiries) {
      if (expiry > time && expiries.size <= maxKeys) break;
      expiries.delete(key);
    }
  };

  return {
    first(...keys) {
      const time = now();
      prune(time);
      if (keys.some((key) => expiries.has(key))) return false;
      for (const key of keys) expiries.set(key, time + ttlMs);
      return true;
    },
  };
}
