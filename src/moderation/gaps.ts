import type { Analyzer } from '../answer/analyzer.js';
import type { RecordedQuestion } from '../analytics/store.js';
import type { GapGroup } from '../types.js';

/** Answered, but with less confidence than this: a gap worth a moderator's look. */
export const LOW_CONFIDENCE = 0.7;
const NOT_QUESTIONS = new Set(['help', 'cooldown', 'error']);

/** Whether a recorded question is a gap: not answered, or answered weakly. */
export function isGap(q: Pick<RecordedQuestion, 'kind' | 'answered' | 'confidence'>): boolean {
  return !NOT_QUESTIONS.has(q.kind) && (!q.answered || q.confidence < LOW_CONFIDENCE);
}

/** Jaccard similarity of two term sets. */
function similarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return shared / (a.size + b.size - shared);
}

/**
 * Groups gap questions so rephrasings count together: two questions are one gap when their
 * analyzed terms (stems, stop words gone) overlap by half or more. Most asked first.
 */
export function groupGaps(
  rows: readonly Pick<RecordedQuestion, 'question' | 'kind' | 'answered' | 'confidence'>[],
  analyzer: Analyzer,
  limit: number,
): GapGroup[] {
  const groups: { terms: Set<string>; phrasings: Map<string, number>; count: number }[] = [];
  for (const row of rows) {
    if (!isGap(row)) continue;
    const text = row.question.trim();
    const terms = new Set(analyzer.terms(text, 'question'));
    if (terms.size === 0) continue;
    let group = groups.find((g) => similarity(g.terms, terms) >= 0.5);
    if (!group) {
      group = { terms, phrasings: new Map(), count: 0 };
      groups.push(group);
    }
    group.count++;
    const key = text.toLowerCase();
    group.phrasings.set(key, (group.phrasings.get(key) ?? 0) + 1);
  }
  return groups
    .sort((a, b) => b.count - a.count)
    .slice(0, limit)
    .map((g) => {
      const [first, ...others] = [...g.phrasings].sort((a, b) => b[1] - a[1]).map(([p]) => p);
      return { question: first ?? '', count: g.count, phrasings: others.slice(0, 3) };
    });
}
