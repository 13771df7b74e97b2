import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { createBot, type AllianceBot } from '../../src/bot.js';
import { TAUGHT_FILE } from '../../src/moderation/teach.js';
import { asked, tempKnowledge, type TempKnowledge } from '../helpers/knowledge.js';

let kb: TempKnowledge | undefined;
const bots: AllianceBot[] = [];
afterEach(async () => {
  await Promise.all(bots.splice(0).map((b) => b.close()));
  await kb?.remove();
});

const taughtQuestions = async (dir: string): Promise<string[]> =>
  [...(await readFile(path.join(dir, TAUGHT_FILE), 'utf8')).matchAll(/question: (.*)/g)].map((m) => m[1] ?? '').sort();

describe('concurrent teaches into one knowledge folder', () => {
  it('keeps every entry when two instances without Redis teach at once', async () => {
    kb = await tempKnowledge({ 'a.md': '# Notes\n\nThe office opens at nine.\n' });
    for (let i = 0; i < 2; i++) bots.push(await createBot({ knowledgeDir: kb.dir }));
    const questions = Array.from({ length: 6 }, (_, i) => `How do I reach desk ${i}?`);
    const results = await Promise.all(
      questions.map((question, i) =>
        bots[i % 2]!.teach(asked('kb', true), { question, alternates: [], answer: `Desk ${i} is on floor ${i}.` }),
      ),
    );
    expect(results.map((r) => r.errors)).toEqual(questions.map(() => []));
    expect(await taughtQuestions(kb.dir)).toEqual([...questions].sort());
  });

  it('keeps every entry when two processes teach at once', async () => {
    kb = await tempKnowledge({ 'a.md': '# Notes\n\nThe office opens at nine.\n' });
    const worker = path.join(import.meta.dirname, 'fixtures', 'teach-worker.ts');
    const tsx = path.join(import.meta.dirname, '..', '..', 'node_modules', '.bin', 'tsx');
    const run = promisify(execFile);
    await Promise.all(['one', 'two'].map((name) => run(tsx, [worker, kb!.dir, name, '5'])));
    const expected = ['one', 'two'].flatMap((name) => Array.from({ length: 5 }, (_, i) => `Question ${name} ${i}?`));
    expect(await taughtQuestions(kb.dir)).toEqual(expected.sort());
  }, 30_000);
});
