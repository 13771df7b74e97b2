import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createTerminalAdapter } from '../../../adapters/terminal/index.js';
import { createBot } from '../../../src/bot.js';
import type { ChatBot } from '../../../src/types.js';
import { tempKnowledge, type TempKnowledge } from '../../helpers/knowledge.js';

let kb: TempKnowledge | undefined;
afterEach(async () => kb?.remove());

/** Runs a terminal chat over in-memory streams and returns everything it printed. */
async function chat(lines: string[], bot: ChatBot): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  const closed = new Promise<void>((resolve) => {
    void createTerminalAdapter({ input, output, onClose: resolve }).start(bot);
  });
  input.end(lines.map((l) => `${l}\n`).join(''));
  await closed;
  return printed;
}

describe('the terminal chat', () => {
  it('answers questions and says how to connect Discord and Slack', async () => {
    kb = await tempKnowledge('shipped');
    const out = await chat(['who founded it?'], await createBot({ knowledgeDir: kb.dir }));
    expect(out).toContain('DISCORD_TOKEN or SLACK_BOT_TOKEN');
    expect(out).toContain('Zhejiang University');
    expect(out).toContain('Source: Global MOOC Alliance launched');
  });

  it('shows help on /help', async () => {
    kb = await tempKnowledge('shipped');
    expect(await chat(['/help'], await createBot({ knowledgeDir: kb.dir }))).toContain('I answer questions about the Global MOOC Alliance');
  });

  it('reloads on /reload and prints what changed', async () => {
    kb = await tempKnowledge('shipped');
    const bot = await createBot({ knowledgeDir: kb.dir });
    await kb.write('new.md', '---\ntitle: New\n---\n\nA new document.\n');
    expect(await chat(['/reload'], bot)).toMatch(/Reloaded in \d+ ms: \d+ document\(s\)[\s\S]*Changes: added new\.md\./);
  });
});
