/**
 * Chooses where analytics go: PostgreSQL when DATABASE_URL is set (every instance's rows in one
 * place), else the SQLite file (one instance), else nowhere (ANALYTICS_DB=off).
 */
import type { Logger } from '../logger.js';
import { connectPostgresAnalytics } from './postgres.js';
import { SqliteAnalytics } from './sqlite.js';
import type { AnalyticsOptions } from './store.js';
import type { Analytics, AnalyticsHealth } from './types.js';

/** Options for {@link openAnalytics}. */
export interface OpenAnalyticsOptions {
  /** DATABASE_URL; takes precedence over the SQLite file. */
  databaseUrl?: string | undefined;
  /** The SQLite settings (ANALYTICS_DB and friends); absent with no DATABASE_URL: analytics are off. */
  sqlite?: AnalyticsOptions | undefined;
  /** Whether to keep user ids and DM text, and for how long, when the SQLite settings are absent. */
  storeUsers?: boolean;
  retentionDays?: number;
  logger: Logger;
  onHealth?: (health: AnalyticsHealth) => void;
}

/** The analytics for this program, or undefined when they are off. */
export async function openAnalytics(options: OpenAnalyticsOptions): Promise<Analytics | undefined> {
  if (options.databaseUrl) {
    const store = await connectPostgresAnalytics({
      url: options.databaseUrl,
      logger: options.logger.child({ module: 'analytics' }),
      storeUsers: options.sqlite?.storeUsers ?? options.storeUsers ?? false,
      retentionDays: options.sqlite?.retentionDays ?? options.retentionDays ?? 90,
      ...(options.onHealth ? { onHealth: options.onHealth } : {}),
    });
    options.logger.info({ backend: 'postgres' }, 'analytics: recorded in PostgreSQL, shared by every instance');
    return store;
  }
  return options.sqlite ? new SqliteAnalytics(options.sqlite) : undefined;
}
