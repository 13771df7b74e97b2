import pg from 'pg';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { connectPostgresAnalytics, type PostgresAnalytics } from '../../src/analytics/postgres.js';
import { MIGRATIONS } from '../../src/analytics/migrations.js';
import { silentLogger } from '../../src/logger.js';
import { freePort } from '../helpers/ports.js';
import { CuttableProxy, freshDatabase, serviceUrl, titled } from '../helpers/services.js';

const url = serviceUrl('TEST_DATABASE_URL');
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function database(): Promise<string> {
  const db = await freshDatabase(url ?? '');
  cleanups.push(db.drop);
  return db.url;
}

async function open(at: string, extra: Partial<Parameters<typeof connectPostgresAnalytics>[0]> = {}): Promise<PostgresAnalytics> {
  const store = await connectPostgresAnalytics({
    url: at,
    logger: silentLogger(),
    storeUsers: false,
    retentionDays: 90,
    flushEveryMs: 5,
    ...extra,
  });
  cleanups.push(() => store.close());
  return store;
}

const gap = (text: string, platform: 'slack' | 'discord') => ({
  text,
  platform,
  kind: 'unknown' as const,
  confidence: 0.1,
  answered: false,
  direct: false,
  userId: 'U1',
});

async function until(condition: () => boolean, what: string, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

describe.skipIf(!url)(titled('PostgreSQL migrations', url, 'TEST_DATABASE_URL'), () => {
  it('applies every step once, even when two instances start together', async () => {
    const at = await database();
    await Promise.all([open(at), open(at)]);
    await open(at);
    const client = new pg.Client({ connectionString: at });
    await client.connect();
    const versions = (await client.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')).rows;
    await client.end();
    expect(versions.map((v) => v.version)).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it('fails to start with a message naming DATABASE_URL when PostgreSQL cannot be reached', async () => {
    const port = await freePort();
    const error = await connectPostgresAnalytics({
      url: `postgres://bot:secret@127.0.0.1:${port}/alliance`,
      logger: silentLogger(),
      storeUsers: false,
      retentionDays: 90,
      connectTimeoutMs: 500,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect(String(error)).toMatch(/analytics: cannot reach PostgreSQL at DATABASE_URL=postgres:\/\/bot:\*\*\*@127\.0\.0\.1/);
    expect(String(error)).not.toContain('secret');
  });
});

describe.skipIf(!url)(titled('PostgreSQL analytics shared by instances', url, 'TEST_DATABASE_URL'), () => {
  it('shows the gaps recorded by two instances in one query, and their votes on each other’s answers', async () => {
    const at = await database();
    const [a, b] = await Promise.all([open(at), open(at)]);
    const fromA = a.record(gap('how do I join?', 'slack'));
    const fromB = b.record(gap('what does membership cost?', 'discord'));
    expect(fromA).not.toBe(fromB);
    await a.flush();
    await b.flush();
    expect((await a.questions(1)).map((q) => q.question).sort()).toEqual(['how do I join?', 'what does membership cost?']);
    // One person voting through either instance is one voter.
    expect(await b.vote(fromA, -1, 'U9')).toBe(true);
    expect(await a.vote(fromA, -1, 'U9')).toBe(true);
    expect(await a.downvoted(1, 5)).toEqual([{ question: 'how do I join?', kind: 'unknown', up: 0, down: 1 }]);
  });
});

describe.skipIf(!url)(titled('PostgreSQL outages', url, 'TEST_DATABASE_URL'), () => {
  it('buffers rows while PostgreSQL is unreachable and writes them, in order, once it is back', async () => {
    const at = await database();
    const proxy = await CuttableProxy.start(at);
    cleanups.push(() => proxy.cut());
    const healths: string[] = [];
    const store = await open(proxy.via(at), { onHealth: (h) => healths.push(h), connectTimeoutMs: 1000 });
    const reader = await open(at);
    const first = store.record(gap('before the outage', 'slack'));
    await store.flush();

    await proxy.cut();
    const during = store.record(gap('during the outage', 'slack'));
    store.audit({ by: 'mod', action: 'reload', outcome: 'done', detail: 'during' });
    expect(await store.vote(first, -1, 'U2')).toBe(true);
    await until(() => store.health() === 'degraded', 'the store to notice');
    expect(store.stats().buffered).toBeGreaterThanOrEqual(3);
    await expect(store.questions(1)).rejects.toThrow(/analytics: PostgreSQL is unreachable \(DATABASE_URL\)/);
    expect(during).toBeGreaterThan(first);

    await proxy.restore();
    await until(() => store.health() === 'ok' && store.stats().buffered === 0, 'the buffer to be written');
    expect((await reader.questions(1)).map((q) => q.question)).toEqual(['during the outage', 'before the outage']);
    expect((await reader.audits(5)).map((a) => a.detail)).toEqual(['during']);
    expect(await reader.downvoted(1, 5)).toEqual([{ question: 'before the outage', kind: 'unknown', up: 0, down: 1 }]);
    expect(healths).toEqual(['degraded', 'ok']);
    expect(store.stats().dropped).toBe(0);
  });

  it('keeps at most the bound while down, counting the oldest rows it drops', async () => {
    const at = await database();
    const proxy = await CuttableProxy.start(at);
    cleanups.push(() => proxy.cut());
    const store = await open(proxy.via(at), { maxBuffered: 5, connectTimeoutMs: 1000 });
    const reader = await open(at);
    await proxy.cut();
    for (let i = 1; i <= 8; i++) store.record(gap(`question ${i}`, 'slack'));
    expect(store.stats()).toMatchObject({ buffered: 5, dropped: 3 });
    await proxy.restore();
    await until(() => store.stats().buffered === 0, 'the buffer to be written');
    expect((await reader.questions(1)).map((q) => q.question)).toEqual([
      'question 8',
      'question 7',
      'question 6',
      'question 5',
      'question 4',
    ]);
  });
});
