import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Answerer } from '../../src/answer/answerer.js';
import { KnowledgeLoadError, WorkerAnswerer } from '../../src/answer/worker.js';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { manifestOf } from '../../src/knowledge/manifest.js';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/paths.js';
import { tempKnowledge, type TempKnowledge } from '../helpers/knowledge.js';

const QUESTIONS = [
  'Who founded the Global MOOC Alliance?',
  'How many founding members are there?',
  'Is Tsinghua University a member?',
  "What's the capital of Australia?",
  'who fonded the aliance',
];

async function inProcess(): Promise<Answerer> {
  const loaded = await loadKnowledge(DEFAULT_KNOWLEDGE_DIR);
  if (!loaded.ok) throw new Error('the shipped knowledge does not load');
  return new Answerer(loaded.knowledge);
}

describe('WorkerAnswerer started from a folder', () => {
  let worker: WorkerAnswerer;
  let local: Answerer;
  beforeAll(async () => {
    [worker, local] = await Promise.all([WorkerAnswerer.start(DEFAULT_KNOWLEDGE_DIR), inProcess()]);
  });
  afterAll(() => worker.close());

  it('answers as the in-process Answerer does', async () => {
    for (const q of QUESTIONS) expect(await worker.ask(q), q).toEqual(local.ask(q));
  });
  it('answers questions asked all at once, each with its own answer', async () => {
    const replies = await Promise.all(QUESTIONS.map((q) => worker.ask(q)));
    expect(replies).toEqual(QUESTIONS.map((q) => local.ask(q)));
  });
  it('explains, suggests and helps as the Answerer does', async () => {
    const why = await worker.explain(QUESTIONS[0] as string);
    expect(why.answer).toEqual(local.ask(QUESTIONS[0] as string));
    expect(why.candidates.map((c) => c.passage.text)).toEqual(local.explain(QUESTIONS[0] as string).candidates.map((c) => c.passage.text));
    expect(await worker.suggest('found', 3)).toEqual(local.suggest('found', 3));
    expect(worker.help('slack')).toEqual(local.help('slack'));
    expect(worker.help('discord')).toEqual(local.help('discord'));
  });
  it('reports what it serves', () => {
    expect(worker.home).toBe('worker');
    expect(worker.stats).toEqual(local.stats);
    expect(worker.manifest).toEqual(manifestOf(local.knowledge));
  });
});

describe('WorkerAnswerer started from a loaded knowledge base', () => {
  it('answers from it', async () => {
    const loaded = await loadKnowledge(DEFAULT_KNOWLEDGE_DIR);
    if (!loaded.ok) throw new Error('the shipped knowledge does not load');
    const worker = await WorkerAnswerer.start(loaded.knowledge);
    try {
      expect(await worker.ask('Who founded the Global MOOC Alliance?')).toEqual(
        new Answerer(loaded.knowledge).ask('Who founded the Global MOOC Alliance?'),
      );
    } finally {
      await worker.close();
    }
  });
});

describe('WorkerAnswerer.start on a folder that does not load', () => {
  let kb: TempKnowledge;
  beforeAll(async () => {
    kb = await tempKnowledge({ 'broken.md': '---\ntitle: Broken\nno closing line\n' });
  });
  afterAll(() => kb.remove());

  it('rejects with every problem, file and line', async () => {
    const error = await WorkerAnswerer.start(kb.dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KnowledgeLoadError);
    expect((error as KnowledgeLoadError).errors).toEqual([expect.objectContaining({ file: 'broken.md', line: 1 })]);
    expect((error as KnowledgeLoadError).message).toMatch(
      /^answer: the knowledge does not load:\n {2}broken\.md:1: front matter opened with --- is never closed/,
    );
  });
  it('rejects for a folder that is not there', async () => {
    const error = await WorkerAnswerer.start(`${kb.dir}/missing`).catch((e: unknown) => e);
    expect((error as KnowledgeLoadError).errors[0]?.message).toMatch(/folder not found/);
  });
});

describe('WorkerAnswerer.close', () => {
  it('lets questions in flight finish, refuses new ones, and can be called twice', async () => {
    const worker = await WorkerAnswerer.start(DEFAULT_KNOWLEDGE_DIR);
    const inFlight = worker.ask('Who founded the Global MOOC Alliance?');
    const closed = worker.close();
    await expect(worker.ask('anything')).rejects.toThrow(/answer: the answerer was closed/);
    expect((await inFlight).kind).not.toBe('unknown');
    await closed;
    await expect(worker.ask('anything')).rejects.toThrow(/answer: the answerer was closed/);
    await expect(worker.close()).resolves.toBeUndefined();
  });
  it('rejects questions still in flight after the drain time', async () => {
    const worker = await WorkerAnswerer.start(DEFAULT_KNOWLEDGE_DIR);
    const inFlight = worker.ask('Who founded the Global MOOC Alliance?').then(
      () => 'answered',
      (error: Error) => error.message,
    );
    await worker.close(0);
    expect(['answered', 'answer: the answerer was closed']).toContain(await inFlight);
  });
});

describe('a process with an idle WorkerAnswerer', () => {
  it('exits on its own: an idle worker does not hold it open', async () => {
    const { execFile } = await import('node:child_process');
    const script = `import { WorkerAnswerer } from ${JSON.stringify(new URL('../../dist/src/answer/worker.js', import.meta.url).href)};
const w = await WorkerAnswerer.start(${JSON.stringify(DEFAULT_KNOWLEDGE_DIR)});
const a = await w.ask('Who founded the Global MOOC Alliance?');
process.stdout.write(a.kind);`;
    const out = await new Promise<string>((resolve, reject) =>
      execFile(process.execPath, ['--input-type=module', '-e', script], { timeout: 20_000 }, (error, stdout) =>
        error ? reject(error) : resolve(stdout),
      ),
    );
    expect(out).not.toBe('');
  });
});
