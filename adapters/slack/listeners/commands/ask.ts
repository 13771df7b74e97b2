/**
 * `/ask <question>`: answered visibly in the channel, headed by who asked. Usage help, cooldown
 * notices and the apology go only to the person.
 *
 * The core answers in well under a millisecond, so the reply normally rides in the command's
 * acknowledgement: one HTTP response (or one Socket Mode ack) instead of an empty one plus a POST
 * to the response_url. The answer is raced against a budget well inside Slack's three seconds;
 * when the core is slower (a stall, an overloaded host), the command is acknowledged empty and
 * the reply goes through the response_url when it is ready, which also works where the app is
 * not a member of the channel.
 */
import type { RespondArguments } from '@slack/bolt';
import { APOLOGY } from '../../../../src/conversation/texts.js';
import { within } from '../../budget.js';
import { ask, type ListenerContext } from '../../listener-context.js';
import { plainQuestion } from '../../escape.js';
import { renderAnswer, renderNotice } from '../../render.js';
import type { CommandHandler } from '../route.js';

/** The slash command, as named in manifest.yaml. */
export const ASK_COMMAND = '/ask';

/**
 * How long the acknowledgement waits for the answer. Slack allows three seconds from the
 * command, network included; half of that leaves room for a slow network and a busy host.
 */
export const ASK_ACK_BUDGET_MS = 1500;

/** Who asked what, as the listener needs it. */
interface AskCommand {
  text: string;
  user_id: string;
  channel_id: string;
  team_id?: string;
}

/** The reply to `/ask`: never rejects (a failure becomes the apology, logged). */
async function reply(deps: ListenerContext, command: AskCommand): Promise<RespondArguments> {
  // Slack escapes &, < and > in command text as in messages; the core wants the words.
  const text = plainQuestion(command.text);
  try {
    const answer = await ask(deps, {
      text,
      userId: command.user_id,
      channelId: command.channel_id,
      ...(command.team_id ? { spaceId: command.team_id } : {}),
      source: 'command',
    });
    if (answer.kind === 'cooldown') return { response_type: 'ephemeral', ...renderNotice(answer.text) };
    if (!text) return { response_type: 'ephemeral', ...renderAnswer(answer) };
    return { response_type: 'in_channel', ...renderAnswer(answer, { askedBy: command.user_id, question: text }) };
  } catch (err) {
    deps.logger.error({ err, source: 'command' }, 'slack: /ask failed');
    return { response_type: 'ephemeral', ...renderNotice(APOLOGY) };
  }
}

/** Handles /ask. */
export function handler(deps: ListenerContext): CommandHandler {
  const budgetMs = deps.askAckBudgetMs ?? ASK_ACK_BUDGET_MS;
  return async ({ command, ack, respond }) => {
    const replying = reply(deps, command);
    const ready = await within(replying, budgetMs);
    if (ready) {
      await ack(ready);
      return;
    }
    await ack();
    deps.logger.info({ budgetMs }, 'slack: /ask answer took longer than the acknowledgement budget; replying through the response_url');
    try {
      await respond(await replying);
    } catch (err) {
      deps.logger.error({ err }, 'slack: posting the /ask reply to the response_url failed');
    }
  };
}
