/**
 * `/kb-reload`: moderators reload the knowledge base; the report (or the refusal, for everyone
 * else) is shown only to the person who ran it. The adapter checks first so the refusal is
 * clear; the core checks again (UserError) because it must not trust adapters.
 */
import type { App } from '@slack/bolt';
import { APOLOGY, UserError } from '../../../../src/errors.js';
import { buildQuestion, type ListenerDeps } from '../../deps.js';
import { renderNotice, renderReloadReport } from '../../render.js';

/** The slash command, as named in manifest.yaml. */
export const RELOAD_COMMAND = '/kb-reload';

/** What someone who is not a moderator sees. */
export const RELOAD_REFUSAL =
  'Sorry, only moderators can reload the knowledge base. Moderators are workspace admins and owners ' +
  'and the people listed in SLACK_MODERATOR_IDS; ask one of them.';

/** Registers /kb-reload. */
export function register(app: App, deps: ListenerDeps): void {
  app.command(RELOAD_COMMAND, async ({ command, ack, respond }) => {
    await ack();
    try {
      const by = await buildQuestion(deps, {
        text: command.text.trim(),
        userId: command.user_id,
        channelId: command.channel_id,
        source: 'command',
      });
      by.userName = command.user_name;
      if (!by.isModerator) {
        deps.logger.info({ userId: command.user_id }, 'slack: /kb-reload refused (not a moderator)');
        await respond({ response_type: 'ephemeral', ...renderNotice(RELOAD_REFUSAL) });
        return;
      }
      const report = await deps.bot.reload(by);
      deps.logger.info({ ok: report.ok, documents: report.documents, errors: report.errors.length, by: command.user_id }, 'slack: knowledge reloaded');
      await respond({ response_type: 'ephemeral', ...renderReloadReport(report) });
    } catch (err) {
      if (err instanceof UserError) {
        await respond({ response_type: 'ephemeral', ...renderNotice(err.message) });
        return;
      }
      deps.logger.error({ err }, 'slack: /kb-reload failed');
      await respond({ response_type: 'ephemeral', ...renderNotice(APOLOGY) });
    }
  });
}
