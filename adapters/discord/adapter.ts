/**
 * The Discord adapter: a discord.js client that answers `/ask`, mentions and DMs, lets moderators
 * `/reload`, and answers `/help`. It only translates: Discord events become {@link Question}s, the
 * core's {@link Answer}s become Discord messages (see render.ts).
 */
import {
  Client,
  Events,
  GatewayIntentBits,
  Partials,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type Message,
  type User,
} from 'discord.js';
import type { DiscordConfig } from '../../src/config.js';
import { APOLOGY, UserError } from '../../src/errors.js';
import type { Logger } from '../../src/logger.js';
import type { Adapter, Answer, Bot, Question } from '../../src/types.js';
import { COMMAND, QUESTION_OPTION, commandDefinitions, commandsRoute, syncCommands } from './commands.js';
import { InteractionReply } from './interaction-reply.js';
import { interactionMemberFacts, isModeratorMember, messageMemberFacts, type MemberFacts } from './permissions.js';
import {
  NO_MENTIONS,
  parseSuggestionButtonId,
  plainMessage,
  renderAnswer,
  renderReloadReport,
  truncate,
  type RenderedMessage,
} from './render.js';
import { cleanQuestion, mentionsBot, stripMention } from './question-text.js';

/** Shown to people who may not `/reload`, only to them. */
export const RELOAD_REFUSAL =
  'Only moderators can reload the knowledge base: members with the Manage Server permission or a moderator role.';

/** Said when the core rate-limits someone and gave no text of its own. */
const COOLDOWN_FALLBACK = 'You are asking quickly; please wait a moment before the next question.';

/** How a question reached the bot, for the logs. */
type Via = 'slash' | 'button' | 'mention' | 'dm';

