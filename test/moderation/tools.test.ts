import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CONFIDENCE_THRESHOLD } from '../../src/answer/answerer.js';
import { createBot, type AllianceBot } from '../../src/bot.js';
import { UserError } from '../../src/errors.js';
import { asked, tempKnowledge, type TempKnowledge } from '../helpers/knowledge.js';

let kb: TempKnowledge | undefined;
let bot: AllianceBot | undefined;
afterEach(async () => {
  await bot?.close();
  await kb?.remove();
  bot = undefined;
});

const moderator = asked('kb', true);
const member = asked('kb', false);
const CHECKS = '- question: who founded it?\n  expect: [Tsinghua, Zhejiang]\n- question: What time is it in Tokyo?\n  abstain: true\n';

async function start(files: Record<string, string> = {}): Promise<AllianceBot> {
  kb = await tempKnowledge('shipped');
  for (const [name, text] of Object.entries(files)) await kb.write(name, text);
  bot = await createBot({ knowledgeDir: kb.dir, analytics: { path: ':memory:', storeUsers: false, retentionDays: 90 } });
  return bot;
}

describe('checked reload', () => {
  it('goes live when every check passes, and says how many', async () => {
    const b = await start({ 'checks.yaml': CHECKS });
    expect(await b.reload(moderator)).toMatchObject({ ok: true, checksPassed: 2, checkFailures: [], forced: false });
  });

  it('is refused when a check fails, reporting the answer it got; the old knowledge keeps serving', async () => {
    const b = await start({ 'checks.yaml': CHECKS });
    const article = path.join(kb!.dir, 'global-mooc-alliance.md');
    await kb!.write(
      'global-mooc-alliance.md',
      (await readFile(article, 'utf8')).replace(/The Global MOOC Alliance founding members are: [^\n]*\n/, ''),
    );
    const report = await b.reload(moderator);
    expect(report.ok).toBe(false);
    expect(report.checkFailures).toEqual([
      { question: 'who founded it?', problems: ['missing /Tsinghua/', 'missing /Zhejiang/'], answer: expect.any(String) },
    ]);
    expect((await b.ask(asked('who founded it?'))).text).toContain('Zhejiang University');
    expect((await b.status(moderator)).lastReload?.ok).toBe(false);
  });

  it('skips the checks when forced, and says so', async () => {
    const b = await start({ 'checks.yaml': '- question: who founded it?\n  expect: [Stanford]\n' });
    expect(await b.reload(moderator)).toMatchObject({ ok: false });
    expect(await b.reload(moderator, { force: true })).toMatchObject({ ok: true, forced: true, checksPassed: 0 });
  });
});

describe('kb status', () => {
  it('says what is loaded, when, by whom, and the last reload', async () => {
    const b = await start();
    const before = await b.status(moderator);
    expect(before).toMatchObject({
      documents: 2,
      faqEntries: 2,
      loadedBy: 'start-up',
      contentHash: expect.stringMatching(/^[0-9a-f]{12}$/),
    });
    await kb!.write('new.md', '---\ntitle: New\n---\n\nNew text.\n');
    await b.reload(moderator);
    const after = await b.status(moderator);
    expect(after).toMatchObject({ documents: 3, loadedBy: 'tester (terminal)', lastReload: { ok: true, added: ['new.md'] } });
    expect(after.contentHash).not.toBe(before.contentHash);
  });
});

describe('kb gaps', () => {
  it('lists what people asked that the bot could not answer, rephrasings together, and down-voted answers', async () => {
    const b = await start();
    for (const q of ['How do I join the alliance?', 'how can I join the alliance', 'What is the membership fee?']) await b.ask(asked(q));
    const answered = await b.ask(asked('When did it start?'));
    await b.feedback(answered.id ?? '', 'down', asked('vote'));
    const gaps = await b.gaps(moderator, 7);
    expect(gaps.gaps).toEqual([
      // Equally frequent phrasings: the most recent one leads.
      { question: 'how can i join the alliance', count: 2, phrasings: ['how do i join the alliance?'] },
      { question: 'what is the membership fee?', count: 1, phrasings: [] },
    ]);
    expect(gaps.downvoted).toEqual([{ question: 'When did it start?', up: 0, down: 1 }]);
  });
});

describe('kb why', () => {
  it('shows the terms, the candidates, the threshold and why the winner won', async () => {
    const b = await start();
    const text = await b.why(moderator, 'when did it start?');
    expect(text).toContain('Read as: when, "it" = the main subject');
    expect(text).toMatch(/start \([\d.]+\): .*launch/);
    expect(text).toContain(`Threshold: ${CONFIDENCE_THRESHOLD}`);
    expect(text).toMatch(/1\. rank [\d.]+, coverage [\d.]+, shape ✓ \[passage\] The Global MOOC Alliance was launched on 11 December\./);
    expect(text).toMatch(/Answer: passage, confidence [\d.]+ — covers \d+% of the question and has what its shape asks for/);
  });
});

describe('kb teach', () => {
  it('writes a FAQ entry with author and date, and answers the new question right after', async () => {
    const b = await start();
    expect((await b.ask(asked('How do I join the alliance?'))).kind).toBe('unknown');
    const result = await b.teach(moderator, {
      question: 'How do I join the alliance?',
      alternates: ['Can my university join?'],
      answer: 'Write to the secretariat of the Global MOOC Alliance.',
    });
    expect(result).toMatchObject({ ok: true, errors: [], report: { ok: true, added: ['FAQ "How do I join the alliance?"'] } });
    const file = await readFile(path.join(kb!.dir, 'taught.faq.yaml'), 'utf8');
    expect(file).toContain('author: tester (terminal)');
    expect(file).toMatch(/date: \d{4}-\d{2}-\d{2}/);
    expect((await b.ask(asked('can my university join?'))).text).toBe('Write to the secretariat of the Global MOOC Alliance.');
  });

  it('reports each field problem and writes nothing', async () => {
    const b = await start();
    const result = await b.teach(moderator, { question: 'What is a MOOC?', alternates: [], answer: ' ' });
    expect(result.errors).toEqual([
      { field: 'question', message: 'This question is already answered in alliance.faq.yaml:3.' },
      { field: 'answer', message: 'Write the answer.' },
    ]);
    await expect(readFile(path.join(kb!.dir, 'taught.faq.yaml'), 'utf8')).rejects.toThrow(/ENOENT/);
  });

  it('takes the entry out again when it makes a check fail', async () => {
    const b = await start({ 'checks.yaml': '- question: who founded it?\n  expect: [Tsinghua]\n' });
    const result = await b.teach(moderator, {
      question: 'Who founded it?',
      alternates: ['who founded the alliance'],
      answer: 'Nobody knows.',
    });
    expect(result.ok).toBe(false);
    expect(result.errors).toEqual([{ field: 'form', message: 'Not saved: with this entry check "who founded it?": missing /Tsinghua/' }]);
    await expect(readFile(path.join(kb!.dir, 'taught.faq.yaml'), 'utf8')).rejects.toThrow(/ENOENT/);
    expect((await b.ask(asked('who founded it?'))).text).toContain('Tsinghua');
  });
});

describe('moderator tools', () => {
  it('are refused to everyone else', async () => {
    const b = await start();
    await expect(b.status(member)).rejects.toThrow(UserError);
    await expect(b.gaps(member)).rejects.toThrow('bot: only moderators can see the gaps');
    await expect(b.why(member, 'x')).rejects.toThrow(UserError);
    await expect(b.teach(member, { question: 'q', alternates: [], answer: 'a' })).rejects.toThrow(UserError);
  });
});
