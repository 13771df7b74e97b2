/**
 * 👍 / 👎 under an answer: records the vote against the answer's id and thanks the voter in a
 * message only they see. The answer itself is left alone: others may still vote, and a public
 * "X found this unhelpful" would discourage honest votes.
 */
import { VOTE_THANKS } from '../../../../src/conversation/texts.js';
import { buildQuestion, type ListenerContext } from '../../listener-context.js';
import { FEEDBACK_ACTIONS, renderNotice } from '../../render.js';
import type { ButtonHandler } from '../route.js';

/** Handles 👍 and 👎 (which one is in the action id). */
export function handler(deps: ListenerContext): ButtonHandler {
  return async ({ ack, action, body, respond }) => {
    await ack();
    const vote = action.action_id === FEEDBACK_ACTIONS.up ? 'up' : 'down';
    // A redelivered click is one vote.
    if (!(await deps.dedupe.first(`vote:${body.user.id}:${action.action_ts}`))) return;
    try {
      const channelId = body.channel?.id ?? body.container.channel_id ?? '';
      const by = await buildQuestion(deps, { text: '', userId: body.user.id, channelId, source: 'button' });
      await deps.bot.feedback(action.value ?? '', vote, by);
      deps.logger.info({ vote }, 'slack: answer voted');
      await respond({ response_type: 'ephemeral', replace_original: false, ...renderNotice(VOTE_THANKS) });
    } catch (err) {
      // A lost vote is not worth bothering the voter about.
      deps.logger.error({ err, vote }, 'slack: recording a vote failed');
    }
  };
}
