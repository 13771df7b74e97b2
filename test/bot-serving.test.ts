import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { knowledgeBytes } from '../src/answer/start.js';
import { createBot, type AllianceBot } from '../src/bot.js';
import { asked, tempKnowledge, type TempKnowledge } from './helpers/knowledge.js';
import { lighthouses, wordFor } from './helpers/lighthouses.js';

let kb: TempKnowledge | undefined;
let bot: AllianceBot | undefined;
afterEach(async () => {
  await bot?.close();
  bot = undefined;
  await kb?.remove();
  kb = undefined;
});

const LIGHTHOUSE_QUESTION = `Who keeps the ${wordFor(3)} lighthouse?`;
const LIGHTHOUSE_KEEPER = `${wordFor(5003)} ${wordFor(9003)}`;

/** The shipped knowledge, with a limit it fits under until `lighthouses.md` (4 KB) is added. */
async function nearTheLimit(): Promise<{ kb: TempKnowledge; inProcessMaxBytes: number }> {
  const folder = await tempKnowledge('shipped');
  return { kb: folder, inProcessMaxBytes: (await knowledgeBytes(folder.dir)) + 1000 };
}

describe('where the bot serves from', () => {
  it('serves the shipped knowledge in process by default, and from a worker when the limit says so', async () => {
    kb = await tempKnowledge('shipped');
    bot = await createBot({ knowledgeDir: kb.dir });
    const worker = await createBot({ knowledgeDir: kb.dir, inProcessMaxBytes: 0 });
    try {
      expect(bot.current().home).toBe('in-process');
      expect(worker.current().home).toBe('worker');
      for (const q of [
        'who founded it?',
        'How many founders does it have?',
        'Is Stanford a founding member?',
        'What is the weather in London?',
      ]) {
        expect(await worker.ask(asked(q)), q).toEqual(await bot.ask(asked(q)));
      }
      expect(await worker.suggest('found', 3)).toEqual(await bot.suggest('found', 3));
      expect(await worker.why(asked('kb why', true), 'who founded it?')).toBe(await bot.why(asked('kb why', true), 'who founded it?'));
    } finally {
      await worker.close();
    }
  });
});

describe('a reload across the limit', () => {
  it('swaps from in process to a worker and back, closing the one it replaced', async () => {
    const near = await nearTheLimit();
    kb = near.kb;
    bot = await createBot({ knowledgeDir: kb.dir, inProcessMaxBytes: near.inProcessMaxBytes });
    const first = bot.current();
    expect(first.home).toBe('in-process');

    await kb.write('lighthouses.md', lighthouses(4000));
    expect((await bot.reload(asked('/reload', true))).ok).toBe(true);
    const second = bot.current();
    expect(second.home).toBe('worker');
    expect((await bot.ask(asked(LIGHTHOUSE_QUESTION))).text).toContain(LIGHTHOUSE_KEEPER);
    await expect(first.ask('who founded it?')).rejects.toThrow(/answer: the answerer was closed/);

    await rm(path.join(kb.dir, 'lighthouses.md'));
    const report = await bot.reload(asked('/reload', true));
    expect(report).toMatchObject({ ok: true, removed: ['lighthouses.md'] });
    expect(bot.current().home).toBe('in-process');
    expect((await bot.ask(asked('who founded it?'))).text).toContain('Zhejiang University');
    await expect(second.ask('who founded it?')).rejects.toThrow(/answer: the answerer was closed/);
  });

  it('answers every question asked while it swaps kinds', async () => {
    const near = await nearTheLimit();
    kb = near.kb;
    bot = await createBot({ knowledgeDir: kb.dir, inProcessMaxBytes: near.inProcessMaxBytes });
    await kb.write('lighthouses.md', lighthouses(4000));
    const live = bot;
    const reload = live.reload(asked('/reload', true));
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        new Promise((resolve) => setTimeout(resolve, i)).then(() => live.ask(asked('How many founders does it have?'))),
      ),
    );
    expect((await reload).ok).toBe(true);
    expect(answers.map((a) => a.kind)).not.toContain('error');
    expect(answers.every((a) => /\b19\b/.test(a.text))).toBe(true);
  });
});

describe('a failed reload', () => {
  it('keeps the answerer serving, in process or in a worker, when the folder breaks', async () => {
    for (const inProcessMaxBytes of [undefined, 0]) {
      kb = await tempKnowledge('shipped');
      bot = await createBot({ knowledgeDir: kb.dir, inProcessMaxBytes });
      const serving = bot.current();
      await kb.write('global-mooc-alliance.md', 'front matter lost in an edit');
      const report = await bot.reload(asked('/reload', true));
      expect(report.ok, String(inProcessMaxBytes)).toBe(false);
      expect(bot.current()).toBe(serving);
      expect((await bot.ask(asked('who founded it?'))).text).toContain('Zhejiang University');
      await bot.close();
      bot = undefined;
      await kb.remove();
    }
    kb = undefined;
  });

  it('keeps the in-process answerer when a candidate built in a worker fails its checks', async () => {
    const near = await nearTheLimit();
    kb = near.kb;
    bot = await createBot({ knowledgeDir: kb.dir, inProcessMaxBytes: near.inProcessMaxBytes });
    const serving = bot.current();
    await kb.write('lighthouses.md', lighthouses(4000));
    await kb.write('checks.yaml', `- question: ${JSON.stringify(LIGHTHOUSE_QUESTION)}\n  expect: [nobody keeps it]\n`);
    const report = await bot.reload(asked('/reload', true));
    expect(report.ok).toBe(false);
    expect(report.checkFailures).toEqual([expect.objectContaining({ question: LIGHTHOUSE_QUESTION })]);
    expect(bot.current()).toBe(serving);
    expect(serving.home).toBe('in-process');
    expect((await bot.ask(asked(LIGHTHOUSE_QUESTION))).kind).toBe('unknown');
  });
});

describe('close', () => {
  it('lets a question in flight in the worker finish, then refuses politely', async () => {
    kb = await tempKnowledge('shipped');
    const closing = await createBot({ knowledgeDir: kb.dir, inProcessMaxBytes: 0 });
    const inFlight = closing.ask(asked('who founded it?'));
    await closing.close();
    expect((await inFlight).text).toContain('Zhejiang University');
    expect((await closing.ask(asked('who founded it?'))).kind).toBe('error');
  });

  it('waits for a reload in flight, and closes what it swapped in', async () => {
    const near = await nearTheLimit();
    kb = near.kb;
    const closing = await createBot({ knowledgeDir: kb.dir, inProcessMaxBytes: near.inProcessMaxBytes });
    await kb.write('lighthouses.md', lighthouses(4000));
    const reload = closing.reload(asked('/reload', true));
    await closing.close();
    expect((await reload).ok).toBe(true);
    expect(closing.current().home).toBe('worker');
    await expect(closing.current().ask(LIGHTHOUSE_QUESTION)).rejects.toThrow(/answer: the answerer was closed/);
  });
});
