/** A real pino logger (the project's createLogger) whose JSON lines tests can read and wait for. */
import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../../../src/logger.js';

/** One parsed log line. */
export interface LogRecord {
  level: number;
  msg: string;
  [key: string]: unknown;
}

/** pino's numeric levels. */
export const LEVEL = { debug: 20, info: 30, warn: 40, error: 50 } as const;

/** Collects what the code under test logs. */
export class LogCapture {
  readonly records: LogRecord[] = [];
  readonly logger: Logger;
  private readonly watchers = new Set<() => void>();

  constructor(level = 'debug') {
    const destination = new Writable({
      write: (chunk: Buffer, _encoding, callback) => {
        for (const line of chunk.toString('utf8').split('\n')) {
          if (line.trim()) this.records.push(JSON.parse(line) as LogRecord);
        }
        for (const watcher of [...this.watchers]) watcher();
        callback();
      },
    });
    this.logger = createLogger({ level, destination });
  }

  /** Records whose message is `msg`. */
  withMessage(msg: string): LogRecord[] {
    return this.records.filter((record) => record.msg === msg);
  }

  /** Resolves with the first record matching `predicate`, waiting for it to be logged. */
  waitFor(predicate: (record: LogRecord) => boolean, what: string, timeoutMs = 15_000): Promise<LogRecord> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const found = this.records.find(predicate);
        if (!found) return false;
        this.watchers.delete(check);
        clearTimeout(timer);
        resolve(found);
        return true;
      };
      const timer = setTimeout(() => {
        this.watchers.delete(check);
        reject(new Error(`logs: timed out waiting for ${what}; logged:\n  ${this.records.map((r) => r.msg).join('\n  ')}`));
      }, timeoutMs);
      if (!check()) this.watchers.add(check);
    });
  }
}
