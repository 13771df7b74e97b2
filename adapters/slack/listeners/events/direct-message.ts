/**
 * A direct message to the app: answered in the conversation (in the thread, when the message is
 * in one). Channel messages are left to app_mention: the manifest subscribes to message.im only,
 * and a channel message that mentions the app arrives as app_mention anyway.
 */
import type { App } from '@slack/bolt';
import type { ListenerContext } from '../../listener-context.js';
import { answerMessage, incomingOf, type MessageFields } from './reply.js';

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
    const arrived = { eventId: body.event_id, retryNum: context.retryNum, teamId: body.team_id, botUserId: context.botUserId };
    await answerMessage(deps, client, incomingOf({ ...message, user: message.user }, arrived, 'dm'));
  });
}