/** Creates the Discord adapter; `start` logs in and resolves once the bot is ready and its commands registered. */
export function createDiscordAdapter(config: DiscordConfig, logger: Logger): Adapter {
  let client: Client | undefined;
  // discord.js reports its own shutdown as a dropped connection; keep that out of the warnings.
  let stopping = false;

  const question = (text: string, user: User, channelId: string, member: MemberFacts | null, threadId?: string): Question => ({
    text,
    platform: 'discord',
    userId: user.id,
    userName: user.username,
    channelId,
    ...(threadId ? { threadId } : {}),
    isModerator: isModeratorMember(member, config.moderatorRoleIds),
  });

  /**
   * A DM's question, marked private for cores that record questions (they keep DM text out).
   * Spread in, so the flag type-checks against contracts with and without `isDirect`.
   */
  const directQuestion = (text: string, user: User, channelId: string): Question => ({ ...question(text, user, channelId, null), ...{ isDirect: true } });

  /** One line per question with its outcome; the text of DMs stays out of info-level logs. */
  const logOutcome = (via: Via, q: Question, answer: Answer, direct: boolean): void => {
    const outcome = answer.kind === 'unknown' ? 'not known' : answer.kind === 'cooldown' || answer.kind === 'error' ? answer.kind : 'answered';
    const fields = { via, outcome, kind: answer.kind, confidence: answer.confidence, userId: q.userId, channelId: q.channelId };
    if (direct) {
      logger.info(fields, 'discord: question');
      logger.debug({ ...fields, question: q.text }, 'discord: question text');
    } else {
      logger.info({ ...fields, question: q.text }, 'discord: question');
    }
  };

  async function answerInteraction(bot: Bot, interaction: ChatInputCommandInteraction | ButtonInteraction, via: Via, text: string): Promise<void> {
    const reply = InteractionReply.for(interaction, false);
    reply.deferIfSlow();
    const direct = !interaction.inGuild();
    const q = direct
      ? directQuestion(text, interaction.user, interaction.channelId)
      : question(text, interaction.user, interaction.channelId, interactionMemberFacts(interaction), interaction.channel?.isThread() ? interaction.channelId : undefined);
    const answer = await bot.ask(q);
    logOutcome(via, q, answer, direct);
    if (answer.kind === 'cooldown') {
      await reply.send([plainMessage(answer.text.trim() || COOLDOWN_FALLBACK)], true);
    } else if (answer.kind === 'error') {
      // The core caught a bug and answered with an apology: like ours, only the person sees it.
      await reply.send([plainMessage(answer.text.trim() || APOLOGY)], true);
    } else {
      await reply.send(renderAnswer(answer, { question: text }));
    }
  }

  async function onCommand(bot: Bot, interaction: ChatInputCommandInteraction): Promise<void> {
    switch (interaction.commandName) {
      case COMMAND.ask: {
        const text = cleanQuestion(interaction.options.getString(QUESTION_OPTION, true));
        await answerInteraction(bot, interaction, 'slash', text);
        return;
      }
      case COMMAND.help: {
        await InteractionReply.for(interaction, true).send(renderAnswer(bot.help('discord')));
        return;
      }
      case COMMAND.reload: {
        const member = interactionMemberFacts(interaction);
        const q = question('/reload', interaction.user, interaction.channelId, member);
        // Checked here as well as in the core, so the refusal is clear and only the person sees it.
        if (!q.isModerator) {
          logger.info({ userId: q.userId, channelId: q.channelId }, 'discord: reload refused (not a moderator)');
          await InteractionReply.for(interaction, true).send([plainMessage(RELOAD_REFUSAL)]);
          return;
        }
        const reply = InteractionReply.for(interaction, true);
        await reply.defer();
        try {
          const report = await bot.reload(q);
          logger.info({ ok: report.ok, documents: report.documents, errors: report.errors.length, by: report.by }, 'discord: reloaded');
          await reply.send([renderReloadReport(report)]);
        } catch (error) {
          if (!(error instanceof UserError)) throw error;
          await reply.send([plainMessage(error.message)]);
        }
        return;
      }
      default:
        // A command registered by an older version of the bot, still cached by Discord.
        await InteractionReply.for(interaction, true).send([plainMessage(`Unknown command /${interaction.commandName}; try /help.`)]);
    }
  }

  async function onAutocomplete(bot: Bot, interaction: AutocompleteInteraction): Promise<void> {
    const typed = cleanQuestion(String(interaction.options.getFocused()));
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

  async function onButton(bot: Bot, interaction: ButtonInteraction): Promise<void> {
    const parsed = parseSuggestionButtonId(interaction.customId);
    if (!parsed) return;
    let text = parsed.question;
    if (parsed.cut) {
      // Custom ids hold 100 characters; find the full suggestion the cut one starts.
      const [full] = (await bot.suggest(text, 5)).filter((s) => s.startsWith(text));
      text = full ?? text;
    }
    await answerInteraction(bot, interaction, 'button', cleanQuestion(text));
  }

  async function onInteraction(bot: Bot, interaction: Interaction): Promise<void> {
    if (interaction.isAutocomplete()) {
      try {
        await onAutocomplete(bot, interaction);
      } catch (error) {
        logger.error({ err: error }, 'discord: autocomplete reply failed');
      }
      return;
    }
    if (!interaction.isChatInputCommand() && !interaction.isButton()) return;
    try {
      if (interaction.isChatInputCommand()) await onCommand(bot, interaction);
      else await onButton(bot, interaction);
    } catch (error) {
      const what = interaction.isChatInputCommand() ? `/${interaction.commandName}` : 'button';
      logger.error({ err: error, interaction: what }, 'discord: interaction handler failed');
      await InteractionReply.for(interaction, true).apologize().catch((sendError: unknown) => {
        logger.error({ err: sendError }, 'discord: could not send the apology');
      });
    }
  }

  async function onMessage(bot: Bot, message: Message): Promise<void> {
    // Bots (this one included) never get answers: two bots could otherwise talk forever.
    if (message.author.bot || message.system || message.webhookId) return;
    const me = message.client.user;
    const inDm = !message.inGuild();
    const botRoleId = message.inGuild() ? message.guild.roles.botRoleFor(me)?.id : undefined;
    if (!inDm && !mentionsBot(message.content, me.id, botRoleId)) return;
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
        : question(text, message.author, message.channelId, messageMemberFacts(message), channel.isThread() ? channel.id : undefined);
      const answer = await bot.ask(q);
      logOutcome(inDm ? 'dm' : 'mention', q, answer, inDm);
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

    async start(bot: Bot): Promise<void> {
      if (client) throw new Error('discord: adapter already started');
      stopping = false;
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
      // The handlers answer their own failures; this catch is the last line, so nothing escapes as an unhandled rejection.
      const lastResort = (error: unknown): void => logger.error({ err: error }, 'discord: event handler failed');
      c.on(Events.InteractionCreate, (interaction) => void onInteraction(bot, interaction).catch(lastResort));
      c.on(Events.MessageCreate, (message) => void onMessage(bot, message).catch(lastResort));
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
        throw new UserError(`discord: could not log in (${reason}); check DISCORD_TOKEN (Developer Portal → your application → Bot → Reset Token)`);
      }
      await ready;
      logger.info({ user: c.user?.tag, guilds: c.guilds.cache.size }, 'discord: ready');

      const route = commandsRoute(config.clientId, config.guildId);
      try {
        const result = await syncCommands(c.rest, route, commandDefinitions());
        logger.info({ route, result }, 'discord: slash commands checked');
      } catch (error) {
        // Mentions and DMs still work without commands; `npm run discord:deploy` can register them.
        logger.error({ err: error, route }, 'discord: could not register slash commands; run npm run discord:deploy');
      }
    },

    async stop(): Promise<void> {
      const c = client;
      client = undefined;
      stopping = true;
      await c?.destroy();
    },
  };
}

