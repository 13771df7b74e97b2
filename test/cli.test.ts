import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/paths.js';
import { tempKnowledge, type TempKnowledge } from './helpers/knowledge.js';

const CLI = path.join(PROJECT_ROOT, 'dist/src/program/cli.js');
const run = (args: string[], input = '', env: NodeJS.ProcessEnv = {}) =>
  spawnSync(process.execPath, [CLI, ...args], {
    input,
    encoding: 'utf8',
    cwd: PROJECT_ROOT,
    env: { ...process.env, KNOWLEDGE_DIR: '', ...env },
  });

let kb: TempKnowledge | undefined;
afterEach(async () => kb?.remove());

describe('ask "question"', () => {
  it('prints the 19 founding members and names the source', () => {
    const { stdout, status } = run(['who founded it?']);
    expect(status).toBe(0);
    for (const member of ['CRI', 'edX', 'Mongolian University of Science and Technology', 'Thai MOOC', 'XuetangX', 'Zhejiang University'])
      expect(stdout).toContain(member);
    expect(stdout.match(/^- /gm)).toHaveLength(19);
    expect(stdout).toContain('Source: Global MOOC Alliance launched');
  });
});

describe('ask --json', () => {
  it('answers each line of standard input with one JSON object, in order', () => {
    const { stdout, status } = run(['--json'], 'How many founders does it have?\n\nWhat time is it in Tokyo?\n');
    expect(status).toBe(0);
    const rows = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ question: 'How many founders does it have?', kind: 'count', answer: expect.stringContaining('19') });
    expect(rows[0]).toHaveProperty('confidence');
    expect(rows[0]?.sources).toEqual([expect.objectContaining({ document: 'Global MOOC Alliance launched' })]);
    expect(rows[1]).toMatchObject({ kind: 'unknown', answer: expect.stringContaining("don't know") });
  });
});

describe('ask --json with conversations', () => {
  it('reads JSON lines with the same conversation id as one conversation, and plain lines each on their own', async () => {
    kb = await tempKnowledge({
      'festival.md':
        '---\ntitle: The Harbour Festival\n---\n\nThe Harbour Festival sponsors are: Harbour Bank, Coastal Trust.\n\nHarbour Bank is a bank based in Portsmouth.\n\nCoastal Trust is a charity based in Plymouth.\n',
    });
    const lines = [
      JSON.stringify({ question: 'Is Harbour Bank a sponsor?', conversation: 'a' }),
      JSON.stringify({ question: 'Is Coastal Trust a sponsor?', conversation: 'b' }),
      JSON.stringify({ question: 'where is it based?', conversation: 'a' }),
      JSON.stringify({ question: 'where is it based?', conversation: 'b' }),
      'where is it based?',
    ];
    const { stdout, status } = run(['--json'], `${lines.join('\n')}\n`, { KNOWLEDGE_DIR: kb.dir });
    expect(status).toBe(0);
    const rows = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { question: string; answer: string });
    expect(rows.map((r) => r.question)).toEqual([
      'Is Harbour Bank a sponsor?',
      'Is Coastal Trust a sponsor?',
      'where is it based?',
      'where is it based?',
      'where is it based?',
    ]);
    // Each conversation's "it" is the sponsor it asked about; a plain line has no earlier turn to lean on.
    expect(rows[2]?.answer).toContain('Portsmouth');
    expect(rows[2]?.answer).not.toContain('Plymouth');
    expect(rows[3]?.answer).toContain('Plymouth');
    expect(rows[3]?.answer).not.toContain('Portsmouth');
    expect([rows[2]?.answer, rows[3]?.answer]).not.toContain(rows[4]?.answer);
  });
});

describe('a broken knowledge folder', () => {
  it('exits non-zero and says which file and line to fix', async () => {
    kb = await tempKnowledge({ 'a.md': '---\ntitle: x\ntitel: y\n---\n\ntext\n' });
    const { stderr, status } = run(['who?'], '', { KNOWLEDGE_DIR: kb.dir });
    expect(status).toBe(1);
    expect(stderr).toContain('a.md:3: unknown front matter key "titel"');
  });
});

describe('ask (the terminal chat)', () => {
  it('records questions like npm start, so /gaps lists the one it could not answer', async () => {
    kb = await tempKnowledge({ 'notes.md': '# Notes\n\nThe office opens at nine in the morning.\n' });
    const db = path.join(kb.dir, '.analytics.db');
    const { stdout, status } = run([], 'Which planet has rings?\n/gaps\n', { KNOWLEDGE_DIR: kb.dir, ANALYTICS_DB: db });
    expect(status).toBe(0);
    expect(stdout).toMatch(/could not answer well[^\n]*\n\s*1\. "which planet has rings\?"/);
  });

  it('says truthfully that nothing is recorded when ANALYTICS_DB=off', async () => {
    kb = await tempKnowledge({ 'notes.md': '# Notes\n\nThe office opens at nine in the morning.\n' });
    const { stdout } = run([], '/gaps\n', { KNOWLEDGE_DIR: kb.dir, ANALYTICS_DB: 'off' });
    expect(stdout).toContain('questions are not recorded here');
    expect(stdout).not.toMatch(/set ANALYTICS_DB/);
  });
});

describe('ask --json and analytics', () => {
  it('records nothing: evaluation runs must not fill the gaps', async () => {
    kb = await tempKnowledge({ 'notes.md': '# Notes\n\nThe office opens at nine in the morning.\n' });
    const db = path.join(kb.dir, '.analytics.db');
    expect(run(['--json'], 'Which planet has rings?\n', { KNOWLEDGE_DIR: kb.dir, ANALYTICS_DB: db }).status).toBe(0);
    expect(existsSync(db)).toBe(false);
  });
});
