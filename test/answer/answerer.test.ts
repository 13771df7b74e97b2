import { describe, expect, it } from 'vitest';
import { Answerer, inOrderShare } from '../../src/answer/answerer.js';
import { parseMarkdown } from '../../src/knowledge/markdown.js';
import type { KnowledgeBase } from '../../src/knowledge/types.js';

function knowledge(markdown: string): KnowledgeBase {
  const parsed = parseMarkdown('treasury.md', markdown);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return { documents: [parsed.value], faq: [], checks: [], contentHash: 'test', synonyms: [], subject: 'Treasury report' };
}

describe('inOrderShare', () => {
  it('is the share of the wanted terms found in the same order', () => {
    expect(inOrderShare(['public', 'debt', 'year'], ['the', 'public', 'debt', 'of', 'the', 'year'])).toBe(1);
    expect(inOrderShare(['public', 'debt', 'year'], ['year', 'debt', 'public'])).toBeCloseTo(1 / 3);
    expect(inOrderShare(['public', 'debt', 'year'], ['debt', 'was', 'paid', 'this', 'year'])).toBeCloseTo(2 / 3);
    expect(inOrderShare([], ['debt'])).toBe(0);
    expect(inOrderShare(['debt'], [])).toBe(0);
  });
});

describe('passages that cover a question equally', () => {
  // Both sentences have every word of the question; the second is shorter, which BM25 prefers.
  const answerer = new Answerer(
    knowledge(`---
title: Treasury report
---

Payments on the public debt were made in full during the fiscal year, as the law requires of the Treasury.

During the year the debt owed to the public fell.
`),
  );

  it("answer with the one that has the question's words in the same order", () => {
    expect(answerer.ask('public debt year').text).toContain('Payments on the public debt');
    expect(answerer.ask('year debt public').text).toContain('During the year the debt');
  });
});
