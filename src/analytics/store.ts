import Database from 'better-sqlite3';
import { createHmac, randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { AnswerKind, Platform } from '../types.js';

/**
 * How long question records and votes gather before they are committed together. Another
 * process writing the same file (a Discord shard) waits at most this long for the lock.
 */
export const COMMIT_EVERY_MS = 50;

/** Where and how questions are recorded. */
export interface AnalyticsOptions {
  /** SQLite file; its folder is created on first run. `:memory:` for tests. */
  path: string;
  /** Store user ids and the text of direct messages (off by default). */
  storeUsers: boolean;
  /** Records older than this are deleted (at start and daily). */
  retentionDays: number;
  now?: () => number;
}

/** One question's outcome, as the bot records it. */
export interface QuestionRecord {
  /** The cleaned question; dropped for direct messages unless users are stored. */
  text: string;
  platform: Platform;
  kind: AnswerKind;
  confidence: number;
  answered: boolean;
  direct: boolean;
  userId: string;
}

/** A recorded question, read back for the gaps report. */
export interface RecordedQuestion {
  id: number;
  at: number;
  question: string;
  kind: AnswerKind;
  confidence: number;
  answered: boolean;
}

/** An answer people voted on. */
export interface VotedAnswer {
  question: string;
  kind: AnswerKind;
  up: number;
  down: number;
}

/** One line of the audit log: a reload (forced, refused or done), a teach. */
export interface AuditEntry {
  at: number;
  by: string;
  action: string;
  outcome: string;
  detail: string;
}

const DAY = 86_400_000;

/**
 * The embedded SQLite store of question outcomes, votes and the moderators' audit log.
 * Writes are synchronous and tiny (one row). They are grouped into one transaction per
 * {@link COMMIT_EVERY_MS}: committing each row on its own was a tenth of the program's CPU under
 * Slack load. What is written is readable at once on this connection; a crash loses at most
 * that window of records, and close() commits.
 */
export class AnalyticsStore {
  private commitTimer: NodeJS.Timeout | undefined;
  private readonly db: Database.Database;
  private readonly now: () => number;
  private readonly secret: string;
  private readonly insertQuestion: Database.Statement;
  private readonly upsertVote: Database.Statement;
  private readonly insertAudit: Database.Statement;

  constructor(private readonly options: AnalyticsOptions) {
    if (options.path !== ':memory:') mkdirSync(path.dirname(path.resolve(options.path)), { recursive: true });
    this.db = new Database(options.path);
    this.db.pragma('journal_mode = WAL');
    this.now = options.now ?? Date.now;
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS questions (
        id INTEGER PRIMARY KEY, at INTEGER NOT NULL, platform TEXT NOT NULL, kind TEXT NOT NULL,
        confidence REAL NOT NULL, answered INTEGER NOT NULL, question TEXT, user_id TEXT);
      CREATE INDEX IF NOT EXISTS questions_at ON questions (at);
      CREATE TABLE IF NOT EXISTS votes (
        answer_id INTEGER NOT NULL REFERENCES questions (id) ON DELETE CASCADE, voter TEXT NOT NULL,
        value INTEGER NOT NULL, at INTEGER NOT NULL, PRIMARY KEY (answer_id, voter));
      CREATE TABLE IF NOT EXISTS audit (
        id INTEGER PRIMARY KEY, at INTEGER NOT NULL, by TEXT NOT NULL, action TEXT NOT NULL,
        outcome TEXT NOT NULL, detail TEXT NOT NULL);
    `);
    this.db.pragma('foreign_keys = ON');
    // Voters are told apart by a keyed hash unless user ids may be stored: one vote per person, no ids kept.
    const stored = this.db.prepare('SELECT value FROM meta WHERE key = ?').get('voter-secret') as { value: string } | undefined;
    this.secret = stored?.value ?? randomBytes(32).toString('hex');
    if (!stored) this.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run('voter-secret', this.secret);
    this.insertQuestion = this.db.prepare(
      'INSERT INTO questions (at, platform, kind, confidence, answered, question, user_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.upsertVote = this.db.prepare(
      'INSERT INTO votes (answer_id, voter, value, at) VALUES (?, ?, ?, ?) ON CONFLICT (answer_id, voter) DO UPDATE SET value = excluded.value, at = excluded.at',
    );
    this.insertAudit = this.db.prepare('INSERT INTO audit (at, by, action, outcome, detail) VALUES (?, ?, ?, ?, ?)');
    this.prune();
  }

  /** Records a question's outcome; returns its id, which answers carry for votes. */
  record(record: QuestionRecord): number {
    this.batch();
    const keepText = !record.direct || this.options.storeUsers;
    const result = this.insertQuestion.run(
      this.now(),
      record.platform,
      record.kind,
      record.confidence,
      record.answered ? 1 : 0,
      keepText ? record.text : null,
      this.options.storeUsers ? record.userId : null,
    );
    return Number(result.lastInsertRowid);
  }

  /** Records 👍 (1) or 👎 (-1) on an answer; a second vote by the same person replaces the first. */
  vote(answerId: number, value: 1 | -1, userId: string): boolean {
    const exists = this.db.prepare('SELECT 1 FROM questions WHERE id = ?').get(answerId);
    if (!exists) return false;
    const voter = this.options.storeUsers ? userId : createHmac('sha256', this.secret).update(userId).digest('hex').slice(0, 24);
    this.batch();
    this.upsertVote.run(answerId, voter, value, this.now());
    return true;
  }

  /** Questions since `days` ago whose text is kept, newest first. */
  questions(days: number): RecordedQuestion[] {
    const rows = this.db
      .prepare('SELECT id, at, question, kind, confidence, answered FROM questions WHERE at >= ? AND question IS NOT NULL ORDER BY at DESC')
      .all(this.now() - days * DAY) as (Omit<RecordedQuestion, 'answered'> & { answered: number })[];
    return rows.map((r) => ({ ...r, answered: r.answered === 1 }));
  }

  /** Answers with down-votes since `days` ago, most down-voted first. */
  downvoted(days: number, limit: number): VotedAnswer[] {
    return this.db
      .prepare(`SELECT q.question AS question, q.kind AS kind,
                  SUM(CASE WHEN v.value > 0 THEN 1 ELSE 0 END) AS up, SUM(CASE WHEN v.value < 0 THEN 1 ELSE 0 END) AS down
                FROM votes v JOIN questions q ON q.id = v.answer_id
                WHERE v.at >= ? AND q.question IS NOT NULL
                GROUP BY q.question HAVING down > 0 ORDER BY down - up DESC, down DESC LIMIT ?`)
      .all(this.now() - days * DAY, limit) as VotedAnswer[];
  }

  /** Adds a line to the audit log. */
  audit(entry: Omit<AuditEntry, 'at'>): void {
    this.insertAudit.run(this.now(), entry.by, entry.action, entry.outcome, entry.detail);
  }

  /** The newest audit lines first. */
  audits(limit: number): AuditEntry[] {
    return this.db.prepare('SELECT at, by, action, outcome, detail FROM audit ORDER BY id DESC LIMIT ?').all(limit) as AuditEntry[];
  }

  /** Deletes records older than the retention period; returns how many questions went. */
  prune(): number {
    const cutoff = this.now() - this.options.retentionDays * DAY;
    const removed = this.db.prepare('DELETE FROM questions WHERE at < ?').run(cutoff).changes;
    this.db.prepare('DELETE FROM audit WHERE at < ?').run(cutoff);
    return removed;
  }

  /** Writes what is pending now (close() does too). */
  commit(): void {
    if (this.commitTimer) clearTimeout(this.commitTimer);
    this.commitTimer = undefined;
    if (this.db.open && this.db.inTransaction) this.db.exec('COMMIT');
  }

  close(): void {
    this.commit();
    if (this.db.open) this.db.close();
  }

  /** Opens the current group of writes if none is open, to be committed within {@link COMMIT_EVERY_MS}. */
  private batch(): void {
    if (this.db.inTransaction) return;
    this.db.exec('BEGIN');
    // unref: a pending commit does not keep the process alive; close() commits what is left.
    this.commitTimer = setTimeout(() => this.commit(), COMMIT_EVERY_MS).unref();
  }
}
