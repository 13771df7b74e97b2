import { describe, expect, it } from 'vitest';
import { renderGaps, renderReloads, renderTeachRefused, renderWhy } from '../../../adapters/discord/render-moderator.js';
import { renderAnswer } from '../../../adapters/discord/render.js';
import { parseVoteButtonId, voteButtonId } from '../../../adapters/discord/votes.js';
import type { Answer, ReloadReport } from '../../../src/types.js';

const report = (ok: boolean): ReloadReport => ({
  ok,
  forced: false,
  checksPassed: ok ? 5 : 4,
  checkFailures: ok ? [] : [{ question: 'who founded it?', problems: ['missing /edX/'], answer: '…' }],
  documents: 2,
  passages: 40,
  faqEntries: 6,
  added: [],
  removed: [],
  changed: [],
  errors: [],
  tookMs: 12,
  by: 'linus (discord)',
});

describe('reload replies', () => {
  it('are the plain report without sharding, and one report naming the shards with it', () => {
    expect(renderReloads([{ report: report(true) }]).content).toMatch(/^Reloaded in \d+ ms/);
    expect(
      renderReloads([
        { shard: 0, report: report(true) },
        { shard: 1, report: report(true) },
      ]).content,
    ).toMatch(/^Reloaded on every shard: 2 shards reloaded\.\nReloaded in \d+ ms/);
    const split = renderReloads([
      { shard: 0, report: report(true) },
      { shard: 1, report: report(false) },
    ]).content;
    expect(split).toMatch(/^Reloaded on 1 of 2 shards; shard\(s\) 1 still serve the previous knowledge\./);
    expect(split).toContain('- "who founded it?": ');
  });
});

describe('gaps replies', () => {
  it('carry one Teach button per group, at most five per row and five rows', () => {
    const gaps = Array.from({ length: 30 }, (_, i) => ({ question: `question ${i} ${'x'.repeat(100)}`, count: 2, phrasings: [] }));
    const messages = renderGaps({ days: 7, recording: true, gaps, downvoted: [] }, (i) => `teach:open:${i}`);
    const rows = messages.at(-1)?.components ?? [];
    expect(rows.length).toBeLessThanOrEqual(5);
    for (const row of rows) {
      expect(row.components.length).toBeLessThanOrEqual(5);
      for (const button of row.components) expect('label' in button ? (button.label ?? '').length : 0).toBeLessThanOrEqual(80);
    }
    expect(rows.flatMap((r) => r.components)).toHaveLength(25);
    for (const m of messages) expect(m.content.length).toBeLessThanOrEqual(2000);
  });
});

describe('why replies', () => {
  it('are code blocks under 2,000 characters, a fence inside the text broken up', () => {
    const messages = renderWhy(`terms: who found\n${'candidate 0.42 passage\n'.repeat(200)}\`\`\`end`);
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) {
      expect(m.content.length).toBeLessThanOrEqual(2000);
      expect(m.content).toMatch(/^```\n[\s\S]*\n```$/);
      expect(m.content.slice(3, -3)).not.toContain('```');
    }
  });
});

describe('a refused teach', () => {
  it('names each field and offers "Edit and resubmit"', () => {
    const [message] = renderTeachRefused([{ field: 'answer', message: 'Write the answer.' }], 'teach:open:abc');
    expect(message?.content).toContain('- **Answer**: Write the answer.');
    expect(message?.components[0]?.components[0]).toMatchObject({ label: 'Edit and resubmit', custom_id: 'teach:open:abc' });
  });
});

describe('vote buttons', () => {
  const answer = (kind: Answer['kind'], id?: string): Answer => ({
    text: 'An answer.',
    kind,
    confidence: 1,
    sources: [],
    suggestions: kind === 'unknown' ? ['who founded it?'] : [],
    ...(id ? { id } : {}),
  });

  it('come under real answers that have an id, after the suggestions', () => {
    for (const kind of ['passage', 'list', 'count', 'membership', 'faq'] as const) {
      const rows = renderAnswer(answer(kind, '42')).at(-1)?.components ?? [];
      expect(rows.flatMap((r) => r.components).map((b) => ('custom_id' in b ? b.custom_id : ''))).toEqual(['vote:up:42', 'vote:down:42']);
    }
    for (const kind of ['unknown', 'help', 'cooldown', 'error'] as const) {
      const ids = (renderAnswer(answer(kind, '42')).at(-1)?.components ?? [])
        .flatMap((r) => r.components)
        .map((b) => ('custom_id' in b ? b.custom_id : ''));
      expect(ids.some((id) => id?.startsWith('vote:'))).toBe(false);
    }
    expect(renderAnswer(answer('faq')).at(-1)?.components).toEqual([]);
  });

  it('round-trip their vote and answer id, and ignore other buttons', () => {
    expect(parseVoteButtonId(voteButtonId('down', '17'))).toEqual({ vote: 'down', answerId: '17' });
    expect(parseVoteButtonId('ask:0:vote:up:1')).toBeUndefined();
  });
});
