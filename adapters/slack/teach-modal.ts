/**
 * The `/kb teach` form as a Slack modal: building it (optionally with a gap's question filled in),
 * reading what the moderator typed from a view_submission, and turning the core's validation
 * errors into the `response_action: "errors"` map that keeps the modal open with every field as
 * typed. Pure functions; the listeners do the Slack calls.
 */
import type { types } from '@slack/bolt';
import { truncate } from '../../src/conversation/limits.js';
import type { TeachInput, TeachResult } from '../../src/types.js';

/** callback_id of the teach modal; the view listener matches it. */
export const TEACH_CALLBACK_ID = 'kb_teach';

/** The form's input blocks, named after {@link TeachInput}'s fields so errors map one to one. */
export const TEACH_BLOCKS = { question: 'question', alternates: 'alternates', answer: 'answer' } as const;
/** Every input's action_id; the block id says which field it is. */
const INPUT_ACTION = 'value';

/** What the teach modal's state looks like in a view_submission (`view.state.values`). */
export type ViewStateValues = Record<string, Record<string, { value?: string | null }>>;

/** The most a Slack input accepts; the core's own limits are lower and are reported per field. */
const QUESTION_MAX = 500;
const TEXT_MAX = 3000;

function input(
  blockId: string,
  label: string,
  options: { multiline: boolean; optional?: boolean; hint: string; placeholder: string; initial?: string; max: number },
): types.InputBlock {
  return {
    type: 'input',
    block_id: blockId,
    optional: options.optional ?? false,
    label: { type: 'plain_text', text: label },
    hint: { type: 'plain_text', text: options.hint },
    element: {
      type: 'plain_text_input',
      action_id: INPUT_ACTION,
      multiline: options.multiline,
      max_length: options.max,
      placeholder: { type: 'plain_text', text: options.placeholder },
      ...(options.initial ? { initial_value: truncate(options.initial, options.max) } : {}),
    },
  };
}

/** What the form opens with: a gap's question, or (after a slow save failed) everything typed and why it failed. */
export interface TeachPrefill {
  question?: string;
  alternates?: string[];
  answer?: string;
  /** Shown above the inputs: the problems of the last submission, when they could not go under their fields. */
  problems?: string[];
}

/** The teach modal, filled in from `prefill`. */
export function teachView(prefill: TeachPrefill = {}): types.ModalView {
  const problems: types.KnownBlock[] = prefill.problems?.length
    ? [
        {
          type: 'section',
          text: { type: 'plain_text', text: truncate(`Not saved: ${prefill.problems.join(' ')}`, TEXT_MAX), emoji: false },
        },
      ]
    : [];
  return {
    type: 'modal',
    callback_id: TEACH_CALLBACK_ID,
    title: { type: 'plain_text', text: 'Teach the bot' },
    submit: { type: 'plain_text', text: 'Save and reload' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      ...problems,
      input(TEACH_BLOCKS.question, 'Question', {
        multiline: false,
        hint: 'As people ask it.',
        placeholder: 'Who can join the alliance?',
        initial: prefill.question,
        max: QUESTION_MAX,
      }),
      input(TEACH_BLOCKS.alternates, 'Other ways to ask it', {
        multiline: true,
        optional: true,
        hint: 'One per line.',
        placeholder: 'How do I become a member?\nCan my university join?',
        initial: prefill.alternates?.join('\n'),
        max: TEXT_MAX,
      }),
      input(TEACH_BLOCKS.answer, 'Answer', {
        multiline: true,
        hint: 'Goes live after a checked reload; the file records you as its author.',
        placeholder: 'Universities and online education platforms can apply…',
        initial: prefill.answer,
        max: TEXT_MAX,
      }),
    ],
  };
}

function field(values: ViewStateValues, blockId: string): string {
  return values[blockId]?.[INPUT_ACTION]?.value ?? '';
}

/** What the moderator typed, as the core's {@link TeachInput}: one alternate phrasing per line. */
export function readTeachInput(values: ViewStateValues): TeachInput {
  return {
    question: field(values, TEACH_BLOCKS.question).trim(),
    alternates: field(values, TEACH_BLOCKS.alternates)
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
    answer: field(values, TEACH_BLOCKS.answer).trim(),
  };
}

/**
 * The core's errors by input block, for `response_action: "errors"`. Problems with the whole
 * entry (`form`) go under the answer, the last field, where the moderator looks after submitting.
 */
export function teachErrors(errors: TeachResult['errors']): Record<string, string> {
  const byBlock: Record<string, string> = {};
  for (const error of errors) {
    const block = error.field === 'form' ? TEACH_BLOCKS.answer : TEACH_BLOCKS[error.field];
    byBlock[block] = byBlock[block] ? `${byBlock[block]} ${error.message}` : error.message;
  }
  // Slack shows at most a line or two under a field; a long check failure is cut, not refused.
  for (const block of Object.keys(byBlock)) byBlock[block] = truncate(byBlock[block] ?? '', 1000);
  return byBlock;
}

/**
 * What the modal shows while a slow save finishes: Slack wants an answer to the submission within
 * three seconds, and a checked reload of a large knowledge folder can take longer.
 */
export function savingView(question: string): types.ModalView {
  return {
    type: 'modal',
    callback_id: `${TEACH_CALLBACK_ID}_saving`,
    title: { type: 'plain_text', text: 'Teach the bot' },
    close: { type: 'plain_text', text: 'Close' },
    blocks: [
      {
        type: 'section',
        text: {
          type: 'plain_text',
          text: truncate(`Saving “${question}” and running the checks… You will get a direct message when it is live.`, TEXT_MAX),
          emoji: false,
        },
      },
    ],
  };
}
