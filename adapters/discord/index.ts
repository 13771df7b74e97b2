/**
 * The Discord adapter's public face: the factory the entry points wire, and the command data.
 * One client without sharding; with `config.shards` set, a ShardingManager whose shards each run
 * the client adapter in their own process (the entry point says which file a shard runs).
 */
import type { DiscordConfig } from './config.js';
import type { Logger } from '../../src/logger.js';
import { createClientAdapter } from './adapter.js';
import { createShardedAdapter, type ShardingOptions } from './sharding.js';
import type { DiscordAdapter } from './types.js';

export { createClientAdapter, MODERATOR_REFUSAL, RELOAD_REFUSAL } from './adapter.js';
export { DISCORD_INVOCATIONS, commandDefinitions, commandsRoute } from './commands.js';
export { deployCommands, type DeployResult } from './deploy.js';
export type { ShardingOptions } from './sharding.js';
export type { DiscordAdapter } from './types.js';

/**
 * Creates the Discord adapter; `start` logs in and resolves once the bot is ready and its commands
 * registered.
 */
export function createDiscordAdapter(config: DiscordConfig, logger: Logger, options: ShardingOptions = {}): DiscordAdapter {
  return config.shards === undefined ? createClientAdapter(config, logger) : createShardedAdapter(config, logger, options);
}
export { type DiscordConfig, readDiscordConfig } from './config.js';
