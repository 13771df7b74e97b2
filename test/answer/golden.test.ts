import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBot, type AllianceBot } from '../../src/bot.js';
import { checkProblems } from '../../src/moderation/checks.js';
import { DEFAULT_KNOWLEDGE_DIR, PROJECT_ROOT } from '../../src/paths.js';
import { asked, tempKnowledge, type TempKnowledge } from '../helpers/knowledge.js';

/** A case in the format of ../shared/eval/questions.json. */
interface Case {
  id: string;
  q: string;
  expect?: string[];
  forbid?: string[];
  abstain?: boolean;
  maxLen?: number;
}
interface CaseSet {
  defaults?: { maxLen?: number };
  cases: Case[];
}

/** Why an answer fails a case; empty when it passes (the scorer's rules, as checks.yaml applies them). */
function problems(c: Case, answer: string, defaultMax = 700): string[] {
  return checkProblems(
    { expect: c.expect ?? [], forbid: c.forbid ?? [], abstain: c.abstain ?? false, maxLength: c.maxLen ?? defaultMax },
    answer,
  );
}

const load = (file: string): CaseSet => JSON.parse(readFileSync(file, 'utf8')) as CaseSet;
const ours = load(path.join(PROJECT_ROOT, 'test/answer/golden.json'));
const devFile = path.join(PROJECT_ROOT, '../shared/eval/questions.json');
const dev = existsSync(devFile) ? load(devFile) : undefined;

let bot: AllianceBot;
beforeAll(async () => {
  bot = await createBot({ knowledgeDir: DEFAULT_KNOWLEDGE_DIR });
});

describe('our own phrasings (test/answer/golden.json)', () => {
  it.each(ours.cases.map((c) => [c.id, c] as const))('%s', async (_id, c) => {
    const answer = await bot.ask(asked(c.q));
    expect(problems(c, answer.text, ours.defaults?.maxLen), `${c.q} → ${answer.text}`).toEqual([]);
  });
});

describe.runIf(dev)('the shared development set', () => {
  it.each((dev?.cases ?? []).map((c) => [c.id, c] as const))('%s', async (_id, c) => {
    const answer = await bot.ask(asked(c.q));
    expect(problems(c, answer.text, dev?.defaults?.maxLen), `${c.q} → ${answer.text}`).toEqual([]);
  });

  describe('with only the article, no member profiles and no FAQ', () => {
    let articleOnly: TempKnowledge;
    afterAll(async () => articleOnly?.remove());
    it('passes at least 24 of the 26', async () => {
      articleOnly = await tempKnowledge({
        'article.md': readFileSync(path.join(DEFAULT_KNOWLEDGE_DIR, 'global-mooc-alliance.md'), 'utf8'),
      });
      const small = await createBot({ knowledgeDir: articleOnly.dir });
      const cases = dev?.cases ?? [];
      let passed = 0;
      for (const c of cases) if (problems(c, (await small.ask(asked(c.q))).text, dev?.defaults?.maxLen).length === 0) passed++;
      expect(passed).toBeGreaterThanOrEqual(Math.min(24, cases.length));
    });
  });
});

describe('every answer', () => {
  it('names its source, unless it says it does not know', async () => {
    for (const c of ours.cases) {
      const answer = await bot.ask(asked(c.q));
      if (['passage', 'list', 'count', 'membership', 'faq'].includes(answer.kind)) expect(answer.sources.length, c.q).toBeGreaterThan(0);
      if (answer.kind === 'unknown') expect(answer.suggestions.length, c.q).toBeGreaterThan(0);
    }
  });
});
