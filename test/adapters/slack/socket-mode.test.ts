/**
 * End-to-end: the real Bolt app in Socket Mode against the fake Slack (Web API + WebSocket),
 * answering with the real core.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { escapeText } from '../../../adapters/slack/escape.js';
import { createBot } from '../../../src/bot.js';
import { limitedConversation } from '../../helpers/conversation.js';
import { APOLOGY } from '../../../src/conversation/texts.js';
import { buttonClick, directMessage, eventCallback, mention, nextTs, slashCommand } from '../../fakes/slack/payloads.js';
import type { RecordedCall } from '../../fakes/slack/server.js';
import { createTestBot } from './support/bot.js';
import { harnessPerTest } from './support/per-test.js';
import { ADMIN, APP_TOKEN, BOT_TOKEN, MEMBER, MODERATOR, sectionText, startHarness, type Harness } from './support/harness.js';
import { LEVEL } from './support/logs.js';

const t = harnessPerTest('socket', createTestBot);

const replyIn = (channel: string) => (call: RecordedCall) => call.args.channel === channel;

describe('connecting in Socket Mode', () => {
  it('verifies the bot token and opens the socket with the app-level token through SLACK_API_URL', () => {
    expect(t.h.fake.callsTo('auth.test')[0]?.token).toBe(BOT_TOKEN);
    expect(t.h.fake.callsTo('apps.connections.open')[0]?.token).toBe(APP_TOKEN);
    expect(t.h.adapter.mode).toBe('socket');
  });
});

describe('a mention in a channel', () => {
  it('is acknowledged and answered in a thread under the message', async () => {
    const ts = nextTs();
    const ack = await t.h.fake.sendEnvelope(
      'events_api',
      eventCallback(t.h.workspace, mention(t.h.workspace, { user: MEMBER, channel: 'C100', text: 'who founded it?', ts })),
    );
    expect(ack.envelope_id).toMatch(/^env-/);
    const reply = await t.h.fake.waitForCall('chat.postMessage', replyIn('C100'));
    expect(reply.token).toBe(BOT_TOKEN);
    expect(reply.args.thread_ts).toBe(ts);
    expect(reply.args.text).toMatch(/Tsinghua/);
    expect(sectionText(reply.args)).toMatch(/edX/);
    expect(sectionText(reply.args)).toMatch(/Source: /);
  });

  it('answers a bare mention with the usage help', async () => {
    await t.h.fake.sendEnvelope(
      'events_api',
      eventCallback(t.h.workspace, mention(t.h.workspace, { user: MEMBER, channel: 'C102', text: '' })),
    );
    const reply = await t.h.fake.waitForCall('chat.postMessage', replyIn('C102'));
    expect(reply.args.text).toBe(escapeText(t.bot.help('slack').text));
  });

  it('keeps a mention inside a thread in that thread', async () => {
    const parent = nextTs();
    await t.h.fake.sendEnvelope(
      'events_api',
      eventCallback(t.h.workspace, mention(t.h.workspace, { user: MEMBER, channel: 'C101', text: 'who founded it?', thread_ts: parent })),
    );
    const reply = await t.h.fake.waitForCall('chat.postMessage', replyIn('C101'));
    expect(reply.args.thread_ts).toBe(parent);
  });
});

describe('a direct message', () => {
  it('is answered in the conversation, not in a thread', async () => {
    await t.h.fake.sendEnvelope(
      'events_api',
      eventCallback(t.h.workspace, directMessage({ user: MEMBER, channel: 'D200', text: 'who founded it?' })),
    );
    const reply = await t.h.fake.waitForCall('chat.postMessage', replyIn('D200'));
    expect(reply.args.thread_ts).toBeUndefined();
    expect(reply.args.text).toMatch(/Tsinghua/);
  });

  it('logs its outcome at info as Discord does, and the words of a direct message only at debug', async () => {
    await t.h.fake.sendEnvelope(
      'events_api',
      eventCallback(t.h.workspace, directMessage({ user: MEMBER, channel: 'D201', text: 'who founded it? secret-words' })),
    );
    await t.h.fake.waitForCall('chat.postMessage', replyIn('D201'));
    const outcome = t.h.logs.withMessage('slack: question')[0];
    expect(outcome).toMatchObject({ level: LEVEL.info, via: 'dm', direct: true, outcome: expect.any(String), kind: expect.any(String) });
    expect(t.h.logs.withMessage('slack: question text')[0]).toMatchObject({
      level: LEVEL.debug,
      question: expect.stringContaining('secret-words'),
    });
    const infoText = t.h.logs.records
      .filter((r) => r.level >= LEVEL.info)
      .map((r) => JSON.stringify(r))
      .join('\n');
    expect(infoText).not.toContain('secret-words');
  });
});

describe('/ask', () => {
  it('answers visibly in the channel, saying who asked, in the acknowledgement', async () => {
    const ack = await t.h.fake.sendEnvelope(
      'slash_commands',
      slashCommand(t.h.workspace, {
        command: '/ask',
        text: 'who founded it?',
        user: MEMBER,
        channel: 'C300',
        responseUrl: t.h.fake.responseUrl(),
      }),
    );
    expect(ack.payload?.response_type).toBe('in_channel');
    expect(sectionText(ack.payload ?? {})).toContain(`<@${MEMBER}> asked: who founded it?`);
    expect(ack.payload?.text).toMatch(/Tsinghua/);
  });

  it('escapes the echoed question so it cannot ping @channel or @here', async () => {
    const ack = await t.h.fake.sendEnvelope(
      'slash_commands',
      slashCommand(t.h.workspace, {
        command: '/ask',
        text: '<!channel> &lt;!here&gt; who founded it?',
        user: MEMBER,
        channel: 'C301',
        responseUrl: t.h.fake.responseUrl(),
      }),
    );
    const sent = JSON.stringify(ack.payload);
    expect(sent).not.toContain('<!channel>');
    expect(sent).not.toContain('<!here>');
    expect(sectionText(ack.payload ?? {})).toContain('&lt;!here&gt;');
  });
});

describe('/kb-reload', () => {
  it('reloads for a configured moderator and shows the report only to them', async () => {
    const responseUrl = t.h.fake.responseUrl();
    await t.h.fake.sendEnvelope(
      'slash_commands',
      slashCommand(t.h.workspace, { command: '/kb-reload', text: '', user: MODERATOR, channel: 'C400', responseUrl }),
    );
    const reply = await t.h.fake.waitForCall('response_url');
    expect(reply.args.response_type).toBe('ephemeral');
    expect(reply.args.text).toMatch(/Reloaded in \d+ ms: \d+ document/);
  });

  it('reloads for a workspace admin, found through users.info', async () => {
    await t.h.fake.sendEnvelope(
      'slash_commands',
      slashCommand(t.h.workspace, { command: '/kb-reload', text: '', user: ADMIN, channel: 'C401', responseUrl: t.h.fake.responseUrl() }),
    );
    const reply = await t.h.fake.waitForCall('response_url');
    expect(t.h.fake.callsTo('users.info').map((c) => c.args.user)).toContain(ADMIN);
    expect(reply.args.response_type).toBe('ephemeral');
    expect(reply.args.text).toMatch(/Reloaded in \d+ ms/);
  });

  it('refuses anyone else, in a reply only they see', async () => {
    await t.h.fake.sendEnvelope(
      'slash_commands',
      slashCommand(t.h.workspace, { command: '/kb-reload', text: '', user: MEMBER, channel: 'C402', responseUrl: t.h.fake.responseUrl() }),
    );
    const reply = await t.h.fake.waitForCall('response_url');
    expect(reply.args.response_type).toBe('ephemeral');
    expect(reply.args.text).toMatch(/only moderators can reload/);
    expect(t.h.logs.withMessage('slack: knowledge reloaded')).toHaveLength(0);
  });
});

describe('a suggestion button', () => {
  it('asks its question when clicked and answers in the same thread', async () => {
    const ts = nextTs();
    await t.h.fake.sendEnvelope(
      'events_api',
      eventCallback(t.h.workspace, mention(t.h.workspace, { user: MEMBER, channel: 'C500', text: "What's the capital of Australia?", ts })),
    );
    const unknown = await t.h.fake.waitForCall('chat.postMessage', replyIn('C500'));
    const actions = (unknown.args.blocks as { type: string; elements?: { action_id: string; value: string }[] }[]).find(
      (b) => b.type === 'actions',
    );
    const button = actions?.elements?.[0];
    expect(button?.value).toBeTruthy();

    await t.h.fake.sendEnvelope(
      'interactive',
      buttonClick(t.h.workspace, {
        user: MEMBER,
        channel: 'C500',
        messageTs: nextTs(),
        threadTs: ts,
        actionId: button?.action_id ?? '',
        value: button?.value ?? '',
        responseUrl: t.h.fake.responseUrl(),
      }),
    );
    const answer = await t.h.fake.waitForCall('chat.postMessage', (c) => c.args.channel === 'C500' && c !== unknown);
    expect(answer.args.thread_ts).toBe(ts);
    expect(sectionText(answer.args)).toContain(`<@${MEMBER}> asked`);
    const followUp = await t.bot.ask({
      text: button?.value ?? '',
      platform: 'slack',
      userId: 'UCHECK',
      channelId: 'CCHECK',
      isModerator: false,
    });
    expect(answer.args.text).toContain(followUp.text.slice(0, 40).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
  });
});

describe('a retried event', () => {
  it('is answered once', async () => {
    const ts = nextTs();
    const body = eventCallback(
      t.h.workspace,
      mention(t.h.workspace, { user: MEMBER, channel: 'C600', text: 'who founded it?', ts }),
      'EvRETRY1',
    );
    await t.h.fake.sendEnvelope('events_api', body);
    await t.h.fake.sendEnvelope('events_api', body, { attempt: 1, reason: 'timeout' });
    await t.h.logs.waitFor((r) => r.msg === 'slack: duplicate event ignored' && r.eventId === 'EvRETRY1', 'the retry to be dropped');
    await t.h.fake.waitForCall('chat.postMessage', replyIn('C600'));
    expect(t.h.fake.callsTo('chat.postMessage').filter(replyIn('C600'))).toHaveLength(1);
  });
});

describe('one message as app_mention and as message', () => {
  it('is answered once', async () => {
    const ts = nextTs();
    const text = 'who founded it?';
    await t.h.fake.sendEnvelope(
      'events_api',
      eventCallback(t.h.workspace, directMessage({ user: MEMBER, channel: 'D700', text: `<@${t.h.workspace.botUserId}> ${text}`, ts })),
    );
    await t.h.fake.sendEnvelope(
      'events_api',
      eventCallback(t.h.workspace, mention(t.h.workspace, { user: MEMBER, channel: 'D700', text, ts })),
    );
    await t.h.logs.waitFor((r) => r.msg === 'slack: duplicate event ignored' && r.channel === 'D700', 'the second delivery to be dropped');
    await t.h.fake.waitForCall('chat.postMessage', replyIn('D700'));
    expect(t.h.fake.callsTo('chat.postMessage').filter(replyIn('D700'))).toHaveLength(1);
  });
});

describe('messages that are not questions', () => {
  it('ignores bot messages, its own, edits and deletions', async () => {
    const channel = 'D800';
    await t.h.fake.sendEnvelope(
      'events_api',
      eventCallback(t.h.workspace, directMessage({ channel, text: 'who founded it?', subtype: 'bot_message', bot_id: 'BOTHER' })),
    );
    await t.h.fake.sendEnvelope(
      'events_api',
      eventCallback(
        t.h.workspace,
        directMessage({ user: t.h.workspace.botUserId, channel, text: 'who founded it?', bot_id: t.h.fake.botId }),
      ),
    );
    await t.h.fake.sendEnvelope(
      'events_api',
      eventCallback(t.h.workspace, directMessage({ channel, text: '', subtype: 'message_changed' })),
    );
    await t.h.fake.sendEnvelope(
      'events_api',
      eventCallback(t.h.workspace, directMessage({ channel, text: '', subtype: 'message_deleted' })),
    );
    await t.h.logs.waitFor(() => t.h.logs.withMessage('slack: message ignored').length >= 3, 'three messages to be ignored');
    // A real question afterwards shows the listener was alive while ignoring the others.
    const sentinel = nextTs();
    await t.h.fake.sendEnvelope(
      'events_api',
      eventCallback(t.h.workspace, directMessage({ user: MEMBER, channel, text: 'who founded it?', ts: sentinel })),
    );
    await t.h.fake.waitForCall('chat.postMessage', replyIn(channel));
    expect(t.h.fake.callsTo('chat.postMessage').filter(replyIn(channel))).toHaveLength(1);
  });
});

describe('Socket Mode reconnect', () => {
  it('opens a new connection after the server drops the socket and keeps answering', async () => {
    await t.h.fake.waitForSocket(1);
    t.h.fake.dropSocket();
    await t.h.fake.waitForSocket(2);
    expect(t.h.fake.connectionsOpened).toBe(2);
    expect(t.h.fake.callsTo('apps.connections.open').map((c) => c.token)).toEqual([APP_TOKEN, APP_TOKEN]);
    await t.h.fake.sendEnvelope(
      'events_api',
      eventCallback(t.h.workspace, mention(t.h.workspace, { user: MEMBER, channel: 'C900', text: 'who founded it?' })),
    );
    const reply = await t.h.fake.waitForCall('chat.postMessage', replyIn('C900'));
    expect(reply.args.text).toMatch(/Tsinghua/);
  });
});

describe('Socket Mode refresh', () => {
  it('reconnects when Slack sends disconnect (refresh_requested)', async () => {
    await t.h.fake.waitForSocket(1);
    t.h.fake.requestRefresh();
    await t.h.fake.waitForSocket(2);
    expect(t.h.fake.connectionsOpened).toBe(2);
    await t.h.fake.sendEnvelope(
      'events_api',
      eventCallback(t.h.workspace, directMessage({ user: MEMBER, channel: 'D950', text: 'who founded it?' })),
    );
    const reply = await t.h.fake.waitForCall('chat.postMessage', replyIn('D950'));
    expect(reply.args.text).toMatch(/Tsinghua/);
  });
});

describe('a failing handler', () => {
  it('logs the error, answers with the apology and keeps running', async () => {
    t.h.fake.failNext('chat.postMessage', 'fatal_error');
    await t.h.fake.sendEnvelope(
      'events_api',
      eventCallback(t.h.workspace, mention(t.h.workspace, { user: MEMBER, channel: 'C1000', text: 'who founded it?' })),
    );
    const apology = await t.h.fake.waitForCall('chat.postMessage', (c) => c.args.channel === 'C1000' && c.args.text === APOLOGY);
    expect(apology.args.thread_ts).toBeDefined();
    const logged = t.h.logs.withMessage('slack: answering a message failed')[0];
    expect(logged?.level).toBe(LEVEL.error);
    expect(JSON.stringify(logged?.err)).toContain('fatal_error');

    await t.h.fake.sendEnvelope(
      'events_api',
      eventCallback(t.h.workspace, mention(t.h.workspace, { user: MEMBER, channel: 'C1001', text: 'who founded it?' })),
    );
    const next = await t.h.fake.waitForCall('chat.postMessage', replyIn('C1001'));
    expect(next.args.text).toMatch(/Tsinghua/);
  });
});

describe("the core's per-person cooldown (the adapter has no rate limit of its own)", () => {
  let limited: Harness;
  beforeEach(async () => {
    const strictBot = limitedConversation(await createBot({ knowledgeDir: 'knowledge' }), 1);
    limited = await startHarness('socket', strictBot);
  });
  afterEach(async () => {
    await limited.close();
  });

  it('replies politely once to messages over the limit, then stays silent, and tells /ask users privately', async () => {
    const dm = (text: string) => eventCallback(limited.workspace, directMessage({ user: MEMBER, channel: 'D1100', text }));
    await limited.fake.sendEnvelope('events_api', dm('who founded it?'));
    await limited.fake.waitForCall('chat.postMessage', replyIn('D1100'));
    await limited.fake.sendEnvelope('events_api', dm('when was it launched?'));
    await limited.fake.sendEnvelope('events_api', dm('how many founding members?'));
    await limited.logs.waitFor(
      () => limited.logs.withMessage('slack: question').filter((r) => r.kind === 'cooldown').length >= 2,
      'two questions over the limit',
    );
    const posted = await limited.fake.waitFor(() => {
      const calls = limited.fake.callsTo('chat.postMessage').filter(replyIn('D1100'));
      return calls.length >= 2 ? calls : undefined;
    }, 'the answer and the polite notice');
    expect(posted).toHaveLength(2);
    expect(posted[0]?.args.text).toMatch(/Tsinghua/);
    expect(String(posted[1]?.args.text)).not.toBe('');

    const ack = await limited.fake.sendEnvelope(
      'slash_commands',
      slashCommand(limited.workspace, {
        command: '/ask',
        text: 'who founded it?',
        user: MEMBER,
        channel: 'C1100',
        responseUrl: limited.fake.responseUrl(),
      }),
    );
    expect(ack.payload?.response_type).toBe('ephemeral');
    expect(String(ack.payload?.text)).not.toMatch(/Tsinghua/);
    expect(String(ack.payload?.text)).not.toBe('');
  });
});
