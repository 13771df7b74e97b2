/**
 * The Teach button beside a gap in `/kb gaps`: opens the teach modal with that question filled
 * in. The gaps list is ephemeral to a moderator, but the click is checked again: a button is
 * only as private as the message it sits in.
 */
import { APOLOGY } from '../../../../src/conversation/texts.js';
import type { ListenerContext } from '../../listener-context.js';
import { MODERATOR_REFUSAL, moderatorQuestion } from '../../moderator-only.js';
import { renderNotice } from '../../render.js';
import type { ButtonHandler } from '../route.js';
import { openTeach } from '../views/teach.js';

/** Handles a click on a Teach button. */
export function handler(deps: ListenerContext): ButtonHandler {
  return async ({ ack, action, body, client, respond }) => {
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
  };
}
