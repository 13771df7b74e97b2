/**
 * `/ask <question>`: answered visibly in the channel, headed by who asked, through the command's
 * response_url (which works even where the app is not a member). Usage help and cooldown
 * notices go only to the person.
 */
import type { App } from '@slack/bolt';
import { APOLOGY } from '../../../../src/errors.js';
import { ask, COOLDOWN_FALLBACK, type ListenerDeps } from '../../deps.js';
import { plainQuestion } from '../../escape.js';
import { renderAnswer, renderNotice } from '../../render.js';

/** The slash command, as named in manifest.yaml. */
export const ASK_COMMAND = '/ask';

/** Registers /ask. */
export function register(app: App, deps: ListenerDeps): void {
  app.command(ASK_COMMAND, async ({ command, ack, respond }) => {
    // Acknowledge first: the answer goes through response_url, so Slack's 3 seconds never depend on the core.
    await ack();
    // Slack escapes &, < and > in command text as in messages; the core wants the words.
    const text = plainQuestion(command.text);
    try {
      const answer = await ask(deps, { text, userId: command.user_id, channelId: command.channel_id, source: 'command' });
      if (answer.kind === 'cooldown') {
        await respond({ response_type: 'ephemeral', ...renderNotice(answer.text.trim() || COOLDOWN_FALLBACK) });
      } else if (!text) {
        await respond({ response_type: 'ephemeral', ...renderAnswer(answer) });
      } else {
        await respond({ response_type: 'in_channel', ...renderAnswer(answer, { askedBy: command.user_id, question: text }) });
      }
    } catch (err) {
      deps.logger.error({ err, source: 'command' }, 'slack: /ask failed');
      await respond({ response_type: 'ephemeral', ...renderNotice(APOLOGY) });
    }
  });
}
