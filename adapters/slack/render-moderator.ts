/**
 * Block Kit rendering of the moderators' reports: `/kb status`, `/kb gaps` (with a Teach button
 * per gap), `/kb why` (a code block), the `/kb` usage and the outcome of a teach. Pure functions,
 * like render.ts; every text from the knowledge or from people is escaped.
 */
import { splitText, truncate } from '../../src/conversation/limits.js';
import { formatGaps, formatStatus } from '../../src/conversation/reports.js';
import { TAUGHT_LIVE } from '../../src/conversation/texts.js';
import type { GapsReport, StatusReport, TeachResult } from '../../src/types.js';
import { escapeText } from './escape.js';
import { renderNotice, reloadReportMessage, SECTION_LIMIT, type Block, type RenderedMessage } from './render.js';

/** action_id prefix of the Teach buttons in the gaps list; the value is the gap's question. */
export const TEACH_GAP_ACTION_PREFIX = 'kb_teach_gap';

/** Slack's limit on a button's value; gap questions are far shorter, but a value over it is rejected. */
const BUTTON_VALUE_LIMIT = 2000;
/** The gaps list stays one screen: the core sends at most ten groups anyway. */
const GAPS_SHOWN = 10;
const PHRASINGS_SHOWN = 3;

function section(text: string): Block {
  return { type: 'section', text: { type: 'mrkdwn', text } };
}

function message(lines: string[], blocks?: Block[]): RenderedMessage {
  const text = lines.join('\n');
  return { text: truncate(text, SECTION_LIMIT), blocks: blocks ?? splitText(text, SECTION_LIMIT).map(section) };
}

/** `/kb status`: the conversation layer's text, the same as on Discord and in the terminal. */
export function renderStatus(status: StatusReport): RenderedMessage {
  return message(escapeText(formatStatus(status)).split('\n'));
}

/**
 * `/kb gaps`: each group of unanswered or weak questions with a Teach button that opens the teach
 * form with that question filled in, then the most down-voted answers.
 */
export function renderGaps(report: GapsReport): RenderedMessage {
  // The conversation layer says why there is nothing to show, as on every platform.
  if (!report.recording) return renderNotice(formatGaps(report));
  const heading = `*Questions I could not answer well in the last ${report.days} day${report.days === 1 ? '' : 's'}*`;
  const blocks: Block[] = [section(heading)];
  const lines = [heading];
  const gaps = report.gaps.slice(0, GAPS_SHOWN);
  if (gaps.length === 0) {
    blocks.push(section('_None: every question got a confident answer._'));
    lines.push('None.');
  }
  gaps.forEach((gap, i) => {
    const also = gap.phrasings
      .slice(0, PHRASINGS_SHOWN)
      .map((p) => `“${escapeText(p)}”`)
      .join(', ');
    const text = truncate(`${i + 1}. *${escapeText(gap.question)}* ×${gap.count}${also ? `\n      also: ${also}` : ''}`, SECTION_LIMIT);
    lines.push(`${i + 1}. ${escapeText(gap.question)} ×${gap.count}`);
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text },
      accessory: {
        type: 'button',
        action_id: `${TEACH_GAP_ACTION_PREFIX}_${i}`,
        text: { type: 'plain_text', text: 'Teach', emoji: false },
        value: truncate(gap.question, BUTTON_VALUE_LIMIT),
        accessibility_label: truncate(`Teach the answer to: ${gap.question}`, 75),
      },
    });
  });
  const voted = report.downvoted.map((d) => `• ${escapeText(d.question)}: 👎 ${d.down} · 👍 ${d.up}`);
  const votedText = `*Most down-voted answers*\n${voted.length > 0 ? voted.join('\n') : '_None._'}`;
  blocks.push({ type: 'divider' }, ...splitText(votedText, SECTION_LIMIT).map(section));
  lines.push(votedText);
  return message(lines, blocks);
}

/** `/kb why`: the core's explanation as it is, in a code block so the columns line up. */
export function renderWhy(explanation: string): RenderedMessage {
  // Each piece is its own code block; the fences take 8 characters of the section's 3,000.
  const pieces = splitText(escapeText(explanation.trimEnd()), SECTION_LIMIT - 8);
  return { text: truncate(explanation, SECTION_LIMIT), blocks: pieces.slice(0, 45).map((piece) => section(`\`\`\`${piece}\`\`\``)) };
}

/** The `/kb` subcommands, for `/kb` alone, `/kb help` and unknown subcommands. */
export function renderKbHelp(command: string, reloadCommand: string): RenderedMessage {
  return message([
    `*Moderator tools* (only you see the replies)`,
    `\`${command} status\`: what knowledge is loaded, when, by whom, and the last reload`,
    `\`${command} gaps [days]\`: questions I could not answer well (default 7 days), with a Teach button each, and the most down-voted answers`,
    `\`${command} why <question>\`: how I read the question, the candidates and their scores, and why the winner won`,
    `\`${command} teach\`: add a question and its answer; it goes live after the checks pass`,
    `\`${reloadCommand} [force]\`: reload the knowledge folder (\`force\` skips the checks)`,
  ]);
}

/** A saved teach, for the moderator who submitted it. */
export function renderTaught(question: string, result: TeachResult): RenderedMessage {
  const head = `:white_check_mark: ${TAUGHT_LIVE}: *${escapeText(question.trim())}*`;
  if (!result.report) return message([head]);
  const report = reloadReportMessage(result.report);
  return { text: truncate(`${head}\n${report.text}`, SECTION_LIMIT), blocks: [section(head), ...report.blocks] };
}
