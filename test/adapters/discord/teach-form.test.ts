import { describe, expect, it } from 'vitest';
import {
  FIELD,
  MODAL_LIMITS,
  TeachDrafts,
  openFormButtonId,
  parseOpenFormButtonId,
  teachInput,
  teachModal,
} from '../../../adapters/discord/teach-form.js';

describe('teach drafts', () => {
  it('are kept for their owner only, for a bounded time', () => {
    let now = 0;
    const drafts = new TeachDrafts({ ttlMs: 1000, now: () => now });
    const id = drafts.put({ question: 'q?', alternates: '', answer: 'a' }, 'mod-1');
    expect(drafts.get(id, 'mod-2')).toBeUndefined();
    expect(drafts.get(id, 'mod-1')).toEqual({ question: 'q?', alternates: '', answer: 'a' });
    now = 1001;
    expect(drafts.get(id, 'mod-1')).toBeUndefined();
    expect(drafts.size).toBe(0);
  });

  it('are bounded in number, the oldest going first', () => {
    const drafts = new TeachDrafts({ max: 3 });
    const ids = Array.from({ length: 5 }, (_, i) => drafts.put({ question: `q${i}`, alternates: '', answer: '' }, 'mod'));
    expect(drafts.size).toBe(3);
    expect(drafts.get(ids[0] ?? '', 'mod')).toBeUndefined();
    expect(drafts.get(ids[4] ?? '', 'mod')?.question).toBe('q4');
  });

  it('have short ids that fit a button with room to spare', () => {
    const id = new TeachDrafts().put({ question: 'q', alternates: '', answer: '' }, 'mod');
    expect(openFormButtonId(id).length).toBeLessThanOrEqual(MODAL_LIMITS.customId);
    expect(parseOpenFormButtonId(openFormButtonId(id))).toBe(id);
    expect(parseOpenFormButtonId('ask:0:who')).toBeUndefined();
  });
});

describe('the teach modal', () => {
  it('respects the modal limits and cuts prefills to what the inputs accept', () => {
    const modal = teachModal({ question: 'q'.repeat(500), alternates: 'a\nb', answer: 'x'.repeat(5000) });
    expect(modal.title.length).toBeLessThanOrEqual(MODAL_LIMITS.title);
    expect(modal.custom_id.length).toBeLessThanOrEqual(MODAL_LIMITS.customId);
    for (const label of modal.components) {
      if (!('label' in label) || !('component' in label)) throw new Error('expected label components');
      expect(label.label.length).toBeLessThanOrEqual(MODAL_LIMITS.label);
      const input = label.component as { value?: string; max_length?: number };
      expect(input.max_length).toBeLessThanOrEqual(MODAL_LIMITS.value);
      expect((input.value ?? '').length).toBeLessThanOrEqual(input.max_length ?? 0);
    }
  });

  it('turns the alternates, one per line, into phrasings without the blank lines', () => {
    expect(teachInput({ question: 'q?', alternates: ' one \n\n two\n', answer: 'a' })).toEqual({
      question: 'q?',
      alternates: ['one', 'two'],
      answer: 'a',
    });
    expect(Object.values(FIELD)).toEqual(['question', 'alternates', 'answer']);
  });
});
