/**
 * 👍 / 👎 under an answer: records the vote against the answer's id and thanks the voter in a
 * message only they see. The answer itself is left alone: others may still vote, and a public
 * "X found this unhelpful" would discourage honest votes.
 */
import type { App, BlockButtonAction } from '@slack/bolt';
import { buildQuestion, type ListenerDeps } from '../../deps.js';
import { FEEDBACK_ACTIONS, renderNotice } from '../../render.js';

/** What the voter sees. */
export const FEEDBACK_THANKS = 'Thanks for the feedback.';

/** Registers the vote buttons' listener. */
export function register(app: App, deps: ListenerDeps): void {
  for (const vote of ['up', 'down'] as const) {
    app.action<BlockButtonAction>({ type: 'block_actions', action_id: FEEDBACK_ACTIONS[vote] }, async ({ ack, action, body, respond }) => {
      await ack();
      // A redelivered click is one vote.
      if (!deps.dedupe.first(`vote:${body.user.id}:${action.action_ts}`)) return;
      try {
        const channelId = body.channel?.id ?? body.container.channel_id ?? '';
        const by = await buildQuestion(deps, { text: '', userId: body.user.id, channelId, source: 'button' });
        await deps.bot.feedback(action.value ?? '', vote, by);
        deps.logger.info({ vote }, 'slack: answer voted');
        await respond({ response_type: 'ephemeral', replace_original: false, ...renderNotice(FEEDBACK_THANKS) });
      } catch (err) {
        // A lost vote is not worth bothering the voter about.
        deps.logger.error({ err, vote }, 'slack: recording a vote failed');
      }
    });
  }
}
