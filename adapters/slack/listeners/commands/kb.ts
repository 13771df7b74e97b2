/**
 * `/kb <subcommand>`: the moderators' tools in one command, so the workspace's command list gets
 * one entry instead of five: `status`, `gaps [days]`, `why <question>`, `teach`, and `help` (also
 * `/kb` alone). Replies are ephemeral; everyone else gets a refusal only they see.
 */
import type { webApi } from '@slack/bolt';
import { APOLOGY } from '../../../../src/conversation/texts.js';
import { UserError } from '../../../../src/errors.js';
import type { Question } from '../../../../src/types.js';
import type { ListenerContext } from '../../listener-context.js';
import { plainQuestion } from '../../escape.js';
import { MODERATOR_REFUSAL, moderatorQuestion } from '../../moderator-only.js';
import { renderGaps, renderKbHelp, renderStatus, renderWhy } from '../../render-moderator.js';
import { renderNotice, type RenderedMessage } from '../../render.js';
import type { CommandHandler } from '../route.js';
import { openTeach } from '../views/teach.js';
import { RELOAD_COMMAND } from './kb-reload.js';

/** The slash command, as named in manifest.yaml. */
export const KB_COMMAND = '/kb';

/** The longest `gaps` window: the analytics keep 90 days by default anyway. */
const MAX_DAYS = 365;

/** What a subcommand needs: who asked (a moderator), its argument text, and the command's trigger. */
interface Run {
  by: Question;
  args: string;
  triggerId: string;
}

type Subcommand = (deps: ListenerContext, client: webApi.WebClient, run: Run) => Promise<RenderedMessage | undefined>;

const SUBCOMMANDS: Record<string, Subcommand> = {
  status: async (deps, _client, { by }) => renderStatus(await deps.bot.status(by)),
  gaps: async (deps, _client, { by, args }) => {
    if (args === '') return renderGaps(await deps.bot.gaps(by));
    const days = Number(args);
    if (!Number.isInteger(days) || days < 1 || days > MAX_DAYS) {
      return renderNotice(`Usage: ${KB_COMMAND} gaps [days], with days a whole number from 1 to ${MAX_DAYS} (default 7).`);
    }
    return renderGaps(await deps.bot.gaps(by, days));
  },
  why: async (deps, _client, { by, args }) => {
    if (args === '') return renderNotice(`Usage: ${KB_COMMAND} why <question>, e.g. ${KB_COMMAND} why who founded it?`);
    return renderWhy(await deps.bot.why(by, args));
  },
  teach: async (_deps, client, { triggerId }) => {
    // The trigger expires three seconds after the command; the modal is the whole reply.
    await openTeach(client, triggerId);
    return undefined;
  },
  help: async () => renderKbHelp(KB_COMMAND, RELOAD_COMMAND),
};

/** Handles /kb. */
export function handler(deps: ListenerContext): CommandHandler {
  return async ({ command, ack, respond, client }) => {
    await ack();
    // Slack escapes &, < and > as in messages; `why` wants the words.
    const text = plainQuestion(command.text);
    const [first, ...rest] = text.split(' ');
    const name = (first || 'help').toLowerCase();
    // Own keys only: `/kb constructor` must not find Object's.
    const subcommand = Object.hasOwn(SUBCOMMANDS, name) ? SUBCOMMANDS[name] : undefined;
    try {
      const by = await moderatorQuestion(
        deps,
        { userId: command.user_id, userName: command.user_name, channelId: command.channel_id },
        `kb ${name}`,
        text,
      );
      if (!by) {
        await respond({ response_type: 'ephemeral', ...renderNotice(MODERATOR_REFUSAL) });
        return;
      }
      if (!subcommand) {
        const help = renderKbHelp(KB_COMMAND, RELOAD_COMMAND);
        const unknown = renderNotice(`There is no ${KB_COMMAND} ${name}.`);
        await respond({ response_type: 'ephemeral', text: `${unknown.text}\n${help.text}`, blocks: [...unknown.blocks, ...help.blocks] });
        return;
      }
      const reply = await subcommand(deps, client, { by, args: rest.join(' ').trim(), triggerId: command.trigger_id });
      deps.logger.info({ subcommand: name, userId: command.user_id }, 'slack: /kb done');
      if (reply) await respond({ response_type: 'ephemeral', ...reply });
    } catch (err) {
      if (err instanceof UserError) {
        await respond({ response_type: 'ephemeral', ...renderNotice(err.message) });
        return;
      }
      deps.logger.error({ err, subcommand: name }, 'slack: /kb failed');
      await respond({ response_type: 'ephemeral', ...renderNotice(APOLOGY) });
    }
  };
}
