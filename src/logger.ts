import { pino, type Logger as PinoLogger } from 'pino';
import pretty from 'pino-pretty';

/** The logger every module receives; adapters take a child logger named after themselves. */
export type Logger = PinoLogger;

/** Options for {@link createLogger}. */
export interface LoggerOptions {
  level: string;
  /** Where logs go; defaults to stderr so stdout stays free for answers (CLI, JSON lines). */
  destination?: NodeJS.WritableStream;
  /** Human-readable lines instead of JSON; by default when the destination is a terminal. */
  pretty?: boolean;
}

/**
 * A connection URL without its password, for messages and logs (REDIS_URL, DATABASE_URL): the
 * host and database are what an operator needs to see.
 */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(an invalid URL)';
  }
}

/** Tokens and secrets never reach the logs, whatever object is logged. */
const REDACT = [
  'token',
  'botToken',
  'appToken',
  'signingSecret',
  'secret',
  'password',
  'authorization',
  '*.token',
  '*.botToken',
  '*.appToken',
  '*.signingSecret',
  '*.secret',
  '*.password',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
  'config.token',
  'config.botToken',
];

/** Creates the process logger: JSON lines on stderr, or pretty lines when stderr is a terminal. */
export function createLogger(options: LoggerOptions): Logger {
  const destination = options.destination ?? process.stderr;
  const human = options.pretty ?? Boolean((destination as { isTTY?: boolean }).isTTY);
  const stream = human
    ? pretty({
        destination: destination as NodeJS.WritableStream & { fd?: number },
        colorize: true,
        translateTime: 'HH:MM:ss',
        ignore: 'pid,hostname',
        sync: true,
      })
    : destination;
  return pino({ level: options.level, redact: { paths: REDACT, censor: '[redacted]' }, base: undefined }, stream as pino.DestinationStream);
}

/** A logger that drops everything, for tests and embedding. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
