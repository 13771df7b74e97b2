/**
 * The in-memory {@link SharedState}: the default for one process. Every service keeps its data in
 * Maps with expiry times checked on read (no timers to clean up), and the key-value store is
 * capped by least-recent use so a busy bot's memory stays bounded.
 */
import type { RateVerdict, SharedState, StateHealth } from './types.js';

/** Options for {@link createMemoryState}. */
export interface MemoryStateOptions {
  /** Most keys the key-value store holds; the least recently used go first (default 10,000). */
  maxKeys?: number;
  /** Most ids the deduper remembers at once; the oldest go first (default 100,000). */
  maxClaims?: number;
  /** The clock, for tests. */
  now?: () => number;
}

interface Entry {
  value: string;
  expires: number;
}

/** A process-local {@link SharedState}. */
export function createMemoryState(options: MemoryStateOptions = {}): SharedState {
  const now = options.now ?? Date.now;
  const maxKeys = options.maxKeys ?? 10_000;
  const maxClaims = options.maxClaims ?? 100_000;
  // Map keeps insertion order: deleting and re-inserting on use makes the first key the least recent.
  const values = new Map<string, Entry>();
  const hits = new Map<string, number[]>();
  const claims = new Map<string, number>();
  const handlers = new Map<string, Set<(message: string) => void>>();
  const locks = new Map<string, Promise<void>>();
  const leases = new Map<string, { holder: string; expires: number }>();
  let closed = false;

  /** The hits of `key` still in the window, oldest first; expired ones are dropped in place. */
  const recent = (key: string, windowMs: number, at: number): number[] => {
    const times = hits.get(key) ?? [];
    let expired = 0;
    while (expired < times.length && at - (times[expired] as number) >= windowMs) expired++;
    if (expired > 0) times.splice(0, expired);
    if (times.length === 0) hits.delete(key);
    return times;
  };

  const live = (key: string): Entry | undefined => {
    const entry = values.get(key);
    if (!entry) return undefined;
    if (entry.expires <= now()) {
      values.delete(key);
      return undefined;
    }
    return entry;
  };

  return {
    backend: 'memory',

    async hit(keys, windowMs): Promise<RateVerdict & { refusedBy?: string }> {
      const at = now();
      const windows = keys.map(({ key, limit }) => ({ key, limit, times: recent(key, windowMs, at) }));
      // All or nothing: a hit refused by one key is counted on none, so a refused person does not
      // use up the channel's allowance.
      const refused = windows.find((w) => w.times.length >= w.limit);
      if (refused) {
        const oldest = refused.times[refused.times.length - refused.limit] ?? at;
        return { allowed: false, retryAfterMs: Math.max(0, oldest + windowMs - at), refusedBy: refused.key };
      }
      for (const w of windows) {
        w.times.push(at);
        hits.set(w.key, w.times);
      }
      return { allowed: true, retryAfterMs: 0 };
    },

    async claim(id, ttlMs): Promise<boolean> {
      const at = now();
      const until = claims.get(id);
      if (until !== undefined && until > at) return false;
      claims.delete(id);
      claims.set(id, at + ttlMs);
      if (claims.size > maxClaims) {
        // Oldest claims first: they are the ones most likely expired.
        for (const [key, expires] of claims) {
          if (claims.size <= maxClaims && expires > at) break;
          claims.delete(key);
        }
      }
      return true;
    },

    async get(key): Promise<string | undefined> {
      const entry = live(key);
      if (!entry) return undefined;
      values.delete(key);
      values.set(key, entry);
      return entry.value;
    },

    async set(key, value, ttlMs): Promise<void> {
      values.delete(key);
      values.set(key, { value, expires: now() + ttlMs });
      while (values.size > maxKeys) {
        const oldest = values.keys().next().value;
        if (oldest === undefined) break;
        values.delete(oldest);
      }
    },

    async delete(key): Promise<void> {
      values.delete(key);
    },

    async publish(channel, message): Promise<void> {
      // Delivered after the publisher's turn, as a network broadcast would be.
      for (const handler of [...(handlers.get(channel) ?? [])]) queueMicrotask(() => handler(message));
    },

    async subscribe(channel, handler): Promise<() => Promise<void>> {
      const set = handlers.get(channel) ?? new Set();
      set.add(handler);
      handlers.set(channel, set);
      return async () => {
        set.delete(handler);
        if (set.size === 0) handlers.delete(channel);
      };
    },

    async withLock<T>(name: string, ttlMs: number, fn: () => Promise<T>): Promise<T> {
      const previous = locks.get(name) ?? Promise.resolve();
      let release = (): void => {};
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      const mine = previous.then(() => held);
      locks.set(name, mine);
      // A holder that never finishes loses the lock after ttlMs, as a crashed instance would.
      const waited = await Promise.race([previous.then(() => true), sleep(ttlMs).then(() => false)]);
      if (!waited) throw new Error(`state: lock ${name} still held after ${ttlMs} ms`);
      const expiry = setTimeout(release, ttlMs);
      expiry.unref();
      try {
        return await fn();
      } finally {
        clearTimeout(expiry);
        release();
        if (locks.get(name) === mine) locks.delete(name);
      }
    },

    async lease(name, holder, ttlMs): Promise<boolean> {
      const at = now();
      const current = leases.get(name);
      if (current && current.expires > at && current.holder !== holder) return false;
      leases.set(name, { holder, expires: at + ttlMs });
      return true;
    },

    health(): StateHealth {
      return 'ok';
    },

    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      values.clear();
      hits.clear();
      claims.clear();
      handlers.clear();
      leases.clear();
    },
  };
}

const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => {
    setTimeout(resolve, ms).unref();
  });
