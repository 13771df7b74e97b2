/**
 * Builds the Bolt app for the configured mode: Socket Mode when an app-level token is set (no
 * public URL needed), else HTTP mode on `port` at /slack/events with signature verification.
 * The receivers are built here rather than by App so that stop() can wait for the socket to close
 * and so that the Web API base URL reaches both the app's client and Socket Mode's
 * apps.connections.open call.
 */
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, SocketModeReceiver } from '@slack/bolt';
import type { SlackConfig } from '../../src/config.js';
import { UserError } from '../../src/errors.js';
import type { Logger } from '../../src/logger.js';
import { createBoltLogger } from './bolt-logger.js';

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
}

/** How long stop() waits for Slack to complete the WebSocket close handshake. */
const DISCONNECT_TIMEOUT_MS = 5000;

function clientOptions(config: SlackConfig): { slackApiUrl?: string } {
  return config.apiUrl ? { slackApiUrl: config.apiUrl.endsWith('/') ? config.apiUrl : `${config.apiUrl}/` } : {};
}

/** Creates the Bolt app for `config`; throws when neither mode is configured. */
export function createSlackApp(config: SlackConfig, logger: Logger): SlackApp {
  const boltLogger = createBoltLogger(logger);
  // Separate option objects: the Socket Mode client mutates its own (retry settings).
  const common = {
    token: config.botToken,
    logger: boltLogger,
    clientOptions: clientOptions(config),
    // auth.test runs in start() (app.init), where a bad token can fail the start with a clear error.
    deferInitialization: true,
  };

  if (config.appToken) {
    const receiver = new SocketModeReceiver({
      appToken: config.appToken,
      logger: boltLogger,
      installerOptions: { clientOptions: clientOptions(config) },
    });
    const app = new App({ ...common, receiver });
    return {
      app,
      mode: 'socket',
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
  });
  const app = new App({ ...common, receiver });
  let started = false;
  return {
    app,
    mode: 'http',
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
