/**
 * End-to-end: what operators and the core's analytics need from the Discord adapter: votes on
 * answers, the digest, the connection status across a gateway drop and a graceful stop.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VOTE_THANKS } from '../../../src/conversation/texts.js';
import { createBot, type AllianceBot } from '../../../src/bot.js';
import type { Question } from '../../../src/types.js';
import type { MessageBody } from '../../fakes/discord/fake-discord.js';
import { snowflake } from '../../fakes/discord/payloads.js';
import { eventually, instrument, startHarness, stopHarnesses } from './harness.js';

const EPHEMERAL = 64;
const moderator: Question = { text: 'kb gaps', platform: 'terminal', userId: 'mod', channelId: 'test', isModerator: true };

let core: AllianceBot;
beforeEach(async () => {
  core = await createBot({ knowledgeDir: 'knowledge', analytics: { path: ':memory:', storeUsers: false, retentionDays: 90 } });
});
afterEach(async () => {
  await stopHarnesses();
  await core.close();
});

const _text = (bodies: MessageBody[]): string => bodies.map((b) => b.content ?? '').join('\n');
const ids = (bodies: MessageBody[]): string[] =>
  bodies.flatMap((b) => b.components ?? []).flatMap((row) => row.components.map((c) => c.custom_id ?? ''));

describe('votes on answers', () => {
  it('put 👍/👎 under answers by /ask, mention and DM, and record a vote with a private thanks only', async () => {
    const { fake } = await startHarness(core);
    const slash = await fake.answerOf(fake.slashCommand('ask', { question: 'who founded it?' }));
    const mentioned = await fake.messagesIn(fake.channelId, { replyTo: fake.postInChannel('How many founding members are there?') });
    fake.directMessage('What is a MOOC?');
    const dm = await fake.messagesIn(fake.dmChannelId);
    for (const bodies of [slash, mentioned, dm])
      expect(ids(bodies).filter((id) => id.startsWith('vote:'))).toEqual([
        expect.stringMatching(/^vote:up:\d+$/),
        expect.stringMatching(/^vote:down:\d+$/),
      ]);

    const down = ids(slash).find((id) => id.startsWith('vote:down:')) ?? '';
    const before = fake.requests.length;
    const click = fake.clickButton(down, slash.at(-1) ?? {}, fake.member);
    expect(await fake.callbackOf(click)).toMatchObject({ type: 4, data: { content: VOTE_THANKS, flags: EPHEMERAL } });
    const dmUp = fake.clickButton(ids(dm).find((id) => id.startsWith('vote:up:')) ?? '', dm.at(-1) ?? {}, 'dm');
    expect(await fake.callbackOf(dmUp)).toMatchObject({ data: { content: VOTE_THANKS, flags: EPHEMERAL } });
    // Nothing public: no channel message after the clicks.
    expect(fake.requests.slice(before).filter((r) => r.method === 'POST' && r.path.startsWith('/channels/'))).toEqual([]);

    const gaps = await core.gaps(moderator);
    expect(gaps.downvoted).toEqual([expect.objectContaining({ question: 'who founded it?', down: 1 })]);
  });

  it('are not offered when the bot did not know, only the suggestion buttons are', async () => {
    const { fake } = await startHarness(core);
    const bodies = await fake.answerOf(fake.slashCommand('ask', { question: "What's the capital of Australia?" }));
    expect(ids(bodies).length).toBeGreaterThan(0);
    expect(ids(bodies).every((id) => id.startsWith('ask:'))).toBe(true);
  });
});

describe('the digest', () => {
  it('is posted to DISCORD_DIGEST_CHANNEL_ID in messages of at most 2,000 characters, pinging no one', async () => {
    const digestChannelId = snowflake();
    const { fake, adapter } = await startHarness(core, { digestChannelId });
    const digest = `Weekly digest: @everyone\n${Array.from({ length: 120 }, (_, i) => `  ${i + 1}. "question number ${i + 1}" ×2`).join('\n')}`;
    await adapter.postDigest(digest);
    const posts = fake.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${digestChannelId}/messages`);
    expect(posts.length).toBeGreaterThan(1);
    for (const post of posts) {
      const body = post.body as MessageBody;
      expect(body.content?.length).toBeLessThanOrEqual(2000);
      expect(body.allowed_mentions).toEqual({ parse: [] });
    }
    expect(
      posts
        .map((p) => (p.body as MessageBody).content)
        .join('\n')
        .replace(/\s+/g, ' '),
    ).toBe(digest.replace(/\s+/g, ' '));
  });

  it('is not posted anywhere without a digest channel', async () => {
    const { fake, adapter } = await startHarness(core);
    const before = fake.requests.length;
    await adapter.postDigest('Weekly digest: nothing');
    expect(fake.requests.length).toBe(before);
  });
});

describe('status()', () => {
  it('is connected after READY, not while the gateway is down, and counts the reconnect', async () => {
    const { fake, adapter } = await startHarness(core);
    expect(adapter.status()).toEqual({ connected: true, reconnects: 0 });
    fake.holdGateway();
    fake.dropGateway(4000);
    await fake.waitFor('a reconnection attempt', () => (fake.connections >= 2 ? true : undefined));
    await eventually('status() to say disconnected', () => !adapter.status().connected);
    expect(adapter.status()).toEqual({ connected: false, reconnects: 1 });
    fake.releaseGateway();
    await fake.waitFor('a RESUME', () => (fake.received(6).length > 0 ? true : undefined));
    await eventually('status() to say connected again', () => adapter.status().connected);
    expect(adapter.status()).toEqual({ connected: true, reconnects: 1 });
  });
});

describe('stop()', () => {
  it('answers a question in flight before disconnecting, and takes no new ones', async () => {
    const bot = instrument(core);
    const { fake, adapter, logs } = await startHarness(bot);
    let release = (): void => undefined;
    bot.holdNextAsk(new Promise<void>((resolve) => (release = resolve)));
    fake.directMessage('who founded it?');
    await eventually('the question to reach the core', () => bot.calls.ask === 1);

    const stopped = adapter.stop();
    // Arrives while stopping (the gateway is still open, finishing the first answer): left alone.
    fake.directMessage('How many founding members are there?');
    await eventually('the late message to be ignored', () => logs.some((l) => l.msg === 'discord: event ignored while stopping'));
    release();
    await stopped;
    await fake.waitFor('the gateway to close', () => (fake.gatewayClosedAt.length > 0 ? true : undefined));

    const answers = fake.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${fake.dmChannelId}/messages`);
    expect(answers).toHaveLength(1);
    expect((answers[0]?.body as MessageBody).content).toContain('Tsinghua');
    // Sent before the client closed its gateway connection.
    expect(fake.requests.indexOf(answers[0] ?? fake.requests[0]!)).toBeLessThan(fake.gatewayClosedAt.at(-1) ?? 0);
    expect(bot.calls.ask).toBe(1);
    expect(adapter.status().connected).toBe(false);
  });
});
