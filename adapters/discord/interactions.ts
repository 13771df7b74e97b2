/**
 * Interactions: slash commands, autocomplete, buttons (votes, suggestions, the moderators') and
 * the teach form, each dispatched to its handler; a handler's failure becomes a private apology.
 */
import {
  MessageFlags,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
} from 'discord.js';
import { VOTE_THANKS } from '../../src/conversation/texts.js';
import type { ChatBot } from '../../src/types.js';
import { answerInteraction, type HandlerContext } from './answers.js';
import { COMMAND, QUESTION_OPTION } from './commands.js';
import { InteractionReply } from './interaction-reply.js';
import { limitQuestion } from './question-text.js';
import { NO_MENTIONS, parseSuggestionButtonId, plainMessage, renderAnswer, truncate } from './render.js';
import { isTeachForm } from './teach-form.js';
import { parseVoteButtonId } from './votes.js';

async function onCommand(ctx: HandlerContext, bot: ChatBot, interaction: ChatInputCommandInteraction): Promise<void> {
  const { moderator } = ctx;
  switch (interaction.commandName) {
    case COMMAND.ask: {
      const text = limitQuestion(interaction.options.getString(QUESTION_OPTION, true));
      await answerInteraction(ctx, bot, interaction, 'slash', text);
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

async function onAutocomplete(ctx: HandlerContext, bot: ChatBot, interaction: AutocompleteInteraction): Promise<void> {
  const { logger } = ctx;
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

async function onButton(ctx: HandlerContext, bot: ChatBot, interaction: ButtonInteraction): Promise<void> {
  const { logger, moderator, questions } = ctx;
  const vote = parseVoteButtonId(interaction.customId);
  if (vote) {
    // Anyone may vote; the thanks is private and nothing is posted in the channel.
    await bot.feedback(vote.answerId, vote.vote, questions.asker(interaction, ''));
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
  await answerInteraction(ctx, bot, interaction, 'button', limitQuestion(text));
}

/** Dispatches any interaction: commands, autocomplete, buttons and the teach form. */
export async function onInteraction(ctx: HandlerContext, bot: ChatBot, interaction: Interaction): Promise<void> {
  const { logger, moderator } = ctx;
  if (interaction.isAutocomplete()) {
    try {
      await onAutocomplete(ctx, bot, interaction);
    } catch (error) {
      logger.error({ err: error }, 'discord: autocomplete reply failed');
    }
    return;
  }
  if (!interaction.isChatInputCommand() && !interaction.isButton() && !interaction.isModalSubmit()) return;
  try {
    if (interaction.isChatInputCommand()) await onCommand(ctx, bot, interaction);
    else if (interaction.isButton()) await onButton(ctx, bot, interaction);
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
