/**
 * End-to-end: the real Bolt app in HTTP mode, receiving requests signed as Slack signs them,
 * calling the fake Slack's Web API and response URLs, answering with the real core.
 */
import { describe, expect, it } from 'vitest';
import { TEACH_BLOCKS, TEACH_CALLBACK_ID } from '../../../adapters/slack/teach-modal.js';
import { buttonClick, eventCallback, mention, nextTs, slashCommand, viewSubmission } from '../../fakes/slack/payloads.js';
import type { RecordedCall } from '../../fakes/slack/server.js';
import { postSigned } from '../../fakes/slack/signing.js';
import { createTestBot } from './support/bot.js';
import { harnessPerTest } from './support/per-test.js';
import { MEMBER, MODERATOR, SIGNING_SECRET, sectionText } from './support/harness.js';

const t = harnessPerTest('http', createTestBot);

const replyIn = (channel: string) => (call: RecordedCall) => call.args.channel === channel;

describe('a signed mention in HTTP mode', () => {
  it('is acknowledged with 200 and answered in a thread under the message', async () => {
    const ts = nextTs();
    const response = await postSigned(t.h.eventsUrl, SIGNING_SECRET, {
      json: eventCallback(t.h.workspace, mention(t.h.workspace, { user: MEMBER, channel: 'C100', text: 'who founded it?', ts })),
    });
    expect(response.status).toBe(200);
    const reply = await t.h.fake.waitForCall('chat.postMessage', replyIn('C100'));
    expect(reply.args.thread_ts).toBe(ts);
    expect(reply.args.text).toMatch(/Tsinghua/);
  });
});

describe('/ask in HTTP mode', () => {
  it('answers in the HTTP response to the command, visible in the channel', async () => {
    const response = await postSigned(t.h.eventsUrl, SIGNING_SECRET, {
      form: slashCommand(t.h.workspace, {
        command: '/ask',
        text: 'who founded it?',
        user: MEMBER,
        channel: 'C200',
        responseUrl: t.h.fake.responseUrl(),
      }),
    });
    expect(response.status).toBe(200);
    const reply = JSON.parse(response.text) as Record<string, unknown>;
    expect(reply.response_type).toBe('in_channel');
    expect(sectionText(reply)).toContain(`<@${MEMBER}> asked`);
    expect(reply.text).toMatch(/Tsinghua/);
  });

  it('gives /kb-reload from a moderator an ephemeral report', async () => {
    await postSigned(t.h.eventsUrl, SIGNING_SECRET, {
      form: slashCommand(t.h.workspace, {
        command: '/kb-reload',
        text: '',
        user: MODERATOR,
        channel: 'C201',
        responseUrl: t.h.fake.responseUrl(),
      }),
    });
    const reply = await t.h.fake.waitForCall('response_url');
    expect(reply.args.response_type).toBe('ephemeral');
    expect(reply.args.text).toMatch(/Reloaded in \d+ ms/);
  });
});

describe('a suggestion click in HTTP mode', () => {
  it('answers the suggested question in the thread the buttons are in', async () => {
    const threadTs = nextTs();
    const suggestion = 'who founded it?';
    const response = await postSigned(t.h.eventsUrl, SIGNING_SECRET, {
      interactive: buttonClick(t.h.workspace, {
        user: MEMBER,
        channel: 'C300',
        messageTs: nextTs(),
        threadTs,
        actionId: 'ask_suggestion_0',
        value: suggestion,
        responseUrl: t.h.fake.responseUrl(),
      }),
    });
    expect(response.status).toBe(200);
    const reply = await t.h.fake.waitForCall('chat.postMessage', replyIn('C300'));
    expect(reply.args.thread_ts).toBe(threadTs);
    expect(reply.args.text).toMatch(/Tsinghua/);
  });
});

