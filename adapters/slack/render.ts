/**
 * Block Kit rendering of the core's answers and reload reports. Pure functions: no Bolt app, no
 * network, so the limits and the escaping are unit-tested on their own.
 */
import type { types } from '@slack/bolt';
import { splitText, truncate } from '../../src/conversation/limits.js';
import { formatReloadReport } from '../../src/conversation/reports.js';
import type { Answer, ReloadReport, Source } from '../../src/types.js';
import { escapeText } from './escape.js';

/** A Block Kit block as chat.postMessage and response_url accept it. */
export type Block = types.KnownBlock;

/** A message ready for chat.postMessage / respond: `text` is the notification and screen-reader fallback. */
export interface RenderedMessage {
  text: string;
  blocks: Block[];
}

/** Slack's limit for the text of one section block. */
export const SECTION_LIMIT = 3000;
/** Slack rejects messages with more than 50 blocks; keep room for the context and button blocks. */
const MAX_SECTIONS = 45;
/** Button labels are plain text of at most 75 characters. */
const BUTTON_LABEL_LIMIT = 75;
/** Button values are at most 2,000 characters; a suggestion is a question, far shorter. */
const BUTTON_VALUE_LIMIT = 2000;
/** Quotes in the source line stay short: the answer already shows the words. */
const SOURCES_SHOWN = 3;
const ECHO_LIMIT = 300;

/** action_id prefix of the suggestion buttons; the actions listener matches it. */
export const SUGGESTION_ACTION_PREFIX = 'ask_suggestion';
/** action_ids of the 👍 / 👎 buttons; their value is the answer's id. */
export const FEEDBACK_ACTIONS = { up: 'answer_feedback_up', down: 'answer_feedback_down' } as const;
/** Answers worth a vote: those that claim to know something. Help, apologies and "I don't know" are not. */
const VOTED_KINDS = new Set<Answer['kind']>(['passage', 'list', 'count', 'membership', 'faq']);

/** Options for {@link renderAnswer}. */
export interface RenderAnswerOptions {
  /** Slack user id of the person who asked, shown above the answer (for /ask and button clicks). */
  askedBy?: string;
  /** The question as the person typed it, echoed (escaped) with `askedBy`. */
  question?: string;
}

function section(text: string): Block {
  return { type: 'section', text: { type: 'mrkdwn', text } };
}

function context(text: string): Block {
  return { type: 'context', elements: [{ type: 'mrkdwn', text }] };
}

/** Only plain http(s) URLs become links; anything else could break out of Slack's `<url|label>`. */
function safeUrl(url: string | undefined): string | undefined {
  return url && /^https?:\/\/[^\s<>|]+$/.test(url) ? url : undefined;
}

function sourceLine(source: Source): string {
  const title = escapeText(source.document);
  const url = safeUrl(source.url);
  const name = url ? `<${url}|${title}>` : `*${title}*`;
  return source.section ? `${name} › ${escapeText(source.section)}` : name;
}

function askedLine(options: RenderAnswerOptions): string | undefined {
  if (!options.askedBy) return undefined;
  const question = options.question ? `: ${escapeText(truncate(options.question, ECHO_LIMIT))}` : '';
  return `<@${options.askedBy}> asked${question}`;
}

/**
 * Renders an answer: who asked (when given), the answer in sections of at most 3,000
 * characters, a context line naming the sources, and for `unknown` answers the suggested
 * questions as buttons whose value is the question to ask; answers the core recorded (with an id)
 * get 👍 / 👎 buttons.
 */
export function renderAnswer(answer: Answer, options: RenderAnswerOptions = {}): RenderedMessage {
  const blocks: Block[] = [];
  const asked = askedLine(options);
  if (asked) blocks.push(context(asked));

  const body = escapeText(answer.text.trim() || 'I have no answer to that.');
  let sections = splitText(body, SECTION_LIMIT);
  if (sections.length > MAX_SECTIONS) {
    sections = sections.slice(0, MAX_SECTIONS);
    sections[MAX_SECTIONS - 1] = `${truncate(sections[MAX_SECTIONS - 1] ?? '', SECTION_LIMIT - 1)}…`;
  }
  blocks.push(...sections.map(section));

  const sources = answer.sources.slice(0, SOURCES_SHOWN);
  if (sources.length > 0) {
    blocks.push(context(`Source: ${sources.map(sourceLine).join(' · ')}`));
  }

  const suggestions = answer.kind === 'unknown' ? answer.suggestions.filter((s) => s.trim()).slice(0, 5) : [];
  if (suggestions.length > 0) {
    blocks.push({
      type: 'actions',
      block_id: 'suggestions',
      elements: suggestions.map((suggestion, i) => ({
        type: 'button',
        action_id: `${SUGGESTION_ACTION_PREFIX}_${i}`,
        text: { type: 'plain_text', text: truncate(suggestion, BUTTON_LABEL_LIMIT), emoji: false },
        value: truncate(suggestion, BUTTON_VALUE_LIMIT),
      })),
    });
  }

  if (answer.id && VOTED_KINDS.has(answer.kind)) blocks.push(feedbackButtons(answer.id));

  const fallback = [asked, body].filter(Boolean).join('\n');
  return { text: truncate(fallback, SECTION_LIMIT), blocks };
}

/** 👍 / 👎 under an answer; the answer id rides in the value so any instance can record the vote. */
function feedbackButtons(answerId: string): Block {
  return {
    type: 'actions',
    block_id: 'feedback',
    elements: (['up', 'down'] as const).map((vote) => ({
      type: 'button',
      action_id: FEEDBACK_ACTIONS[vote],
      text: { type: 'plain_text', text: vote === 'up' ? '👍' : '👎', emoji: true },
      value: answerId,
      accessibility_label: vote === 'up' ? 'This answer helped' : 'This answer did not help',
    })),
  };
}

/** Renders a plain notice (refusal, apology, cooldown) as one section with the same text fallback. */
export function renderNotice(text: string): RenderedMessage {
  const escaped = escapeText(text);
  return { text: escaped, blocks: splitText(escaped, SECTION_LIMIT).slice(0, MAX_SECTIONS).map(section) };
}

/** How a Slack moderator skips the checks. */
const RELOAD_FORCE = '/kb-reload force';

/** Renders the one reload report for the moderator who asked for it, escaped for mrkdwn. */
export function reloadReportMessage(report: ReloadReport): RenderedMessage {
  const text = escapeText(formatReloadReport(report, RELOAD_FORCE));
  return { text: truncate(text, SECTION_LIMIT), blocks: splitText(text, SECTION_LIMIT).slice(0, MAX_SECTIONS).map(section) };
}
