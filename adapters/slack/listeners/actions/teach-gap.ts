/**
 * The Teach button beside a gap in `/kb gaps`: opens the teach modal with that question filled
 * in. The gaps list is ephemeral to a moderator, but the click is checked again: a button is
 * only as private as the message it sits in.
 */
import type { App, BlockButtonAction } from '@slack/bolt';
import { APOLOGY } from '../../../../src/errors.js';
import type { ListenerDeps } from '../../deps.js';
import { MODERATOR_REFUSAL, moderatorQuestion } from '../../moderator-only.js';
import { TEACH_GAP_ACTION_PREFIX } from '../../render-moderator.js';
import { renderNotice } from '../../render.js';
import { openTeach } from '../views/teach.js';

/** Registers the Teach buttons' listener. */
export function register(app: App, deps: ListenerDeps): void {
  app.action<BlockButtonAction>({ type: 'block_actions', action_id: new RegExp(`^${TEACH_GAP_ACTION_PREFIX}`) }, async ({ ack, action, body, client, respond }) => {
    await ack();
    const channelId = body.channel?.id ?? body.container.channel_id ?? '';
    try {
      const by = await moderatorQuestion(deps, { userId: body.user.id, userName: body.user.name, channelId }, 'teach');
      if (!by) {
        await respond({ response_type: 'ephemeral', replace_original: false, ...renderNotice(MODERATOR_REFUSAL) });
        return;
      }
      await openTeach(client, body.trigger_id, action.value);
    } catch (err) {
      deps.logger.error({ err }, 'slack: opening the teach form failed');
      await respond({ response_type: 'ephemeral', replace_original: false, ...renderNotice(APOLOGY) }).catch(() => undefined);
    }
  });
}
