/**
 * One shard's process, spawned by the ShardingManager (sharding.ts): builds its own bot from the
 * same environment as the main program and runs the client adapter, which reads its shard id and
 * count from the environment the manager set. SIGTERM stops it gracefully.
 */
import 'dotenv/config';
import { createBot } from '../../src/bot.js';
import { loadConfig } from '../../src/config.js';
import { UserError } from '../../src/errors.js';
import { createLogger } from '../../src/logger.js';
import { createClientAdapter } from './adapter.js';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  if (!config.discord) throw new UserError('discord: shard started without DISCORD_TOKEN and DISCORD_CLIENT_ID');
  const logger = createLogger({ level: config.logLevel }).child({ adapter: 'discord', shard: process.env.SHARDS });
  const bot = await createBot({
    knowledgeDir: config.knowledgeDir,
    logger,
    cooldown: config.cooldown,
    maxQuestionLength: config.maxQuestionLength,
    analytics: config.analytics,
  });
  const adapter = createClientAdapter(config.discord, logger);
  let stopping = false;
  const stop = async (reason: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.info({ reason }, 'discord: shard stopping');
    await adapter.stop();
    await bot.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  // The manager is gone: nobody would stop this process otherwise.
  process.on('disconnect', () => void stop('manager gone'));
  await adapter.start(bot);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof UserError ? error.message : error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
