/** Answering an interaction within Discord's 3-second window, deferring when the work runs long. */
import { MessageFlags, type RepliableInteraction } from 'discord.js';
import { APOLOGY } from '../../src/conversation/texts.js';
import { plainMessage, type RenderedMessage } from './render.js';

/**
 * Interactions must be acknowledged within 3 seconds. Answers usually come back much sooner; when
 * one does not, defer (the "thinking…" state) and edit the reply in when it is ready.
 */
export const DEFER_AFTER_MS = 1500;

/**
 * One interaction's reply, deferred when the work runs long. Tracks the deferral and what was sent
 * so the final reply (or the apology) edits the deferred one instead of failing with "already
 * acknowledged", and an apology never overwrites an answer already shown.
 */
export class InteractionReply {
  /** The reply object of each interaction, so the error handler continues where the handler stopped. */
  private static readonly byInteraction = new WeakMap<RepliableInteraction, InteractionReply>();

  private deferral: Promise<unknown> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private answered = false;

  private constructor(
    private readonly interaction: RepliableInteraction,
    private readonly ephemeral: boolean,
  ) {}

  /** The reply for `interaction`: the one a handler already started, or a new one. */
  static for(interaction: RepliableInteraction, ephemeral: boolean): InteractionReply {
    let reply = InteractionReply.byInteraction.get(interaction);
    if (!reply) {
      reply = new InteractionReply(interaction, ephemeral);
      InteractionReply.byInteraction.set(interaction, reply);
    }
    return reply;
  }

  /** Defers if nothing was sent within {@link DEFER_AFTER_MS}. */
  deferIfSlow(): void {
    this.timer = setTimeout(() => void this.defer(), DEFER_AFTER_MS);
  }

  /** Defers now (for work known to be slow, such as a reload). */
  defer(): Promise<unknown> {
    clearTimeout(this.timer);
    if (!this.deferral) {
      this.deferral = this.interaction.deferReply({ flags: this.ephemeral ? MessageFlags.Ephemeral : undefined });
      // Whoever sends next awaits it and sees the error; until then it must not count as unhandled.
      this.deferral.catch(() => undefined);
    }
    return this.deferral;
  }

  /** Sends the messages: the first as the reply (or the edit of the deferred one), the rest as follow-ups. */
  async send(messages: readonly RenderedMessage[], ephemeral = this.ephemeral): Promise<void> {
    clearTimeout(this.timer);
    const flags = ephemeral ? MessageFlags.Ephemeral : undefined;
    const [first, ...rest] = messages;
    if (!first) return;
    if (this.deferral) {
      await this.deferral;
      await this.interaction.editReply(first);
    } else {
      await this.interaction.reply({ ...first, flags });
    }
    this.answered = true;
    for (const message of rest) await this.interaction.followUp({ ...message, flags });
  }

  /** The short apology after a failure: in place of a pending deferral, else visible only to the person. */
  async apologize(): Promise<void> {
    clearTimeout(this.timer);
    const apology = plainMessage(APOLOGY);
    if (this.deferral && !this.answered) {
      await this.deferral;
      await this.interaction.editReply(apology);
    } else if (this.answered || this.interaction.replied || this.interaction.deferred) {
      await this.interaction.followUp({ ...apology, flags: MessageFlags.Ephemeral });
    } else {
      await this.interaction.reply({ ...apology, flags: MessageFlags.Ephemeral });
    }
  }
}
