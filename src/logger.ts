import { pino, type Logger as PinoLogger } from 'pino';

/** The logger every module receives; adapters take a child logger named after themselves. */
export type Logger = PinoLogger;

/** Options for {@link createLogger}. */
export interface LoggerOptions {
  level: string;
  /** Where logs go; defaults to stderr so stdout stays free for answers (CLI, JSON lines). */
  destination?: NodeJS.WritableStream;
}

/** Tokens and secrets never reach the logs, whatever object is logged. */
const REDACT = [
  'token', '*.token', 'botToken', 'appToken', 'signingSecret', '*.botToken', '*.appToken', '*.signingSecret',
  'headers.authorization', '*.headers.authorization', 'config.token', 'config.botToken',
];

/** Creates the process logger: JSON lines on stderr. */
export function createLogger(options: LoggerOptions): Logger {
  return pino(
    { level: options.level, redact: { paths: REDACT, censor: '[redacted]' }, base: undefined },
    (options.destination ?? process.stderr) as pino.DestinationStream,
  );
}

/** A logger that drops everything, for tests and embedding. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
