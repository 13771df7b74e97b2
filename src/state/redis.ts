import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis, type RedisOptions } from 'ioredis';
import { UserError } from '../errors.js';
import { type Logger, redactUrl } from '../logger.js';
import { createMemoryState } from './memory.js';
import type { RateVerdict, SharedState, StateHealth } from './types.js';

/** How a {@link RedisState} connects and what it falls back on. */
export interface RedisStateOptions {
  /** The `REDIS_URL`, e.g. `redis://redis:6379/0`. */
  url: string;
  logger: Logger;
  /** Put before every key and channel, so several bots (or test runs) can share one Redis. Default `alliance:`. */
  prefix?: string;
  /** Answers while Redis is unreachable; a process-local state by default. */
  fallback?: SharedState;
  /** How long the first connection may take before start-up fails. Default 5 s. */
  connectTimeoutMs?: number;
  /** A call that gets no reply within this is answered from the fallback. Default 1 s. */
  commandTimeoutMs?: number;
  /** Told on each change between 'ok' and 'degraded' (for a metric). */
  onHealth?: (health: StateHealth) => void;
}

/** Counts for /metrics: how often the local fallback answered, how many outages there were. */
export type RedisStateStats = {
  fallbackCalls: number;
  outages: number;
};

/**
 * Sliding windows for several keys at once, all or nothing, on the server's clock (so instances with
 * skewed clocks agree). KEYS: the windows; ARGV: window ms, a unique member, then one limit per key.
 * Returns {allowed, index of the refusing key, retry-after ms}.
 */
const RATE_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local window = tonumber(ARGV[1])
for i, key in ipairs(KEYS) do
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
  if redis.call('ZCARD', key) >= tonumber(ARGV[i + 2]) then
    local oldest = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
    local retry = window
    if oldest[2] then retry = tonumber(oldest[2]) + window - now end
    return {0, i, retry}
  end
end
for i, key in ipairs(KEYS) do
  redis.call('ZADD', key, now, now .. ':' .. ARGV[2])
  redis.call('PEXPIRE', key, window)
