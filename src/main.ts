/**
 * The program: reads the config, loads the knowledge, starts the adapters the config enables
 * (the terminal chat when no chat platform is configured) and stops them on SIGINT/SIGTERM.
 * The only module in src/ that imports from adapters/.
 */
import 'dotenv/config';
import { createDiscordAdapter } from '../adapters/discord/index.js';
import { createSlackAdapter } from '../adapters/slack/index.js';
import { createTerminalAdapter } from '../adapters/terminal/index.js';
import { createBot } from './bot.js';
import { loadConfig, type AppConfig } from './config.js';
import { UserError } from './errors.js';
import { createLogger, type Logger } from './logger.js';
import { DEFAULT_KNOWLEDGE_DIR } from './paths.js';
import type { Adapter } from './types.js';


function adaptersFor(config: AppConfig, logger: Logger): Adapter[] {
  const adapters: Adapter[] = [];
  if (config.discord) adapters.push(createDiscordAdapter(config.discord, logger.child({ adapter: 'discord' })));
  if (config.slack) adapters.push(createSlackAdapter(config.slack, logger.child({ adapter: 'slack' })));
  if (adapters.length === 0) {
    adapters.push(createTerminalAdapter({ input: process.stdin, output: process.stdout, onClose: () => process.exit(0) }));
  }
  return adapters;
}

async function main(): Promise<void> {
  const config = loadConfig(process.env, { knowledgeDir: DEFAULT_KNOWLEDGE_DIR });
  const logger = createLogger({ level: config.logLevel });
  const bot = await createBot({
    knowledgeDir: config.knowledgeDir,
    logger,
    cooldown: config.cooldown,
    maxQuestionLength: config.maxQuestionLength,
  });
  const adapters = adaptersFor(config, logger);

  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'main: stopping');
    await Promise.allSettled(adapters.map((a) => a.stop()));
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'main: unhandled rejection'));

  for (const adapter of adapters) {
    await adapter.start(bot);
    logger.info({ adapter: adapter.name }, 'main: adapter started');
  }
}

main().catch((error: unknown) => {
  // Config and knowledge problems are the operator's to fix: print the message alone, no stack.
  process.stderr.write(`${error instanceof UserError ? error.message : error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
