/**
 * One interface for the analytics, whichever database holds them: the embedded SQLite file (one
 * instance, the default) or PostgreSQL (`DATABASE_URL`, several instances seeing each other's rows).
 * Writes return at once and never throw (a question is never held up by its record); reads are async.
 */
import type { AuditEntry, QuestionRecord, RecordedQuestion, VotedAnswer } from './store.js';

export type { AuditEntry, QuestionRecord, RecordedQuestion, VotedAnswer } from './store.js';

/** Whether recorded rows are reaching their database. */
export type AnalyticsHealth = 'ok' | 'degraded';

/** Questions, votes and the moderators' audit trail. */
export interface Analytics {
  /** 'sqlite' (embedded, one instance) or 'postgres' (shared). */
  readonly backend: 'sqlite' | 'postgres';
  /** Records a question's outcome; returns its id, which answers carry for votes. */
  record(record: QuestionRecord): number;
  /** Records 👍 (1) or 👎 (-1); a second vote by the same person replaces the first. False for an unknown answer. */
  vote(answerId: number, value: 1 | -1, userId: string): Promise<boolean>;
  /** Questions since `days` ago whose text is kept, newest first. */
  questions(days: number): Promise<RecordedQuestion[]>;
  /** Answers with down-votes since `days` ago, most down-voted first. */
  downvoted(days: number, limit: number): Promise<VotedAnswer[]>;
  /** Adds a line to the audit log. */
  audit(entry: Omit<AuditEntry, 'at'>): void;
  /** The newest audit lines first. */
  audits(limit: number): Promise<AuditEntry[]>;
  /** Deletes records older than the retention period; returns how many questions went. */
  prune(): Promise<number>;
  /** 'degraded' while rows wait in memory for an unreachable database. */
  health(): AnalyticsHealth;
  /** Writes what is pending (as far as the database lets it) and closes. */
  close(): Promise<void>;
}
