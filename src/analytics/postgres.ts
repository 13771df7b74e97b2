import { createHmac, randomBytes } from 'node:crypto';
import pg from 'pg';
import { UserError } from '../errors.js';
import { type Logger, redactUrl } from '../logger.js';
import { MIGRATIONS, type Migration } from './migrations.js';
import type { Analytics, AnalyticsHealth, AuditEntry, QuestionRecord, RecordedQuestion, VotedAnswer } from './types.js';

/** Where and how the shared analytics are kept. */
export interface PostgresAnalyticsOptions {
  /** The `DATABASE_URL`, e.g. `postgres://bot:secret@postgres:5432/alliance`. */
  url: string;
  logger: Logger;
  /** Store user ids and the text of direct messages (off by default). */
  storeUsers: boolean;
  /** Records older than this are deleted (at start and daily). */
  retentionDays: number;
  /** Rows kept in memory while PostgreSQL is unreachable; past this the oldest are dropped (and counted). Default 10 000. */
  maxBuffered?: number;
  /** How long rows gather before they are written together. Default 50 ms. */
  flushEveryMs?: number;
  /** How long start-up waits for a first connection. Default 5 s. */
  connectTimeoutMs?: number;
  /** Told on each change between 'ok' and 'degraded' (for a metric). */
  onHealth?: (health: AnalyticsHealth) => void;
  now?: () => number;
}

/** Counts for /metrics. */
export type PostgresAnalyticsStats = {
  /** Rows waiting to be written. */
  buffered: number;
  /** Rows given up: the buffer was full during an outage, or the database refused them. */
  dropped: number;
  written: number;
};

type Pending =
  | { type: 'question'; id: number; at: number; record: QuestionRecord; keepText: boolean }
  | { type: 'vote'; answerId: number; voter: string; value: 1 | -1; at: number; done?: (known: boolean) => void }
  | { type: 'audit'; at: number; entry: Omit<AuditEntry, 'at'> };

const DAY = 86_400_000;
/** Question ids per block from the sequence: enough that an outage never runs out before the buffer does. */
export const ID_BLOCK = 1_000_000;
const LOCK_ID = 7_160_016; // pg_advisory_xact_lock key: one instance migrates at a time.

/** A server's answer (SQLSTATE) other than a lost connection: the rows are at fault, not the network. */
function isRefusal(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && !code.startsWith('08') && !code.startsWith('57P');
}

/**
 * Connects to PostgreSQL, applies the migrations it has not seen, and returns the store. Fails with a
 * {@link UserError} naming DATABASE_URL when the database cannot be reached now.
 */
export async function connectPostgresAnalytics(options: PostgresAnalyticsOptions): Promise<PostgresAnalytics> {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: 4,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
    query_timeout: 10_000,
    idleTimeoutMillis: 30_000,
  });
  // An idle connection that breaks emits here; without a listener it would crash the process.
  pool.on('error', (error) => options.logger.debug({ err: error }, 'analytics: idle PostgreSQL connection lost'));
  // So does a connection that breaks while checked out between two queries: the failing query reports it.
  pool.on('connect', (client) => client.on('error', () => undefined));
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    await pool.end().catch(() => undefined);
    const reason = error instanceof Error ? error.message : String(error);
    throw new UserError(
      `analytics: cannot reach PostgreSQL at DATABASE_URL=${redactUrl(options.url)} (${reason}); start it or unset DATABASE_URL`,
    );
  }
  try {
    const applied = await migrate(pool, MIGRATIONS);
    if (applied.length > 0) options.logger.info({ versions: applied }, 'analytics: PostgreSQL migrations applied');
    const secret = await voterSecret(pool);
    const block = await nextBlock(pool);
    const store = new PostgresAnalytics(pool, options, secret, block);
    await store.prune();
    return store;
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
}

