/**
 * The Discord adapter: a discord.js client that answers `/ask`, mentions, replies to the bot and
 * DMs, takes votes on answers, gives moderators `/reload` and `/kb`, and answers `/help`. It only
 * translates: Discord events become {@link Question}s (questions.ts), answered by answers.ts and
 * interactions.ts, rendered by render.ts. This module owns the client's life: connect, route
 * events, register commands, stop.
 * With DISCORD_SHARDS set, {@link createDiscordAdapter} runs shards instead (sharding.ts).
 */
import { Client, Events, GatewayIntentBits, Partials, REST } from 'discord.js';
import type { DiscordConfig } from './config.js';
import { UserError } from '../../src/errors.js';
import type { Logger } from '../../src/logger.js';
import type { AdapterStatus, ChatBot } from '../../src/types.js';
import { commandDefinitions, commandsRoute, syncCommands } from './commands.js';
import { ConnectionStatus } from './connection.js';
import { postDigest } from './digest.js';
import { InFlight } from './in-flight.js';
import { onMessage, type HandlerContext } from './answers.js';
import { onInteraction } from './interactions.js';
import { discordQuestions } from './questions.js';
import { moderatorHandlers, type ModeratorHandlers } from './moderator.js';
import { NO_MENTIONS } from './render.js';
import { installReloadHook, reloadEverywhere } from './shard-reload.js';
import { TeachDrafts } from './teach-form.js';
import type { DiscordAdapter } from './types.js';

export { RELOAD_REFUSAL, MODERATOR_REFUSAL } from './moderator.js';

/**
 * The adapter over one discord.js client: the whole bot without sharding, one shard with it (the
 * client then reads its shard from the environment the ShardingManager set).
 */
export function createClientAdapter(config: DiscordConfig, logger: Logger): DiscordAdapter {
  let client: Client | undefined;
  // discord.js reports its own shutdown as a dropped connection; keep that out of the warnings.
  let stopping = false;
  const connection = new ConnectionStatus();
  const inFlight = new InFlight();
  const drafts = new TeachDrafts();
  let moderatorTools: ModeratorHandlers | undefined;
  const moderator = (): ModeratorHandlers => {
    if (!moderatorTools) throw new Error('discord: adapter not started');
    return moderatorTools;
  };
  let stopped: Promise<void> | undefined;

  const questions = discordQuestions(config, logger);
  const context: HandlerContext = { logger, questions, moderator };

  return {
    name: 'discord',

    async start(bot: ChatBot): Promise<void> {
      if (client) throw new Error('discord: adapter already started');
      stopping = false;
      stopped = undefined;
      const c = new Client({
        intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages],
        // Without the Channel partial, discord.js drops DMs from channels it has not cached.
        partials: [Partials.Channel],
        allowedMentions: NO_MENTIONS,
        // A reply to a message deleted meanwhile is sent without the reference instead of failing.
        failIfNotExists: false,
        rest: config.apiUrl ? { api: config.apiUrl } : {},
      });
      client = c;
      connection.watch(c);
      if (c.shard) installReloadHook(c, bot);
      moderatorTools = moderatorHandlers({
        bot,
        logger,
        drafts,
        asker: questions.asker,
        sharded: c.shard !== null,
        reloadEverywhere: (by, options) => reloadEverywhere(c, bot, by, options),
      });
      // The handlers answer their own failures; this catch is the last line, so nothing escapes as an unhandled rejection.
      const lastResort = (error: unknown): void => logger.error({ err: error }, 'discord: event handler failed');
      // Once stopping, new events are left alone; those already being answered are tracked so stop() can wait for them.
      const ignored = (what: string): void => logger.debug({ what }, 'discord: event ignored while stopping');
      c.on(Events.InteractionCreate, (interaction) => {
        if (stopping) ignored('interaction');
        else void inFlight.track(onInteraction(context, bot, interaction)).catch(lastResort);
      });
      c.on(Events.MessageCreate, (message) => {
        if (stopping) ignored('message');
        else void inFlight.track(onMessage(context, bot, message)).catch(lastResort);
      });
      logConnection(c, logger, () => stopping);

      const ready = new Promise<void>((resolve) => c.once(Events.ClientReady, () => resolve()));
      try {
        await c.login(config.token);
      } catch (error) {
        client = undefined;
        await c.destroy();
        const reason = error instanceof Error ? error.message : String(error);
        throw new UserError(
          `discord: could not log in (${reason}); check DISCORD_TOKEN (Developer Portal → your application → Bot → Reset Token)`,
        );
      }
      await ready;
      logger.info({ user: c.user?.tag, guilds: c.guilds.cache.size, shards: c.shard?.ids }, 'discord: ready');

      await registerCommands(c, config, logger);
    },

    stop(): Promise<void> {
      const c = client;
      if (!c) return Promise.resolve();
      stopping = true;
      stopped ??= (async () => {
        const finished = await inFlight.settled();
        if (!finished) logger.warn({ running: inFlight.size }, 'discord: stopped with handlers still running');
        client = undefined;
        connection.stopped();
        await c.destroy();
      })();
      return stopped;
    },

    status(): AdapterStatus {
      return connection.status();
    },

    async postDigest(text: string): Promise<void> {
      if (!config.digestChannelId) return;
      // Without a client (not started, or stopped), a REST client of its own still posts.
      const rest = client?.rest ?? new REST(config.apiUrl ? { api: config.apiUrl } : {}).setToken(config.token);
      await postDigest(rest, config.digestChannelId, text);
    },
  };
}

/** Logs the client's errors and the gateway's drops and resumes (not those of our own shutdown). */
function logConnection(c: Client, logger: Logger, stopping: () => boolean): void {
  c.on(Events.Error, (error) => logger.error({ err: error }, 'discord: client error'));
  c.on(Events.Warn, (warning) => logger.warn({ warning }, 'discord: client warning'));
  c.on(Events.ShardError, (error, shardId) => logger.warn({ err: error, shardId }, 'discord: gateway error'));
  c.on(Events.ShardReconnecting, (shardId) => {
    if (!stopping()) logger.warn({ shardId }, 'discord: gateway dropped, reconnecting');
  });
  c.on(Events.ShardResume, (shardId, replayed) => logger.info({ shardId, replayed }, 'discord: gateway resumed'));
  c.on(Events.ShardDisconnect, (event, shardId) => logger.error({ code: event.code, shardId }, 'discord: gateway closed for good'));
}

/** Registers the slash commands when they changed; with shards, the first does it for all. */
async function registerCommands(c: Client, config: DiscordConfig, logger: Logger): Promise<void> {
  if (c.shard && !c.shard.ids.includes(0)) return;
  const route = commandsRoute(config.clientId, config.guildId);
  try {
    const result = await syncCommands(c.rest, route, commandDefinitions());
    logger.info({ route, result }, 'discord: slash commands checked');
  } catch (error) {
    // Mentions and DMs still work without commands; `npm run discord:deploy` can register them.
    logger.error({ err: error, route }, 'discord: could not register slash commands; run npm run discord:deploy');
  }
}
