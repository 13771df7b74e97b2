import { mkdtemp, rm, writeFile, mkdir, cp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/paths.js';

/** A throw-away knowledge folder: files written from `files`, or a copy of the shipped one. */
export interface TempKnowledge {
  dir: string;
  write(name: string, text: string): Promise<void>;
  remove(): Promise<void>;
}

export async function tempKnowledge(files: Record<string, string> | 'shipped'): Promise<TempKnowledge> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'alliance-kb-'));
  const write = async (name: string, text: string): Promise<void> => {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), text);
  };
  if (files === 'shipped') await cp(DEFAULT_KNOWLEDGE_DIR, dir, { recursive: true });
  else for (const [name, text] of Object.entries(files)) await write(name, text);
  return { dir, write, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** A question from the terminal, as tests ask it. */
export const asked = (text: string, isModerator = false) => ({
  text,
  platform: 'terminal' as const,
  userId: 'tester',
  channelId: 'test',
  isModerator,
  userName: 'tester',
});
