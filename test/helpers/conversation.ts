/** The conversation layer over a core, as the entry points build it, for tests. */
import { DISCORD_INVOCATIONS } from '../../adapters/discord/index.js';
import { SLACK_INVOCATIONS } from '../../adapters/slack/index.js';
import { type Conversation, createConversation } from '../../src/conversation/conversation.js';
import { createMemoryState } from '../../src/state/memory.js';
import type { ChatBot } from '../../src/types.js';

/** A conversation with fresh in-memory state, each platform's commands, and no cooldown. */
export function testConversation(bot: ChatBot): Conversation {
  return createConversation(bot, { state: createMemoryState(), invocations: { discord: DISCORD_INVOCATIONS, slack: SLACK_INVOCATIONS } });
}

/** A conversation that lets each person ask `userLimit` questions a minute. */
export function limitedConversation(bot: ChatBot, userLimit: number): Conversation {
  return createConversation(bot, {
    state: createMemoryState(),
    cooldown: { userLimit, channelLimit: 100, windowMs: 60_000 },
    invocations: { discord: DISCORD_INVOCATIONS, slack: SLACK_INVOCATIONS },
  });
}
