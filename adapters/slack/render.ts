/**
 * Block Kit rendering of the core's answers and reload reports. Pure functions: no Bolt app, no
 * network, so the limits and the escaping are unit-tested on their own.
 */
import type { types } from '@slack/bolt';
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

/**
 * Splits already escaped mrkdwn into pieces of at most `limit` characters, preferring paragraph,
 * then line, then word boundaries, and never cutting an `&amp;`-style entity in two.
 */
export function splitText(text: string, limit = SECTION_LIMIT): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    const window = rest.slice(0, limit + 1);
    let cut = window.lastIndexOf('\n\n');
    if (cut < limit / 2) cut = window.lastIndexOf('\n');
    if (cut < limit / 2) cut = window.lastIndexOf(' ');
    if (cut < limit / 2) {
      cut = limit;
      // An entity is at most 5 characters (&amp;); back up to its `&` rather than split it.
      const amp = rest.lastIndexOf('&', cut - 1);
      if (amp > cut - 5 && rest.indexOf(';', amp) >= cut) cut = amp;
    }
    const piece = rest.slice(0, cut).trimEnd();
    if (piece) pieces.push(piece);
    rest = rest.slice(cut).trimStart();
  }
  if (rest.trim()) pieces.push(rest);
  return pieces;
}

function truncate(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1).trimEnd()}…`;
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
  let sections = splitText(body);
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
  return { text: escaped, blocks: splitText(escaped).slice(0, MAX_SECTIONS).map(section) };
}

function names(label: string, list: string[]): string | undefined {
  if (list.length === 0) return undefined;
  const shown = list.slice(0, 20).map(escapeText).join(', ');
  return `*${label}:* ${shown}${list.length > 20 ? ` and ${list.length - 20} more` : ''}`;
}

/** The checked-reload fields of a report (known-good questions re-asked against the new knowledge). */
interface ReloadChecks {
  ok: boolean;
  forced?: boolean;
  checksPassed?: number;
  checkFailures?: { question: string; problems: string[] }[];
}

/** Renders a reload report for the moderator who asked for it. */
export function renderReloadReport(report: ReloadReport): RenderedMessage {
  const checks: ReloadChecks = report;
  const lines: string[] = [];
  if (report.ok) {
    lines.push(
      `:white_check_mark: Knowledge reloaded: ${report.documents} documents, ${report.passages} passages, ` +
        `${report.faqEntries} FAQ entries (${report.tookMs} ms).`,
    );
    const changes = [names('Added', report.added), names('Removed', report.removed), names('Changed', report.changed)].filter(
      (line): line is string => line !== undefined,
    );
    lines.push(...(changes.length > 0 ? changes : ['No documents changed.']));
  } else {
    lines.push(':warning: Reload failed; the previous knowledge keeps answering. Fix these and reload again:');
  }
  if (checks.forced) lines.push('Checks were skipped (forced reload).');
  else if (report.ok && checks.checksPassed) lines.push(`All ${checks.checksPassed} checks passed.`);
  for (const failure of (checks.checkFailures ?? []).slice(0, 10)) {
    lines.push(`• ${escapeText(failure.question)}: ${escapeText(failure.problems.join('; '))}`);
  }
  for (const error of report.errors.slice(0, 30)) {
    const where = error.line === undefined ? error.file : `${error.file}:${error.line}`;
    lines.push(`• \`${escapeText(where)}\`: ${escapeText(error.message)}`);
  }
  if (report.errors.length > 30) lines.push(`… and ${report.errors.length - 30} more problems.`);
  const text = lines.join('\n');
  return { text: truncate(text, SECTION_LIMIT), blocks: splitText(text).slice(0, MAX_SECTIONS).map(section) };
}
