import { formatKnowledgeError } from './knowledge/loader.js';
import type { Answer, ReloadReport } from './types.js';

/** An answer as plain text for a terminal: the reply, its source, and suggestions when unsure. */
export function formatAnswer(answer: Answer): string {
  const lines = [answer.text];
  for (const source of answer.sources) {
    lines.push(`  Source: ${source.document}${source.section ? ` › ${source.section}` : ''}${source.url ? ` <${source.url}>` : ''}`);
  }
  if (answer.suggestions.length > 0 && answer.kind === 'unknown') {
    lines.push('You could ask:', ...answer.suggestions.map((s) => `  - ${s}`));
  }
  return lines.join('\n');
}

/** A reload report as plain text: what changed, or why nothing did. */
export function formatReloadReport(report: ReloadReport): string {
  if (!report.ok) {
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
  return [
    `Reloaded in ${report.tookMs} ms: ${report.documents} document(s), ${report.passages} passages, ${report.faqEntries} FAQ entries.`,
    changes.length ? `Changes: ${changes.join('; ')}.` : 'No changes.',
  ].join('\n');
}
