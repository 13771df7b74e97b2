import type { Explanation } from '../answer/answerer.js';
import { truncate } from '../answer/text.js';

/**
 * `kb why`: how a question was read and weighed, compactly: the shape, each term with its weight
 * and what it matched, the top candidates with their scores, the threshold, and why the winner won.
 */
export function formatWhy(e: Explanation): string {
  const lines: string[] = [];
  const q = e.question;
  lines.push(`Question: "${truncate(q.text, 120)}"`);
  lines.push(
    `Read as: ${q.meta ? `${q.meta} (no search)` : q.shape}${q.pronoun ? ', "it" = the main subject' : ''}${q.membership ? `, asks about: ${q.membership.names.join(' / ')}` : ''}`,
  );
  if (e.terms.length > 0) {
    lines.push('Terms (weight: what they match):');
    for (const t of e.terms)
      lines.push(
        `  ${t.term} (${t.weight.toFixed(2)}): ${t.alternatives.length ? t.alternatives.slice(0, 6).join(', ') : 'not in the knowledge'}`,
      );
  }
  lines.push(`Threshold: ${e.threshold}`);
  if (e.candidates.length > 0) {
    lines.push('Top candidates (rank = coverage + shape + list + FAQ + BM25):');
    e.candidates.forEach((c, i) => {
      lines.push(
        `  ${i + 1}. rank ${c.rank.toFixed(2)}, coverage ${c.coverage.toFixed(2)}${c.shapeMatch ? ', shape ✓' : ''} [${c.kind}] ${truncate(c.passage.text, 90)} (${c.passage.doc.title})`,
      );
    });
  } else if (!q.meta) {
    lines.push('No passage shares a word with the question.');
  }
  if (e.entities?.length) {
    lines.push('Entities (what the knowledge gives them):');
    for (const line of e.entities) lines.push(`  ${truncate(line, 160)}`);
  }
  const [first, second] = e.candidates;
  const a = e.answer;
  let reason: string;
  if (a.kind === 'unknown')
    reason = first ? `the best covers ${Math.round(first.coverage * 100)}% of the question, below the threshold` : 'nothing matched';
  else if (a.facts?.listName)
    reason = `facts about the ${a.facts.listName}${a.facts.count !== undefined ? `: counted ${a.facts.count}` : ''}${a.facts.yes !== undefined ? `: ${a.facts.yes ? 'yes' : 'no'}` : ''}`;
  else if (a.kind === 'membership') reason = 'a yes/no question about a name, looked up in the list';
  else if (a.kind === 'count') reason = 'a "how many" question, answered with the size of the list it is about';
  else if (a.kind === 'help') reason = 'a greeting or a request for help';
  else if (first)
    reason = `covers ${Math.round(first.coverage * 100)}% of the question${first.shapeMatch ? ' and has what its shape asks for' : ''}${second ? `, ${(first.rank - second.rank).toFixed(2)} ahead of the next` : ''}`;
  else reason = '';
  lines.push(`Answer: ${a.kind}, confidence ${a.confidence}${reason ? ` — ${reason}` : ''}`);
  return lines.join('\n');
}
