/**
 * `npm run ask -- "question"`: one answer, then exit.
 * `npm run ask -- --json`: questions on stdin, one per line; one JSON object per line out, in order.
 * `npm run ask` with no question: the terminal chat.
 */
import 'dotenv/config';
import readline from 'node:readline';
import { createTerminalAdapter } from '../adapters/terminal/index.js';
import { createBot } from './bot.js';
import { UserError } from './errors.js';
import { formatAnswer } from './format.js';
import { createLogger } from './logger.js';
import { DEFAULT_KNOWLEDGE_DIR } from './paths.js';
import type { Question } from './types.js';

const USAGE = `usage: npm run ask -- "your question"      one answer
       npm run ask -- --json < questions.txt  one JSON line per question line
       npm run ask                            chat in the terminal`;

const question = (text: string): Question => ({
  text,
  platform: 'terminal',
  userId: 'cli',
  channelId: 'cli',
  isModerator: true,
  userName: 'cli',
});

async function main(argv: string[]): Promise<void> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const logger = createLogger({ level: process.env.LOG_LEVEL || 'warn' });
  const bot = await createBot({ knowledgeDir: process.env.KNOWLEDGE_DIR || DEFAULT_KNOWLEDGE_DIR, logger });

  if (argv.includes('--json')) {
    const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
    for await (const line of lines) {
      if (line.trim() === '') continue;
      const a = await bot.ask(question(line));
      process.stdout.write(
        `${JSON.stringify({ question: line, answer: a.text, kind: a.kind, confidence: a.confidence, sources: a.sources, suggestions: a.suggestions })}\n`,
      );
    }
    return;
  }
  const text = argv
    .filter((a) => !a.startsWith('--'))
    .join(' ')
    .trim();
  if (text !== '') {
    process.stdout.write(`${formatAnswer(await bot.ask(question(text)))}\n`);
    return;
  }
  await new Promise<void>((resolve) => {
    void createTerminalAdapter({ input: process.stdin, output: process.stdout, onClose: resolve }).start(bot);
  });
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof UserError ? error.message : error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
