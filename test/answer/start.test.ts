import { afterEach, describe, expect, it } from 'vitest';
import { KnowledgeLoadError, type ServingAnswerer } from '../../src/answer/serving.js';
import { IN_PROCESS_MAX_BYTES, knowledgeBytes, knowledgeTextSize, startAnswerer } from '../../src/answer/start.js';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/paths.js';
import { tempKnowledge, type TempKnowledge } from '../helpers/knowledge.js';
import { lighthouses, wordFor } from '../helpers/lighthouses.js';

let kb: TempKnowledge | undefined;
const started: ServingAnswerer[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((a) => a.close()));
  await kb?.remove();
  kb = undefined;
});
const keep = (a: ServingAnswerer): ServingAnswerer => (started.push(a), a);

describe('knowledgeBytes', () => {
  it('counts the files the loader may read, not hidden ones or others', async () => {
    kb = await tempKnowledge({
      'a.md': 'x'.repeat(100),
      'sub/b.faq.yaml': 'y'.repeat(20),
      'synonyms.yml': 'z'.repeat(3),
      'notes.pdf': 'n'.repeat(1000),
      '.draft.md': 'd'.repeat(1000),
      '.git/big.md': 'g'.repeat(1000),
    });
    expect(await knowledgeBytes(kb.dir)).toBe(123);
  });
  it('is 0 for a folder that is not there, so the loader says why', async () => {
    expect(await knowledgeBytes('/nonexistent/alliance-kb')).toBe(0);
  });
});

describe('knowledgeTextSize', () => {
  it('counts documents as written and FAQ entries', async () => {
    kb = await tempKnowledge({
      'a.md': '---\ntitle: A\n---\n\nOne sentence.\n',
      'f.faq.yaml': '- question: Q?\n  alternates: [R?]\n  answer: Yes.\n',
    });
    const loaded = await loadKnowledge(kb.dir);
    if (!loaded.ok) throw new Error('does not load');
    expect(knowledgeTextSize(loaded.knowledge)).toBe('---\ntitle: A\n---\n\nOne sentence.\n'.length + 'Q?R?Yes.'.length);
  });
});

describe('startAnswerer', () => {
  it('serves the shipped knowledge in process by default, and it fits with room to spare', async () => {
    expect(await knowledgeBytes(DEFAULT_KNOWLEDGE_DIR)).toBeLessThan(IN_PROCESS_MAX_BYTES / 2);
    const answerer = keep(await startAnswerer(DEFAULT_KNOWLEDGE_DIR));
    expect(answerer.home).toBe('in-process');
    expect((await answerer.ask('who founded it?')).text).toContain('Zhejiang University');
  });

  it('serves knowledge over the limit from a worker, with the same answers', async () => {
    kb = await tempKnowledge('shipped');
    const limit = await knowledgeBytes(kb.dir);
    const here = keep(await startAnswerer(kb.dir, { inProcessMaxBytes: limit }));
    const there = keep(await startAnswerer(kb.dir, { inProcessMaxBytes: limit - 1 }));
    expect([here.home, there.home]).toEqual(['in-process', 'worker']);
    for (const q of ['who founded it?', 'Is Stanford a founding member?', 'What time is it in Tokyo?'])
      expect(await there.ask(q), q).toEqual(await here.ask(q));
    expect(there.manifest).toEqual(here.manifest);
    expect(there.stats).toEqual(here.stats);
    expect(there.help('slack')).toEqual(here.help('slack'));
  });

  it('puts a folder larger than the default limit in a worker', async () => {
    kb = await tempKnowledge({ 'lighthouses.md': lighthouses(IN_PROCESS_MAX_BYTES + 1000) });
    const answerer = keep(await startAnswerer(kb.dir));
    expect(answerer.home).toBe('worker');
    expect((await answerer.ask(`Who keeps the ${wordFor(7)} lighthouse?`)).text).toContain(`${wordFor(5007)} ${wordFor(9007)}`);
  });

  it('warms up in process by building twice, and serves the second build', async () => {
    const answerer = keep(await startAnswerer(DEFAULT_KNOWLEDGE_DIR, { warmUp: true }));
    expect(answerer.home).toBe('in-process');
    expect((await answerer.ask('How many founding members are there?')).text).toMatch(/\b19\b/);
  });

  it('puts everything in a worker with a limit of 0, and nothing with Infinity', async () => {
    kb = await tempKnowledge({ 'lighthouses.md': lighthouses(IN_PROCESS_MAX_BYTES + 1000) });
    expect(keep(await startAnswerer(DEFAULT_KNOWLEDGE_DIR, { inProcessMaxBytes: 0 })).home).toBe('worker');
    expect(keep(await startAnswerer(kb.dir, { inProcessMaxBytes: Number.POSITIVE_INFINITY })).home).toBe('in-process');
  });

  it('rejects a broken folder with every problem, in process or in a worker', async () => {
    kb = await tempKnowledge({ 'broken.md': '---\ntitle: Broken\nno closing line\n' });
    for (const inProcessMaxBytes of [IN_PROCESS_MAX_BYTES, 0]) {
      const error = await startAnswerer(kb.dir, { inProcessMaxBytes }).catch((e: unknown) => e);
      expect(error, String(inProcessMaxBytes)).toBeInstanceOf(KnowledgeLoadError);
      expect((error as KnowledgeLoadError).errors).toEqual([expect.objectContaining({ file: 'broken.md', line: 1 })]);
    }
  });

  it("rejects a folder that is not there, in the loader's words", async () => {
    const error = await startAnswerer('/nonexistent/alliance-kb').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KnowledgeLoadError);
    expect((error as KnowledgeLoadError).errors[0]?.message).toMatch(/folder not found/);
  });
});
