/**
 * What the listeners share: the core, the logger, the duplicate filter and the moderator check,
 * plus the one way every listener asks the core, so that each question is logged alike, and the
 * one way moderator tools learn who is asking.
 */
import { logAdapterQuestion } from '../../src/conversation/logging.js';
import type { Logger } from '../../src/logger.js';
import type { Answer, ChatBot, Question } from '../../src/types.js';
import type { Dedupe } from './dedupe.js';
import type { ModeratorCheck } from './moderators.js';

/** Everything a listener needs besides what Bolt hands it. */
export interface ListenerContext {
  /** The core: answers, votes and the moderators' tools. */
  bot: ChatBot;
  logger: Logger;
  dedupe: Dedupe;
  moderators: ModeratorCheck;
  /**
   * How long a teach submission may take before the modal is answered with "Saving…" and
   * updated later; Slack's limit is three seconds. Default 2.5 s.
   */
  teachAckBudgetMs?: number;
  /**
   * How long `/ask` waits for the answer to send it in the acknowledgement; a slower answer is
   * acknowledged empty and posted to the response_url. Default 1.5 s (Slack allows three).
   */
  askAckBudgetMs?: number;
}

/** Where a question came from in Slack, for the logs. */
export type QuestionSource = 'mention' | 'dm' | 'thread' | 'command' | 'button';

/** The parts of a question a listener knows; the moderator flag is looked up here. */
export interface AskInput {
  text: string;
  userId: string;
  channelId: string;
  threadId?: string;
  /** The workspace (team id), when the event says. */
  spaceId?: string;
  source: QuestionSource;
  /** The person's Slack handle, for reload reports and the audit log ("reloaded by …"). */
  userName?: string;
}

/** The core's {@link Question} for what a listener knows. */
export function questionOf(input: AskInput, isModerator: boolean, locale?: string): Question {
  return {
    text: input.text,
    platform: 'slack',
    userId: input.userId,
    channelId: input.channelId,
    threadId: input.threadId,
    isModerator,
    ...(input.userName ? { userName: input.userName } : {}),
    // Direct-message conversation ids start with D, whichever surface (message, /ask, button) asked.
    isDirect: input.channelId.startsWith('D'),
    // Slash commands and buttons are answered to the person alone when refused: a notice every time floods no one.
    ...(input.source === 'command' || input.source === 'button' ? { privateReply: true } : {}),
    ...(input.spaceId ? { spaceId: input.spaceId } : {}),
    ...(locale ? { locale } : {}),
  };
}

/**
 * Builds the core's {@link Question}, with `isModerator` established for the person (asking
 * Slack when it is not known yet): for moderator tools and votes, where it decides what happens.
 */
export async function buildQuestion(deps: ListenerContext, input: AskInput): Promise<Question> {
  const moderator = await deps.moderators.isModerator(input.userId);
  return questionOf(input, moderator, deps.moderators.knownLocale(input.userId));
}

/**
 * Asks the core (or returns the usage reply for an empty question) and logs the outcome. For a
 * question, being a moderator only lifts the cooldown, so the answer never waits for Slack's
 * users.info: someone not known yet is asked as a member while the lookup runs. The outcome is
 * logged as Discord logs it (src/conversation/logging.ts): at info without the words, which are
 * debug only (direct messages are private).
 */
export async function ask(deps: ListenerContext, input: AskInput): Promise<Answer> {
  // The person's language comes with the same lookup, once it has answered: never waited for.
  const question = questionOf(input, deps.moderators.knownModerator(input.userId), deps.moderators.knownLocale(input.userId));
  const answer = question.text ? await deps.bot.ask(question) : deps.bot.help('slack');
  logAdapterQuestion(deps.logger, 'slack: question', question, answer, input.source);
  return answer;
}
