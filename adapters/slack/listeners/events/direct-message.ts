/**
 * A direct message to the app: answered in the conversation (in the thread, when the message is
 * in one). Channel messages are left to app_mention: the manifest subscribes to message.im only,
 * and a channel message that mentions the app arrives as app_mention anyway.
 */
import type { App } from '@slack/bolt';
import type { ListenerContext } from '../../listener-context.js';
import { plainQuestion } from '../../escape.js';
import { answerMessage, type MessageFields } from './reply.js';

/** Subtypes that are still a person writing; everything else (edits, deletions, joins, bots) is not. */
const QUESTION_SUBTYPES = new Set(['file_share', 'thread_broadcast']);

/** Registers the direct-message listener. */
export function register(app: App, deps: ListenerContext): void {
  app.event('message', async ({ event, body, context, client }) => {
    const message: MessageFields = event;
    if (message.channel_type !== 'im') return;
    if ((message.subtype && !QUESTION_SUBTYPES.has(message.subtype)) || message.bot_id || !message.user) {
      deps.logger.debug({ subtype: message.subtype, bot: Boolean(message.bot_id) }, 'slack: message ignored');
      return;
    }
    await answerMessage(deps, client, {
      eventId: body.event_id,
      retryNum: context.retryNum,
      channel: message.channel,
      ts: message.ts,
      replyThreadTs: message.thread_ts,
      input: {
        text: plainQuestion(message.text ?? '', context.botUserId),
        userId: message.user,
        channelId: message.channel,
        threadId: message.thread_ts,
        ...(body.team_id ? { spaceId: body.team_id } : {}),
        source: 'dm',
      },
    });
  });
}
