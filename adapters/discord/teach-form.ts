/**
 * The `/kb teach` form as a Discord modal, and the drafts that keep what a moderator typed.
 * Discord modals cannot show errors inline and close on submit, so a refused submission is kept
 * here (keyed by a short id carried in a button) and the modal reopens with everything typed.
 */
import { randomBytes } from 'node:crypto';
import { ComponentType, TextInputStyle, type APIModalInteractionResponseCallbackData, type ModalSubmitInteraction } from 'discord.js';
import type { TeachInput } from '../../src/types.js';
import { truncate } from './render.js';

/** Discord's modal limits. */
export const MODAL_LIMITS = { title: 45, label: 45, value: 4000, customId: 100, placeholder: 100 } as const;

/** The core refuses questions over 300 characters; the form says so by not taking more. */
const QUESTION_MAX = 300;

/** Text input ids: one per {@link TeachInput} field. */
export const FIELD = { question: 'question', alternates: 'alternates', answer: 'answer' } as const;

/** Custom ids: the modal itself, the gaps list's Teach buttons and the "Edit and resubmit" button. */
const MODAL_ID = 'teach:form';
const OPEN_PREFIX = 'teach:open:';

/** What a moderator typed (or a gap prefilled), field by field as the form shows it. */
export interface TeachDraft {
  question: string;
  /** One phrasing per line, as typed. */
  alternates: string;
  answer: string;
}

/** Options for {@link TeachDrafts}. */
export interface TeachDraftsOptions {
  /** How many drafts are kept; the oldest go first. */
  max?: number;
  /** How long a draft is kept. */
  ttlMs?: number;
  now?: () => number;
}

/**
 * Drafts by short id, bounded in number and age so a busy server cannot grow it without end.
 * Each draft belongs to the moderator it was made for.
 */
export class TeachDrafts {
  private readonly drafts = new Map<string, { draft: TeachDraft; ownerId: string; at: number }>();
  private readonly max: number;
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(options: TeachDraftsOptions = {}) {
    this.max = options.max ?? 200;
    this.ttlMs = options.ttlMs ?? 60 * 60_000;
    this.now = options.now ?? Date.now;
  }

  /** Keeps `draft` for `ownerId` and returns its id. */
  put(draft: TeachDraft, ownerId: string): string {
    this.prune();
    const id = randomBytes(6).toString('base64url');
    this.drafts.set(id, { draft, ownerId, at: this.now() });
    while (this.drafts.size > this.max) {
      const [oldest] = this.drafts.keys();
      if (oldest === undefined) break;
      this.drafts.delete(oldest);
    }
    return id;
  }

  /** The draft, when it exists, has not expired and belongs to `ownerId`. */
  get(id: string, ownerId: string): TeachDraft | undefined {
    this.prune();
    const entry = this.drafts.get(id);
    return entry && entry.ownerId === ownerId ? entry.draft : undefined;
  }

  delete(id: string): void {
    this.drafts.delete(id);
  }

  get size(): number {
    return this.drafts.size;
  }

  private prune(): void {
    const oldest = this.now() - this.ttlMs;
    for (const [id, entry] of this.drafts) if (entry.at < oldest) this.drafts.delete(id);
  }
}

/** The custom id of a button that opens the form with a kept draft (a gap, or a refused submission). */
export function openFormButtonId(draftId: string): string {
  return `${OPEN_PREFIX}${draftId}`;
}

/** The draft id an open-form button carries; undefined for other buttons. */
export function parseOpenFormButtonId(customId: string): string | undefined {
  return customId.startsWith(OPEN_PREFIX) ? customId.slice(OPEN_PREFIX.length) || undefined : undefined;
}

/** Whether a modal submission is the teach form. */
export function isTeachForm(customId: string): boolean {
  return customId === MODAL_ID;
}

/** The modal, prefilled with `draft` (values cut to what the inputs accept, which only gaps can exceed). */
export function teachModal(draft: Partial<TeachDraft> = {}): APIModalInteractionResponseCallbackData {
  const input = (
    id: string,
    label: string,
    description: string,
    style: TextInputStyle,
    max: number,
    value: string | undefined,
    required: boolean,
  ) => ({
    type: ComponentType.Label as const,
    label: truncate(label, MODAL_LIMITS.label),
    description,
    component: {
      type: ComponentType.TextInput as const,
      custom_id: id,
      style,
      max_length: max,
      required,
      ...(value ? { value: value.slice(0, max) } : {}),
    },
  });
  return {
    custom_id: MODAL_ID,
    title: truncate('Teach the bot a question', MODAL_LIMITS.title),
    components: [
      input(
        FIELD.question,
        'Question people ask',
        'As people would ask it, e.g. "Who can join?"',
        TextInputStyle.Short,
        QUESTION_MAX,
        draft.question,
        true,
      ),
      input(
        FIELD.alternates,
        'Other phrasings (one per line)',
        'Optional: other ways people ask the same thing',
        TextInputStyle.Paragraph,
        MODAL_LIMITS.value,
        draft.alternates,
        false,
      ),
      input(
        FIELD.answer,
        'Answer',
        'What the bot should reply, in plain words',
        TextInputStyle.Paragraph,
        MODAL_LIMITS.value,
        draft.answer,
        true,
      ),
    ],
  };
}

/** What the moderator typed, exactly, from a submitted form. */
export function readTeachForm(interaction: ModalSubmitInteraction): TeachDraft {
  const value = (id: string): string => {
    try {
      return interaction.fields.getTextInputValue(id);
    } catch {
      // An optional input left empty may be missing from the submission.
      return '';
    }
  };
  return { question: value(FIELD.question), alternates: value(FIELD.alternates), answer: value(FIELD.answer) };
}

/** The core's input from a draft: alternates one per line, blank lines dropped. */
export function teachInput(draft: TeachDraft): TeachInput {
  return {
    question: draft.question,
    alternates: draft.alternates
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
    answer: draft.answer,
  };
}
