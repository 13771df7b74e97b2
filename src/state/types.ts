/**
 * State that several instances of the bot share when a community outgrows one process: cooldown
 * windows, event dedupe, conversation memory, reload broadcasts, locks and leases. One small
 * interface with an in-memory default (one process) and a Redis implementation (`REDIS_URL`), so
 * the conversation layer and the adapters never know which one they have.
 */

/** What a rate limiter decided for one hit. */
export interface RateVerdict {
  allowed: boolean;
  /** When refused: how long until the oldest hit in the window expires. */
  retryAfterMs: number;
}

/** Sliding-window counting, atomic across instances. */
export interface RateLimiter {
  /**
   * Counts a hit on every key in `keys` only if each is under its limit (all or nothing), and says
   * which key refused it. Atomic: two instances never both let the last allowed hit through.
   */
  hit(keys: readonly { key: string; limit: number }[], windowMs: number): Promise<RateVerdict & { refusedBy?: string }>;
}

/** First-claim-wins ids, for platform retries that may land on another instance. */
export interface Deduper {
  /** True the first time `id` is claimed within `ttlMs`; false for every later claim. */
  claim(id: string, ttlMs: number): Promise<boolean>;
}

/** Small values with a time to live (conversation memory). */
export interface KeyValueStore {
  get(key: string): Promise<string | undefined>;
  /** Stores `value` under `key` for `ttlMs`, replacing what was there. */
  set(key: string, value: string, ttlMs: number): Promise<void>;
  delete(key: string): Promise<void>;
}

/** One-to-all messages between instances (a reload on one reloads every one). */
export interface Broadcaster {
  publish(channel: string, message: string): Promise<void>;
  /** Calls `handler` for each message published on `channel` (by any instance, this one too); returns an unsubscribe. */
  subscribe(channel: string, handler: (message: string) => void): Promise<() => Promise<void>>;
}

/** Mutual exclusion and leadership across instances. */
export interface Locks {
  /** Runs `fn` while holding the lock `name` (waits for it, up to `ttlMs`); the lock expires after `ttlMs` if the holder dies. */
  withLock<T>(name: string, ttlMs: number, fn: () => Promise<T>): Promise<T>;
  /** Takes or renews the lease `name` for `holder`; true while `holder` has it. One holder at a time. */
  lease(name: string, holder: string, ttlMs: number): Promise<boolean>;
}

/** How the shared state is doing, for /healthz and /metrics. */
export type StateHealth = 'ok' | 'degraded';

/** Every shared-state service, from one backend. */
export interface SharedState extends RateLimiter, Deduper, KeyValueStore, Broadcaster, Locks {
  /** 'memory' (one process) or 'redis' (shared). */
  readonly backend: 'memory' | 'redis';
  /** 'degraded' while a configured Redis is unreachable and the local fallback serves. */
  health(): StateHealth;
  close(): Promise<void>;
}
