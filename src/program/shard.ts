/**
 * One shard's process, spawned by the ShardingManager (sharding.ts): builds its own bot from the
 * same environment as the main program and runs the client adapter, which reads its shard id and
 * count from the environment the manager set. SIGTERM stops it gracefully.
 */
import 'dotenv/config';
import { botOptionsFrom, createBot } from '../bot.js';
import { loadProgramConfig } from './config.js';
import { UserError } from '../errors.js';
import { createLogger } from '../logger.js';
import { watchKnowledge } from '../knowledge/watch.js';
import { createClientAdapter } from '../../adapters/discord/index.js';
import { programConversation } from './conversation.js';
import { openShared } from './shared.js';

async function main(): Promise<void> {
  const config = loadProgramConfig(process.env);
  if (!config.discord) throw new UserError('discord: shard started without DISCORD_TOKEN and DISCORD_CLIENT_ID');
  const logger = createLogger({ level: config.logLevel }).child({ adapter: 'discord', shard: process.env.SHARDS });
  // Without REDIS_URL each shard answers its own servers, so its conversations and limits are its
  // own; with it, shards on every machine count and remember together. Reloads reach the other
  // shards of this machine through the sharding manager.
  const shared = await openShared(config, logger);
  const state = shared.state;
  const bot = await createBot({ ...botOptionsFrom(config, logger), ...(shared.analytics ? { analyticsStore: shared.analytics } : {}) });
  const conversation = programConversation(bot, config, state, logger);
  const adapter = createClientAdapter(config.discord, logger);
  const unwatch = config.watchKnowledge ? watchKnowledge(config.knowledgeDir, () => bot.systemReload('file watcher'), logger) : undefined;
  let stopping = false;
  const stop = async (reason: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.info({ reason }, 'discord: shard stopping');
    unwatch?.();
    await adapter.stop();
    await bot.close();
    await shared.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  // The manager forwards SIGHUP (`systemctl reload`): a checked reload, as without sharding.
  process.on('SIGHUP', () => {
    void bot
      .systemReload('SIGHUP')
      .then((r) => logger.info({ ok: r.ok, errors: r.errors.length, failedChecks: r.checkFailures.length }, 'discord: reloaded on SIGHUP'));
  });
  // The manager is gone: nobody would stop this process otherwise.
  process.on('disconnect', () => void stop('manager gone'));
  await adapter.start(conversation);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof UserError ? error.message : error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
