/**
 * The moderators' commands on Discord: `/reload [force]`, `/kb status|gaps|why|teach`, the gaps
 * list's Teach buttons and the teach form. Each checks the moderator rule when it runs (Manage
 * Server or a moderator role) and refuses others privately; every reply is ephemeral.
 */
import type { ButtonInteraction, ChatInputCommandInteraction, Interaction, ModalSubmitInteraction } from 'discord.js';
import { moderatorRefusal, TEACH_FAILED } from '../../src/conversation/texts.js';
import { UserError } from '../../src/errors.js';
import type { Logger } from '../../src/logger.js';
import type { ChatBot, Question, ReloadOptions, TeachResult } from '../../src/types.js';
import { DAYS_OPTION, FORCE_OPTION, KB, QUESTION_OPTION } from './commands.js';
import { InteractionReply } from './interaction-reply.js';
import { plainMessage } from './render.js';
import {
  renderGaps,
  renderReloads,
  renderStatus,
  renderTaught,
  renderTeachRefused,
  renderWhy,
  type ShardReload,
} from './render-moderator.js';
import { openFormButtonId, parseOpenFormButtonId, readTeachForm, teachInput, teachModal, type TeachDrafts } from './teach-form.js';

/** Who Discord's moderators are, for refusals. */
const MODERATORS = 'members with the Manage Server permission or a moderator role';

/** Shown to people who may not `/reload`, only to them. */
export const RELOAD_REFUSAL = moderatorRefusal('reload the knowledge base', MODERATORS);

/** Shown to people who may not use `/kb` or the teach form, only to them. */
export const MODERATOR_REFUSAL = moderatorRefusal('use this', MODERATORS);

/** Said when a Teach or "Edit and resubmit" button outlived its draft. */
export const DRAFT_EXPIRED =
  'This form is no longer kept (drafts are kept for an hour, for the moderator who made them). Run /kb teach or /kb gaps again.';

/** What the moderator handlers need from the adapter. */
export interface ModeratorDeps {
  bot: ChatBot;
  logger: Logger;
  drafts: TeachDrafts;
  /** The person behind an interaction as the core sees them (moderator or not). */
  asker(interaction: Interaction, text: string): Question;
  /** Reloads every process serving Discord (every shard) and returns each one's report. */
  reloadEverywhere(by: Question, options: ReloadOptions): Promise<ShardReload[]>;
  /** Whether other shards serve Discord too (a teach then reloads them as well). */
  sharded: boolean;
}

/** The handlers the adapter dispatches to. */
export interface ModeratorHandlers {
  reload(interaction: ChatInputCommandInteraction): Promise<void>;
  kb(interaction: ChatInputCommandInteraction): Promise<void>;
  /** Handles the Teach / "Edit and resubmit" buttons; false for other buttons. */
  button(interaction: ButtonInteraction): Promise<boolean>;
  /** The teach form's submission. */
  teachSubmitted(interaction: ModalSubmitInteraction): Promise<void>;
}

/** The moderator commands' handlers, sharing the bot, the logger and the teach drafts. */
export function moderatorHandlers(deps: ModeratorDeps): ModeratorHandlers {
  const { bot, logger, drafts } = deps;

  /** The moderator asking, or undefined after refusing them privately. */
  async function moderator(
    interaction: ChatInputCommandInteraction | ButtonInteraction | ModalSubmitInteraction,
    what: string,
    refusal = MODERATOR_REFUSAL,
  ): Promise<Question | undefined> {
    const q = deps.asker(interaction, what);
    if (q.isModerator) return q;
    logger.info({ userId: q.userId, channelId: q.channelId, what }, 'discord: moderator command refused (not a moderator)');
    await InteractionReply.for(interaction, true).send([plainMessage(refusal)]);
    return undefined;
  }

  /** Runs `work`, answering the core's refusals (UserError) with their message, privately. */
  async function replying(reply: InteractionReply, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      await reply.send([plainMessage(error.message)]);
    }
  }

  async function teach(interaction: ModalSubmitInteraction, q: Question): Promise<void> {
    const draft = readTeachForm(interaction);
    const reply = InteractionReply.for(interaction, true);
    // Teaching writes a file and runs a checked reload: seconds, not milliseconds.
    await reply.defer();
    let result: TeachResult;
    try {
      result = await bot.teach(q, teachInput(draft));
    } catch (error) {
      if (error instanceof UserError) result = { ok: false, errors: [{ field: 'form', message: error.message }] };
      else {
        logger.error({ err: error }, 'discord: teach failed');
        result = { ok: false, errors: [{ field: 'form', message: TEACH_FAILED }] };
      }
    }
    logger.info({ ok: result.ok, errors: result.errors.length, by: q.userId }, 'discord: teach');
    if (result.ok) {
      const messages = renderTaught(draft.question, result);
      // The entry is on disk and live on this shard; the other shards read it in too.
      if (deps.sharded) {
        const everywhere = await deps.reloadEverywhere(q, {});
        messages.push(renderReloads(everywhere));
      }
      await reply.send(messages);
      return;
    }
    const id = drafts.put(draft, interaction.user.id);
    await reply.send(renderTeachRefused(result.errors, openFormButtonId(id)));
  }

  return {
    async reload(interaction) {
      const q = await moderator(interaction, '/reload', RELOAD_REFUSAL);
      if (!q) return;
      const force = interaction.options.getBoolean(FORCE_OPTION) ?? false;
      const reply = InteractionReply.for(interaction, true);
      await reply.defer();
      await replying(reply, async () => {
        const reloads = await deps.reloadEverywhere(q, force ? { force: true } : {});
        logger.info({ shards: reloads.length, ok: reloads.every((r) => r.report.ok), forced: force, by: q.userId }, 'discord: reloaded');
        await reply.send([renderReloads(reloads)]);
      });
    },

    async kb(interaction) {
      const sub = interaction.options.getSubcommand();
      const q = await moderator(interaction, `/kb ${sub}`);
      if (!q) return;
      if (sub === KB.teach) {
        await interaction.showModal(teachModal());
        return;
      }
      const reply = InteractionReply.for(interaction, true);
      reply.deferIfSlow();
      await replying(reply, async () => {
        switch (sub) {
          case KB.status:
            await reply.send(renderStatus(await bot.status(q)));
            return;
          case KB.gaps: {
            const report = await bot.gaps(q, interaction.options.getInteger(DAYS_OPTION) ?? undefined);
            // Each group's question and phrasings wait server-side for its Teach button.
            const ids = report.gaps.map((gap) =>
              drafts.put({ question: gap.question, alternates: gap.phrasings.join('\n'), answer: '' }, interaction.user.id),
            );
            await reply.send(renderGaps(report, (i) => openFormButtonId(ids[i] ?? '')));
            return;
          }
          case KB.why:
            await reply.send(renderWhy(await bot.why(q, interaction.options.getString(QUESTION_OPTION, true))));
            return;
          default:
            await reply.send([plainMessage(`Unknown subcommand /kb ${sub}; try /help.`)]);
        }
      });
    },

    async button(interaction) {
      const draftId = parseOpenFormButtonId(interaction.customId);
      if (draftId === undefined) return false;
      const q = await moderator(interaction, 'teach button');
      if (!q) return true;
      const draft = drafts.get(draftId, interaction.user.id);
      if (!draft) await InteractionReply.for(interaction, true).send([plainMessage(DRAFT_EXPIRED)]);
      else await interaction.showModal(teachModal(draft));
      return true;
    },

    async teachSubmitted(interaction) {
      const q = await moderator(interaction, 'kb teach');
      if (q) await teach(interaction, q);
    },
  };
}
