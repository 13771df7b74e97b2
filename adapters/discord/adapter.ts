/**
 * The Discord adapter: a discord.js client that answers `/ask`, mentions and DMs, takes votes on
 * answers, gives moderators `/reload` and `/kb`, and answers `/help`. It only translates: Discord
 * events become {@link Question}s, the core's {@link Answer}s become Discord messages (render.ts).
 * With DISCORD_SHARDS set, {@link createDiscordAdapter} runs shards instead (sharding.ts).
 */
import {
  Client,
  Events,
  GatewayIntentBits,
  MessageFlags,
  Partials,
  REST,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type Message,
  type User,
} from 'discord.js';
import type { DiscordConfig } from './config.js';
import { outcomeOf } from '../../src/conversation/logging.js';
import { APOLOGY } from '../../src/conversation/texts.js';
import { UserError } from '../../src/errors.js';
import type { Logger } from '../../src/logger.js';
import type { AdapterStatus, Answer, ChatBot, Question } from '../../src/types.js';
import { COMMAND, QUESTION_OPTION, commandDefinitions, commandsRoute, syncCommands } from './commands.js';
import { ConnectionStatus } from './connection.js';
import { postDigest } from './digest.js';
import { InFlight } from './in-flight.js';
import { InteractionReply } from './interaction-reply.js';
import { moderatorHandlers, type ModeratorHandlers } from './moderator.js';
import { interactionMemberFacts, isModeratorMember, messageMemberFacts, type MemberFacts } from './permissions.js';
import { NO_MENTIONS, parseSuggestionButtonId, plainMessage, renderAnswer, truncate, type RenderedMessage } from './render.js';
import { limitQuestion, mentionsBot, stripMention } from './question-text.js';
import { installReloadHook, reloadEverywhere } from './shard-reload.js';
import { TeachDrafts, isTeachForm } from './teach-form.js';
import type { DiscordAdapter } from './types.js';
import { VOTE_THANKS, parseVoteButtonId } from './votes.js';

export { RELOAD_REFUSAL, MODERATOR_REFUSAL } from './moderator.js';

