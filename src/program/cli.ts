/**
 * `npm run ask -- "question"`: one answer, then exit.
 * `npm run ask -- --json`: questions on stdin, one per line; one JSON object per line out, in order.
 *   A line may be JSON, `{"question": "...", "conversation": "id"}`: lines with the same
 *   conversation id are one conversation, so follow-ups ("and Yale?") lean on the lines before.
 *   A plain line is its own conversation.
 * `npm run ask` with no question: the terminal chat. It records questions as `npm start` does
 *   (ANALYTICS_DB, DATABASE_URL; ANALYTICS_DB=off turns it off), so `/gaps` there shows what went
 *   unanswered; one-off and `--json` questions are scripts and evaluations, never recorded.
 */
import 'dotenv/config';
import readline from 'node:readline';
import { createTerminalAdapter } from '../../adapters/terminal/index.js';
import { openAnalytics } from '../analytics/open.js';
import { createBot } from '../bot.js';
import { loadConfig } from '../config.js';
import { createConversation } from '../conversation/conversation.js';
import { createLanguageStage } from '../language/stage.js';
import { UserError } from '../errors.js';
import { formatAnswer } from '../conversation/reports.js';
import { createLogger } from '../logger.js';
import { DEFAULT_KNOWLEDGE_DIR } from '../paths.js';
import { createMemoryState } from '../state/memory.js';
import type { Question } from '../types.js';

const USAGE = `usage: npm run ask -- "your question"      one answer
       npm run ask -- --json < questions.txt  one JSON line per question line
       npm run ask                            chat in the terminal`;

const question = (text: string, conversation = 'cli'): Question => ({
  text,
  platform: 'terminal',
  userId: 'cli',
  channelId: conversation,
  isModerator: true,
  userName: 'cli',
});

/** A line of `--json` input: a question, and the conversation it belongs to when it says. */
function parseLine(line: string, index: number): { question: string; conversation: string } {
  const trimmed = line.trim();
  if (trimmed.startsWith('{')) {
    try {
      const parsed = JSON.parse(trimmed) as { question?: unknown; conversation?: unknown };
      if (typeof parsed.question === 'string') {
        const conversation =
          typeof parsed.conversation === 'string' || typeof parsed.conversation === 'number' ? String(parsed.conversation) : '';
        return { question: parsed.question, conversation: conversation ? `json:${conversation}` : `line:${index}` };
      }
    } catch {
      // Not JSON after all: a question that starts with a brace.
    }
  }
  return { question: line, conversation: `line:${index}` };
}

async function main(argv: string[]): Promise<void> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const logger = createLogger({ level: process.env.LOG_LEVEL || 'warn' });
  const knowledgeDir = process.env.KNOWLEDGE_DIR || DEFAULT_KNOWLEDGE_DIR;
  const text = argv
    .filter((a) => !a.startsWith('--'))
    .join(' ')
    .trim();
  const chat = !argv.includes('--json') && text === '';
  // The chat is a person talking to the bot, like `npm start` without a platform: recorded the same way.
  const config = chat ? loadConfig(process.env, { knowledgeDir }) : undefined;
  const analytics = config ? await openAnalytics({ databaseUrl: config.databaseUrl, sqlite: config.analytics, logger }) : undefined;
  const core = await createBot({ knowledgeDir, logger, ...(analytics ? { analyticsStore: analytics } : {}) }).catch(
    async (error: unknown) => {
      await analytics?.close();
      throw error;
    },
  );
  const bot = createConversation(core, { state: createMemoryState(), logger, language: createLanguageStage(() => core.language()) });

  if (argv.includes('--json')) {
    const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
    let index = 0;
    for await (const line of lines) {
      if (line.trim() === '') continue;
      const input = parseLine(line, index++);
      const a = await bot.ask(question(input.question, input.conversation));
      process.stdout.write(
        `${JSON.stringify({ question: input.question, answer: a.text, kind: a.kind, confidence: a.confidence, sources: a.sources, suggestions: a.suggestions })}\n`,
      );
    }
    return;
  }
  if (text !== '') {
    process.stdout.write(`${formatAnswer(await bot.ask(question(text)))}\n`);
    return;
  }
  await new Promise<void>((resolve) => {
    void createTerminalAdapter({ input: process.stdin, output: process.stdout, onClose: resolve }).start(bot);
  });
  // Writes what the analytics buffered and stops their pruning timer, so the process can end.
  await core.close();
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof UserError ? error.message : error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
