/**
 * The program: reads the config, loads the knowledge, starts the adapters the config enables
 * (the terminal chat when no chat platform is configured), and runs the operator's side:
 * SIGHUP and file-watch reloads, the weekly digest, /healthz and /metrics, graceful shutdown.
 * Entry points (src/program/) are the only modules that import adapters/.
 */
import 'dotenv/config';
import type { Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { createDiscordAdapter } from '../../adapters/discord/index.js';
import { createSlackAdapter } from '../../adapters/slack/index.js';
import { createTerminalAdapter } from '../../adapters/terminal/index.js';
import { botOptionsFrom, createBot } from '../bot.js';
import { loadProgramConfig, type ProgramConfig } from './config.js';
import { UserError } from '../errors.js';
import { formatGaps } from '../conversation/reports.js';
import { watchKnowledge } from '../knowledge/watch.js';
import { createLogger, type Logger } from '../logger.js';
import { healthRoutes, startHealthServer, type RouteHandler } from '../observability/http.js';
import { createMetrics } from '../observability/metrics.js';
import { shareAcrossInstances } from '../cluster/bot.js';
import { scheduleDigest, WEEK_MS } from '../cluster/digest.js';
import { programConversation } from './conversation.js';
import { openShared } from './shared.js';
import type { SharedState } from '../state/types.js';
import type { Adapter, Question } from '../types.js';

/** How long shutdown waits for questions in flight before it closes connections anyway. */
const SHUTDOWN_GRACE_MS = 10_000;

/** The entry each Discord shard process runs, compiled beside this one. */
const SHARD_FILE = fileURLToPath(new URL('./shard.js', import.meta.url));

function adaptersFor(
  config: ProgramConfig,
  state: SharedState,
  logger: Logger,
  onTerminalClose: () => void,
  slackRoutes?: Record<string, RouteHandler>,
): Adapter[] {
  const adapters: Adapter[] = [];
  if (config.discord) adapters.push(createDiscordAdapter(config.discord, logger.child({ adapter: 'discord' }), { shardFile: SHARD_FILE }));
  if (config.slack)
    adapters.push(
      createSlackAdapter(config.slack, logger.child({ adapter: 'slack' }), {
        deduper: state,
        ...(slackRoutes ? { routes: slackRoutes } : {}),
      }),
    );
  if (adapters.length === 0)
    adapters.push(createTerminalAdapter({ input: process.stdin, output: process.stdout, onClose: onTerminalClose }));
  return adapters;
}

async function main(): Promise<void> {
  const config = loadProgramConfig(process.env);
  // Info logs would drown a terminal chat; with no platform and no LOG_LEVEL, only warnings show.
  const terminalOnly = !config.discord && !config.slack;
  const logger = createLogger({ level: terminalOnly && !process.env.LOG_LEVEL ? 'warn' : config.logLevel });
  const metrics = createMetrics();
  // Redis and PostgreSQL when configured (several instances act as one), else memory and SQLite.
  const shared = await openShared(config, logger);
  const state = shared.state;
  const core = await createBot({
    ...botOptionsFrom(config, logger, metrics),
    ...(shared.analytics ? { analyticsStore: shared.analytics } : {}),
  }).catch(async (error: unknown) => {
    await shared.analytics?.close();
    await shared.close();
    throw error;
  });
  // With Redis, a reload or a teach on this instance reaches every instance.
  const cluster =
    state.backend === 'redis'
      ? await shareAcrossInstances(core, { state, instance: shared.instance, logger: logger.child({ module: 'cluster' }) })
      : undefined;
  const conversation = programConversation(cluster ?? core, config, state, logger.child({ layer: 'conversation' }), metrics);

  let stopping = false;
  const cleanups: (() => void)[] = [];
  let server: Server | undefined;
  let adapters: Adapter[] = [];
  const routes = healthRoutes(
    { knowledgeLoaded: () => true, adapters: () => adapters, stopping: () => stopping, dependencies: () => shared.dependencies },
    metrics,
  );
  metrics.watchDependencies(shared.dependencies);
  // In Slack's HTTP mode on the same port, /healthz and /metrics share the app's server.
  const shareSlackServer =
    config.httpPort !== undefined && config.slack !== undefined && !config.slack.appToken && config.slack.port === config.httpPort;
  adapters = adaptersFor(config, state, logger, () => void stop('terminal closed'), shareSlackServer ? routes : undefined);
  metrics.watchAdapters(adapters);

  async function stop(reason: string): Promise<void> {
    if (stopping) return;
    stopping = true;
    logger.info({ reason }, 'main: stopping: no new questions, finishing those in flight');
    for (const cleanup of cleanups) cleanup();
    // Each adapter stops taking events, finishes what it is answering, then disconnects.
    const grace = new Promise((resolve) => setTimeout(resolve, SHUTDOWN_GRACE_MS).unref());
    await Promise.race([Promise.allSettled(adapters.map((a) => a.stop())), grace]);
    await cluster?.close();
    // Closes the analytics too (PostgreSQL: after writing what is buffered, as far as it can).
    await core.close();
    await shared.close();
    server?.close();
    logger.info('main: stopped');
    process.exit(0);
  }
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGHUP', () => {
    void core
      .systemReload('SIGHUP')
      .then((r) => logger.info({ ok: r.ok, errors: r.errors.length, failedChecks: r.checkFailures.length }, 'main: reloaded on SIGHUP'));
  });
  process.on('unhandledRejection', (reason) => {
    metrics.failed('unhandled');
    logger.error({ err: reason }, 'main: unhandled rejection');
  });

  if (config.httpPort && !shareSlackServer) {
    server = await startHealthServer(config.httpPort, routes);
    logger.info({ port: config.httpPort }, 'main: serving /healthz and /metrics');
  } else if (shareSlackServer) {
    logger.info({ port: config.httpPort }, 'main: serving /healthz and /metrics on the Slack HTTP server');
  }
  if (config.watchKnowledge) cleanups.push(watchKnowledge(config.knowledgeDir, () => core.systemReload('file watcher'), logger));

  for (const adapter of adapters) {
    await adapter.start(conversation);
    logger.info({ adapter: adapter.name }, 'main: adapter started');
  }

  const digests = adapters.filter((a) => a.postDigest);
  if (digests.length > 0 && shared.analytics) {
    const system: Question = {
      text: 'kb gaps',
      platform: 'terminal',
      userId: 'system',
      channelId: 'system',
      isModerator: true,
      userName: 'weekly digest',
    };
    const post = async (): Promise<void> => {
      const report = await core.gaps(system, 7);
      for (const adapter of digests)
        await adapter
          .postDigest?.(`Weekly digest: ${formatGaps(report)}`)
          .catch((error: unknown) => logger.error({ err: error, adapter: adapter.name }, 'main: digest failed'));
    };
    if (state.backend === 'redis') {
      // Several instances: the one holding the lease posts, once a week, with nothing to switch off elsewhere.
      cleanups.push(await scheduleDigest({ state, instance: shared.instance, logger, post }));
    } else {
      const timer = setInterval(() => {
        post().catch((error: unknown) => logger.error({ err: error }, 'main: digest failed'));
      }, WEEK_MS).unref();
      cleanups.push(() => clearInterval(timer));
    }
  }
}

main().catch((error: unknown) => {
  // Config and knowledge problems are the operator's to fix: print the message alone, no stack.
  process.stderr.write(`${error instanceof UserError ? error.message : error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