/** How a question reached the bot, for the logs. */
type Via = 'slash' | 'button' | 'mention' | 'dm';

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

  const question = (
    text: string,
    user: User,
    channelId: string,
    member: MemberFacts | null,
    where: { threadId?: string | undefined; guildId?: string | null; privateReply?: boolean } = {},
  ): Question => ({
    text,
    platform: 'discord',
    userId: user.id,
    userName: user.username,
    channelId,
    ...(where.threadId ? { threadId: where.threadId } : {}),
    ...(where.guildId ? { spaceId: where.guildId } : {}),
    ...(where.privateReply ? { privateReply: true } : {}),
    isModerator: isModeratorMember(member, config.moderatorRoleIds),
  });

  /**
   * A DM's question, marked private for cores that record questions (they keep DM text out).
   * Spread in, so the flag type-checks against contracts with and without `isDirect`.
   */
  const directQuestion = (text: string, user: User, channelId: string, privateReply = false): Question => ({
    ...question(text, user, channelId, null, { privateReply }),
    ...{ isDirect: true },
  });

  /** One line per question with its outcome, by the one policy: the words only at debug. */
  const logOutcome = (via: Via, q: Question, answer: Answer): void => {
    const fields = {
      via,
      outcome: outcomeOf(answer),
      kind: answer.kind,
      confidence: answer.confidence,
      userId: q.userId,
      channelId: q.channelId,
    };
    logger.info(fields, 'discord: question');
    logger.debug({ ...fields, question: q.text }, 'discord: question text');
  };

  /** The person behind an interaction, as the core sees them. */
  const asker = (interaction: Interaction, text: string): Question =>
    interaction.inGuild()
      ? question(text, interaction.user, interaction.channelId ?? '', interactionMemberFacts(interaction))
      : directQuestion(text, interaction.user, interaction.channelId ?? '');

  async function answerInteraction(
    bot: ChatBot,
    interaction: ChatInputCommandInteraction | ButtonInteraction,
    via: Via,
    text: string,
  ): Promise<void> {
    const reply = InteractionReply.for(interaction, false);
    reply.deferIfSlow();
    const direct = !interaction.inGuild();
    const q = direct
      ? directQuestion(text, interaction.user, interaction.channelId, true)
      : question(text, interaction.user, interaction.channelId, interactionMemberFacts(interaction), {
          threadId: interaction.channel?.isThread() ? interaction.channelId : undefined,
          guildId: interaction.guildId,
          privateReply: true,
        });
    const answer = await bot.ask(q);
    logOutcome(via, q, answer);
    if (answer.kind === 'cooldown') {
      await reply.send([plainMessage(answer.text)], true);
    } else if (answer.kind === 'error') {
      // The core caught a bug and answered with an apology: like ours, only the person sees it.
      await reply.send([plainMessage(answer.text.trim() || APOLOGY)], true);
    } else {
      await reply.send(renderAnswer(answer, { question: text }));
    }
  }

  async function onCommand(bot: ChatBot, interaction: ChatInputCommandInteraction): Promise<void> {
    switch (interaction.commandName) {
      case COMMAND.ask: {
        const text = limitQuestion(interaction.options.getString(QUESTION_OPTION, true));
        await answerInteraction(bot, interaction, 'slash', text);
        return;
      }
      case COMMAND.help: {
        await InteractionReply.for(interaction, true).send(renderAnswer(bot.help('discord')));
        return;
      }
      case COMMAND.reload:
        await moderator().reload(interaction);
        return;
      case COMMAND.kb:
        await moderator().kb(interaction);
        return;
      default:
        // A command registered by an older version of the bot, still cached by Discord.
        await InteractionReply.for(interaction, true).send([plainMessage(`Unknown command /${interaction.commandName}; try /help.`)]);
    }
  }

  async function onAutocomplete(bot: ChatBot, interaction: AutocompleteInteraction): Promise<void> {
    const typed = limitQuestion(String(interaction.options.getFocused()));
    let suggestions: string[] = [];
    try {
      suggestions = await bot.suggest(typed, 25);
    } catch (error) {
      logger.error({ err: error }, 'discord: autocomplete failed');
    }
    // Choice names and values are limited to 100 characters; a cut value still finds its answer.
    const choices = [...new Set(suggestions.map((s) => s.slice(0, 100)))].slice(0, 25).map((s) => ({ name: truncate(s, 100), value: s }));
    await interaction.respond(choices);
  }

  async function onButton(bot: ChatBot, interaction: ButtonInteraction): Promise<void> {
    const vote = parseVoteButtonId(interaction.customId);
    if (vote) {
      // Anyone may vote; the thanks is private and nothing is posted in the channel.
      await bot.feedback(vote.answerId, vote.vote, asker(interaction, ''));
      logger.info({ vote: vote.vote, answerId: vote.answerId }, 'discord: vote');
      await interaction.reply({ content: VOTE_THANKS, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
      return;
    }
    if (await moderator().button(interaction)) return;
    const parsed = parseSuggestionButtonId(interaction.customId);
    if (!parsed) return;
    let text = parsed.question;
    if (parsed.cut) {
      // Custom ids hold 100 characters; find the full suggestion the cut one starts.
      const [full] = (await bot.suggest(text, 5)).filter((s) => s.startsWith(text));
      text = full ?? text;
    }
    await answerInteraction(bot, interaction, 'button', limitQuestion(text));
  }

  async function onInteraction(bot: ChatBot, interaction: Interaction): Promise<void> {
    if (interaction.isAutocomplete()) {
      try {
        await onAutocomplete(bot, interaction);
      } catch (error) {
        logger.error({ err: error }, 'discord: autocomplete reply failed');
      }
      return;
    }
    if (!interaction.isChatInputCommand() && !interaction.isButton() && !interaction.isModalSubmit()) return;
    try {
      if (interaction.isChatInputCommand()) await onCommand(bot, interaction);
      else if (interaction.isButton()) await onButton(bot, interaction);
      else if (isTeachForm(interaction.customId)) {
        await moderator().teachSubmitted(interaction);
      }
    } catch (error) {
      const what = interaction.isChatInputCommand() ? `/${interaction.commandName}` : interaction.isButton() ? 'button' : 'form';
      logger.error({ err: error, interaction: what }, 'discord: interaction handler failed');
      await InteractionReply.for(interaction, true)
        .apologize()
        .catch((sendError: unknown) => {
          logger.error({ err: sendError }, 'discord: could not send the apology');
        });
    }
  }

  async function onMessage(bot: ChatBot, message: Message): Promise<void> {
    // Bots (this one included) never get answers: two bots could otherwise talk forever.
    if (message.author.bot || message.system || message.webhookId) return;
    const me = message.client.user;
    const inDm = !message.inGuild();
    const botRoleId = message.inGuild() ? message.guild.roles.botRoleFor(me)?.id : undefined;
    // A reply to one of the bot's messages is meant for it (and Discord sends its text, as with a mention).
    const repliesToBot = message.mentions.repliedUser?.id === me.id;
    if (!inDm && !repliesToBot && !mentionsBot(message.content, me.id, botRoleId)) return;
    const channel = message.channel;
    if (!channel.isSendable()) return;

    const send = async (messages: readonly RenderedMessage[]): Promise<void> => {
      const [first, ...rest] = messages;
      if (!first) return;
      if (inDm) await channel.send(first);
      else await message.reply(first);
      for (const more of rest) await channel.send(more);
    };

    try {
      const text = stripMention(message.content, me.id, botRoleId);
      if (text === '') {
        await send(renderAnswer(bot.help('discord')));
        return;
      }
      const q = inDm
        ? directQuestion(text, message.author, message.channelId)
        : question(text, message.author, message.channelId, messageMemberFacts(message), {
            threadId: channel.isThread() ? channel.id : undefined,
            guildId: message.guildId,
          });
      const answer = await bot.ask(q);
      logOutcome(inDm ? 'dm' : 'mention', q, answer);
      if (answer.kind === 'cooldown') {
        // A polite note when the core gave one; silence otherwise, so a flood is not answered by a flood.
        if (answer.text.trim() !== '') await send([plainMessage(answer.text)]);
        return;
      }
      await send(renderAnswer(answer));
    } catch (error) {
      logger.error({ err: error, via: inDm ? 'dm' : 'mention' }, 'discord: message handler failed');
      await send([plainMessage(APOLOGY)]).catch((sendError: unknown) => {
        logger.error({ err: sendError }, 'discord: could not send the apology');
      });
    }
  }

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
        asker,
        sharded: c.shard !== null,
        reloadEverywhere: (by, options) => reloadEverywhere(c, bot, by, options),
      });
      // The handlers answer their own failures; this catch is the last line, so nothing escapes as an unhandled rejection.
      const lastResort = (error: unknown): void => logger.error({ err: error }, 'discord: event handler failed');
      // Once stopping, new events are left alone; those already being answered are tracked so stop() can wait for them.
      const ignored = (what: string): void => logger.debug({ what }, 'discord: event ignored while stopping');
      c.on(Events.InteractionCreate, (interaction) => {
        if (stopping) ignored('interaction');
        else void inFlight.track(onInteraction(bot, interaction)).catch(lastResort);
      });
      c.on(Events.MessageCreate, (message) => {
        if (stopping) ignored('message');
        else void inFlight.track(onMessage(bot, message)).catch(lastResort);
      });
      c.on(Events.Error, (error) => logger.error({ err: error }, 'discord: client error'));
      c.on(Events.Warn, (warning) => logger.warn({ warning }, 'discord: client warning'));
      c.on(Events.ShardError, (error, shardId) => logger.warn({ err: error, shardId }, 'discord: gateway error'));
      c.on(Events.ShardReconnecting, (shardId) => {
        if (!stopping) logger.warn({ shardId }, 'discord: gateway dropped, reconnecting');
      });
      c.on(Events.ShardResume, (shardId, replayed) => logger.info({ shardId, replayed }, 'discord: gateway resumed'));
      c.on(Events.ShardDisconnect, (event, shardId) => logger.error({ code: event.code, shardId }, 'discord: gateway closed for good'));

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

      // With shards, the first registers the commands; the others would only repeat it.
      if (c.shard && !c.shard.ids.includes(0)) return;
      const route = commandsRoute(config.clientId, config.guildId);
      try {
        const result = await syncCommands(c.rest, route, commandDefinitions());
        logger.info({ route, result }, 'discord: slash commands checked');
      } catch (error) {
        // Mentions and DMs still work without commands; `npm run discord:deploy` can register them.
        logger.error({ err: error, route }, 'discord: could not register slash commands; run npm run discord:deploy');
      }
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
