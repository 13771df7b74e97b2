import readline from 'node:readline';
import { type CommandName, TERMINAL_INVOCATIONS } from '../../src/conversation/commands.js';
import { UserError } from '../../src/errors.js';
import { formatAnswer, formatGaps, formatReloadReport, formatStatus } from '../../src/conversation/reports.js';
import type { Adapter, ChatBot, Question } from '../../src/types.js';

/** Options for {@link createTerminalAdapter}. */
export interface TerminalAdapterConfig {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** Called when the person ends the chat (Ctrl-D, /quit). */
  onClose?: () => void;
  /** Whether the person at the terminal is a moderator; they run the process, so by default yes. */
  moderator?: boolean;
}

const CONNECT_HINT =
  'To answer in Discord or Slack instead, set DISCORD_TOKEN or SLACK_BOT_TOKEN in .env (see .env.example and the README).';

/**
 * A readline chat: every line is a question; `/reload`, `/help` and `/quit` are commands.
 * The person at the terminal runs the process, so they count as a moderator (unless configured not to).
 */
export function createTerminalAdapter(config: TerminalAdapterConfig): Adapter {
  let rl: readline.Interface | undefined;
  const write = (text: string): void => void config.output.write(`${text}\n`);

  const question = (text: string): Question => ({
    text,
    platform: 'terminal',
    userId: 'terminal',
    channelId: 'terminal',
    isModerator: config.moderator ?? true,
    userName: 'terminal',
  });

  /** Terminal commands; anything else is a question. */
  async function command(bot: ChatBot, typed: string, rest: string): Promise<string | undefined> {
    const by = question(`/${typed} ${rest}`.trim());
    // The command table's names, as the terminal invokes them (`/status` is `status`).
    const name = (Object.keys(TERMINAL_INVOCATIONS) as CommandName[]).find((c) => TERMINAL_INVOCATIONS[c] === `/${typed}`);
    switch (name) {
      case 'help':
        return `${formatAnswer(bot.help('terminal'))}\n/quit leaves.`;
      case 'reload':
        return formatReloadReport(await bot.reload(by, { force: rest === 'force' }));
      case 'status':
        return formatStatus(await bot.status(by));
      case 'gaps':
        return formatGaps(await bot.gaps(by, rest ? Number(rest) || 7 : 7));
      case 'why':
        return bot.why(by, rest);
      default:
        return undefined;
    }
  }

  async function handle(bot: ChatBot, line: string): Promise<void> {
    const text = line.trim();
    if (text === '') return;
    if (text === '/quit' || text === '/exit') {
      rl?.close();
      return;
    }
    const slash = /^\/(\w+)\s*(.*)$/.exec(text);
    const reply = slash ? await command(bot, slash[1] ?? '', slash[2] ?? '') : undefined;
    write(reply ?? formatAnswer(await bot.ask(question(text))));
  }

  return {
    name: 'terminal',
    async start(bot: ChatBot): Promise<void> {
      // The subject is the knowledge's, not the adapter's: /help names it from what is loaded.
      write('Ask me a question. /help says what I know and lists the moderator commands; /quit leaves.');
      write(CONNECT_HINT);
      const tty = Boolean((config.input as { isTTY?: boolean }).isTTY);
      rl = readline.createInterface({ input: config.input, output: config.output, terminal: tty, prompt: '> ' });
      rl.prompt();
      // Lines are handled one at a time so answers come out in the order asked.
      let queue = Promise.resolve();
      rl.on('line', (line) => {
        queue = queue
          .then(() => handle(bot, line))
          .catch((error: unknown) =>
            write(error instanceof UserError ? error.message : `terminal: ${error instanceof Error ? error.message : String(error)}`),
          )
          .then(() => rl?.prompt());
      });
      rl.on('close', () => void queue.then(() => config.onClose?.()));
    },
    async stop(): Promise<void> {
      rl?.close();
    },
  };
}
