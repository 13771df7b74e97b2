/**
 * End-to-end: what an operator relies on — the weekly digest, the connection state for /healthz
 * (including after a dropped socket), /healthz and /metrics on the app's own server in HTTP mode,
 * and a stop() that finishes the question it is answering.
 */
import { connect as tcpConnect } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSlackAdapter } from '../../../adapters/slack/index.js';
import type { AllianceBot } from '../../../src/bot.js';
import { silentLogger } from '../../../src/logger.js';
import { healthRoutes } from '../../../src/observability/http.js';
import { createMetrics } from '../../../src/observability/metrics.js';
import type { Adapter } from '../../../src/types.js';
import { eventCallback, mention } from '../../fakes/slack/payloads.js';
import { postSigned } from '../../fakes/slack/signing.js';
import { createTestBot, holdAnswers } from './support/bot.js';
import { BOT_TOKEN, MEMBER, SIGNING_SECRET, startHarness, until, type Harness } from './support/harness.js';

let bot: AllianceBot;
let h: Harness | undefined;

beforeAll(async () => {
  bot = await createTestBot();
});
afterAll(async () => {
  await bot.close();
});
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('the weekly digest', () => {
  it('is posted to SLACK_DIGEST_CHANNEL', async () => {
    h = await startHarness('socket', bot, { digestChannel: 'C0DIGEST' });
    expect(h.adapter.postDigest).toBeDefined();
    await h.adapter.postDigest?.(
      'Weekly digest: Questions I could not answer well in the last 7 day(s):\n  1. "<!channel> who is the mayor?" ×3',
    );
    const posted = await h.fake.waitForCall('chat.postMessage', (c) => c.args.channel === 'C0DIGEST');
    expect(posted.token).toBe(BOT_TOKEN);
    expect(posted.args.text).toMatch(/^Weekly digest: /);
    // Digest text comes from what people asked: it must not ping anyone.
    expect(JSON.stringify(posted.args)).not.toContain('<!channel>');
  });

  it('is not offered without a digest channel', () => {
    const adapter = createSlackAdapter({ botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, port: 0, moderatorIds: [] }, silentLogger());
    expect(adapter.postDigest).toBeUndefined();
  });
});

describe('status() in Socket Mode', () => {
  it('is connected once the socket is open, not while reconnecting, and counts reconnects', async () => {
    h = await startHarness('socket', bot);
    const harness = h;
    expect(harness.adapter.status()).toEqual({ connected: true, reconnects: 0 });
    harness.fake.dropSocket();
    await until(() => !harness.adapter.status().connected, 'the adapter to notice the drop');
    expect(harness.adapter.status()).toEqual({ connected: false, reconnects: 0 });
    await harness.fake.waitForSocket(2);
    await until(() => harness.adapter.status().connected, 'the adapter to reconnect');
    expect(harness.adapter.status()).toEqual({ connected: true, reconnects: 1 });
    await harness.adapter.stop();
    expect(harness.adapter.status().connected).toBe(false);
  });
});

describe('status() in HTTP mode', () => {
  it('is connected once listening and not after stop', async () => {
    const adapter = createSlackAdapter({ botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, port: 0, moderatorIds: [] }, silentLogger());
    expect(adapter.status()).toEqual({ connected: false, reconnects: 0 });
    h = await startHarness('http', bot);
    expect(h.adapter.status()).toEqual({ connected: true, reconnects: 0 });
    await h.adapter.stop();
    expect(h.adapter.status().connected).toBe(false);
  });
});

describe('/healthz and /metrics on the app server in HTTP mode', () => {
  it('are served beside /slack/events when passed as routes', async () => {
    const adapters: Adapter[] = [];
    const routes = healthRoutes({ knowledgeLoaded: () => true, adapters: () => adapters, stopping: () => false }, createMetrics());
    h = await startHarness('http', bot, { routes });
    adapters.push(h.adapter);
    const base = `http://127.0.0.1:${h.adapter.port ?? 0}`;

    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', adapters: [{ name: 'slack', connected: true }] });
    const metrics = await fetch(`${base}/metrics`);
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toMatch(/^# HELP /m);
    // Slack's endpoint still verifies signatures beside them.
    expect((await fetch(`${base}/slack/events`, { method: 'POST', body: '{}' })).status).toBe(401);
  });
});

/** Opens a fresh TCP connection (no pooled keep-alive one) and closes it; rejects when refused. */
function connect(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = tcpConnect(port, '127.0.0.1', () => {
      socket.end();
      resolve();
    });
    socket.once('error', reject);
  });
}

describe('stop() with a question in flight', () => {
  it.each(['socket', 'http'] as const)('answers it before disconnecting (%s mode)', async (mode) => {
    // The real core, but its answer waits until the test lets it go: the question is in flight.
    const { bot: slow, asked, release } = holdAnswers(bot);
    h = await startHarness(mode, slow);
    const harness = h;
    const listening = harness.adapter.port ?? 0;
    const body = eventCallback(harness.workspace, mention(harness.workspace, { user: MEMBER, channel: 'C1200', text: 'who founded it?' }));
    if (mode === 'socket') await harness.fake.sendEnvelope('events_api', body);
    else expect((await postSigned(harness.eventsUrl, SIGNING_SECRET, { json: body })).status).toBe(200);
    await asked;

    let stopped = false;
    const stopping = harness.adapter.stop().then(() => {
      stopped = true;
    });
    await harness.logs.waitFor((r) => r.msg === 'slack: stopping; finishing the handlers in flight', 'stop() to wait for the handler');
    expect(stopped).toBe(false);
    // New payloads are not taken: HTTP mode stops listening right away (new requests go to other
    // instances); in Socket Mode a payload is left unacknowledged, so Slack redelivers it.
    let late: string | undefined;
    if (mode === 'http') await expect(connect(listening)).rejects.toThrow(/ECONNREFUSED/);
    else {
      late = harness.fake.deliverEnvelope(
        'events_api',
        eventCallback(harness.workspace, mention(harness.workspace, { user: MEMBER, channel: 'C1201', text: 'who founded it?' })),
      );
      await harness.logs.waitFor(
        (r) => r.msg === 'slack: stopping; left unacknowledged for Slack to redeliver',
        'the late event to be refused',
      );
    }
    release();
    await stopping;

    const answer = harness.fake.callsTo('chat.postMessage').find((c) => c.args.channel === 'C1200');
    expect(answer?.args.text).toMatch(/Tsinghua/);
    expect(harness.adapter.status().connected).toBe(false);
    if (late) {
      expect(harness.fake.acks.some((a) => a.envelope_id === late)).toBe(false);
      expect(harness.fake.callsTo('chat.postMessage').some((c) => c.args.channel === 'C1201')).toBe(false);
    }
  });
});
