/**
 * The teach modal's submission. The core validates and saves the entry and runs a checked reload
 * before Slack gets its answer, because only the answer to the view_submission can keep the
 * modal open: on success the modal closes and the moderator gets a direct message saying the
 * entry is live, with the reload report; on any problem (validation, a failed check, even a bug)
 * the modal stays open with the problem under its field and everything typed still in it.
 */
import type { App, ViewResponseAction, webApi } from '@slack/bolt';
import { UserError } from '../../../../src/errors.js';
import type { ListenerDeps } from '../../deps.js';
import { moderatorQuestion } from '../../moderator-only.js';
import { renderTaught } from '../../render-moderator.js';
import { readTeachInput, TEACH_BLOCKS, TEACH_CALLBACK_ID, teachErrors, teachView, type ViewStateValues } from '../../teach-modal.js';

/** Shown under the answer when saving failed for a reason that is ours, not the moderator's. */
export const TEACH_APOLOGY = 'Sorry, something went wrong on our side and nothing was saved. Your text is still here: try again in a minute.';

/** Opens the teach modal for the person whose click or command carried `triggerId`. */
export async function openTeach(client: webApi.WebClient, triggerId: string, question?: string): Promise<void> {
  await client.views.open({ trigger_id: triggerId, view: teachView({ question }) });
}

/** Registers the teach modal's submission listener. */
export function register(app: App, deps: ListenerDeps): void {
  app.view(TEACH_CALLBACK_ID, async ({ ack: slackAck, body, view, client }) => {
    const user = body.user;
    // Slack takes one answer per submission; a failure after it (the direct message) is only logged.
    let acked = false;
    const ack = async (response?: ViewResponseAction): Promise<void> => {
      acked = true;
      await slackAck(response);
    };
    const input = readTeachInput(view.state.values as ViewStateValues);
    try {
      const by = await moderatorQuestion(deps, { userId: user.id, userName: user.name, channelId: user.id }, 'teach', input.question);
      if (!by) {
        await ack({ response_action: 'errors', errors: { [TEACH_BLOCKS.answer]: 'Only moderators can teach the bot.' } });
        return;
      }
      const result = await deps.bot.teach(by, input);
      if (!result.ok) {
        deps.logger.info({ userId: user.id, fields: result.errors.map((e) => e.field) }, 'slack: teach not saved; the form stays open');
        await ack({ response_action: 'errors', errors: teachErrors(result.errors) });
        return;
      }
      await ack();
      deps.logger.info({ userId: user.id, documents: result.report?.documents, faqEntries: result.report?.faqEntries }, 'slack: taught');
      // A direct message rather than an ephemeral one: the modal has no channel to be ephemeral
      // in, and the moderator keeps the report.
      await client.chat.postMessage({ channel: user.id, ...renderTaught(input.question, result), unfurl_links: false });
    } catch (err) {
      if (!(err instanceof UserError)) deps.logger.error({ err, acked }, 'slack: teach failed');
      if (acked) return;
      const message = err instanceof UserError ? err.message : TEACH_APOLOGY;
      await ack({ response_action: 'errors', errors: { [TEACH_BLOCKS.answer]: message } });
    }
  });
}
