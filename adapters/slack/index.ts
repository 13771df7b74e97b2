/**
 * The Slack adapter: a Bolt app in Socket Mode (SLACK_APP_TOKEN) or HTTP mode
 * (SLACK_SIGNING_SECRET, SLACK_PORT, /slack/events) that answers mentions, direct messages,
 * /ask and suggestion clicks, records 👍/👎 votes, gives moderators /kb-reload and /kb, posts the
 * weekly digest, reports its connection for /healthz and stops without dropping what it is
 * answering.
 */
import type { SlackConfig } from './config.js';
import { UserError } from '../../src/errors.js';
import type { Logger } from '../../src/logger.js';
import type { Adapter, AdapterStatus, ChatBot } from '../../src/types.js';
import { createSlackApp, type RouteHandler, type SlackApp, type SlackMode } from './app.js';
import { createMemoryState } from '../../src/state/memory.js';
import type { Deduper } from '../../src/state/types.js';
import { createDedupe } from './dedupe.js';
import { installGate, type Gate } from './gate.js';
import { createModeratorCheck } from './moderators.js';
import { register } from './listeners/index.js';
import { renderNotice } from './render.js';

export { EVENTS_PATH, type RouteHandler, type SlackMode } from './app.js';
export { SLACK_INVOCATIONS } from './invocations.js';
export { readSlackConfig, type SlackConfig } from './config.js';

/** The Slack {@link Adapter}, plus what tests and operators may want to know once it runs. */
export interface SlackAdapter extends Adapter {
  /** Socket Mode when the config has an app token, else HTTP. */
  readonly mode: SlackMode;
  /** The port the HTTP receiver listens on once started (useful with port 0); undefined in Socket Mode. */
  readonly port: number | undefined;
  /** Answers, votes and the moderators' tools all go to the core, so it must be a {@link ChatBot}. */
  start(bot: ChatBot): Promise<void>;
  status(): AdapterStatus;
}

/** Options for {@link createSlackAdapter}. */
export interface SlackAdapterOptions {
  /**
   * HTTP mode: GET (and HEAD) routes served by the app's own server beside /slack/events, e.g.
   * main's /healthz and /metrics when HTTP_PORT equals SLACK_PORT. Ignored in Socket Mode, which
   * has no server.
   */
  routes?: Record<string, RouteHandler>;
  /** How long stop() waits for handlers in flight before it disconnects anyway; default 10 s. */
  stopTimeoutMs?: number;
  /** How long a teach may take before the modal shows "Saving…" (Slack allows 3 s); default 2.5 s. */
  teachAckBudgetMs?: number;
  /** How long `/ask` waits to put the answer in its acknowledgement before using the response_url; default 1.5 s. */
  askAckBudgetMs?: number;
  /** Where event ids already answered are claimed (shared between instances); this process's memory when absent. */
  deduper?: Deduper;
}

const STOP_TIMEOUT_MS = 10_000;

/**
 * Creates the Slack adapter. Throws a {@link UserError} when the config names neither mode;
 * nothing connects until {@link Adapter.start}, which rejects with a UserError naming the
 * setting to fix when Slack refuses the tokens or the port is taken.
 */
export function createSlackAdapter(config: SlackConfig, logger: Logger, options: SlackAdapterOptions = {}): SlackAdapter {
  if (!config.appToken && !config.signingSecret) {
    throw new UserError('slack: SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode) is required');
  }
  const mode: SlackMode = config.appToken ? 'socket' : 'http';
  let running: { slack: SlackApp; gate: Gate } | undefined;
  let port: number | undefined;

  const adapter: SlackAdapter = {
    name: 'slack',
    mode,
    get port() {
      return port;
    },
    async start(bot: ChatBot) {
      if (running) throw new Error('slack: adapter already started');
      const slack = createSlackApp(config, logger, { routes: options.routes });
      const moderators = createModeratorCheck({
        moderatorIds: config.moderatorIds,
        logger,
        lookup: async (userId) => (await slack.app.client.users.info({ user: userId, include_locale: true })).user,
      });
      register(slack.app, {
        bot,
        logger,
        dedupe: createDedupe(options.deduper ?? createMemoryState()),
        moderators,
        teachAckBudgetMs: options.teachAckBudgetMs,
        askAckBudgetMs: options.askAckBudgetMs,
      });
      running = { slack, gate: installGate(slack.app, logger) };
      try {
        port = await slack.start();
      } catch (err) {
        running = undefined;
        await slack.stop().catch(() => undefined);
        throw startError(err, mode, config.port);
      }
      logger.info({ mode, port }, 'slack: connected');
    },
    /**
     * Closes the door to new payloads (Slack redelivers them), lets the handlers in flight finish
     * (at most `stopTimeoutMs`) so no question is dropped half-answered, then disconnects.
     */
    async stop() {
      const current = running;
      running = undefined;
      if (!current) return;
      // HTTP mode stops listening at once, so a load balancer sends new requests elsewhere;
      // requests already in progress keep their connections until they are answered. Socket
      // Mode must keep its socket until the end: handlers in flight may still have to ack on it.
      const closing = mode === 'http' ? current.slack.stop() : undefined;
      await current.gate.close(options.stopTimeoutMs ?? STOP_TIMEOUT_MS);
      await (closing ?? current.slack.stop());
      port = undefined;
      logger.info('slack: stopped');
    },
    status() {
      return running ? running.slack.status() : { connected: false, reconnects: 0 };
    },
  };

  if (config.digestChannel) {
    const channel = config.digestChannel;
    adapter.postDigest = async (text: string) => {
      if (!running) throw new Error('slack: cannot post the digest: the adapter is not running');
      await running.slack.app.client.chat.postMessage({ channel, ...renderNotice(text), unfurl_links: false });
      logger.info({ channel }, 'slack: digest posted');
    };
  }
  return adapter;
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
