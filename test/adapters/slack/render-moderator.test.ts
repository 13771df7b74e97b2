import { describe, expect, it } from 'vitest';
import { renderGaps, renderStatus, renderTaught, renderWhy } from '../../../adapters/slack/render-moderator.js';
import { renderAnswer, SECTION_LIMIT, type Block } from '../../../adapters/slack/render.js';
import { readTeachInput, TEACH_BLOCKS, teachErrors, teachView } from '../../../adapters/slack/teach-modal.js';
import type { Answer, ReloadReport } from '../../../src/types.js';

const texts = (blocks: Block[]): string[] => blocks.flatMap((b) => (b.type === 'section' && b.text ? [b.text.text] : []));

const report: ReloadReport = {
  ok: true,
  forced: false,
  checksPassed: 4,
  checkFailures: [],
  documents: 2,
  passages: 40,
  faqEntries: 9,
  added: ['FAQ "Where?"'],
  removed: [],
  changed: [],
  errors: [],
  tookMs: 12,
  by: 'mod (slack)',
};

describe('the teach form', () => {
  it('reads one alternate phrasing per line, dropping blank lines and spaces', () => {
    const values = {
      [TEACH_BLOCKS.question]: { value: { value: ' Q? ' } },
      [TEACH_BLOCKS.alternates]: { value: { value: 'a\n\n  b  \n' } },
      [TEACH_BLOCKS.answer]: { value: { value: null } },
    };
    expect(readTeachInput(values)).toEqual({ question: 'Q?', alternates: ['a', 'b'], answer: '' });
  });

  it('puts each error under its field, form-wide ones under the answer', () => {
    expect(
      teachErrors([
        { field: 'question', message: 'Write the question.' },
        { field: 'answer', message: 'Write the answer.' },
        { field: 'form', message: 'A check failed.' },
      ]),
    ).toEqual({ [TEACH_BLOCKS.question]: 'Write the question.', [TEACH_BLOCKS.answer]: 'Write the answer. A check failed.' });
  });

  it('fills in a gap question, clipped to what the input accepts', () => {
    const view = teachView({ question: 'x'.repeat(600) });
    const question = view.blocks[0] as { block_id?: string; element?: { initial_value?: string } } | undefined;
    expect(question?.block_id).toBe(TEACH_BLOCKS.question);
    expect(question?.element?.initial_value).toHaveLength(500);
  });
});

describe('moderator replies', () => {
  it('escape what people typed', () => {
    const gaps = renderGaps({
      days: 7,
      recording: true,
      gaps: [{ question: '<!channel> hi', count: 2, phrasings: ['a & b'] }],
      downvoted: [{ question: '<@U1>', up: 0, down: 1 }],
    });
    const all = texts(gaps.blocks).join('\n');
    expect(all).not.toContain('<!channel>');
    expect(all).not.toContain('<@U1>');
    expect(all).toContain('&lt;!channel&gt;');
  });

  it('say when questions are not recorded', () => {
    expect(renderGaps({ days: 7, recording: false, gaps: [], downvoted: [] }).text).toMatch(/questions are not recorded/);
  });

  it('keep a long why in code blocks within the section limit', () => {
    const rendered = renderWhy('line of the explanation\n'.repeat(400));
    expect(rendered.blocks.length).toBeGreaterThan(1);
    for (const text of texts(rendered.blocks)) {
      expect(text.length).toBeLessThanOrEqual(SECTION_LIMIT);
      expect(text.startsWith('```') && text.endsWith('```')).toBe(true);
    }
  });

  it('show the last reload in the status', () => {
    const status = renderStatus({
      documents: 2,
      passages: 40,
      faqEntries: 9,
      checks: 4,
      contentHash: 'abc123',
      loadedAt: new Date('2026-01-02T03:04:05Z'),
      loadedBy: 'start-up',
      lastReload: { ...report, forced: true },
    });
    expect(status.text).toContain('Loaded 2026-01-02 03:04:05 UTC by start-up.');
    expect(status.text).toContain('Last reload by mod (slack): done, forced in 12 ms.');
  });

  it('report a teach with its reload', () => {
    expect(renderTaught('Where?', { ok: true, errors: [], report }).text).toMatch(/Saved and live: \*Where\?\*\n.*Reloaded in/);
  });
});

describe('vote buttons on answers', () => {
  const answer = (o: Partial<Answer>): Answer => ({
    text: 'It was founded in 2014.',
    kind: 'passage',
    confidence: 0.9,
    sources: [],
    suggestions: [],
    ...o,
  });
  const hasVotes = (a: Answer): boolean => renderAnswer(a).blocks.some((b) => b.type === 'actions' && b.block_id === 'feedback');

  it('appear only on recorded answers of the kinds that claim to know', () => {
    expect(hasVotes(answer({ id: '7' }))).toBe(true);
    expect(hasVotes(answer({ id: '7', kind: 'faq' }))).toBe(true);
    expect(hasVotes(answer({}))).toBe(false);
    expect(hasVotes(answer({ id: '7', kind: 'unknown' }))).toBe(false);
    expect(hasVotes(answer({ id: '7', kind: 'help' }))).toBe(false);
  });
});
