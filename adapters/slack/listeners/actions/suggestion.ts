/**
 * A click on a suggested-question button asks that question for the person who clicked, and the
 * answer goes where the buttons are: the same thread, or the same conversation.
 */
import type { webApi } from '@slack/bolt';
import { APOLOGY } from '../../../../src/conversation/texts.js';
import { ask, type ListenerContext } from '../../listener-context.js';
import { renderAnswer, renderNotice, type RenderedMessage } from '../../render.js';
import type { ButtonHandler } from '../route.js';

/** Slack errors meaning the app cannot post there itself (e.g. an /ask answer in a channel it is not in). */
const CANNOT_POST = new Set(['not_in_channel', 'channel_not_found', 'is_archived']);

function slackErrorCode(err: unknown): string | undefined {
  const data = (err as { data?: { error?: unknown } } | undefined)?.data;
  return typeof data?.error === 'string' ? data.error : undefined;
}

/** Handles a click on a suggested question. */
export function handler(deps: ListenerContext): ButtonHandler {
  return async ({ ack, action, body, client, respond }) => {
    await ack();
    const channel = body.channel?.id ?? body.container.channel_id;
    const threadTs = body.message?.thread_ts ?? body.container.thread_ts;
    const question = action.value ?? '';
    // Duplicate deliveries of one click carry the same action_ts.
    if (!(await deps.dedupe.first(`action:${body.user.id}:${action.action_ts}`))) return;

    const post = async (message: RenderedMessage, visible: boolean): Promise<void> => {
      if (!visible || !channel) {
        await respond({ response_type: 'ephemeral', replace_original: false, ...message });
        return;
      }
      try {
        await postTo(client, channel, threadTs, message);
      } catch (err) {
        if (!CANNOT_POST.has(slackErrorCode(err) ?? '')) throw err;
        await respond({ response_type: 'in_channel', replace_original: false, ...message });
      }
    };

    try {
      const answer = await ask(deps, {
        text: question,
        userId: body.user.id,
        channelId: channel ?? '',
        threadId: threadTs,
        ...(body.team?.id ? { spaceId: body.team.id } : {}),
        source: 'button',
      });
      if (answer.kind === 'cooldown') {
        await post(renderNotice(answer.text), false);
        return;
      }
      await post(renderAnswer(answer, { askedBy: body.user.id, question }), true);
    } catch (err) {
      deps.logger.error({ err, source: 'button' }, 'slack: answering a suggestion failed');
      await post(renderNotice(APOLOGY), false);
    }
  };
}

async function postTo(client: webApi.WebClient, channel: string, threadTs: string | undefined, message: RenderedMessage): Promise<void> {
  await client.chat.postMessage({ channel, thread_ts: threadTs, ...message, unfurl_links: false });
}
