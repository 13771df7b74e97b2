/**
 * Discord renderings of the moderators' replies: reloads (one per shard, reported once), status,
 * gaps with a Teach button per group, `why` in a code block, and the teach outcome.
 */
import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent } from 'discord.js';
import { formatGaps, formatStatus } from '../../src/conversation/reports.js';
import { TAUGHT_LIVE } from '../../src/conversation/texts.js';
import type { GapsReport, ReloadReport, StatusReport, TeachResult } from '../../src/types.js';
import { LIMITS, NO_MENTIONS, plainMessage, reloadReportMessage, splitText, truncate, type RenderedMessage } from './render.js';

/** One process's reload: its shard id when sharded. */
export interface ShardReload {
  shard?: number;
  report: ReloadReport;
}

/** Discord allows five rows of five buttons on a message. */
const MAX_ROWS = 5;
const PER_ROW = 5;

/** Text split to fit, with `components` on the last message. */
function messages(text: string, components: APIActionRowComponent<APIButtonComponent>[] = []): RenderedMessage[] {
  const pieces = splitText(text, LIMITS.content);
  return pieces.map((content, i) => ({
    content,
    embeds: [],
    components: i === pieces.length - 1 ? components : [],
    allowedMentions: NO_MENTIONS,
  }));
}

/**
 * The reload reply. One process: its report. Several shards: one report for all, saying how many
 * shards took the new knowledge; shards that disagree (one failed to read a file) are named.
 */
export function renderReloads(reloads: readonly ShardReload[]): RenderedMessage {
  const [first] = reloads;
  if (!first) return plainMessage('Nothing was reloaded.');
  if (reloads.length === 1 && first.shard === undefined) return reloadReportMessage(first.report);
  const ok = reloads.filter((r) => r.report.ok);
  const shown = reloads.find((r) => !r.report.ok) ?? first;
  const head =
    ok.length === reloads.length
      ? `Reloaded on every shard: ${reloads.length} shards reloaded.`
      : `Reloaded on ${ok.length} of ${reloads.length} shards; shard(s) ${reloads
          .filter((r) => !r.report.ok)
          .map((r) => r.shard)
          .join(', ')} still serve the previous knowledge.`;
  return plainMessage(`${head}\n${reloadReportMessage(shown.report).content}`);
}

/** `/kb status`. */
export function renderStatus(status: StatusReport): RenderedMessage[] {
  return messages(formatStatus(status));
}

/**
 * `/kb gaps`: the list, and a "Teach" button per gap group (at most 25) that opens the form with
 * that question. `buttonId(i)` names the button of the i-th group.
 */
export function renderGaps(report: GapsReport, buttonId: (index: number) => string): RenderedMessage[] {
  const buttons: APIButtonComponent[] = report.gaps.slice(0, MAX_ROWS * PER_ROW).map((gap, i) => ({
    type: ComponentType.Button,
    style: ButtonStyle.Primary,
    label: truncate(`Teach ${i + 1}. ${gap.question}`, LIMITS.buttonLabel),
    custom_id: buttonId(i),
  }));
  const rows: APIActionRowComponent<APIButtonComponent>[] = [];
  for (let i = 0; i < buttons.length; i += PER_ROW) rows.push({ type: ComponentType.ActionRow, components: buttons.slice(i, i + PER_ROW) });
  return messages(formatGaps(report), rows);
}

/** `/kb why`: the core's compact explanation, in code blocks so columns line up. */
export function renderWhy(text: string): RenderedMessage[] {
  const fence = '```';
  // A fence inside the text would end the block early; a zero-width space breaks it up.
  const safe = text.replace(/```/g, '`\u200b``');
  return splitText(safe, LIMITS.content - 2 * fence.length - 2).map((piece) => plainMessage(`${fence}\n${piece}\n${fence}`));
}

/** The "Edit and resubmit" button under a refused teach. */
function editButton(customId: string): APIActionRowComponent<APIButtonComponent> {
  return {
    type: ComponentType.ActionRow,
    components: [{ type: ComponentType.Button, style: ButtonStyle.Primary, label: 'Edit and resubmit', custom_id: customId }],
  };
}

/** A teach that went live: the confirmation with its reload report. */
export function renderTaught(question: string, result: TeachResult): RenderedMessage[] {
  const report = result.report ? `\n${reloadReportMessage(result.report).content}` : '';
  return messages(`${TAUGHT_LIVE}: "${truncate(question.trim(), 300)}" is answered from now on.${report}`);
}

/** A refused teach: each problem, and the button that reopens the form with what was typed. */
export function renderTeachRefused(errors: TeachResult['errors'], editButtonId: string): RenderedMessage[] {
  const label = { question: 'Question', alternates: 'Other phrasings', answer: 'Answer', form: 'Form' } as const;
  const lines = [
    'Not saved. Nothing you typed is lost: fix this and resubmit.',
    ...errors.map((e) => `- **${label[e.field]}**: ${e.message}`),
  ];
  return messages(lines.join('\n'), [editButton(editButtonId)]);
}
