import { z } from 'zod';
import { UserError } from './errors.js';
import { DEFAULT_ANALYTICS_PATH, DEFAULT_KNOWLEDGE_DIR } from './paths.js';

/** Discord settings; present when DISCORD_TOKEN is set. */
export interface DiscordConfig {
  token: string;
  clientId: string;
  guildId?: string;
  moderatorRoleIds: string[];
  /** Channel for the weekly gaps digest. */
  digestChannelId?: string;
  /** Shards: `auto` (Discord's recommendation) or a number; absent for one process without sharding. */
  shards?: 'auto' | number;
  /** REST base URL without the version, e.g. `http://127.0.0.1:8080/api`; discord.js's default when absent. */
  apiUrl?: string;
}

/** Slack settings; present when SLACK_BOT_TOKEN is set. Socket Mode when `appToken` is set, else HTTP. */
export interface SlackConfig {
  botToken: string;
  appToken?: string;
  signingSecret?: string;
  port: number;
  moderatorIds: string[];
  /** Channel id for the weekly gaps digest. */
  digestChannel?: string;
  /** Web API base URL such as `http://127.0.0.1:8080/api/`; Slack's when absent. */
  apiUrl?: string;
}

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

/** Everything the program reads from the environment, validated once at start. */
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
  discord?: DiscordConfig;
  slack?: SlackConfig;
}

const optional = z
  .string()
  .transform((s) => s.trim())
  .optional()
  .transform((s) => (s === '' ? undefined : s));
const idList = (what: string) =>
  optional.pipe(
    z
      .string()
      .regex(/^[\w-]+(\s*,\s*[\w-]+)*$/, `must be a comma-separated list of ${what}`)
      .optional(),
  );
const url = (example: string) => optional.pipe(z.url(`must be a URL such as ${example}`).optional());
const number = (fallback: number) => optional.transform((s) => (s === undefined ? fallback : Number(s)));
const positiveInt = (fallback: number) =>
  number(fallback).pipe(z.number('must be a number').int('must be a whole number').positive('must be positive'));

const flag = optional
  .pipe(z.enum(['true', 'false', '1', '0', 'yes', 'no'], 'must be true or false').optional())
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const port = (fallback?: number) =>
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
  DISCORD_TOKEN: optional,
  DISCORD_CLIENT_ID: optional.pipe(
    z
      .string()
      .regex(/^\d{5,25}$/, 'must be the numeric application id')
      .optional(),
  ),
  DISCORD_GUILD_ID: optional.pipe(
    z
      .string()
      .regex(/^\d{5,25}$/, 'must be a numeric server id')
      .optional(),
  ),
  DISCORD_MODERATOR_ROLE_IDS: idList('numeric role ids'),
  DISCORD_API_URL: url('http://127.0.0.1:8080/api'),
  DISCORD_DIGEST_CHANNEL_ID: optional.pipe(
    z
      .string()
      .regex(/^\d{5,25}$/, 'must be a numeric channel id')
      .optional(),
  ),
  DISCORD_SHARDS: optional.pipe(
    z.union([z.literal('auto'), z.string().regex(/^[1-9]\d*$/, 'must be auto or a number of shards')]).optional(),
  ),
  SLACK_BOT_TOKEN: optional.pipe(z.string().startsWith('xoxb-', 'must be a bot token starting with xoxb-').optional()),
  SLACK_APP_TOKEN: optional.pipe(z.string().startsWith('xapp-', 'must be an app-level token starting with xapp-').optional()),
  SLACK_SIGNING_SECRET: optional,
  SLACK_PORT: port(3000),
  SLACK_DIGEST_CHANNEL: optional.pipe(
    z
      .string()
      .regex(/^[CGD][A-Z0-9]+$/, 'must be a channel id such as C0123ABCD (channel details → About)')
      .optional(),
  ),
  SLACK_MODERATOR_IDS: idList('Slack user ids'),
  SLACK_API_URL: url('http://127.0.0.1:8080/api/'),
});

const list = (value: string | undefined): string[] =>
  value
    ? value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : [];

/**
 * Reads and validates the configuration. Throws a {@link UserError} listing every problem,
 * each naming the variable and how to fix it.
 */
export function loadConfig(env: NodeJS.ProcessEnv, overrides: { knowledgeDir?: string; analyticsPath?: string } = {}): AppConfig {
  const defaults = { knowledgeDir: DEFAULT_KNOWLEDGE_DIR, analyticsPath: DEFAULT_ANALYTICS_PATH, ...overrides };
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${String(issue.path[0])} ${issue.message} (set it in .env; see .env.example)`);
    throw new UserError(`config: invalid settings:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const problems: string[] = [];
  if (e.DISCORD_TOKEN && !e.DISCORD_CLIENT_ID) {
    problems.push(
      '  DISCORD_CLIENT_ID is required with DISCORD_TOKEN (the Application ID on the General Information page of your Discord application)',
    );
  }
  if (e.SLACK_BOT_TOKEN && !e.SLACK_APP_TOKEN && !e.SLACK_SIGNING_SECRET) {
    problems.push(
      '  SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode) is required with SLACK_BOT_TOKEN (see .env.example)',
    );
  }
  if (!e.SLACK_BOT_TOKEN && (e.SLACK_APP_TOKEN || e.SLACK_SIGNING_SECRET)) {
    problems.push('  SLACK_BOT_TOKEN is required to use Slack (the Bot User OAuth Token, xoxb-…, from OAuth & Permissions)');
  }
  if (problems.length > 0) throw new UserError(`config: invalid settings:\n${problems.join('\n')}`);

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
    logLevel: e.LOG_LEVEL,
    maxQuestionLength: e.MAX_QUESTION_LENGTH,
    ...(e.ANSWER_THRESHOLD !== undefined ? { answerThreshold: e.ANSWER_THRESHOLD } : {}),
    cooldown: { userLimit: e.COOLDOWN_USER_LIMIT, channelLimit: e.COOLDOWN_CHANNEL_LIMIT, windowMs: e.COOLDOWN_WINDOW_SECONDS * 1000 },
    discord:
      e.DISCORD_TOKEN && e.DISCORD_CLIENT_ID
        ? {
            token: e.DISCORD_TOKEN,
            clientId: e.DISCORD_CLIENT_ID,
            guildId: e.DISCORD_GUILD_ID,
            moderatorRoleIds: list(e.DISCORD_MODERATOR_ROLE_IDS),
            apiUrl: e.DISCORD_API_URL,
            digestChannelId: e.DISCORD_DIGEST_CHANNEL_ID,
            shards: e.DISCORD_SHARDS === undefined ? undefined : e.DISCORD_SHARDS === 'auto' ? 'auto' : Number(e.DISCORD_SHARDS),
          }
        : undefined,
    slack: e.SLACK_BOT_TOKEN
      ? {
          botToken: e.SLACK_BOT_TOKEN,
          appToken: e.SLACK_APP_TOKEN,
          signingSecret: e.SLACK_SIGNING_SECRET,
          port: e.SLACK_PORT ?? 3000,
          moderatorIds: list(e.SLACK_MODERATOR_IDS),
          apiUrl: e.SLACK_API_URL,
          digestChannel: e.SLACK_DIGEST_CHANNEL,
        }
      : undefined,
  };
}
