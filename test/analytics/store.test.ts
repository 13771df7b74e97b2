import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { AnalyticsStore, COMMIT_EVERY_MS } from '../../src/analytics/store.js';

let dir: string | undefined;
afterEach(async () => dir && rm(dir, { recursive: true, force: true }));

const record = {
  text: 'who founded it?',
  platform: 'slack' as const,
  kind: 'list' as const,
  confidence: 1,
  answered: true,
  direct: false,
  userId: 'U1',
};

describe('the analytics store', () => {
  it('creates its database on first run and keeps it across restarts', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'alliance-db-'));
    const file = path.join(dir, 'nested/bot.db');
    const first = new AnalyticsStore({ path: file, storeUsers: false, retentionDays: 90 });
    const id = first.record(record);
    first.vote(id, -1, 'U2');
    first.audit({ by: 'mod (slack)', action: 'reload', outcome: 'done', detail: '' });
    first.close();
    const second = new AnalyticsStore({ path: file, storeUsers: false, retentionDays: 90 });
    expect(second.questions(1).map((q) => q.question)).toEqual(['who founded it?']);
    expect(second.downvoted(1, 5)).toEqual([{ question: 'who founded it?', kind: 'list', up: 0, down: 1 }]);
    expect(second.audits(5)).toEqual([expect.objectContaining({ by: 'mod (slack)', action: 'reload', outcome: 'done' })]);
    second.close();
  });

  it('stores no user ids and no direct-message text unless told to', () => {
    const store = new AnalyticsStore({ path: ':memory:', storeUsers: false, retentionDays: 90 });
    store.record({ ...record, direct: true, text: 'a private question' });
    store.record(record);
    expect(store.questions(1).map((q) => q.question)).toEqual(['who founded it?']);
    const raw = (store as unknown as { db: { prepare(sql: string): { all(): unknown[] } } }).db
      .prepare('SELECT question, user_id FROM questions')
      .all();
    expect(raw).toEqual([
      { question: null, user_id: null },
      { question: 'who founded it?', user_id: null },
    ]);
    store.close();
  });

  it('keeps one vote per person per answer', () => {
    const store = new AnalyticsStore({ path: ':memory:', storeUsers: false, retentionDays: 90 });
    const id = store.record(record);
    store.vote(id, -1, 'U2');
    store.vote(id, 1, 'U2');
    store.vote(id, -1, 'U3');
    expect(store.downvoted(1, 5)).toEqual([{ question: 'who founded it?', kind: 'list', up: 1, down: 1 }]);
    expect(store.vote(9999, 1, 'U2')).toBe(false);
    store.close();
  });

  it('deletes records older than the retention period', () => {
    let now = Date.UTC(2026, 0, 1);
    const store = new AnalyticsStore({ path: ':memory:', storeUsers: false, retentionDays: 90, now: () => now });
    store.record(record);
    now += 91 * 86_400_000;
    store.record(record);
    expect(store.prune()).toBe(1);
    expect(store.questions(365)).toHaveLength(1);
    store.close();
  });
});

describe('the analytics store under load', () => {
  it('commits records and votes together within the commit window, and on close', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'alliance-db-'));
    const file = path.join(dir, 'bot.db');
    const store = new AnalyticsStore({ path: file, storeUsers: false, retentionDays: 90 });
    // Another process's view of the file (a Discord shard, an operator's sqlite3 shell).
    const other = new Database(file, { readonly: true });
    const committed = (): number => (other.prepare('SELECT COUNT(*) AS n FROM questions').get() as { n: number }).n;
    const id = store.record(record);
    store.record(record);
    store.vote(id, 1, 'U2');
    // This connection sees its own writes at once; others once the group is committed.
    expect(store.questions(1)).toHaveLength(2);
    expect(committed()).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, COMMIT_EVERY_MS * 3));
    expect(committed()).toBe(2);
    store.record(record);
    store.close();
    expect(committed()).toBe(3);
    other.close();
  });
});
