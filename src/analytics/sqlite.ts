import { type AnalyticsOptions, AnalyticsStore } from './store.js';
import type { Analytics, AnalyticsHealth, AuditEntry, QuestionRecord, RecordedQuestion, VotedAnswer } from './types.js';

/** The embedded SQLite store behind the {@link Analytics} interface: the default, for one instance. */
export class SqliteAnalytics implements Analytics {
  readonly backend = 'sqlite' as const;
  readonly store: AnalyticsStore;

  constructor(options: AnalyticsOptions) {
    this.store = new AnalyticsStore(options);
  }

  record(record: QuestionRecord): number {
    return this.store.record(record);
  }

  async vote(answerId: number, value: 1 | -1, userId: string): Promise<boolean> {
    return this.store.vote(answerId, value, userId);
  }

  async questions(days: number): Promise<RecordedQuestion[]> {
    return this.store.questions(days);
  }

  async downvoted(days: number, limit: number): Promise<VotedAnswer[]> {
    return this.store.downvoted(days, limit);
  }

  audit(entry: Omit<AuditEntry, 'at'>): void {
    this.store.audit(entry);
  }

  async audits(limit: number): Promise<AuditEntry[]> {
    return this.store.audits(limit);
  }

  async prune(): Promise<number> {
    return this.store.prune();
  }

  health(): AnalyticsHealth {
    return 'ok';
  }

  async close(): Promise<void> {
    this.store.close();
  }
}
