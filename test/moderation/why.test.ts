import { describe, expect, it } from 'vitest';
import { formatWhy } from '../../src/moderation/why.js';
import { guildAnswerer } from '../answer/facts/harbour.js';

describe('kb why on a facts answer', () => {
  it('shows the entities the answer names with what the knowledge gives them, and the list', () => {
    const text = formatWhy(guildAnswerer().explain('Which members are in Africa?'));
    expect(text).toContain(
      'Entities (what the knowledge gives them):\n  Ogun Harbour Archive: harbour archive; Lagos, Nigeria [Harbour Guild members]',
    );
    expect(text).toMatch(/Answer: list, confidence 0\.9 — facts about the Harbour Guild members$/);
  });
  it('marks a thing the text only mentions as on no list', () => {
    const text = formatWhy(guildAnswerer().explain('Did the Nordic Shipping Council found the guild?'));
    expect(text).toContain('Nordic Shipping Council [mentioned, on no list]');
    expect(text).toContain('facts about the Harbour Guild members: no');
  });
});
