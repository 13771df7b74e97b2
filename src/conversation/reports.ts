import { formatKnowledgeError } from '../knowledge/loader.js';
import { suggestionsLeadIn } from '../language/index.js';
import type { Answer, GapsReport, InstancesReport, ReloadReport, StatusReport, TeachResult } from '../types.js';

/**
 * Plain-text renderings of answers and moderator reports, for the terminal and as the text of
 * chat replies. Lines, `- ` bullets and nothing platform-specific.
 */

/** An answer: the reply, its source, and suggestions when unsure. */
export function formatAnswer(answer: Answer): string {
  const lines = [answer.text];
  for (const source of answer.sources) {
    lines.push(`  Source: ${source.document}${source.section ? ` › ${source.section}` : ''}${source.url ? ` <${source.url}>` : ''}`);
  }
  if (answer.suggestions.length > 0 && answer.kind === 'unknown') {
    lines.push(suggestionsLeadIn(answer.lang), ...answer.suggestions.map((s) => `  - ${s}`));
  }
  return lines.join('\n');
}

/**
 * The one reload report, on every platform: what changed, or why nothing did. `force` names how
 * the platform skips the checks (`/kb-reload force`).
 */
export function formatReloadReport(report: ReloadReport, force = 'reload force'): string {
  const here = formatLocalReload(report, force);
  return report.instances ? `${here}\n${formatInstances(report.instances)}` : here;
}

/** The line (or lines) on the other instances, when several share the state. */
export function formatInstances(outcome: InstancesReport): string {
  const plural = (n: number): string => `${n} instance${n === 1 ? '' : 's'}`;
  const head =
    outcome.reloaded === outcome.instances
      ? `Reloaded on ${plural(outcome.instances)}.`
      : `Reloaded on ${outcome.reloaded} of ${plural(outcome.instances)}.`;
  return [
    head,
    ...outcome.failed.map((f) => `  instance ${f.instance}: ${f.problems.slice(0, 5).join('; ') || 'failed'}`),
    ...outcome.silent.map((i) => `  instance ${i}: started, but did not say how it went`),
  ].join('\n');
}

function formatLocalReload(report: ReloadReport, force: string): string {
  if (report.errors.length > 0) {
    return [
      `Reload failed; the previous knowledge is still serving. ${report.errors.length} problem(s):`,
      ...report.errors.map((e) => `  ${formatKnowledgeError(e)}`),
    ].join('\n');
  }
  const changes = [
    report.added.length ? `added ${report.added.join(', ')}` : '',
    report.removed.length ? `removed ${report.removed.join(', ')}` : '',
    report.changed.length ? `changed ${report.changed.join(', ')}` : '',
  ].filter(Boolean);
  const changeLine = changes.length ? `Changes: ${changes.join('; ')}.` : 'No changes.';
  if (!report.ok) {
    return [
      `Reload refused: ${report.checkFailures.length} check(s) failed against the new knowledge; the previous knowledge is still serving.`,
      ...report.checkFailures.map(
        (f) => `  - "${f.question}": ${f.problems.join(', ')}\n    got: ${f.answer.replace(/\s+/g, ' ').slice(0, 200)}`,
      ),
      changeLine,
      `Fix the documents or the checks (checks.yaml), or use ${force} to skip the checks.`,
    ].join('\n');
  }
  return [
    `Reloaded in ${report.tookMs} ms: ${report.documents} document(s), ${report.passages} passages, ${report.faqEntries} FAQ entries.`,
    report.forced ? 'Checks skipped (forced reload).' : `Checks: ${report.checksPassed} passed.`,
    changeLine,
  ].join('\n');
}

/** `kb status`. */
export function formatStatus(status: StatusReport): string {
  const last = status.lastReload;
  return [
    `Knowledge: ${status.documents} document(s), ${status.passages} passages, ${status.faqEntries} FAQ entries, ${status.checks} checks (content ${status.contentHash}).`,
    `Loaded ${status.loadedAt.toISOString().replace('T', ' ').slice(0, 19)} UTC by ${status.loadedBy}.`,
    last
      ? `Last reload by ${last.by}: ${last.ok ? (last.forced ? 'done, forced' : 'done') : last.errors.length ? `failed (${last.errors.length} problems)` : `refused (${last.checkFailures.length} failed checks)`} in ${last.tookMs} ms.`
      : 'No reload since start-up.',
  ].join('\n');
}

/** `kb gaps`. */
export function formatGaps(report: GapsReport): string {
  if (!report.recording)
    return 'Gaps: questions are not recorded here. `npm start` and the `npm run ask` chat record them, unless ANALYTICS_DB=off.';
  const lines = [`Questions I could not answer well in the last ${report.days} day(s):`];
  if (report.gaps.length === 0) lines.push('  none');
  report.gaps.forEach((g, i) => {
    lines.push(
      `  ${i + 1}. "${g.question}" ×${g.count}${g.phrasings.length ? ` (also: ${g.phrasings.map((p) => `"${p}"`).join(', ')})` : ''}`,
    );
  });
  lines.push('Most down-voted answers:');
  if (report.downvoted.length === 0) lines.push('  none');
  for (const d of report.downvoted) lines.push(`  - "${d.question}": 👎 ${d.down}, 👍 ${d.up}`);
  return lines.join('\n');
}

/** The outcome of `kb teach`. */
export function formatTeach(result: TeachResult): string {
  if (result.ok) return `Saved and live. ${result.report ? formatReloadReport(result.report) : ''}`.trim();
  return ['Not saved:', ...result.errors.map((e) => `  ${e.field}: ${e.message}`)].join('\n');
}
