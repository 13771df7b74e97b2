/**
 * Chooses the shared state from the config: Redis when REDIS_URL is set (several instances act as
 * one), otherwise this process's memory. No switch beyond that: setting the URL is the decision.
 */
import type { Logger } from '../logger.js';
import { createMemoryState } from './memory.js';
import { connectRedisState } from './redis.js';
import type { SharedState, StateHealth } from './types.js';

/** Options for {@link openSharedState}. */
export interface OpenStateOptions {
  /** REDIS_URL; absent: in memory. */
  redisUrl?: string | undefined;
  logger: Logger;
  /** The process-local state (also Redis's fallback during an outage). */
  memory?: () => SharedState;
  onHealth?: (health: StateHealth) => void;
}

/** The shared state for this program; throws a UserError naming REDIS_URL when Redis is set but unreachable. */
export async function openSharedState(options: OpenStateOptions): Promise<SharedState> {
  const memory = options.memory ?? createMemoryState;
  if (!options.redisUrl) return memory();
  const state = await connectRedisState({
    url: options.redisUrl,
    logger: options.logger.child({ module: 'state' }),
    fallback: memory(),
    ...(options.onHealth ? { onHealth: options.onHealth } : {}),
  });
  options.logger.info({ backend: 'redis' }, 'state: shared with the other instances through Redis');
  return state;
}
