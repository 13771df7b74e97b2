import { z } from 'zod';
import { UserError } from './errors.js';

/** Discord settings; present when DISCORD_TOKEN is set. */
export interface DiscordConfig {
  token: string;
  clientId: string;
  guildId?: string;
  moderatorRoleIds: string[];
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

/** Everything the program reads from the environment, validated once at start. */
export interface AppConfig {
  knowledgeDir: string;
  logLevel: string;
  /** Longest question accepted, in characters; longer ones are cut. */
  maxQuestionLength: number;
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

const schema = z.object({
  KNOWLEDGE_DIR: optional,
  LOG_LEVEL: optional.pipe(
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], 'must be one of fatal, error, warn, info, debug, trace, silent').default('info'),
  ),
  MAX_QUESTION_LENGTH: positiveInt(500),
  COOLDOWN_USER_LIMIT: positiveInt(6),
  COOLDOWN_CHANNEL_LIMIT: positiveInt(30),
  COOLDOWN_WINDOW_SECONDS: positiveInt(60),
  DISCORD_TOKEN: optional,
  DISCORD_CLIENT_ID: optional.pipe(z.string().regex(/^\d{5,25}$/, 'must be the numeric application id').optional()),
  DISCORD_GUILD_ID: optional.pipe(z.string().regex(/^\d{5,25}$/, 'must be a numeric server id').optional()),
  DISCORD_MODERATOR_ROLE_IDS: idList('numeric role ids'),
  DISCORD_API_URL: url('http://127.0.0.1:8080/api'),
  SLACK_BOT_TOKEN: optional.pipe(z.string().startsWith('xoxb-', 'must be a bot token starting with xoxb-').optional()),
  SLACK_APP_TOKEN: optional.pipe(z.string().startsWith('xapp-', 'must be an app-level token starting with xapp-').optional()),
  SLACK_SIGNING_SECRET: optional,
  SLACK_PORT: number(3000).pipe(z.number('must be a port number').int('must be a port number').min(1, 'must be a port number').max(65535, 'must be a port number')),
  SLACK_MODERATOR_IDS: idList('Slack user ids'),
  SLACK_API_URL: url('http://127.0.0.1:8080/api/'),
});

const list = (value: string | undefined): string[] =>
  value ? value.split(',').map((s) => s.trim()).filter(Boolean) : [];

/**
 * Reads and validates the configuration. Throws a {@link UserError} listing every problem,
 * each naming the variable and how to fix it.
 */
export function loadConfig(env: NodeJS.ProcessEnv, defaults: { knowledgeDir: string }): AppConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${String(issue.path[0])} ${issue.message} (set it in .env; see .env.example)`);
    throw new UserError(`config: invalid settings:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const problems: string[] = [];
  if (e.DISCORD_TOKEN && !e.DISCORD_CLIENT_ID) {
    problems.push('  DISCORD_CLIENT_ID is required with DISCORD_TOKEN (the Application ID on the General Information page of your Discord application)');
  }
  if (e.SLACK_BOT_TOKEN && !e.SLACK_APP_TOKEN && !e.SLACK_SIGNING_SECRET) {
    problems.push('  SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode) is required with SLACK_BOT_TOKEN (see .env.example)');
  }
  if (!e.SLACK_BOT_TOKEN && (e.SLACK_APP_TOKEN || e.SLACK_SIGNING_SECRET)) {
    problems.push('  SLACK_BOT_TOKEN is required to use Slack (the Bot User OAuth Token, xoxb-…, from OAuth & Permissions)');
  }
  if (problems.length > 0) throw new UserError(`config: invalid settings:\n${problems.join('\n')}`);

  return {
    knowledgeDir: e.KNOWLEDGE_DIR ?? defaults.knowledgeDir,
    logLevel: e.LOG_LEVEL,
    maxQuestionLength: e.MAX_QUESTION_LENGTH,
    cooldown: { userLimit: e.COOLDOWN_USER_LIMIT, channelLimit: e.COOLDOWN_CHANNEL_LIMIT, windowMs: e.COOLDOWN_WINDOW_SECONDS * 1000 },
    discord:
      e.DISCORD_TOKEN && e.DISCORD_CLIENT_ID
        ? {
            token: e.DISCORD_TOKEN,
            clientId: e.DISCORD_CLIENT_ID,
            guildId: e.DISCORD_GUILD_ID,
            moderatorRoleIds: list(e.DISCORD_MODERATOR_ROLE_IDS),
            apiUrl: e.DISCORD_API_URL,
          }
        : undefined,
    slack: e.SLACK_BOT_TOKEN
      ? {
          botToken: e.SLACK_BOT_TOKEN,
          appToken: e.SLACK_APP_TOKEN,
          signingSecret: e.SLACK_SIGNING_SECRET,
          port: e.SLACK_PORT,
          moderatorIds: list(e.SLACK_MODERATOR_IDS),
          apiUrl: e.SLACK_API_URL,
        }
      : undefined,
  };
}
