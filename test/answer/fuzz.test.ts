import { beforeAll, describe, expect, it } from 'vitest';
import { createBot, type AllianceBot } from '../../src/bot.js';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/paths.js';
import { asked } from '../helpers/knowledge.js';

/** A small seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const PIECES = [
  'who',
  'founded',
  'Is',
  'member',
  '?',
  '@everyone',
  '<@123456>',
  '<!here>',
  '**bold**',
  '`code`',
  '> quote',
  '\u0000',
  '\u202e',
  '😀',
  '🇮🇹',
  'العربية',
  '中文',
  'Ünïcödé',
  'how many',
  'when',
  'it',
  'Tsinghua',
  'University of',
  'and',
  ',',
  '\n',
  '\t',
  '   ',
  'x'.repeat(300),
  'https://example.com/a?b=c',
  '#channel',
  '||spoiler||',
  '\\',
  '"',
  '“',
  '(',
  ')',
  '[',
  ']',
  '%s',
  '${x}',
  '<script>',
];

let bot: AllianceBot;
beforeAll(async () => {
  bot = await createBot({ knowledgeDir: DEFAULT_KNOWLEDGE_DIR });
});

describe('any input', () => {
  it('gets a bounded reply of a known kind, never an error', async () => {
    const next = random(42);
    const kinds = new Set(['faq', 'passage', 'list', 'membership', 'count', 'help', 'unknown']);
    for (let i = 0; i < 3000; i++) {
      const length = Math.floor(next() * 12);
      const text = Array.from({ length }, () => PIECES[Math.floor(next() * PIECES.length)]).join(next() < 0.5 ? ' ' : '');
      const answer = await bot.ask(asked(text));
      expect(kinds.has(answer.kind), JSON.stringify(text)).toBe(true);
      expect(answer.text.length, JSON.stringify(text)).toBeLessThanOrEqual(1500);
      expect(answer.text.length, JSON.stringify(text)).toBeGreaterThan(0);
      expect(answer.confidence).toBeGreaterThanOrEqual(0);
      expect(answer.confidence).toBeLessThanOrEqual(1);
    }
  });

  it('survives 100 KB of text and random bytes', async () => {
    const next = random(7);
    const huge = Array.from({ length: 100_000 }, () => String.fromCharCode(Math.floor(next() * 0xffff))).join('');
    for (const text of [huge, 'who founded it? '.repeat(7000), '\u0000'.repeat(1000)]) {
      const answer = await bot.ask(asked(text));
      expect(answer.kind).not.toBe('error');
      expect(answer.text.length).toBeLessThanOrEqual(1500);
    }
  });
});
