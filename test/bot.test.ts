import { afterEach, describe, expect, it } from 'vitest';
import { createBot } from '../src/bot.js';
import { UserError } from '../src/errors.js';
import { asked, tempKnowledge, type TempKnowledge } from './helpers/knowledge.js';

let kb: TempKnowledge | undefined;
afterEach(async () => kb?.remove());

describe('createBot', () => {
  it('refuses to start on a broken knowledge folder, naming each problem', async () => {
    kb = await tempKnowledge({ 'a.md': '---\ntitle: A\nno closing line' });
    await expect(createBot({ knowledgeDir: kb.dir })).rejects.toThrow(
      /knowledge: .* has problems:\n {2}a\.md:1: front matter opened with --- is never closed/,
    );
  });
});

describe('reload', () => {
  it('swaps in new knowledge and reports what changed', async () => {
    kb = await tempKnowledge('shipped');
    const bot = await createBot({ knowledgeDir: kb.dir });
    const before = await bot.status(asked('kb status', true));
    expect((await bot.ask(asked('Who maintains the lighthouse?'))).kind).toBe('unknown');
    await kb.write('lighthouse.md', '---\ntitle: Lighthouse\n---\n\nThe lighthouse is maintained by Jane Keeper.\n');
    await kb.write('extra.faq.yaml', '- question: Where is the lighthouse?\n  answer: On the northern cape.\n');
    const report = await bot.reload(asked('/reload', true));
    expect(report).toMatchObject({
      ok: true,
      added: ['lighthouse.md', 'FAQ "Where is the lighthouse?"'],
      removed: [],
      changed: [],
      errors: [],
      by: 'tester (terminal)',
    });
    expect(report.documents).toBe(before.documents + 1);
    expect(report.faqEntries).toBe(before.faqEntries + 1);
    expect((await bot.ask(asked('Who maintains the lighthouse?'))).text).toContain('Jane Keeper');
    expect((await bot.ask(asked('where is the lighthouse'))).text).toBe('On the northern cape.');
  });

  it('keeps the old knowledge serving when the new folder is broken', async () => {
    kb = await tempKnowledge('shipped');
    const bot = await createBot({ knowledgeDir: kb.dir });
    await kb.write('global-mooc-alliance.md', '---\ntitle: closing line lost in an edit\n');
    const report = await bot.reload(asked('/reload', true));
    expect(report.ok).toBe(false);
    expect(report.errors).toEqual([{ file: 'global-mooc-alliance.md', line: 1, message: expect.stringContaining('never closed') }]);
    expect(report.documents).toBe(2);
    expect((await bot.ask(asked('who founded it?'))).text).toContain('Zhejiang University');
  });

  it('answers every question asked while a reload runs', async () => {
    kb = await tempKnowledge('shipped');
    const bot = await createBot({ knowledgeDir: kb.dir });
    const reloads = [bot.reload(asked('/reload', true)), bot.reload(asked('/reload', true))];
    const answers = await Promise.all(Array.from({ length: 50 }, () => bot.ask(asked('How many founders does it have?'))));
    expect(answers.every((a) => /\b19\b/.test(a.text))).toBe(true);
    expect((await Promise.all(reloads)).map((r) => r.ok)).toEqual([true, true]);
  });

  it('is refused to people who are not moderators', async () => {
    kb = await tempKnowledge('shipped');
    const bot = await createBot({ knowledgeDir: kb.dir });
    await expect(bot.reload(asked('/reload', false))).rejects.toThrow(new UserError('bot: only moderators can reload the knowledge base'));
  });
});

describe('bad input', () => {
  it('gets the usage reply for empty questions', async () => {
    kb = await tempKnowledge('shipped');
    const bot = await createBot({ knowledgeDir: kb.dir });
    expect((await bot.ask(asked('   '))).kind).toBe('help');
    expect((await bot.ask(asked('<@U123>'))).kind).toBe('help');
  });
});

describe('suggestions', () => {
  it('offer answerable questions that contain what was typed', async () => {
    kb = await tempKnowledge('shipped');
    const bot = await createBot({ knowledgeDir: kb.dir });
    const all = await bot.suggest('', 25);
    expect(all.length).toBeGreaterThanOrEqual(3);
    expect(await bot.suggest('found', 5)).toEqual(expect.arrayContaining(['Who are the Global MOOC Alliance founding members?']));
    for (const suggestion of all) expect((await bot.ask(asked(suggestion))).kind, suggestion).not.toBe('unknown');
  });
});
