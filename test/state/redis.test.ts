import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/logger.js';
import { UserError } from '../../src/errors.js';
import { connectRedisState, type RedisState } from '../../src/state/redis.js';
import { freePort } from '../helpers/ports.js';
import { OwnRedis, serviceUrl, titled } from '../helpers/services.js';

const url = serviceUrl('TEST_REDIS_URL');
const opened: RedisState[] = [];
const servers: OwnRedis[] = [];

afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
  await Promise.all(servers.splice(0).map((s) => s.stop()));
});

/** Two instances sharing one Redis under a prefix of this test's own. */
async function instances(count: number, at = url ?? ''): Promise<RedisState[]> {
  const prefix = `test:${randomUUID()}:`;
  const states = await Promise.all(
    Array.from({ length: count }, () => connectRedisState({ url: at, logger: silentLogger(), prefix, commandTimeoutMs: 500 })),
  );
  opened.push(...states);
  return states;
}

async function until(condition: () => boolean | Promise<boolean>, what: string, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

describe.skipIf(!url)(titled('the Redis rate limiter', url, 'TEST_REDIS_URL'), () => {
  it('lets exactly the limit through when two instances count the same person at once', async () => {
    const [a, b] = await instances(2);
    const hits = Array.from({ length: 40 }, (_, i) => ((i % 2 ? a : b) as RedisState).hit([{ key: 'user:U1', limit: 7 }], 60_000));
    const verdicts = await Promise.all(hits);
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(7);
    const refused = verdicts.find((v) => !v.allowed);
    expect(refused?.refusedBy).toBe('user:U1');
    expect(refused?.retryAfterMs).toBeGreaterThan(59_000);
  });

  it('counts a hit on every key or on none', async () => {
    const [a, b] = await instances(2);
    const both = [
      { key: 'user:U1', limit: 1 },
      { key: 'channel:C1', limit: 3 },
    ];
    expect((await a?.hit(both, 60_000))?.allowed).toBe(true);
    expect(await b?.hit(both, 60_000)).toMatchObject({ allowed: false, refusedBy: 'user:U1' });
    // The refused hit did not count on the channel: two more fit in it, the third does not.
    expect((await b?.hit([{ key: 'channel:C1', limit: 3 }], 60_000))?.allowed).toBe(true);
    expect((await a?.hit([{ key: 'channel:C1', limit: 3 }], 60_000))?.allowed).toBe(true);
    expect(await a?.hit([{ key: 'channel:C1', limit: 3 }], 60_000)).toMatchObject({ allowed: false, refusedBy: 'channel:C1' });
  });

  it('lets hits through again once the window has slid past them', async () => {
    const [a] = await instances(1);
    const key = [{ key: 'user:U2', limit: 1 }];
    expect((await a?.hit(key, 150))?.allowed).toBe(true);
    expect((await a?.hit(key, 150))?.allowed).toBe(false);
    await sleep(200);
    expect((await a?.hit(key, 150))?.allowed).toBe(true);
  });
});

describe.skipIf(!url)(titled('Redis dedupe and memory', url, 'TEST_REDIS_URL'), () => {
  it('gives an id to exactly one claimer across instances', async () => {
    const [a, b] = await instances(2);
    const claims = await Promise.all(Array.from({ length: 10 }, (_, i) => ((i % 2 ? a : b) as RedisState).claim('event:Ev1', 60_000)));
    expect(claims.filter(Boolean)).toHaveLength(1);
  });

  it('frees a claim after its time to live', async () => {
    const [a, b] = await instances(2);
    expect(await a?.claim('event:Ev2', 100)).toBe(true);
    await sleep(150);
    expect(await b?.claim('event:Ev2', 100)).toBe(true);
  });

  it('shares values between instances until they expire', async () => {
    const [a, b] = await instances(2);
    await a?.set('thread:T1', 'yale', 200);
    expect(await b?.get('thread:T1')).toBe('yale');
    await b?.set('thread:T1', 'mit', 200);
    expect(await a?.get('thread:T1')).toBe('mit');
    await sleep(250);
    expect(await a?.get('thread:T1')).toBeUndefined();
    await a?.set('thread:T2', 'x', 60_000);
    await b?.delete('thread:T2');
    expect(await a?.get('thread:T2')).toBeUndefined();
  });
});

describe.skipIf(!url)(titled('Redis broadcasts', url, 'TEST_REDIS_URL'), () => {
  it('delivers a message published on one instance to every instance, the publisher too', async () => {
    const [a, b] = await instances(2);
    const heard: string[] = [];
    await a?.subscribe('reload', (m) => heard.push(`a:${m}`));
    const unsubscribe = await b?.subscribe('reload', (m) => heard.push(`b:${m}`));
    await b?.publish('reload', 'by mod');
    await until(() => heard.length === 2, 'both instances to hear the reload');
    expect(heard.sort()).toEqual(['a:by mod', 'b:by mod']);
    await unsubscribe?.();
    await a?.publish('reload', 'again');
    await until(() => heard.length === 3, 'a to hear the second reload');
    await sleep(50);
    expect(heard.at(-1)).toBe('a:again');
  });
});

describe.skipIf(!url)(titled('Redis locks and leases', url, 'TEST_REDIS_URL'), () => {
  it('runs one holder at a time across instances', async () => {
    const [a, b] = await instances(2);
    const trace: string[] = [];
    const work = (name: string) => async () => {
      trace.push(`${name} in`);
      await sleep(40);
      trace.push(`${name} out`);
      return name;
    };
    const results = await Promise.all([a?.withLock('teach', 5_000, work('a')), b?.withLock('teach', 5_000, work('b'))]);
    expect(results.sort()).toEqual(['a', 'b']);
    for (let i = 0; i < trace.length; i += 2) expect(trace[i + 1]).toBe(trace[i]?.replace(' in', ' out'));
  });

  it('gives up waiting for a lock that is held past its time to live', async () => {
    const [a, b] = await instances(2);
    const holding = a?.withLock('teach', 2_000, () => sleep(500));
    await sleep(20);
    await expect(b?.withLock('teach', 150, async () => 'never')).rejects.toThrow(/state: lock "teach" is still held/);
    await holding;
  });

  it('keeps a lease with one holder until it expires, then lets another take it', async () => {
    const [a, b] = await instances(2);
    expect(await a?.lease('digest', 'instance-a', 200)).toBe(true);
    expect(await b?.lease('digest', 'instance-b', 200)).toBe(false);
    expect(await a?.lease('digest', 'instance-a', 200)).toBe(true);
    await sleep(250);
    expect(await b?.lease('digest', 'instance-b', 200)).toBe(true);
    expect(await a?.lease('digest', 'instance-a', 200)).toBe(false);
  });
});

describe.skipIf(!url)(titled('Redis faults', url, 'TEST_REDIS_URL'), () => {
  it('fails to start with a message naming REDIS_URL when Redis cannot be reached', async () => {
    const port = await freePort();
    const error = await connectRedisState({
      url: `redis://:secret@127.0.0.1:${port}`,
      logger: silentLogger(),
      connectTimeoutMs: 500,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect(String(error)).toMatch(/state: cannot reach Redis at REDIS_URL=redis:\/\/:\*\*\*@127\.0\.0\.1/);
    expect(String(error)).not.toContain('secret');
  });

  it('answers every call while Redis is down, says degraded, and shares state again once it is back', async () => {
    const redis = await OwnRedis.start();
    servers.push(redis);
    const [a, b] = await instances(2, redis.url);
    if (!a || !b) throw new Error('two instances expected');
    const healths: string[] = [];
    const once = { warnings: 0 };
    // One more instance that reports its health changes, to see the metric hook and a single warning.
    const logger = silentLogger();
    logger.warn = (() => {
      once.warnings++;
    }) as typeof logger.warn;
    const watched = await connectRedisState({
      url: redis.url,
      logger,
      prefix: 'watched:',
      commandTimeoutMs: 500,
      onHealth: (h) => healths.push(h),
    });
    opened.push(watched);
    expect(a.health()).toBe('ok');

    await redis.stop();
    await until(() => a.health() === 'degraded' && watched.health() === 'degraded', 'the instances to notice');
    // Every kind of call still answers, from the local fallback.
    expect((await a.hit([{ key: 'user:U1', limit: 1 }], 60_000)).allowed).toBe(true);
    expect((await a.hit([{ key: 'user:U1', limit: 1 }], 60_000)).allowed).toBe(false);
    expect(await a.claim('event:E1', 60_000)).toBe(true);
    expect(await a.claim('event:E1', 60_000)).toBe(false);
    await a.set('thread:T1', 'local', 60_000);
    expect(await a.get('thread:T1')).toBe('local');
    expect(await a.withLock('teach', 1_000, async () => 'locked')).toBe('locked');
    const heard: string[] = [];
    await a.subscribe('reload', (m) => heard.push(m));
    await a.publish('reload', 'during the outage');
    await until(() => heard.length === 1, 'the local broadcast');
    for (let i = 0; i < 5; i++) await watched.get('anything');
    expect(a.stats().fallbackCalls).toBeGreaterThan(0);

    await redis.start();
    await until(() => a.health() === 'ok' && b.health() === 'ok' && watched.health() === 'ok', 'the instances to reconnect');
    // Shared again: what one instance writes the other reads, and broadcasts reach both.
    await a.set('thread:T2', 'shared', 60_000);
    expect(await b.get('thread:T2')).toBe('shared');
    expect(await a.claim('event:E2', 60_000)).toBe(true);
    expect(await b.claim('event:E2', 60_000)).toBe(false);
    await b.publish('reload', 'after');
    await until(() => heard.includes('after'), 'the broadcast after the outage');
    expect(healths).toEqual(['degraded', 'ok']);
    expect(once.warnings).toBe(1);
    expect(watched.stats().outages).toBe(1);
  });
});
