import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Answerer } from '../../src/answer/answerer.js';
import { InProcessAnswerer } from '../../src/answer/in-process.js';
import { KnowledgeLoadError, type ServingAnswerer } from '../../src/answer/serving.js';
import { startAnswerer } from '../../src/answer/start.js';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { manifestOf } from '../../src/knowledge/manifest.js';
import type { KnowledgeBase } from '../../src/knowledge/types.js';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/paths.js';
import { tempKnowledge } from '../helpers/knowledge.js';

const QUESTIONS = [
  'Who founded the Global MOOC Alliance?',
  'How many founding members are there?',
  'Is Tsinghua University a member?',
  "What's the capital of Australia?",
  'who fonded the aliance',
];

async function shipped(): Promise<KnowledgeBase> {
  const loaded = await loadKnowledge(DEFAULT_KNOWLEDGE_DIR);
  if (!loaded.ok) throw new Error('the shipped knowledge does not load');
  return loaded.knowledge;
}

describe('InProcessAnswerer', () => {
  let served: ServingAnswerer;
  let local: Answerer;
  beforeAll(async () => {
    served = await startAnswerer(DEFAULT_KNOWLEDGE_DIR, { inProcessMaxBytes: Infinity });
    local = new Answerer(await shipped());
  });
  afterAll(() => served.close());

  it('answers, explains, suggests and helps as the Answerer does', async () => {
    expect(served.home).toBe('in-process');
    for (const q of QUESTIONS) expect(await served.ask(q), q).toEqual(local.ask(q));
    const why = await served.explain(QUESTIONS[0] as string);
    expect(why.answer).toEqual(local.ask(QUESTIONS[0] as string));
    expect(await served.suggest('found', 3)).toEqual(local.suggest('found', 3));
    expect(served.help('discord')).toEqual(local.help('discord'));
  });
  it('reports what it serves and how long it took to build', () => {
    expect(served.stats).toEqual(local.stats);
    expect(served.manifest).toEqual(manifestOf(local.knowledge));
    expect(served.buildMs).toBeGreaterThan(0);
  });
});

describe('InProcessAnswerer started on a folder, and built', () => {
  it('rejects a folder that does not load with every problem', async () => {
    const kb = await tempKnowledge({ 'broken.md': '---\ntitle: Broken\nno closing line\n' });
    try {
      const error = await startAnswerer(kb.dir, { inProcessMaxBytes: Infinity }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(KnowledgeLoadError);
      expect((error as KnowledgeLoadError).message).toMatch(
        /^answer: the knowledge does not load:\n {2}broken\.md:1: front matter opened with --- is never closed/,
      );
    } finally {
      await kb.remove();
    }
  });
  it('reports a build that throws as a load error naming the folder, as the worker does', () => {
    const broken = { ...({} as KnowledgeBase), documents: null } as unknown as KnowledgeBase;
    let error: unknown;
    try {
      InProcessAnswerer.build(broken, 0, 'kb-folder');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(KnowledgeLoadError);
    expect((error as KnowledgeLoadError).errors).toEqual([
      { file: 'kb-folder', message: expect.stringMatching(/^answer: building the answerer failed: /) },
    ]);
  });
});

describe('InProcessAnswerer.close', () => {
  it('refuses questions after, and can be called twice', async () => {
    const served = InProcessAnswerer.build(await shipped());
    const answered = served.ask('Who founded the Global MOOC Alliance?');
    await served.close();
    expect((await answered).kind).toBe('list');
    await expect(served.ask('anything')).rejects.toThrow(/^answer: the answerer was closed$/);
    await expect(served.explain('anything')).rejects.toThrow(/answer: the answerer was closed/);
    await expect(served.suggest('any', 3)).rejects.toThrow(/answer: the answerer was closed/);
    await expect(served.close()).resolves.toBeUndefined();
    // The usage reply needs no knowledge: adapters may still render it while a swap finishes.
    expect(served.help('terminal').kind).toBe('help');
  });
});
