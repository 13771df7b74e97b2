/**
 * Builds the Bolt app for the configured mode: Socket Mode when an app-level token is set (no
 * public URL needed), else HTTP mode on `port` at /slack/events with signature verification.
 * The receivers are built here rather than by App so that stop() can wait for the socket to close,
 * so that the Web API base URL reaches both the app's client and Socket Mode's
 * apps.connections.open call, and so that the connection state can be read for /healthz.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, SocketModeReceiver } from '@slack/bolt';
import type { SlackConfig } from './config.js';
import { UserError } from '../../src/errors.js';
import type { Logger } from '../../src/logger.js';
import type { AdapterStatus } from '../../src/types.js';
import { createBoltLogger } from './bolt-logger.js';
import { watchSocket } from './connection.js';

/** How the app receives events from Slack. */
export type SlackMode = 'socket' | 'http';

/** The path Slack posts events, commands and interactions to in HTTP mode. */
export const EVENTS_PATH = '/slack/events';

/** A Bolt app plus what it takes to start and stop it in its mode. */
export interface SlackApp {
  readonly app: App;
  readonly mode: SlackMode;
  /** Verifies the bot token (auth.test) and connects; resolves with the listening port in HTTP mode. */
  start(): Promise<number | undefined>;
  stop(): Promise<void>;
  /** Whether Slack can reach the app now, and how often the connection was made again. */
  status(): AdapterStatus;
}

/** A GET route served beside /slack/events in HTTP mode, in the shape Node's http server takes. */
export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void;

/** Options for {@link createSlackApp}. */
export interface SlackAppOptions {
  /** HTTP mode: extra GET routes by path (e.g. /healthz, /metrics) on the app's own server. */
  routes?: Record<string, RouteHandler>;
}

/** How long stop() waits for Slack to complete the WebSocket close handshake. */
const DISCONNECT_TIMEOUT_MS = 5000;

function clientOptions(config: SlackConfig): { slackApiUrl?: string } {
  return config.apiUrl ? { slackApiUrl: config.apiUrl.endsWith('/') ? config.apiUrl : `${config.apiUrl}/` } : {};
}

/** Creates the Bolt app for `config`; throws when neither mode is configured. */
export function createSlackApp(config: SlackConfig, logger: Logger, options: SlackAppOptions = {}): SlackApp {
  const boltLogger = createBoltLogger(logger);
  // Separate option objects: the Socket Mode client mutates its own (retry settings).
  const common = {
    token: config.botToken,
    logger: boltLogger,
    clientOptions: clientOptions(config),
    // auth.test runs in start() (app.init), where a bad token can fail the start with a clear error.
    deferInitialization: true,
    // No listener keeps conversation state (context.conversation): Bolt's default in-memory store
    // would still look every payload's conversation up, and build an Error for each miss.
    convoStore: false as const,
  };

  if (config.appToken) {
    const receiver = new SocketModeReceiver({
      appToken: config.appToken,
      logger: boltLogger,
      installerOptions: { clientOptions: clientOptions(config) },
    });
    const app = new App({ ...common, receiver });
    const socket = watchSocket(receiver.client, logger);
    if (options.routes && Object.keys(options.routes).length > 0) {
      logger.debug({ routes: Object.keys(options.routes) }, 'slack: extra routes are served in HTTP mode only');
    }
    return {
      app,
      mode: 'socket',
      status: () => socket.status(),
      async start() {
        await app.init();
        await app.start();
        return undefined;
      },
      async stop() {
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([
          receiver.client.disconnect(),
          new Promise<void>((resolve) => {
            timer = setTimeout(resolve, DISCONNECT_TIMEOUT_MS);
          }),
        ]);
        clearTimeout(timer);
      },
    };
  }

  if (!config.signingSecret) {
    throw new UserError('slack: SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode) is required');
  }
  const receiver = new HTTPReceiver({
    signingSecret: config.signingSecret,
    endpoints: EVENTS_PATH,
    port: config.port,
    logger: boltLogger,
    // Health checks and scrapes use GET (HEAD too, for load balancers that probe with it).
    customRoutes: Object.entries(options.routes ?? {}).map(([path, handler]) => ({ path, method: ['GET', 'HEAD'], handler })),
  });
  const app = new App({ ...common, receiver });
  let started = false;
  return {
    app,
    mode: 'http',
    // Slack calls us: listening is all the connection HTTP mode has.
    status: () => ({ connected: started, reconnects: 0 }),
    async start() {
      await app.init();
      const server = await app.start(config.port);
      started = true;
      return (server.address() as AddressInfo).port;
    },
    async stop() {
      if (!started) return;
      started = false;
      await receiver.stop();
    },
  };
}
