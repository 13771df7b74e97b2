import type { RateVerdict, SharedState, StateHealth } from './types.js';

/**
 * The process-local state a Redis-backed state answers from while Redis is unreachable: the same
 * semantics, for this process alone. Small on purpose: it only has to carry an outage.
 */
export class LocalFallbackState implements SharedState {
  readonly backend = 'memory' as const;
  private readonly windows = new Map<string, number[]>();
  private readonly claims = new Map<string, number>();
  private readonly values = new Map<string, { value: string; until: number }>();
  private readonly handlers = new Map<string, Set<(message: string) => void>>();
  private readonly locks = new Map<string, Promise<unknown>>();
  private readonly leases = new Map<string, { holder: string; until: number }>();
  private sweeps = 0;
  private longestWindowMs = 0;

  constructor(private readonly now: () => number = Date.now) {}

  async hit(keys: readonly { key: string; limit: number }[], windowMs: number): Promise<RateVerdict & { refusedBy?: string }> {
    const now = this.now();
    this.longestWindowMs = Math.max(this.longestWindowMs, windowMs);
    this.sweep(now);
    for (const { key, limit } of keys) {
      const hits = (this.windows.get(key) ?? []).filter((at) => at > now - windowMs);
      this.windows.set(key, hits);
      if (hits.length >= limit) return { allowed: false, retryAfterMs: (hits[0] ?? now) + windowMs - now, refusedBy: key };
    }
    for (const { key } of keys) this.windows.get(key)?.push(now);
    return { allowed: true, retryAfterMs: 0 };
  }

  async claim(id: string, ttlMs: number): Promise<boolean> {
    const now = this.now();
    this.sweep(now);
    const until = this.claims.get(id);
    if (until !== undefined && until > now) return false;
    this.claims.set(id, now + ttlMs);
    return true;
  }

  async get(key: string): Promise<string | undefined> {
    const entry = this.values.get(key);
    if (!entry) return undefined;
    if (entry.until <= this.now()) {
      this.values.delete(key);
      return undefined;
    }
    return entry.value;
  }

  async set(key: string, value: string, ttlMs: number): Promise<void> {
    this.values.set(key, { value, until: this.now() + ttlMs });
  }

  async delete(key: string): Promise<void> {
    this.values.delete(key);
  }

  async publish(channel: string, message: string): Promise<void> {
    for (const handler of this.handlers.get(channel) ?? []) queueMicrotask(() => handler(message));
  }

  async subscribe(channel: string, handler: (message: string) => void): Promise<() => Promise<void>> {
    const set = this.handlers.get(channel) ?? new Set();
    set.add(handler);
    this.handlers.set(channel, set);
    return async () => {
      set.delete(handler);
    };
  }

  async withLock<T>(name: string, _ttlMs: number, fn: () => Promise<T>): Promise<T> {
    const before = this.locks.get(name) ?? Promise.resolve();
    const run = before.then(fn, fn);
    this.locks.set(
      name,
      run.catch(() => undefined),
    );
    return run;
  }

  async lease(name: string, holder: string, ttlMs: number): Promise<boolean> {
    const now = this.now();
    const current = this.leases.get(name);
    if (current && current.until > now && current.holder !== holder) return false;
    this.leases.set(name, { holder, until: now + ttlMs });
    return true;
  }

  health(): StateHealth {
    return 'ok';
  }

  async close(): Promise<void> {
    this.handlers.clear();
  }

  /** Forgets expired entries now and then, so a long outage does not grow the maps without end. */
  private sweep(now: number): void {
    if (++this.sweeps % 1000 !== 0) return;
    for (const [key, hits] of this.windows) if ((hits.at(-1) ?? 0) <= now - this.longestWindowMs) this.windows.delete(key);
    for (const [id, until] of this.claims) if (until <= now) this.claims.delete(id);
    for (const [key, entry] of this.values) if (entry.until <= now) this.values.delete(key);
  }
}
