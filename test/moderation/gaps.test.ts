import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../src/answer/analyzer.js';
import { groupGaps } from '../../src/moderation/gaps.js';

const row = (question: string, answered = false, confidence = 0) => ({
  question,
  kind: answered ? ('passage' as const) : ('unknown' as const),
  answered,
  confidence,
});

describe('gaps', () => {
  it('count rephrasings of one question together, most asked first', () => {
    const groups = groupGaps(
      [
        row('how do I join the alliance?'),
        row('How can my university join the alliance'),
        row('joining the alliance?'),
        row('what does membership cost'),
        row('what does membership cost'),
        row('who founded it', true, 0.95),
        row('where is the next conference', true, 0.6),
      ],
      new Analyzer(),
      10,
    );
    expect(groups).toEqual([
      {
        question: 'how do i join the alliance?',
        count: 3,
        phrasings: ['how can my university join the alliance', 'joining the alliance?'],
      },
      { question: 'what does membership cost', count: 2, phrasings: [] },
      { question: 'where is the next conference', count: 1, phrasings: [] },
    ]);
  });
});