describe('a retried event in HTTP mode (X-Slack-Retry-Num)', () => {
  it('is answered once', async () => {
    const body = {
      json: eventCallback(t.h.workspace, mention(t.h.workspace, { user: MEMBER, channel: 'C400', text: 'who founded it?' }), 'EvHTTPRETRY'),
    };
    expect((await postSigned(t.h.eventsUrl, SIGNING_SECRET, body)).status).toBe(200);
    expect((await postSigned(t.h.eventsUrl, SIGNING_SECRET, body, { retry: { num: 1, reason: 'http_timeout' } })).status).toBe(200);
    const dropped = await t.h.logs.waitFor(
      (r) => r.msg === 'slack: duplicate event ignored' && r.eventId === 'EvHTTPRETRY',
      'the retry to be dropped',
    );
    expect(dropped.retryNum).toBe(1);
    await t.h.fake.waitForCall('chat.postMessage', replyIn('C400'));
    expect(t.h.fake.callsTo('chat.postMessage').filter(replyIn('C400'))).toHaveLength(1);
  });
});

describe('Slack verifying the Request URL', () => {
  it('answers the url_verification challenge', async () => {
    const response = await postSigned(t.h.eventsUrl, SIGNING_SECRET, {
      json: { token: 'verification-token', challenge: 'challenge-123', type: 'url_verification' },
    });
    expect(response.status).toBe(200);
    expect(response.text).toContain('challenge-123');
  });
});

describe('request verification in HTTP mode', () => {
  const body = () => ({
    json: eventCallback(t.h.workspace, mention(t.h.workspace, { user: MEMBER, channel: 'C500', text: 'who founded it?' })),
  });

  it('rejects a request with a bad signature', async () => {
    const response = await postSigned(t.h.eventsUrl, SIGNING_SECRET, body(), { signWith: 'not-the-secret' });
    expect(response.status).toBe(401);
    expect(t.h.fake.callsTo('chat.postMessage')).toHaveLength(0);
    // Bolt's own warning reaches the injected logger, not stdout.
    expect(t.h.logs.records.some((r) => r.component === 'bolt' && /verify/i.test(r.msg))).toBe(true);
  });

  it('rejects a correctly signed request with a stale timestamp', async () => {
    const tenMinutesAgo = Math.floor(Date.now() / 1000) - 10 * 60;
    const response = await postSigned(t.h.eventsUrl, SIGNING_SECRET, body(), { timestamp: tenMinutesAgo });
    expect(response.status).toBe(401);
    expect(t.h.fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('rejects an unsigned request', async () => {
    const response = await fetch(t.h.eventsUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body().json),
    });
    expect(response.status).toBe(401);
  });
});

describe('/kb in HTTP mode', () => {
  it('answers a moderator through the response_url, ephemerally', async () => {
    const response = await postSigned(t.h.eventsUrl, SIGNING_SECRET, {
      form: slashCommand(t.h.workspace, {
        command: '/kb',
        text: 'status',
        user: MODERATOR,
        channel: 'C600',
        responseUrl: t.h.fake.responseUrl(),
      }),
    });
    expect(response.status).toBe(200);
    const reply = await t.h.fake.waitForCall('response_url');
    expect(reply.args.response_type).toBe('ephemeral');
    expect(reply.args.text).toMatch(/^Knowledge: \d+ document\(s\)/);
  });
});

describe('a teach submission with a validation error in HTTP mode', () => {
  it('gets the errors in the HTTP response, so the modal stays open', async () => {
    const response = await postSigned(t.h.eventsUrl, SIGNING_SECRET, {
      interactive: viewSubmission(t.h.workspace, {
        user: MODERATOR,
        callbackId: TEACH_CALLBACK_ID,
        values: { [TEACH_BLOCKS.question]: 'What is a MOOC?', [TEACH_BLOCKS.alternates]: '', [TEACH_BLOCKS.answer]: 'A course.' },
      }),
    });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.text)).toMatchObject({
      response_action: 'errors',
      errors: { [TEACH_BLOCKS.question]: expect.stringMatching(/already answered/) },
    });
  });
});
