/**
 * How every entry point puts the conversation layer in front of the core: the program's limits,
 * the shared state it was given, each platform's command names for help, and the members'
 * languages (read with the serving knowledge's lexicons).
 */
import { DISCORD_INVOCATIONS } from '../../adapters/discord/index.js';
import { SLACK_INVOCATIONS } from '../../adapters/slack/index.js';
import type { AllianceBot } from '../bot.js';
import type { AppConfig } from '../config.js';
import { createConversation, type Conversation } from '../conversation/conversation.js';
import { createLanguageStage } from '../language/stage.js';
import type { Logger } from '../logger.js';
import type { BotMetrics } from '../observability/metrics.js';
import type { SharedState } from '../state/types.js';
import type { ChatBot } from '../types.js';

/** The conversation every adapter of this program talks to. */
export function programConversation(
  bot: ChatBot & Pick<AllianceBot, 'language'>,
  config: Pick<AppConfig, 'cooldown' | 'maxQuestionLength' | 'conversationTtlMs'>,
  state: SharedState,
  logger: Logger,
  metrics?: BotMetrics,
): Conversation {
  return createConversation(bot, {
    state,
    logger,
    cooldown: config.cooldown,
    maxQuestionLength: config.maxQuestionLength,
    memory: { ttlMs: config.conversationTtlMs },
    invocations: { discord: DISCORD_INVOCATIONS, slack: SLACK_INVOCATIONS },
    language: createLanguageStage(() => bot.language()),
    ...(metrics ? { metrics } : {}),
  });
}