end
return {1, 0, 0}`;

/** Deletes the lock only if this holder's token is still in it (it may have expired and been taken). */
const UNLOCK_SCRIPT = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

/** Renews the lease for its holder, takes it when free, refuses otherwise. */
const LEASE_SCRIPT = `
local current = redis.call('GET', KEYS[1])
if current == ARGV[1] then redis.call('PEXPIRE', KEYS[1], ARGV[2]) return 1 end
if not current then redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) return 1 end
return 0`;

type Scripted = Redis & {
  rateHit(...args: (string | number)[]): Promise<[number, number, number]>;
  unlock(key: string, token: string): Promise<number>;
  leaseTake(key: string, holder: string, ttlMs: number): Promise<number>;
};

/** A reply error is a bug in a command or script, not an outage: it is thrown, not papered over. */
function isReplyError(error: unknown): boolean {
  return error instanceof Error && error.name === 'ReplyError';
}

/**
 * Connects to Redis and returns the shared state on it. Fails with a {@link UserError} naming
 * REDIS_URL when Redis cannot be reached now: a configured store that is down at start is the
 * operator's to fix, not something to run without silently.
 */
export async function connectRedisState(options: RedisStateOptions): Promise<RedisState> {
  const state = new RedisState(options);
  try {
    await state.connect();
  } catch (error) {
    await state.close();
    const reason = error instanceof Error ? error.message : String(error);
    throw new UserError(`state: cannot reach Redis at REDIS_URL=${redactUrl(options.url)} (${reason}); start Redis or unset REDIS_URL`);
  }
  return state;
}

/**
 * Shared state in Redis, for several instances acting as one. Every call still answers while Redis
 * is unreachable: from the local fallback, with one warning per outage and health 'degraded'.
 * The client reconnects by itself; shared state resumes once it is back (what the fallback held
 * during the outage stays local).
 */
export class RedisState implements SharedState {
  readonly backend = 'redis' as const;
  /** Its name in /healthz and /metrics. */
  readonly name = 'redis';
  private readonly client: Scripted;
  private readonly subscriber: Redis;
  private readonly prefix: string;
  private readonly fallback: SharedState;
  private readonly logger: Logger;
  private readonly handlers = new Map<string, Set<(message: string) => void>>();
  /** The leases Redis last granted here: during an outage a holder keeps its lease until it would expire, nobody takes a new one. */
  private readonly held = new Map<string, { holder: string; until: number }>();
  private lastHealth: StateHealth = 'ok';
  private closing = false;
  /** Health is tracked from the first connection on; before it, a half-open pair is start-up, not an outage. */
  private started = false;
  private readonly counts: RedisStateStats = { fallbackCalls: 0, outages: 0 };

  constructor(private readonly options: RedisStateOptions) {
    this.prefix = options.prefix ?? 'alliance:';
    this.fallback = options.fallback ?? createMemoryState();
    this.logger = options.logger;
    const clientOptions: RedisOptions = {
      lazyConnect: true,
      // A call made while disconnected fails at once (and is answered locally) instead of waiting in a queue.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      autoResendUnfulfilledCommands: false,
      autoResubscribe: false,
      commandTimeout: options.commandTimeoutMs ?? 1000,
      connectTimeout: options.connectTimeoutMs ?? 5000,
      // Reconnect for ever, backing off to 2 s: the bot outlives a Redis restart.
      retryStrategy: (times) => (this.closing ? null : Math.min(50 * 2 ** times, 2000)),
    };
    this.client = new Redis(options.url, clientOptions) as Scripted;
    this.client.defineCommand('rateHit', { lua: RATE_SCRIPT });
    this.client.defineCommand('unlock', { numberOfKeys: 1, lua: UNLOCK_SCRIPT });
    this.client.defineCommand('leaseTake', { numberOfKeys: 1, lua: LEASE_SCRIPT });
    this.subscriber = this.client.duplicate();
    for (const connection of [this.client, this.subscriber]) {
      // Errors arrive as events on every failed reconnect; the health change is what is logged.
      connection.on('error', () => this.checkHealth());
      connection.on('close', () => this.checkHealth());
      connection.on('ready', () => this.checkHealth());
    }
    this.subscriber.on('ready', () => void this.resubscribe());
    this.subscriber.on('message', (channel: string, message: string) => {
      for (const handler of this.handlers.get(channel.slice(this.prefix.length)) ?? []) handler(message);
    });
  }

  /** Opens both connections (commands, and pub/sub which needs its own). */
  async connect(): Promise<void> {
    await Promise.all([this.client.connect(), this.subscriber.connect()]);
    this.started = true;
    this.checkHealth();
  }

  health(): StateHealth {
    return this.client.status === 'ready' && this.subscriber.status === 'ready' ? 'ok' : 'degraded';
  }

  /** Fallback answers and outages so far. */
  stats(): RedisStateStats {
    return { ...this.counts };
  }

  async hit(keys: readonly { key: string; limit: number }[], windowMs: number): Promise<RateVerdict & { refusedBy?: string }> {
    if (keys.length === 0) return { allowed: true, retryAfterMs: 0 };
    return this.shared(
      async () => {
        const [allowed, index, retry] = await this.client.rateHit(
          keys.length,
          ...keys.map((k) => this.key('rate', k.key)),
          windowMs,
          randomUUID(),
          ...keys.map((k) => k.limit),
        );
        if (allowed === 1) return { allowed: true, retryAfterMs: 0 };
        const refused = keys[index - 1];
        return { allowed: false, retryAfterMs: Math.max(0, retry), ...(refused ? { refusedBy: refused.key } : {}) };
      },
      () => this.fallback.hit(keys, windowMs),
    );
  }

  async claim(id: string, ttlMs: number): Promise<boolean> {
    // Claimed here too, so a retry that comes back to this instance during an outage (or just after) is still caught.
    const local = await this.fallback.claim(id, ttlMs);
    if (!local) return false;
    return this.shared(
      async () => (await this.client.set(this.key('claim', id), '1', 'PX', ttlMs, 'NX')) === 'OK',
      async () => true,
    );
  }

  async get(key: string): Promise<string | undefined> {
    return this.shared(
      async () => (await this.client.get(this.key('kv', key))) ?? undefined,
      () => this.fallback.get(key),
    );
  }

  async set(key: string, value: string, ttlMs: number): Promise<void> {
    return this.shared(
      async () => {
        await this.client.set(this.key('kv', key), value, 'PX', ttlMs);
      },
      () => this.fallback.set(key, value, ttlMs),
    );
  }

  async delete(key: string): Promise<void> {
    await this.fallback.delete(key);
    return this.shared(
      async () => {
        await this.client.del(this.key('kv', key));
      },
      async () => undefined,
    );
  }

  async publish(channel: string, message: string): Promise<void> {
    return this.shared(
      async () => {
        await this.client.publish(this.key('', channel), message);
      },
      // Only this instance hears it during an outage: better than nobody.
      async () => {
        for (const handler of this.handlers.get(channel) ?? []) queueMicrotask(() => handler(message));
      },
    );
  }

  async subscribe(channel: string, handler: (message: string) => void): Promise<() => Promise<void>> {
    let set = this.handlers.get(channel);
    if (!set) {
      set = new Set();
      this.handlers.set(channel, set);
      // When not connected now, the subscription is made on the next 'ready'.
      if (this.subscriber.status === 'ready') await this.subscriber.subscribe(this.key('', channel)).catch(() => this.checkHealth());
    }
    set.add(handler);
    return async () => {
      set.delete(handler);
      if (set.size > 0 || this.handlers.get(channel) !== set) return;
      this.handlers.delete(channel);
      if (this.subscriber.status === 'ready') await this.subscriber.unsubscribe(this.key('', channel)).catch(() => undefined);
    };
  }

  async withLock<T>(name: string, ttlMs: number, fn: () => Promise<T>): Promise<T> {
    const key = this.key('lock', name);
    const token = randomUUID();
    const deadline = Date.now() + ttlMs;
    for (let wait = 10; ; wait = Math.min(wait * 2, 100)) {
      let taken: boolean;
      try {
        if (this.client.status !== 'ready') throw new Error('not connected');
        taken = (await this.client.set(key, token, 'PX', ttlMs, 'NX')) === 'OK';
      } catch (error) {
        if (isReplyError(error)) throw error;
        this.fellBack(error);
        return this.fallback.withLock(name, ttlMs, fn);
      }
      if (taken) break;
      if (Date.now() >= deadline) throw new Error(`state: lock "${name}" is still held by another instance after ${ttlMs} ms`);
      await sleep(Math.min(wait, Math.max(1, deadline - Date.now())));
    }
    try {
      return await fn();
    } finally {
      // If Redis went away meanwhile, the lock expires by its TTL.
      await this.client.unlock(key, token).catch(() => undefined);
    }
  }

  async lease(name: string, holder: string, ttlMs: number): Promise<boolean> {
    return this.shared(
      async () => {
        const granted = (await this.client.leaseTake(this.key('lease', name), holder, ttlMs)) === 1;
        if (granted) this.held.set(name, { holder, until: Date.now() + ttlMs });
        else this.held.delete(name);
        return granted;
      },
      async () => {
        const last = this.held.get(name);
        return last !== undefined && last.holder === holder && last.until > Date.now();
      },
    );
  }

  async close(): Promise<void> {
    this.closing = true;
    this.handlers.clear();
    await Promise.all(
      [this.client, this.subscriber].map(async (connection) => {
        if (connection.status === 'ready') await connection.quit().catch(() => connection.disconnect());
        else connection.disconnect();
      }),
    );
    await this.fallback.close();
  }

  private key(kind: string, name: string): string {
    return kind === '' ? `${this.prefix}${name}` : `${this.prefix}${kind}:${name}`;
  }

  /** Runs `remote` on Redis, or `local` when Redis is unreachable or the call fails for want of it. */
  private async shared<T>(remote: () => Promise<T>, local: () => Promise<T>): Promise<T> {
    if (this.client.status === 'ready') {
      try {
        const result = await remote();
        if (this.lastHealth === 'degraded') this.checkHealth();
        return result;
      } catch (error) {
        if (isReplyError(error)) throw error;
        this.fellBack(error);
      }
    } else {
      this.fellBack(undefined);
    }
    return local();
  }

  private fellBack(error: unknown): void {
    this.counts.fallbackCalls++;
    this.checkHealth(error);
  }

  /** Logs once when shared state is lost and once when it is back; tells the metric. */
  private checkHealth(error?: unknown): void {
    if (this.closing || !this.started) return;
    // A call can fail (a timeout) a moment before the connection is marked down: that is an outage too.
    const now: StateHealth = error !== undefined ? 'degraded' : this.health();
    if (now === this.lastHealth) return;
    this.lastHealth = now;
    if (now === 'degraded') {
      this.counts.outages++;
      this.logger.warn(
        { err: error, url: redactUrl(this.options.url) },
        'state: Redis unreachable; cooldowns, dedupe and memory are per instance until it is back',
      );
    } else {
      this.logger.info({ url: redactUrl(this.options.url) }, 'state: Redis is back; shared state resumed');
    }
    this.options.onHealth?.(now);
  }

  private async resubscribe(): Promise<void> {
    const channels = [...this.handlers.keys()].map((c) => this.key('', c));
    if (channels.length > 0) await this.subscriber.subscribe(...channels).catch(() => this.checkHealth());
  }
}
