import readline from 'node:readline';
import type { Adapter, Answer, Bot, Question } from '../../src/types.js';
import { formatAnswer, formatReloadReport } from '../../src/format.js';

/** Options for {@link createTerminalAdapter}. */
export interface TerminalAdapterConfig {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** Called when the person ends the chat (Ctrl-D, /quit). */
  onClose?: () => void;
}

const CONNECT_HINT =
  'To answer in Discord or Slack instead, set DISCORD_TOKEN or SLACK_BOT_TOKEN in .env (see .env.example and the README).';

/**
 * A readline chat: every line is a question; `/reload`, `/help` and `/quit` are commands.
 * The person at the terminal runs the process, so they count as a moderator.
 */
export function createTerminalAdapter(config: TerminalAdapterConfig): Adapter {
  let rl: readline.Interface | undefined;
  const write = (text: string): void => void config.output.write(`${text}\n`);

  const question = (text: string): Question => ({
    text,
    platform: 'terminal',
    userId: 'terminal',
    channelId: 'terminal',
    isModerator: true,
    userName: 'terminal',
  });

  async function handle(bot: Bot, line: string): Promise<void> {
    const text = line.trim();
    if (text === '') return;
    if (text === '/quit' || text === '/exit') {
      rl?.close();
      return;
    }
    if (text === '/reload') {
      write(formatReloadReport(await bot.reload(question(text))));
      return;
    }
    const answer: Answer = text === '/help' ? bot.help('terminal') : await bot.ask(question(text));
    write(formatAnswer(answer));
  }

  return {
    name: 'terminal',
    async start(bot: Bot): Promise<void> {
      write('Ask me about the Global MOOC Alliance. /help for help, /reload to reload the knowledge, /quit to leave.');
      write(CONNECT_HINT);
      rl = readline.createInterface({ input: config.input, output: config.output, terminal: false, prompt: '> ' });
      rl.prompt();
      // Lines are handled one at a time so answers come out in the order asked.
      let queue = Promise.resolve();
      rl.on('line', (line) => {
        queue = queue
          .then(() => handle(bot, line))
          .catch((error: unknown) => write(`terminal: ${error instanceof Error ? error.message : String(error)}`))
          .then(() => rl?.prompt());
      });
      rl.on('close', () => void queue.then(() => config.onClose?.()));
    },
    async stop(): Promise<void> {
      rl?.close();
    },
  };
}
