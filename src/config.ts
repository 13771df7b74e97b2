import { z } from 'zod';
import { UserError } from './errors.js';
import { DEFAULT_ANALYTICS_PATH, DEFAULT_KNOWLEDGE_DIR } from './paths.js';

/** Per-person and per-channel limits shared by every adapter. */
export interface CooldownConfig {
  /** Questions one person may ask per window. */
  userLimit: number;
  /** Questions one channel may see per window. */
  channelLimit: number;
  windowMs: number;
}

/** Where question outcomes are recorded; absent when ANALYTICS_DB=off. */
export interface AnalyticsConfig {
  path: string;
  storeUsers: boolean;
  retentionDays: number;
}

/** The core's settings from the environment, validated once at start (each adapter reads its own). */
export interface AppConfig {
  knowledgeDir: string;
  /** Reload (checked) when knowledge files change. */
  watchKnowledge: boolean;
  analytics?: AnalyticsConfig;
  /** Port for /healthz and /metrics; none when absent. */
  httpPort?: number;
  logLevel: string;
  /** Longest question accepted, in characters; longer ones are cut. */
  maxQuestionLength: number;
  /** ANSWER_THRESHOLD: confidence (0..1) below which the bot says it does not know; the answerer's default when unset. */
  answerThreshold?: number;
  cooldown: CooldownConfig;
  /** How long a conversation is remembered after its last question, for follow-ups. */
  conversationTtlMs: number;
  /** Redis shared by every instance (cooldowns, dedupe, memory, reload broadcast, locks); in memory when absent. */
  redisUrl?: string;
  /** PostgreSQL for the analytics of every instance; the SQLite file when absent. */
  databaseUrl?: string;
}

// The pieces every config schema (the core's and each adapter's) is written with, so a variable
// is read, and its problem worded, the same way everywhere.

/** A variable's text, trimmed; empty counts as unset. */
export const optional = z
  .string()
  .transform((s) => s.trim())
  .optional()
  .transform((s) => (s === '' ? undefined : s));
/** A comma-separated list of ids (`what` names them in the message). */
export const idList = (what: string) =>
  optional.pipe(
    z
      .string()
      .regex(/^[\w-]+(\s*,\s*[\w-]+)*$/, `must be a comma-separated list of ${what}`)
      .optional(),
  );
/** A URL; `example` shows the expected form in the message. */
export const url = (example: string) => optional.pipe(z.url(`must be a URL such as ${example}`).optional());
/** A number, `fallback` when unset (not validated: pipe it into a check). */
export const number = (fallback: number) => optional.transform((s) => (s === undefined ? fallback : Number(s)));
/** A whole number above zero, `fallback` when unset. */
export const positiveInt = (fallback: number) =>
  number(fallback).pipe(z.number('must be a number').int('must be a whole number').positive('must be positive'));

/** true / false (also 1 / 0, yes / no); false when unset. */
export const flag = optional
  .pipe(z.enum(['true', 'false', '1', '0', 'yes', 'no'], 'must be true or false').optional())
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
/** A TCP port, `fallback` (or unset) when unset. */
export const port = (fallback?: number) =>
  optional
    .transform((s) => (s === undefined ? fallback : Number(s)))
    .pipe(
      z
        .number('must be a port number')
        .int('must be a port number')
        .min(1, 'must be a port number')
        .max(65535, 'must be a port number')
        .optional(),
    );

const schema = z.object({
  KNOWLEDGE_DIR: optional,
  KNOWLEDGE_WATCH: flag,
  ANALYTICS_DB: optional,
  ANALYTICS_STORE_USERS: flag,
  ANALYTICS_RETENTION_DAYS: positiveInt(90),
  HTTP_PORT: port(),
  REDIS_URL: optional.pipe(
    z
      .string()
      .regex(/^rediss?:\/\/\S+$/, 'must be a redis:// or rediss:// URL such as redis://127.0.0.1:6379/0')
      .optional(),
  ),
  DATABASE_URL: optional.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\/\S+$/, 'must be a postgres:// URL such as postgres://bot:secret@127.0.0.1:5432/alliance')
      .optional(),
  ),
  LOG_LEVEL: optional.pipe(
    z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], 'must be one of fatal, error, warn, info, debug, trace, silent')
      .default('info'),
  ),
  MAX_QUESTION_LENGTH: positiveInt(500),
  ANSWER_THRESHOLD: optional.pipe(
    z
      .string()
      .regex(/^(?:0(?:\.\d+)?|1(?:\.0+)?|\.\d+)$/, 'must be a number from 0 to 1, e.g. 0.1')
      .transform(Number)
      .optional(),
  ),
  COOLDOWN_USER_LIMIT: positiveInt(6),
  COOLDOWN_CHANNEL_LIMIT: positiveInt(30),
  COOLDOWN_WINDOW_SECONDS: positiveInt(60),
  CONVERSATION_TTL_MINUTES: positiveInt(30),
});

/** A comma-separated list, trimmed, empty items dropped. */
export const list = (value: string | undefined): string[] =>
  value
    ? value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : [];

/**
 * Validates `env` against `schema`; throws a {@link UserError} listing every problem, each naming
 * the variable and how to fix it. Adapters read their own settings with it.
 */
export function parseEnv<T extends z.ZodType>(schema: T, env: NodeJS.ProcessEnv): z.output<T> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${String(issue.path[0])} ${issue.message} (set it in .env; see .env.example)`);
    throw new UserError(`config: invalid settings:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** Throws a {@link UserError} listing `problems` (lines naming variables) when there are any. */
export function reportProblems(problems: string[]): void {
  if (problems.length > 0) throw new UserError(`config: invalid settings:\n${problems.join('\n')}`);
}

/**
 * Reads and validates the configuration. Throws a {@link UserError} listing every problem,
 * each naming the variable and how to fix it.
 */
export function loadConfig(env: NodeJS.ProcessEnv, overrides: { knowledgeDir?: string; analyticsPath?: string } = {}): AppConfig {
  const defaults = { knowledgeDir: DEFAULT_KNOWLEDGE_DIR, analyticsPath: DEFAULT_ANALYTICS_PATH, ...overrides };
  const e = parseEnv(schema, env);

  return {
    knowledgeDir: e.KNOWLEDGE_DIR ?? defaults.knowledgeDir,
    watchKnowledge: e.KNOWLEDGE_WATCH,
    analytics:
      e.ANALYTICS_DB === 'off'
        ? undefined
        : {
            path: e.ANALYTICS_DB ?? defaults.analyticsPath,
            storeUsers: e.ANALYTICS_STORE_USERS,
            retentionDays: e.ANALYTICS_RETENTION_DAYS,
          },
    httpPort: e.HTTP_PORT,
    ...(e.REDIS_URL ? { redisUrl: e.REDIS_URL } : {}),
    ...(e.DATABASE_URL ? { databaseUrl: e.DATABASE_URL } : {}),
    logLevel: e.LOG_LEVEL,
    maxQuestionLength: e.MAX_QUESTION_LENGTH,
    ...(e.ANSWER_THRESHOLD !== undefined ? { answerThreshold: e.ANSWER_THRESHOLD } : {}),
    cooldown: { userLimit: e.COOLDOWN_USER_LIMIT, channelLimit: e.COOLDOWN_CHANNEL_LIMIT, windowMs: e.COOLDOWN_WINDOW_SECONDS * 1000 },
    conversationTtlMs: e.CONVERSATION_TTL_MINUTES * 60_000,
  };
}
