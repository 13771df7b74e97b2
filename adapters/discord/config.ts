/**
 * The Discord adapter's settings: its own schema over the environment (DISCORD_*), validated with
 * the core's helpers so every problem names its variable the same way.
 */
import { z } from 'zod';
import { idList, list, optional, parseEnv, reportProblems, url } from '../../src/config.js';

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

const snowflake = (what: string) =>
  optional.pipe(
    z
      .string()
      .regex(/^\d{5,25}$/, `must be ${what}`)
      .optional(),
  );

const schema = z.object({
  DISCORD_TOKEN: optional,
  DISCORD_CLIENT_ID: snowflake('the numeric application id'),
  DISCORD_GUILD_ID: snowflake('a numeric server id'),
  DISCORD_MODERATOR_ROLE_IDS: idList('numeric role ids'),
  DISCORD_API_URL: url('http://127.0.0.1:8080/api'),
  DISCORD_DIGEST_CHANNEL_ID: snowflake('a numeric channel id'),
  DISCORD_SHARDS: optional.pipe(
    z.union([z.literal('auto'), z.string().regex(/^[1-9]\d*$/, 'must be auto or a number of shards')]).optional(),
  ),
});

/** Reads the Discord settings; undefined when DISCORD_TOKEN is not set. Throws a UserError naming each bad variable. */
export function readDiscordConfig(env: NodeJS.ProcessEnv): DiscordConfig | undefined {
  const e = parseEnv(schema, env);
  if (!e.DISCORD_TOKEN) return undefined;
  if (!e.DISCORD_CLIENT_ID) {
    reportProblems([
      '  DISCORD_CLIENT_ID is required with DISCORD_TOKEN (the Application ID on the General Information page of your Discord application)',
    ]);
  }
  return {
    token: e.DISCORD_TOKEN,
    clientId: e.DISCORD_CLIENT_ID ?? '',
    guildId: e.DISCORD_GUILD_ID,
    moderatorRoleIds: list(e.DISCORD_MODERATOR_ROLE_IDS),
    apiUrl: e.DISCORD_API_URL,
    digestChannelId: e.DISCORD_DIGEST_CHANNEL_ID,
    shards: e.DISCORD_SHARDS === undefined ? undefined : e.DISCORD_SHARDS === 'auto' ? 'auto' : Number(e.DISCORD_SHARDS),
  };
}
