/**
 * The Slack adapter's settings: its own schema over the environment (SLACK_*), validated with the
 * core's helpers so every problem names its variable the same way.
 */
import { z } from 'zod';
import { idList, list, optional, parseEnv, port, reportProblems, url } from '../../src/config.js';

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

const schema = z.object({
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

/** Reads the Slack settings; undefined when SLACK_BOT_TOKEN is not set. Throws a UserError naming each bad variable. */
export function readSlackConfig(env: NodeJS.ProcessEnv): SlackConfig | undefined {
  const e = parseEnv(schema, env);
  if (!e.SLACK_BOT_TOKEN) {
    if (e.SLACK_APP_TOKEN || e.SLACK_SIGNING_SECRET) {
      reportProblems(['  SLACK_BOT_TOKEN is required to use Slack (the Bot User OAuth Token, xoxb-…, from OAuth & Permissions)']);
    }
    return undefined;
  }
  if (!e.SLACK_APP_TOKEN && !e.SLACK_SIGNING_SECRET) {
    reportProblems([
      '  SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode) is required with SLACK_BOT_TOKEN (see .env.example)',
    ]);
  }
  return {
    botToken: e.SLACK_BOT_TOKEN,
    appToken: e.SLACK_APP_TOKEN,
    signingSecret: e.SLACK_SIGNING_SECRET,
    port: e.SLACK_PORT ?? 3000,
    moderatorIds: list(e.SLACK_MODERATOR_IDS),
    apiUrl: e.SLACK_API_URL,
    digestChannel: e.SLACK_DIGEST_CHANNEL,
  };
}
