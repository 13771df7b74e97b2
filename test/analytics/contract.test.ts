import { afterEach, describe, expect, it } from 'vitest';
import { connectPostgresAnalytics } from '../../src/analytics/postgres.js';
import { SqliteAnalytics } from '../../src/analytics/sqlite.js';
import type { Analytics } from '../../src/analytics/types.js';
import { silentLogger } from '../../src/logger.js';
import { freshDatabase, serviceUrl } from '../helpers/services.js';

const postgresUrl = serviceUrl('TEST_DATABASE_URL');
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

type Open = (options: { storeUsers: boolean; retentionDays: number; now?: () => number }) => Promise<Analytics>;

const backends: [string, Open | undefined][] = [
  ['SQLite', async (options) => new SqliteAnalytics({ path: ':memory:', ...options })],
  [
    postgresUrl ? 'PostgreSQL' : 'PostgreSQL (skipped: TEST_DATABASE_URL is not set)',
    postgresUrl
      ? async (options) => {
          const db = await freshDatabase(postgresUrl);
          cleanups.push(db.drop);
          return connectPostgresAnalytics({ url: db.url, logger: silentLogger(), flushEveryMs: 5, ...options });
        }
      : undefined,
  ],
];

const question = {
  text: 'who founded it?',
  platform: 'slack' as const,
  kind: 'list' as const,
  confidence: 1,
  answered: true,
  direct: false,
  userId: 'U1',
};

describe.each(backends)('the %s analytics answer the same queries', (_name, open) => {
  const start: Open = async (options) => {
    if (!open) throw new Error('no backend');
    const store = await open(options);
    cleanups.push(() => store.close());
    return store;
  };

  it.skipIf(!open)('reads back recorded questions newest first, without direct-message text or user ids', async () => {
    let now = 1_000_000_000_000;
    const store = await start({ storeUsers: false, retentionDays: 90, now: () => now });
    store.record({ ...question, text: 'what is a mooc?', kind: 'unknown', answered: false, confidence: 0.1 });
    now += 1000;
    store.record(question);
    now += 1000;
    store.record({ ...question, direct: true, text: 'a private question' });
    const rows = await store.questions(1);
    expect(rows.map((r) => [r.question, r.kind, r.answered])).toEqual([
      ['who founded it?', 'list', true],
      ['what is a mooc?', 'unknown', false],
    ]);
    expect(rows[0]?.at).toBe(now - 1000);
  });

  it.skipIf(!open)('counts one vote per person, the latest, and lists the most down-voted answers', async () => {
    const store = await start({ storeUsers: false, retentionDays: 90 });
    const founded = store.record(question);
    const mooc = store.record({ ...question, text: 'what is a mooc?' });
    expect(await store.vote(founded, 1, 'U2')).toBe(true);
    expect(await store.vote(founded, -1, 'U2')).toBe(true);
    expect(await store.vote(founded, -1, 'U3')).toBe(true);
    expect(await store.vote(mooc, -1, 'U2')).toBe(true);
    expect(await store.vote(mooc, 1, 'U3')).toBe(true);
    expect(await store.vote(founded + mooc + 999, -1, 'U2')).toBe(false);
    expect(await store.downvoted(1, 5)).toEqual([
      { question: 'who founded it?', kind: 'list', up: 0, down: 2 },
      { question: 'what is a mooc?', kind: 'list', up: 1, down: 1 },
    ]);
    expect(await store.downvoted(1, 1)).toHaveLength(1);
  });

  it.skipIf(!open)('keeps the audit trail, newest first', async () => {
    const store = await start({ storeUsers: false, retentionDays: 90 });
    store.audit({ by: 'mod (slack)', action: 'reload', outcome: 'done', detail: '3 docs' });
    store.audit({ by: 'mod (discord)', action: 'teach', outcome: 'refused', detail: 'what?' });
    const lines = await store.audits(5);
    expect(lines.map((l) => [l.by, l.action, l.outcome, l.detail])).toEqual([
      ['mod (discord)', 'teach', 'refused', 'what?'],
      ['mod (slack)', 'reload', 'done', '3 docs'],
    ]);
    expect(typeof lines[0]?.at).toBe('number');
  });

  it.skipIf(!open)('deletes what is older than the retention period', async () => {
    let now = 1_000_000_000_000;
    const store = await start({ storeUsers: true, retentionDays: 2, now: () => now });
    store.record(question);
    store.audit({ by: 'mod', action: 'reload', outcome: 'done', detail: '' });
    await store.questions(1);
    now += 3 * 86_400_000;
    store.record({ ...question, text: 'newer' });
    await store.questions(1);
    expect(await store.prune()).toBe(1);
    expect((await store.questions(10)).map((q) => q.question)).toEqual(['newer']);
    expect(await store.audits(5)).toEqual([]);
  });
});
