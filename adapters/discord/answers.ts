/**
 * Questions answered: a slash command or suggestion button (an interaction, answered to the
 * person or in the channel), and a message that mentions the bot, replies to it, or is a DM.
 */
import type { ButtonInteraction, ChatInputCommandInteraction, Message } from 'discord.js';
import { APOLOGY } from '../../src/conversation/texts.js';
import type { Logger } from '../../src/logger.js';
import type { ChatBot } from '../../src/types.js';
import { InteractionReply } from './interaction-reply.js';
import type { ModeratorHandlers } from './moderator.js';
import { interactionMemberFacts, messageMemberFacts } from './permissions.js';
import { mentionsBot, stripMention } from './question-text.js';
import type { DiscordQuestions, Via } from './questions.js';
import { plainMessage, renderAnswer, type RenderedMessage } from './render.js';

/** What the handlers share: the logger, the question builders, and the moderators' handlers once started. */
export interface HandlerContext {
  logger: Logger;
  questions: DiscordQuestions;
  moderator(): ModeratorHandlers;
}

/** Answers a question asked by interaction; refusals and apologies only the person sees. */
export async function answerInteraction(
  ctx: HandlerContext,
  bot: ChatBot,
  interaction: ChatInputCommandInteraction | ButtonInteraction,
  via: Via,
  text: string,
): Promise<void> {
  const { questions } = ctx;
  const reply = InteractionReply.for(interaction, false);
  reply.deferIfSlow();
  const direct = !interaction.inGuild();
  const q = direct
    ? questions.direct(text, interaction.user, interaction.channelId, { privateReply: true, locale: interaction.locale })
    : questions.of(text, interaction.user, interaction.channelId, interactionMemberFacts(interaction), {
        threadId: interaction.channel?.isThread() ? interaction.channelId : undefined,
        guildId: interaction.guildId,
        privateReply: true,
        locale: interaction.locale,
      });
  const answer = await bot.ask(q);
  questions.log(via, q, answer);
  if (answer.kind === 'cooldown') {
    await reply.send([plainMessage(answer.text)], true);
  } else if (answer.kind === 'error') {
    // The core caught a bug and answered with an apology: like ours, only the person sees it.
    await reply.send([plainMessage(answer.text.trim() || APOLOGY)], true);
  } else {
    await reply.send(renderAnswer(answer, { question: text }));
  }
}

/** Answers a message meant for the bot; anything else in the channel is left alone. */
export async function onMessage(ctx: HandlerContext, bot: ChatBot, message: Message): Promise<void> {
  const { logger, questions } = ctx;
  // Bots (this one included) never get answers: two bots could otherwise talk forever.
  if (message.author.bot || message.system || message.webhookId) return;
  const me = message.client.user;
  const inDm = !message.inGuild();
  const botRoleId = message.inGuild() ? message.guild.roles.botRoleFor(me)?.id : undefined;
  // A reply to one of the bot's messages, with Discord's reply ping on, is meant for it; Discord sends
  // its text as for a mention. With the ping off the text does not reach a bot without the Message
  // Content intent, so such a reply is left alone rather than answered with help.
  const repliesToBot = message.mentions.repliedUser?.id === me.id && message.mentions.users.has(me.id);
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
      ? questions.direct(text, message.author, message.channelId)
      : questions.of(text, message.author, message.channelId, messageMemberFacts(message), {
          threadId: channel.isThread() ? channel.id : undefined,
          guildId: message.guildId,
        });
    const answer = await bot.ask(q);
    questions.log(inDm ? 'dm' : 'mention', q, answer);
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