/** Applies, in one transaction under an advisory lock (two instances may start together), the steps not yet recorded. */
export async function migrate(pool: pg.Pool, migrations: readonly Migration[]): Promise<number[]> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [LOCK_ID]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())',
    );
    const done = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
    const applied: number[] = [];
    for (const step of [...migrations].sort((a, b) => a.version - b.version)) {
      if (done.has(step.version)) continue;
      await client.query(step.sql);
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [step.version, step.name]);
      applied.push(step.version);
    }
    await client.query('COMMIT');
    return applied;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw new Error(`analytics: migrating PostgreSQL failed: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    client.release();
  }
}

/** The key voters are hashed with, shared by every instance so one person has one vote. */
async function voterSecret(pool: pg.Pool): Promise<string> {
  await pool.query("INSERT INTO meta (key, value) VALUES ('voter-secret', $1) ON CONFLICT (key) DO NOTHING", [
    randomBytes(32).toString('hex'),
  ]);
  const row = (await pool.query<{ value: string }>("SELECT value FROM meta WHERE key = 'voter-secret'")).rows[0];
  if (!row) throw new Error('analytics: the voter secret is missing from PostgreSQL');
  return row.value;
}

async function nextBlock(pool: pg.Pool): Promise<number> {
  const row = (await pool.query<{ block: string }>("SELECT nextval('question_id_blocks') AS block")).rows[0];
  return Number(row?.block) * ID_BLOCK;
}

/**
 * Questions, votes and the audit trail in PostgreSQL, shared by every instance. Writes are queued
 * and written together every {@link PostgresAnalyticsOptions.flushEveryMs}; while PostgreSQL is
 * unreachable they wait in a bounded buffer (oldest dropped past the bound, counted) and are
 * written, in order, once it is back. Nothing here throws into the answer path.
 */
export class PostgresAnalytics implements Analytics {
  readonly backend = 'postgres' as const;
  /** Its name in /healthz and /metrics. */
  readonly name = 'postgres';
  private readonly pending: Pending[] = [];
  private readonly now: () => number;
  private readonly maxBuffered: number;
  private readonly flushEveryMs: number;
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | undefined;
  private failures = 0;
  private nextId: number;
  private blockEnd: number;
  private spareBlock: number | undefined;
  private fetchingBlock = false;
  private closed = false;
  private readonly counts = { dropped: 0, written: 0 };

  constructor(
    private readonly pool: pg.Pool,
    private readonly options: PostgresAnalyticsOptions,
    private readonly secret: string,
    block: number,
  ) {
    this.now = options.now ?? Date.now;
    this.maxBuffered = options.maxBuffered ?? 10_000;
    this.flushEveryMs = options.flushEveryMs ?? 50;
    this.nextId = block;
    this.blockEnd = block + ID_BLOCK;
  }

  record(record: QuestionRecord): number {
    const id = this.takeId();
    if (id === undefined) {
      this.counts.dropped++;
      return 0;
    }
    const keepText = !record.direct || this.options.storeUsers;
    this.enqueue({ type: 'question', id, at: this.now(), record, keepText });
    return id;
  }

  async vote(answerId: number, value: 1 | -1, userId: string): Promise<boolean> {
    const voter = this.options.storeUsers ? userId : createHmac('sha256', this.secret).update(userId).digest('hex').slice(0, 24);
    if (this.health() === 'degraded') {
      // Accepted into the buffer; whether the answer exists is known only once it is written.
      this.enqueue({ type: 'vote', answerId, voter, value, at: this.now() });
      return true;
    }
    return new Promise((resolve) => {
      this.enqueue({ type: 'vote', answerId, voter, value, at: this.now(), done: resolve });
      void this.flush();
    });
  }

  async questions(days: number): Promise<RecordedQuestion[]> {
    await this.flush();
    const rows = await this.read<{
      id: number;
      at: number;
      question: string;
      kind: RecordedQuestion['kind'];
      confidence: number;
      answered: boolean;
    }>(
      `SELECT id::float8 AS id, at::float8 AS at, question, kind, confidence, answered FROM questions
       WHERE at >= $1 AND question IS NOT NULL ORDER BY at DESC, id DESC`,
      [this.now() - days * DAY],
    );
    return rows;
  }

  async downvoted(days: number, limit: number): Promise<VotedAnswer[]> {
    await this.flush();
    return this.read<VotedAnswer>(
      `SELECT question, kind, up, down FROM (
         SELECT q.question AS question, MIN(q.kind) AS kind,
           SUM(CASE WHEN v.value > 0 THEN 1 ELSE 0 END)::int AS up, SUM(CASE WHEN v.value < 0 THEN 1 ELSE 0 END)::int AS down
         FROM votes v JOIN questions q ON q.id = v.answer_id
         WHERE v.at >= $1 AND q.question IS NOT NULL GROUP BY q.question) t
       WHERE down > 0 ORDER BY down - up DESC, down DESC LIMIT $2`,
      [this.now() - days * DAY, limit],
    );
  }

  audit(entry: Omit<AuditEntry, 'at'>): void {
    this.enqueue({ type: 'audit', at: this.now(), entry });
  }

  async audits(limit: number): Promise<AuditEntry[]> {
    await this.flush();
    return this.read<AuditEntry>('SELECT at::float8 AS at, actor AS "by", action, outcome, detail FROM audit ORDER BY id DESC LIMIT $1', [
      limit,
    ]);
  }

  async prune(): Promise<number> {
    const cutoff = this.now() - this.options.retentionDays * DAY;
    try {
      const removed = (await this.pool.query('DELETE FROM questions WHERE at < $1', [cutoff])).rowCount ?? 0;
      await this.pool.query('DELETE FROM audit WHERE at < $1', [cutoff]);
      return removed;
    } catch (error) {
      // Pruning is daily housekeeping: the next run catches up.
      this.options.logger.warn({ err: error }, 'analytics: pruning PostgreSQL failed');
      return 0;
    }
  }

  health(): AnalyticsHealth {
    return this.failures > 0 ? 'degraded' : 'ok';
  }

  stats(): PostgresAnalyticsStats {
    return { buffered: this.pending.length, ...this.counts };
  }

  /** Writes everything queued now (waiting for a write in progress first); stops at the first failure. */
  async flush(): Promise<void> {
    while (this.flushing) await this.flushing;
    if (this.pending.length === 0) return;
    this.flushing = this.writeBatch().finally(() => {
      this.flushing = undefined;
    });
    await this.flushing;
    // A batch is bounded: go on until the queue is empty or a write fails.
    if (this.pending.length > 0 && this.failures === 0) await this.flush();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.flush();
    this.closed = true;
    if (this.pending.length > 0) {
      this.counts.dropped += this.pending.length;
      this.options.logger.warn({ rows: this.pending.length }, 'analytics: PostgreSQL unreachable at shutdown; buffered rows lost');
      for (const item of this.pending.splice(0)) if (item.type === 'vote') item.done?.(true);
    }
    await this.pool.end().catch(() => undefined);
  }

  private takeId(): number | undefined {
    if (this.nextId >= this.blockEnd) {
      if (this.spareBlock === undefined) {
        this.refillBlock();
        return undefined;
      }
      this.nextId = this.spareBlock;
      this.blockEnd = this.spareBlock + ID_BLOCK;
      this.spareBlock = undefined;
    }
    // Half way through a block, the next one is fetched, so an outage starts with a full spare.
    if (this.spareBlock === undefined && this.blockEnd - this.nextId < ID_BLOCK / 2) this.refillBlock();
    return this.nextId++;
  }

  private refillBlock(): void {
    if (this.fetchingBlock || this.closed) return;
    this.fetchingBlock = true;
    nextBlock(this.pool)
      .then((block) => {
        this.spareBlock = block;
      })
      .catch(() => undefined)
      .finally(() => {
        this.fetchingBlock = false;
      });
  }

  private enqueue(item: Pending): void {
    if (this.closed) {
      this.counts.dropped++;
      if (item.type === 'vote') item.done?.(false);
      return;
    }
    this.pending.push(item);
    while (this.pending.length > this.maxBuffered) {
      const dropped = this.pending.shift();
      this.counts.dropped++;
      if (dropped?.type === 'vote') dropped.done?.(true);
    }
    this.schedule(this.flushEveryMs);
  }

  private schedule(ms: number): void {
    if (this.timer || this.closed) return;
    // unref: a pending write does not keep the process alive; close() writes what is left.
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush().then(() => this.probe());
    }, ms).unref();
  }

  /** After an outage with nothing left to write (a failed read), a light query says when PostgreSQL is back. */
  private async probe(): Promise<void> {
    if (this.failures === 0 || this.pending.length > 0 || this.closed) return;
    await this.pool.query('SELECT 1').then(
      () => this.wentWell(),
      (error: unknown) => this.wentWrong(error),
    );
  }

  /** Writes up to 1000 queued rows in one transaction, in the order they came. */
  private async writeBatch(): Promise<void> {
    const batch = this.pending.slice(0, 1000);
    let client: pg.PoolClient | undefined;
    const known = new Map<Pending, boolean>();
    try {
      client = await this.pool.connect();
      await client.query('BEGIN');
      const questions = batch.filter((p) => p.type === 'question');
      if (questions.length > 0) {
        await client.query(
          `INSERT INTO questions (id, at, platform, kind, confidence, answered, question, user_id)
           SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::float8[], $6::boolean[], $7::text[], $8::text[])
           ON CONFLICT (id) DO NOTHING`,
          [
            questions.map((q) => q.id),
            questions.map((q) => q.at),
            questions.map((q) => q.record.platform),
            questions.map((q) => q.record.kind),
            questions.map((q) => q.record.confidence),
            questions.map((q) => q.record.answered),
            questions.map((q) => (q.keepText ? q.record.text : null)),
            questions.map((q) => (this.options.storeUsers ? q.record.userId : null)),
          ],
        );
      }
      // Votes one by one, after the questions they may refer to: each says whether its answer exists.
      for (const vote of batch) {
        if (vote.type !== 'vote') continue;
        const result = await client.query(
          `INSERT INTO votes (answer_id, voter, value, at) SELECT $1, $2, $3, $4 WHERE EXISTS (SELECT 1 FROM questions WHERE id = $1)
           ON CONFLICT (answer_id, voter) DO UPDATE SET value = excluded.value, at = excluded.at`,
          [vote.answerId, vote.voter, vote.value, vote.at],
        );
        known.set(vote, (result.rowCount ?? 0) > 0);
      }
      const audits = batch.filter((p) => p.type === 'audit');
      if (audits.length > 0) {
        await client.query(
          'INSERT INTO audit (at, actor, action, outcome, detail) SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[])',
          [
            audits.map((a) => a.at),
            audits.map((a) => a.entry.by),
            audits.map((a) => a.entry.action),
            audits.map((a) => a.entry.outcome),
            audits.map((a) => a.entry.detail),
          ],
        );
      }
      await client.query('COMMIT');
      client.release();
      this.settle(batch, known);
      this.counts.written += batch.length;
      this.wentWell();
    } catch (error) {
      if (client) {
        await client.query('ROLLBACK').catch(() => undefined);
        // A connection that failed mid-transaction is not given back for reuse.
        client.release(error instanceof Error ? error : true);
      }
      if (isRefusal(error)) {
        // The database refused these rows (a bug, not an outage): retrying would refuse them for ever.
        this.options.logger.error({ err: error, rows: batch.length }, 'analytics: PostgreSQL refused rows; dropped');
        this.counts.dropped += batch.length;
        this.settle(batch, new Map());
        return;
      }
      this.wentWrong(error);
    }
  }

  /** Takes a written (or refused) batch off the queue and answers its votes. */
  private settle(batch: readonly Pending[], known: ReadonlyMap<Pending, boolean>): void {
    const done = new Set(batch);
    const rest = this.pending.filter((p) => !done.has(p));
    this.pending.splice(0, this.pending.length, ...rest);
    for (const item of batch) if (item.type === 'vote') item.done?.(known.get(item) ?? false);
  }

  private wentWell(): void {
    if (this.failures === 0) return;
    this.failures = 0;
    this.options.logger.info({ rows: this.counts.written }, 'analytics: PostgreSQL is back; buffered rows written');
    this.options.onHealth?.('ok');
  }

  private wentWrong(error: unknown): void {
    this.failures++;
    if (this.failures === 1) {
      this.options.logger.warn(
        { err: error, url: redactUrl(this.options.url) },
        'analytics: PostgreSQL unreachable; rows are buffered in memory until it is back',
      );
      this.options.onHealth?.('degraded');
      // A vote waiting for its write is accepted now; the row stays queued.
      for (const item of this.pending)
        if (item.type === 'vote' && item.done) {
          item.done(true);
          item.done = undefined;
        }
    }
    // Retry with backoff, up to every 5 s.
    this.schedule(Math.min(250 * 2 ** Math.min(this.failures, 5), 5000));
  }

  private async read<T extends pg.QueryResultRow>(sql: string, values: unknown[]): Promise<T[]> {
    try {
      return (await this.pool.query<T>(sql, values)).rows;
    } catch (error) {
      if (isRefusal(error)) throw error;
      this.wentWrong(error);
      throw new Error(`analytics: PostgreSQL is unreachable (DATABASE_URL); try again once it is back`);
    }
  }
}
