/**
 * The teach modal's submission. The core validates and saves the entry and runs a checked reload
 * before Slack gets its answer, because only the answer to the view_submission can keep the
 * modal open with the problems under their fields: on success the modal closes and the moderator
 * gets a direct message saying the entry is live, with the reload report; on any problem
 * (validation, a failed check, even a bug) the modal stays open with everything typed still in it.
 *
 * Slack wants that answer within three seconds. A save that takes longer (a large knowledge
 * folder) is answered with a "Saving…" view, and the modal is updated when it is done: closed by
 * the success message, or the form again with what was typed and why it was not saved.
 */
import type { App, webApi } from '@slack/bolt';
import { moderatorRefusal, TAUGHT_LIVE, TEACH_FAILED } from '../../../../src/conversation/texts.js';
import { UserError } from '../../../../src/errors.js';
import type { Question, TeachInput, TeachResult } from '../../../../src/types.js';
import { within } from '../../budget.js';
import type { ListenerContext } from '../../listener-context.js';
import { moderatorQuestion, SLACK_MODERATORS } from '../../moderator-only.js';
import { renderTaught } from '../../render-moderator.js';
import {
  readTeachInput,
  savingView,
  TEACH_BLOCKS,
  TEACH_CALLBACK_ID,
  teachErrors,
  teachView,
  type ViewStateValues,
} from '../../teach-modal.js';

/** Shown under the answer when saving failed for a reason that is ours, not the moderator's. */
export const TEACH_APOLOGY = TEACH_FAILED;

/** Slack allows three seconds; the rest is for the network. */
const ACK_BUDGET_MS = 2500;

/** Opens the teach modal for the person whose click or command carried `triggerId`. */
export async function openTeach(client: webApi.WebClient, triggerId: string, question?: string): Promise<void> {
  await client.views.open({ trigger_id: triggerId, view: teachView({ question }) });
}

/** The core's teach, with a bug turned into a form error (and logged) so the form always gets an answer. */
async function teach(deps: ListenerContext, by: Question, input: TeachInput): Promise<TeachResult> {
  try {
    return await deps.bot.teach(by, input);
  } catch (err) {
    if (err instanceof UserError) return { ok: false, errors: [{ field: 'form', message: err.message }] };
    deps.logger.error({ err }, 'slack: teach failed');
    return { ok: false, errors: [{ field: 'form', message: TEACH_APOLOGY }] };
  }
}

/** Registers the teach modal's submission listener. */
export function register(app: App, deps: ListenerContext): void {
  app.view(TEACH_CALLBACK_ID, async ({ ack, body, view, client }) => {
    const user = body.user;
    const input = readTeachInput(view.state.values as ViewStateValues);

    const by = await moderatorQuestion(deps, { userId: user.id, userName: user.name, channelId: user.id }, 'teach', input.question).catch(
      (err: unknown) => {
        deps.logger.error({ err }, 'slack: teach failed');
        return null;
      },
    );
    if (!by) {
      const message = by === null ? TEACH_APOLOGY : moderatorRefusal('teach the bot', SLACK_MODERATORS);
      await ack({ response_action: 'errors', errors: { [TEACH_BLOCKS.answer]: message } });
      return;
    }

    const saving = teach(deps, by, input);
    const result = await within(saving, deps.teachAckBudgetMs ?? ACK_BUDGET_MS);
    if (result && !result.ok) {
      deps.logger.info({ userId: user.id, fields: result.errors.map((e) => e.field) }, 'slack: teach not saved; the form stays open');
      await ack({ response_action: 'errors', errors: teachErrors(result.errors) });
      return;
    }
    // Success closes the modal (an empty answer); a slow save shows "Saving…" until it is done.
    await ack(result ? undefined : { response_action: 'update', view: savingView(input.question) });
    const final = result ?? (await saving);
    try {
      if (!final.ok) {
        deps.logger.info({ userId: user.id, fields: final.errors.map((e) => e.field) }, 'slack: teach not saved; the form is shown again');
        const problems = final.errors.map((e) => (e.field === 'form' ? e.message : `${e.field}: ${e.message}`));
        await client.views.update({ view_id: view.id, view: teachView({ ...input, problems }) });
        return;
      }
      deps.logger.info({ userId: user.id, documents: final.report?.documents, faqEntries: final.report?.faqEntries }, 'slack: taught');
      if (!result)
        await client.views.update({
          view_id: view.id,
          view: { ...savingView(input.question), blocks: [{ type: 'section', text: { type: 'plain_text', text: `${TAUGHT_LIVE}.` } }] },
        });
      // A direct message rather than an ephemeral one: the modal has no channel to be ephemeral
      // in, and the moderator keeps the report.
      await client.chat.postMessage({ channel: user.id, ...renderTaught(input.question, final), unfurl_links: false });
    } catch (err) {
      deps.logger.error({ err }, 'slack: telling the moderator about a teach failed');
    }
  });
}
