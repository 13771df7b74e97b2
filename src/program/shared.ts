/**
 * What several instances of the program share, opened from the config: the state (Redis with
 * REDIS_URL, else memory) and the analytics (PostgreSQL with DATABASE_URL, else the SQLite file).
 * Main and every Discord shard open them the same way.
 */
import { hostname } from 'node:os';
import { openAnalytics } from '../analytics/open.js';
import { PostgresAnalytics } from '../analytics/postgres.js';
import type { Analytics } from '../analytics/types.js';
import type { AppConfig } from '../config.js';
import type { Logger } from '../logger.js';
import type { Dependency } from '../observability/metrics.js';
import { createMemoryState } from '../state/memory.js';
import { openSharedState } from '../state/open.js';
import { RedisState } from '../state/redis.js';
import type { SharedState } from '../state/types.js';

/** The opened state and analytics, and what /healthz and /metrics watch of them. */
export interface Shared {
  state: SharedState;
  analytics: Analytics | undefined;
  /** This instance's name among the others: host name and process id. */
  instance: string;
  /** Redis and PostgreSQL, when configured. */
  dependencies: Dependency[];
  close(): Promise<void>;
}

/** Opens both; throws a UserError naming REDIS_URL or DATABASE_URL when one is set but unreachable. */
export async function openShared(config: AppConfig, logger: Logger): Promise<Shared> {
  const state = await openSharedState({ redisUrl: config.redisUrl, logger, memory: () => createMemoryState() });
  const analytics = await openAnalytics({
    databaseUrl: config.databaseUrl,
    sqlite: config.analytics,
    logger,
  }).catch(async (error: unknown) => {
    await state.close();
    throw error;
  });
  const dependencies: Dependency[] = [];
  if (state instanceof RedisState) dependencies.push(state);
  if (analytics instanceof PostgresAnalytics) dependencies.push(analytics);
  return {
    state,
    analytics,
    instance: `${hostname()}:${process.pid}`,
    dependencies,
    close: () => state.close(),
  };
}
