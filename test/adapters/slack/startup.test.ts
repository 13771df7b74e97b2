/** Starting the adapter with settings Slack refuses fails with a message naming what to fix. */
import { createServer, type Server } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSlackAdapter } from '../../../adapters/slack/index.js';
import type { SlackConfig } from '../../../adapters/slack/config.js';
import { UserError } from '../../../src/errors.js';
import { silentLogger } from '../../../src/logger.js';
import { FakeSlack } from '../../fakes/slack/server.js';
import { createTestBot } from './support/bot.js';
import { APP_TOKEN, BOT_TOKEN, SIGNING_SECRET } from './support/harness.js';

let fake: FakeSlack;
beforeEach(async () => {
  fake = await FakeSlack.start();
});
afterEach(async () => {
  await fake.close();
});

const config = (overrides: Partial<SlackConfig>): SlackConfig => ({
  botToken: BOT_TOKEN,
  port: 0,
  moderatorIds: [],
  apiUrl: fake.apiUrl,
  ...overrides,
});

describe('starting with settings Slack refuses', () => {
  it('names SLACK_BOT_TOKEN when auth.test rejects the bot token', async () => {
    const adapter = createSlackAdapter(config({ botToken: 'xoxp-not-a-bot-token', appToken: APP_TOKEN }), silentLogger());
    const started = adapter.start(await createTestBot());
    await expect(started).rejects.toThrow(/^slack: could not connect to Slack \(invalid_auth\); check SLACK_BOT_TOKEN/);
    await expect(started).rejects.toBeInstanceOf(UserError);
    await adapter.stop();
  });

  it('names SLACK_APP_TOKEN when apps.connections.open rejects the app-level token', async () => {
    const adapter = createSlackAdapter(config({ appToken: 'not-an-app-token' }), silentLogger());
    await expect(adapter.start(await createTestBot())).rejects.toThrow(/invalid_auth.*SLACK_APP_TOKEN/);
    await adapter.stop();
  });

  it('names SLACK_PORT when the HTTP port is taken', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const adapter = createSlackAdapter(config({ signingSecret: SIGNING_SECRET, port }), silentLogger());
      await expect(adapter.start(await createTestBot())).rejects.toThrow(/SLACK_PORT/);
      await adapter.stop();
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }
  });

  it('refuses a config with neither an app token nor a signing secret', () => {
    expect(() => createSlackAdapter(config({}), silentLogger())).toThrow(
      /^slack: SLACK_APP_TOKEN \(Socket Mode\) or SLACK_SIGNING_SECRET \(HTTP mode\) is required/,
    );
  });
});
