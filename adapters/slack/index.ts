/**
 * The Slack adapter: a Bolt app in Socket Mode (SLACK_APP_TOKEN) or HTTP mode
 * (SLACK_SIGNING_SECRET, SLACK_PORT, /slack/events) that answers mentions, direct messages,
 * /ask and suggestion clicks, and lets moderators /kb-reload.
 */
import type { SlackConfig } from '../../src/config.js';
import { UserError } from '../../src/errors.js';
import type { Logger } from '../../src/logger.js';
import type { Adapter, Bot } from '../../src/types.js';
import { createSlackApp, type SlackApp, type SlackMode } from './app.js';
import { createDedupe } from './dedupe.js';
import { createModeratorCheck } from './moderators.js';
import { register } from './listeners/index.js';

export { EVENTS_PATH, type SlackMode } from './app.js';

/** The Slack {@link Adapter}, plus what tests and operators may want to know once it runs. */
export interface SlackAdapter extends Adapter {
  /** Socket Mode when the config has an app token, else HTTP. */
  readonly mode: SlackMode;
  /** The port the HTTP receiver listens on once started (useful with port 0); undefined in Socket Mode. */
  readonly port: number | undefined;
}

/**
 * Creates the Slack adapter. Throws a {@link UserError} when the config names neither mode;
 * nothing connects until {@link Adapter.start}, which rejects with a UserError naming the
 * setting to fix when Slack refuses the tokens or the port is taken.
 */
export function createSlackAdapter(config: SlackConfig, logger: Logger): SlackAdapter {
  if (!config.appToken && !config.signingSecret) {
    throw new UserError('slack: SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode) is required');
  }
  const mode: SlackMode = config.appToken ? 'socket' : 'http';
  let running: SlackApp | undefined;
  let port: number | undefined;

  return {
    name: 'slack',
    mode,
    get port() {
      return port;
    },
    async start(bot: Bot) {
      if (running) throw new Error('slack: adapter already started');
      const slack = createSlackApp(config, logger);
      const moderators = createModeratorCheck({
        moderatorIds: config.moderatorIds,
        logger,
        lookup: async (userId) => (await slack.app.client.users.info({ user: userId })).user,
      });
      register(slack.app, { bot, logger, dedupe: createDedupe(), moderators });
      running = slack;
      try {
        port = await slack.start();
      } catch (err) {
        running = undefined;
        await slack.stop().catch(() => undefined);
        throw startError(err, mode, config.port);
      }
      logger.info({ mode, port }, 'slack: connected');
    },
    async stop() {
      const slack = running;
      running = undefined;
      port = undefined;
      if (slack) await slack.stop();
    },
  };
}

/**
 * Turns a start failure into a message that names the setting to fix. A {@link UserError}: it is
 * the operator's to fix, so main prints the message without a stack.
 */
function startError(err: unknown, mode: SlackMode, configuredPort: number): UserError {
  const code = (err as { code?: string }).code;
  if (code === 'EADDRINUSE' || code === 'EACCES') {
    return new UserError(`slack: cannot listen on port ${configuredPort} (${code}); set SLACK_PORT to a free port`, { cause: err });
  }
  const reason = (err as { data?: { error?: string } }).data?.error ?? (err instanceof Error ? err.message : String(err));
  const tokens = mode === 'socket' ? 'SLACK_BOT_TOKEN and SLACK_APP_TOKEN (connections:write)' : 'SLACK_BOT_TOKEN';
  return new UserError(`slack: could not connect to Slack (${reason}); check ${tokens}, and SLACK_API_URL if set`, { cause: err });
}
