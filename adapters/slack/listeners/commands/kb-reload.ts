/**
 * `/kb-reload [force]`: moderators reload the knowledge base, checked (the knowledge folder's
 * checks must pass) or forced (checks skipped, said in the report and the audit log). The report,
 * or the refusal for everyone else, is shown only to the person who ran it.
 */
import { APOLOGY, moderatorRefusal } from '../../../../src/conversation/texts.js';
import { SLACK_MODERATORS } from '../../moderator-only.js';
import { UserError } from '../../../../src/errors.js';
import type { ListenerContext } from '../../listener-context.js';
import { moderatorQuestion } from '../../moderator-only.js';
import { renderNotice, reloadReportMessage } from '../../render.js';
import type { CommandHandler } from '../route.js';

/** The slash command, as named in manifest.yaml. */
export const RELOAD_COMMAND = '/kb-reload';

/** What someone who is not a moderator sees. */
export const RELOAD_REFUSAL = moderatorRefusal('reload the knowledge base', SLACK_MODERATORS);

const USAGE = `Usage: ${RELOAD_COMMAND} to reload with the checks, or ${RELOAD_COMMAND} force to skip them.`;

/** Handles /kb-reload. */
export function handler(deps: ListenerContext): CommandHandler {
  return async ({ command, ack, respond }) => {
    await ack();
    try {
      const arg = command.text.trim().toLowerCase();
      const by = await moderatorQuestion(
        deps,
        { userId: command.user_id, userName: command.user_name, channelId: command.channel_id },
        'reload',
        command.text.trim(),
      );
      if (!by) {
        await respond({ response_type: 'ephemeral', ...renderNotice(RELOAD_REFUSAL) });
        return;
      }
      if (arg !== '' && arg !== 'force') {
        await respond({ response_type: 'ephemeral', ...renderNotice(USAGE) });
        return;
      }
      const report = await deps.bot.reload(by, { force: arg === 'force' });
      deps.logger.info(
        { ok: report.ok, forced: report.forced, documents: report.documents, errors: report.errors.length, by: command.user_id },
        'slack: knowledge reloaded',
      );
      await respond({ response_type: 'ephemeral', ...reloadReportMessage(report) });
    } catch (err) {
      if (err instanceof UserError) {
        await respond({ response_type: 'ephemeral', ...renderNotice(err.message) });
        return;
      }
      deps.logger.error({ err }, 'slack: /kb-reload failed');
      await respond({ response_type: 'ephemeral', ...renderNotice(APOLOGY) });
    }
  };
}
