/**
 * Who is asking, where: Discord users, members and channels become the core's {@link Question}s,
 * and each question's outcome is logged by the one policy (the words only at debug).
 */
import type { Interaction, User } from 'discord.js';
import { logAdapterQuestion } from '../../src/conversation/logging.js';
import type { Logger } from '../../src/logger.js';
import type { Answer, Question } from '../../src/types.js';
import type { DiscordConfig } from './config.js';
import { interactionMemberFacts, isModeratorMember, type MemberFacts } from './permissions.js';

/** How a question reached the bot, for the logs. */
export type Via = 'slash' | 'button' | 'mention' | 'dm';

/** Where in Discord a question was asked, beyond its channel. */
export interface Where {
  threadId?: string | undefined;
  guildId?: string | null;
  /** Answered to the person alone (interactions). */
  privateReply?: boolean;
  /**
   * The person's Discord language (an interaction's `locale`, e.g. "it", "pt-BR"); messages carry
   * none, so mentions and DMs go by their words alone.
   */
  locale?: string | undefined;
}

/** Builds questions and logs their outcomes. */
export interface DiscordQuestions {
  /** A question in a server channel or thread. */
  of(text: string, user: User, channelId: string, member: MemberFacts | null, where?: Where): Question;
  /** A question in a DM. */
  direct(text: string, user: User, channelId: string, where?: Pick<Where, 'privateReply' | 'locale'>): Question;
  /** The person behind an interaction, as the core sees them. */
  asker(interaction: Interaction, text: string): Question;
  /** One line per question with its outcome. */
  log(via: Via, q: Question, answer: Answer): void;
}

/** The question builders for one configured bot. */
export function discordQuestions(config: DiscordConfig, logger: Logger): DiscordQuestions {
  const of = (text: string, user: User, channelId: string, member: MemberFacts | null, where: Where = {}): Question => ({
    text,
    platform: 'discord',
    userId: user.id,
    userName: user.username,
    channelId,
    ...(where.threadId ? { threadId: where.threadId } : {}),
    ...(where.guildId ? { spaceId: where.guildId } : {}),
    ...(where.privateReply ? { privateReply: true } : {}),
    ...(where.locale ? { locale: where.locale } : {}),
    isModerator: isModeratorMember(member, config.moderatorRoleIds),
  });

  /**
   * A DM's question, marked private for cores that record questions (they keep DM text out).
   * Spread in, so the flag type-checks against contracts with and without `isDirect`.
   */
  const directQuestion = (text: string, user: User, channelId: string, where: Pick<Where, 'privateReply' | 'locale'> = {}): Question => ({
    ...of(text, user, channelId, null, where),
    ...{ isDirect: true },
  });

  /** One line per question with its outcome, by the one policy: the words only at debug. */
  const logOutcome = (via: Via, q: Question, answer: Answer): void => logAdapterQuestion(logger, 'discord: question', q, answer, via);

  /** The person behind an interaction, as the core sees them. */
  const asker = (interaction: Interaction, text: string): Question =>
    interaction.inGuild()
      ? of(text, interaction.user, interaction.channelId ?? '', interactionMemberFacts(interaction), { locale: interaction.locale })
      : directQuestion(text, interaction.user, interaction.channelId ?? '', { locale: interaction.locale });

  return { of, direct: directQuestion, asker, log: logOutcome };
}
