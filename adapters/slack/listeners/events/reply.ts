/**
 * Answers a message in its conversation: asks the core, posts the rendered answer with
 * chat.postMessage, and on any failure logs it and posts the apology instead.
 */
import type { webApi } from '@slack/bolt';
import { APOLOGY } from '../../../../src/conversation/texts.js';
import { plainQuestion } from '../../escape.js';
import { ask, type AskInput, type ListenerContext } from '../../listener-context.js';
import { renderAnswer, renderNotice } from '../../render.js';

/** The fields of a `message` event that the message listeners read, whatever its subtype. */
export interface MessageFields {
  subtype?: string;
  bot_id?: string;
  user?: string;
  text?: string;
  ts: string;
  thread_ts?: string;
  channel: string;
  channel_type?: string;
}

/** A message the app was asked in, reduced to what answering needs. */
export interface IncomingMessage {
  eventId: string | undefined;
  retryNum: number | undefined;
  channel: string;
  ts: string;
  /** Where the reply goes: a thread ts, or undefined to answer in the conversation itself. */
  replyThreadTs: string | undefined;
  input: AskInput;
}

/**
 * A person's message as the listeners answer it: the question without the bot's mention, asked
 * where the message is, and the reply in the message's thread (if any).
 */
export function incomingOf(
  message: MessageFields & { user: string },
  event: { eventId: string | undefined; retryNum: number | undefined; teamId: string | undefined; botUserId: string | undefined },
  source: AskInput['source'],
): IncomingMessage {
  return {
    eventId: event.eventId,
    retryNum: event.retryNum,
    channel: message.channel,
    ts: message.ts,
    replyThreadTs: message.thread_ts,
    input: {
      text: plainQuestion(message.text ?? '', event.botUserId),
      userId: message.user,
      channelId: message.channel,
      threadId: message.thread_ts,
      ...(event.teamId ? { spaceId: event.teamId } : {}),
      source,
    },
  };
}

/**
 * Answers `message` once: duplicates (retries, or the same message as `app_mention` and
 * `message`) are dropped by event id and by channel + ts.
 */
export async function answerMessage(deps: ListenerContext, client: webApi.WebClient, message: IncomingMessage): Promise<void> {
  const keys = [`message:${message.channel}:${message.ts}`];
  if (message.eventId) keys.push(`event:${message.eventId}`);
  if (!(await deps.dedupe.first(...keys))) {
    deps.logger.debug(
      { eventId: message.eventId, retryNum: message.retryNum, channel: message.channel, ts: message.ts },
      'slack: duplicate event ignored',
    );
    return;
  }
  const target = { channel: message.channel, thread_ts: message.replyThreadTs };
  try {
    const answer = await ask(deps, message.input);
    if (answer.kind === 'cooldown' && !answer.text.trim()) return;
    await client.chat.postMessage({ ...target, ...renderAnswer(answer), unfurl_links: false });
  } catch (err) {
    deps.logger.error({ err, source: message.input.source }, 'slack: answering a message failed');
    try {
      await client.chat.postMessage({ ...target, ...renderNotice(APOLOGY) });
    } catch (postError) {
      deps.logger.error({ err: postError }, 'slack: posting the apology failed');
    }
  }
}
