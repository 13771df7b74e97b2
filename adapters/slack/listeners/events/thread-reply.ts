/**
 * A reply in a channel thread where the bot is in a conversation with that person: a follow-up
 * ("and Yale?") meant for the bot though it does not mention it. Any other channel message is left
 * alone (a mention arrives as app_mention); whether the thread holds a conversation is the
 * conversation layer's to say (`follows`), so the bot never joins threads it was not asked in.
 */
import type { App } from '@slack/bolt';
import { type ListenerContext, questionOf } from '../../listener-context.js';
import { answerMessage, incomingOf, type MessageFields } from './reply.js';

/** Registers the thread-reply listener. */
export function register(app: App, deps: ListenerContext): void {
  app.event('message', async ({ event, body, context, client }) => {
    const message: MessageFields = event;
    if (message.channel_type !== 'channel' && message.channel_type !== 'group') return;
    // Only a person's plain reply in a thread; the thread's first message is its own ts.
    if (message.subtype || message.bot_id || !message.user || !message.thread_ts || message.thread_ts === message.ts) return;
    // A reply that mentions the bot comes as app_mention too, which answers it.
    if (context.botUserId && message.text?.includes(`<@${context.botUserId}>`)) return;
    const incoming = incomingOf(
      { ...message, user: message.user },
      { eventId: body.event_id, retryNum: context.retryNum, teamId: body.team_id, botUserId: context.botUserId },
      'thread',
    );
    if (!incoming.input.text || !(await deps.bot.follows?.(questionOf(incoming.input, false)))) return;
    await answerMessage(deps, client, incoming);
  });
}
