/**
 * Bolt, its WebClient and the Socket Mode client log through this bridge into the injected pino
 * logger, so nothing of theirs reaches stdout (which belongs to answers) and the process has one
 * log format and one level.
 */
import { formatWithOptions } from 'node:util';
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../src/logger.js';

function boltLevel(level: string): LogLevel {
  if (level === 'trace' || level === 'debug') return LogLevel.DEBUG;
  if (level === 'info') return LogLevel.INFO;
  if (level === 'warn') return LogLevel.WARN;
  return LogLevel.ERROR;
}

/** Wraps a pino logger in the @slack/logger interface Bolt expects. */
export function createBoltLogger(logger: Logger): BoltLogger {
  const log = logger.child({ component: 'bolt' });
  const text = (msg: unknown[]): string => formatWithOptions({ breakLength: Infinity }, ...msg);
  // Bolt logs at debug several times per request: the level is checked before the message is
  // formatted, not after, so a dropped line costs nothing.
  const at =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (...msg: unknown[]) => {
      if (log.isLevelEnabled(level)) log[level](text(msg));
    };
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    // The process's level is set once from LOG_LEVEL; Bolt must not change it behind our back.
    setLevel: () => undefined,
    getLevel: () => boltLevel(log.level),
    setName: () => undefined,
  };
}
