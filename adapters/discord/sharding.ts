/**
 * Discord at scale: with DISCORD_SHARDS set, this adapter runs discord.js's ShardingManager, which
 * spawns one process per shard running shard.ts (a client adapter with its own bot). This process
 * keeps no gateway connection: it follows the shards' state, posts the digest over REST, and stops
 * the shards gracefully.
 */
import path from 'node:path';
import { REST, Routes, ShardingManager, type Shard } from 'discord.js';
import type { DiscordConfig } from './config.js';
import type { Logger } from '../../src/logger.js';
import type { AdapterStatus, ChatBot } from '../../src/types.js';
import type { DiscordAdapter } from './types.js';
import { postDigest } from './digest.js';
import { STOP_GRACE_MS } from './in-flight.js';

/** Options for the sharded adapter (the defaults suit production). */
export interface ShardingOptions {
  /** The shard entry file the manager spawns; the compiled shard.js beside this module by default. */
  shardFile?: string;
  /** Extra environment for the shard processes, over this process's own. */
  shardEnv?: Record<string, string>;
  /** Pause between spawning shards: Discord accepts one IDENTIFY per 5 seconds per bucket. */
  spawnDelayMs?: number;
}

/** How long a shard may take to get ready: starting Node, loading the knowledge, logging in. */
const SPAWN_TIMEOUT_MS = 60_000;

/** Discord's recommended shard count for `DISCORD_SHARDS=auto`, asked through DISCORD_API_URL when set. */
async function recommendedShards(rest: REST): Promise<number> {
  const gateway = (await rest.get(Routes.gatewayBot())) as { shards?: unknown };
  if (typeof gateway.shards !== 'number' || gateway.shards < 1) throw new Error('discord: GET /gateway/bot returned no shard count');
  return gateway.shards;
}

/** The shard processes read the same settings as this one, minus sharding (each runs one client). */
function shardEnvironment(config: DiscordConfig): Record<string, string> {
  return {
    DISCORD_CLIENT_ID: config.clientId,
    DISCORD_MODERATOR_ROLE_IDS: config.moderatorRoleIds.join(','),
    DISCORD_SHARDS: '',
    // Tells the shard's client to talk to the manager over process messages (see withoutManagerEnv).
    SHARDING_MANAGER_MODE: 'process',
    ...(config.guildId ? { DISCORD_GUILD_ID: config.guildId } : {}),
    ...(config.apiUrl ? { DISCORD_API_URL: config.apiUrl } : {}),
  };
}

/**
 * Runs `create` and puts back what the ShardingManager's constructor writes into this process's
 * environment (it marks the whole process as a shard, which would confuse any other discord.js
 * client here); the shards get those variables through their own environment instead.
 */
function withoutManagerEnv<T>(create: () => T): T {
  const names = ['SHARDING_MANAGER', 'SHARDING_MANAGER_MODE', 'DISCORD_TOKEN'] as const;
  const saved = names.map((name) => [name, process.env[name]] as const);
  try {
    return create();
  } finally {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

/** Sends SIGTERM (the shard finishes what it is answering) and waits for the exit; SIGKILL after the grace. */
async function stopShard(shard: Shard): Promise<void> {
  const child = shard.process;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS + 2_000);
  await exited;
  clearTimeout(timer);
}

/** The adapter over a ShardingManager; `start` resolves once every shard is ready. */
export function createShardedAdapter(config: DiscordConfig, logger: Logger, options: ShardingOptions = {}): DiscordAdapter {
  let manager: ShardingManager | undefined;
  const rest = new REST(config.apiUrl ? { api: config.apiUrl } : {}).setToken(config.token);
  const up = new Map<number, boolean>();
  let drops = 0;
  let stopping = false;
  // `systemctl reload` signals this process only; each shard reloads its own knowledge.
  const forwardReload = (): void => {
    for (const shard of manager?.shards.values() ?? []) shard.process?.kill('SIGHUP');
  };

  const set = (id: number, isUp: boolean): void => {
    if (up.get(id) === true && !isUp) drops += 1;
    up.set(id, isUp);
  };

  const follow = (shard: Shard): void => {
    up.set(shard.id, false);
    shard.on('ready', () => set(shard.id, true));
    shard.on('resume', () => set(shard.id, true));
    shard.on('reconnecting', () => set(shard.id, false));
    shard.on('disconnect', () => set(shard.id, false));
    shard.on('death', () => {
      set(shard.id, false);
      if (!stopping) logger.error({ shardId: shard.id }, 'discord: shard process died; respawning');
    });
    shard.on('error', (error) => logger.error({ err: error, shardId: shard.id }, 'discord: shard error'));
  };

  return {
    name: 'discord',

    // Each shard builds its own bot from the same settings; this process's bot is not used here.
    async start(_bot: ChatBot): Promise<void> {
      if (manager) throw new Error('discord: adapter already started');
      stopping = false;
      const total = config.shards === 'auto' || config.shards === undefined ? await recommendedShards(rest) : config.shards;
      const file = options.shardFile;
      if (!file) throw new Error('discord: sharding needs the shard entry file (ShardingOptions.shardFile)');
      const m = withoutManagerEnv(
        () => new ShardingManager(path.resolve(file), { totalShards: total, token: config.token, mode: 'process', respawn: true }),
      );
      manager = m;
      m.on('shardCreate', (shard) => {
        // The manager copies this process's environment; the shard also needs what the config says.
        Object.assign(shard.env as Record<string, string | undefined>, shardEnvironment(config), options.shardEnv);
        follow(shard);
        logger.info({ shardId: shard.id, total }, 'discord: shard starting');
      });
      try {
        await m.spawn({ amount: total, delay: options.spawnDelayMs ?? 5_500, timeout: SPAWN_TIMEOUT_MS });
      } catch (error) {
        await this.stop();
        throw new Error(
          `discord: shards did not start (${error instanceof Error ? error.message : String(error)}); check the shard logs above`,
        );
      }
      process.on('SIGHUP', forwardReload);
      logger.info({ shards: total }, 'discord: every shard ready');
    },

    async stop(): Promise<void> {
      const m = manager;
      if (!m) return;
      manager = undefined;
      stopping = true;
      process.off('SIGHUP', forwardReload);
      m.respawn = false;
      await Promise.all([...m.shards.values()].map(stopShard));
      for (const id of up.keys()) up.set(id, false);
    },

    status(): AdapterStatus {
      return { connected: up.size > 0 && [...up.values()].every(Boolean), reconnects: drops };
    },

    async postDigest(text: string): Promise<void> {
      if (config.digestChannelId) await postDigest(rest, config.digestChannelId, text);
    },
  };
}
