/** `@app question` in a channel: answered in a thread under the message. */
import type { App } from '@slack/bolt';
import type { ListenerContext } from '../../listener-context.js';
import { plainQuestion } from '../../escape.js';
import { answerMessage } from './reply.js';

/** Direct-message conversation ids start with D; there the reply stays in the conversation. */
export function isDirectChannel(channel: string): boolean {
  return channel.startsWith('D');
}

/** Registers the app_mention listener. */
export function register(app: App, deps: ListenerContext): void {
  app.event('app_mention', async ({ event, body, context, client }) => {
    // Bots (this app included) and edits are not questions; Slack marks edits with `edited`.
    if (event.bot_id || event.subtype || !event.user || 'edited' in event) {
      deps.logger.debug({ subtype: event.subtype, bot: Boolean(event.bot_id) }, 'slack: mention ignored');
      return;
    }
    const direct = isDirectChannel(event.channel);
    const replyThreadTs = event.thread_ts ?? (direct ? undefined : event.ts);
    await answerMessage(deps, client, {
      eventId: body.event_id,
      retryNum: context.retryNum,
      channel: event.channel,
      ts: event.ts,
      replyThreadTs,
      input: {
        text: plainQuestion(event.text, context.botUserId),
        userId: event.user,
        channelId: event.channel,
        threadId: replyThreadTs,
        ...(body.team_id ? { spaceId: body.team_id } : {}),
        source: direct ? 'dm' : 'mention',
      },
    });
  });
}
