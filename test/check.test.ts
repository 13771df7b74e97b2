import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/paths.js';
import { tempKnowledge, type TempKnowledge } from './helpers/knowledge.js';

const run = (env: NodeJS.ProcessEnv) =>
  spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'dist/src/program/check.js')], {
    encoding: 'utf8',
    cwd: PROJECT_ROOT,
    env: { PATH: process.env.PATH, ...env },
  });

let kb: TempKnowledge | undefined;
afterEach(async () => kb?.remove());

describe('npm run check', () => {
  it('passes on the shipped knowledge and its checks', () => {
    const { stdout, status } = run({});
    expect(stdout).toMatch(
      /^config: ok \(terminal only\)\nknowledge: ok \(\d+ documents, \d+ passages, \d+ FAQ entries, content [0-9a-f]{12}\)\n(?:entities: .+\n)+checks: \d+ passed\n$/,
    );
    expect(status).toBe(0);
  });

  it('shows the entities each list gives, with their kinds and places', async () => {
    kb = await tempKnowledge({
      'guild.md': '---\ntitle: Guild\n---\n\nThe guild members are: Kestrel Museum, Lund Institute, Ogun Archive.\n',
      'profiles.md':
        '---\ntitle: Profiles\n---\n\n- Kestrel Museum is a maritime museum in Gdansk, Poland.\n- Lund Institute is a port institute in Lund, Sweden.\n- Ogun Archive is a harbour archive in Lagos, Nigeria.\n',
    });
    const { stdout } = run({ KNOWLEDGE_DIR: kb.dir });
    expect(stdout).toContain(
      'entities: 3 guild members (maritime museum 1, port institute 1, harbour archive 1; 3 with a country, 3 countries)',
    );
  });

  it('fails on a malformed setting, naming it', () => {
    const { stdout, status } = run({ SLACK_BOT_TOKEN: 'not-a-token' });
    expect(stdout).toContain('SLACK_BOT_TOKEN must be a bot token starting with xoxb-');
    expect(status).toBe(1);
  });

  it('fails on a broken knowledge file, with file and line', async () => {
    kb = await tempKnowledge({ 'a.md': '---\ntitle: A\n---\n\nText.\n', 'x.faq.yaml': '- question: q?\n' });
    const { stdout, status } = run({ KNOWLEDGE_DIR: kb.dir });
    expect(stdout).toContain('x.faq.yaml:1: answer is missing or empty');
    expect(status).toBe(1);
  });

  it('fails when a check fails, with the answer it got', async () => {
    kb = await tempKnowledge('shipped');
    await kb.write('checks.yaml', '- question: who founded it?\n  expect: [Stanford]\n');
    const { stdout, status } = run({ KNOWLEDGE_DIR: kb.dir });
    expect(stdout).toContain(
      'checks: 1 of 1 failed:\n  "who founded it?": missing /Stanford/\n    got: The Global MOOC Alliance founding members are:',
    );
    expect(status).toBe(1);
  });
});
