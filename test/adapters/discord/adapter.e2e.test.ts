/**
 * End-to-end: the real discord.js client, driven by the adapter, against the fake Discord in
 * test/fakes/discord, answering with the real core and the shipped knowledge folder.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RELOAD_REFUSAL } from '../../../adapters/discord/adapter.js';
import { commandDefinitions } from '../../../adapters/discord/commands.js';
import { deployCommands } from '../../../adapters/discord/index.js';
import { createBot } from '../../../src/bot.js';
import { limitedConversation } from '../../helpers/conversation.js';
import { APOLOGY } from '../../../src/conversation/texts.js';
import type { ChatBot } from '../../../src/types.js';
import { FakeDiscord, type MessageBody } from '../../fakes/discord/fake-discord.js';
import { createDiscordAdapter } from '../../../adapters/discord/index.js';
import { silentLogger } from '../../../src/logger.js';
import { instrument, startHarness, stopHarnesses } from './harness.js';

const EPHEMERAL = 64;
const FOUNDERS = ['Tsinghua', 'edX', 'Zhejiang'];

let core: ChatBot;
beforeAll(async () => {
  core = await createBot({ knowledgeDir: 'knowledge' });
});
afterEach(stopHarnesses);

const text = (bodies: MessageBody[]): string => bodies.map((b) => b.content ?? '').join('\n');

describe('/ask', () => {
  it('answers publicly with the founding members, the question shown above the answer', async () => {
    const { fake } = await startHarness(core);
    const interaction = fake.slashCommand('ask', { question: 'who founded it?' });
    const callback = await fake.callbackOf(interaction);
    const bodies = await fake.answerOf(interaction);
    for (const name of FOUNDERS) expect(text(bodies)).toContain(name);
    expect(text(bodies)).toContain('> who founded it?');
    expect(callback.type === 4 || callback.type === 5).toBe(true);
    expect((callback.data?.flags ?? 0) & EPHEMERAL).toBe(0);
  });

  it('autocompletes the question with at most 25 questions the bot can answer', async () => {
    const { fake } = await startHarness(core);
    const interaction = fake.autocomplete('ask', 'question', 'found');
    const callback = await fake.callbackOf(interaction);
    expect(callback.type).toBe(8);
    const choices = callback.data?.choices ?? [];
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    for (const choice of choices) {
      expect(choice.name.length).toBeLessThanOrEqual(100);
      expect(choice.value.length).toBeLessThanOrEqual(100);
    }
  });
});

describe('a mention in a channel', () => {
  it('is answered as a reply to that message, without the mention in the question', async () => {
    const { fake, logs } = await startHarness(core);
    const messageId = fake.postInChannel('who founded it?');
    const bodies = await fake.messagesIn(fake.channelId, { replyTo: messageId });
    for (const name of FOUNDERS) expect(text(bodies)).toContain(name);
    // One logging policy on every platform: the outcome at info, the words only at debug.
    const logged = logs.find((l) => l.msg === 'discord: question' && l.via === 'mention');
    expect(logged).toMatchObject({ level: 30, kind: expect.any(String), confidence: expect.any(Number) });
    expect(logged?.question).toBeUndefined();
    expect(logs.find((l) => l.msg === 'discord: question text' && l.via === 'mention')).toMatchObject({
      level: 20,
      question: 'who founded it?',
    });
  });

  it("is answered when it mentions the bot's role instead of the bot", async () => {
    const { fake } = await startHarness(core);
    const messageId = fake.postInChannel(`<@&${fake.botRoleId}> who founded it?`, { mention: false });
    const bodies = await fake.messagesIn(fake.channelId, { replyTo: messageId });
    for (const name of FOUNDERS) expect(text(bodies)).toContain(name);
  });

  it('is not answered when it comes from a bot, and a message without a mention is left alone', async () => {
    const bot = instrument(core);
    const { fake } = await startHarness(bot);
    const fromBot = fake.postInChannel('who founded it?', { who: fake.otherBot });
    const unaddressed = fake.postInChannel('who founded it?', { mention: false });
    const asked = fake.postInChannel('who founded it?');
    await fake.messagesIn(fake.channelId, { replyTo: asked });
    const repliedTo = fake.requests.map((r) => (r.body as MessageBody | undefined)?.message_reference?.message_id);
    expect(repliedTo).not.toContain(fromBot);
    expect(repliedTo).not.toContain(unaddressed);
    expect(bot.calls.ask).toBe(1);
  });
});

describe('a direct message', () => {
  it('is answered in the DM channel, and its text stays out of info-level logs', async () => {
    const { fake, logs } = await startHarness(core);
    fake.directMessage('who founded it?');
    const bodies = await fake.messagesIn(fake.dmChannelId);
    for (const name of FOUNDERS) expect(text(bodies)).toContain(name);
    const info = logs.filter((l) => l.level >= 30);
    expect(info.find((l) => l.msg === 'discord: question')).toMatchObject({
      via: 'dm',
      kind: expect.any(String),
      confidence: expect.any(Number),
    });
    expect(JSON.stringify(info)).not.toContain('who founded it?');
  });

  it('answers /ask in a DM too, its text also kept out of info-level logs', async () => {
    const { fake, logs } = await startHarness(core);
    const interaction = fake.slashCommand('ask', { question: 'who founded it?' }, 'dm');
    expect(text(await fake.answerOf(interaction))).toContain('Tsinghua');
    const info = logs.filter((l) => l.level >= 30);
    expect(info.find((l) => l.msg === 'discord: question')).toMatchObject({ via: 'slash', kind: expect.any(String) });
    expect(JSON.stringify(info)).not.toContain('who founded it?');
  });
});

describe('/reload', () => {
  it('reloads for a member with a moderator role, deferring first and replying privately with the report', async () => {
    const bot = instrument(core);
    const { fake } = await startHarness(bot);
    const interaction = fake.slashCommand('reload', {}, fake.roleModerator);
    const callback = await fake.callbackOf(interaction);
    expect(callback).toMatchObject({ type: 5, data: { flags: EPHEMERAL } });
    const edit = await fake.waitForRequest(
      'the reload report',
      (r) => r.method === 'PATCH' && r.path.endsWith(`/${interaction.token}/messages/@original`),
    );
    expect((edit.body as MessageBody).content).toContain('Reloaded in');
    expect(bot.calls.reload).toBe(1);
  });

  it('reloads for a member with Manage Server', async () => {
    const bot = instrument(core);
    const { fake } = await startHarness(bot);
    const interaction = fake.slashCommand('reload', {}, fake.admin);
    const bodies = await fake.answerOf(interaction);
    expect(text(bodies)).toContain('Reloaded in');
    expect(bot.calls.reload).toBe(1);
  });

  it('refuses anyone else clearly, visible only to them, without reloading', async () => {
    const bot = instrument(core);
    const { fake } = await startHarness(bot);
    const interaction = fake.slashCommand('reload', {}, fake.member);
    const callback = await fake.callbackOf(interaction);
    expect(callback).toMatchObject({ type: 4, data: { content: RELOAD_REFUSAL, flags: EPHEMERAL } });
    expect(bot.calls.reload).toBe(0);
  });
});

describe('who asked', () => {
  it('is passed to the core with isModerator computed from permissions and roles, false in DMs', async () => {
    const bot = instrument(core);
    const { fake } = await startHarness(bot);
    const asked: [string, boolean][] = [];
    const ask = async (label: string, send: () => string, channelId: string, moderator: boolean): Promise<void> => {
      const id = send();
      await fake.messagesIn(channelId, channelId === fake.dmChannelId ? {} : { replyTo: id });
      asked.push([label, moderator]);
    };
    await ask('member', () => fake.postInChannel('who founded it?'), fake.channelId, false);
    await ask('role moderator', () => fake.postInChannel('who founded it?', { who: fake.roleModerator }), fake.channelId, true);
    await ask('manage server', () => fake.postInChannel('who founded it?', { who: fake.admin }), fake.channelId, true);
    await ask('dm', () => fake.directMessage('who founded it?', fake.admin.user), fake.dmChannelId, false);
    const slash = fake.slashCommand('ask', { question: 'who founded it?' }, fake.roleModerator);
    await fake.answerOf(slash);
    asked.push(['slash by role moderator', true]);
    expect(bot.calls.questions.map((q, i) => [asked[i]?.[0], q.isModerator])).toEqual(asked);
    expect(bot.calls.questions.map((q) => q.userId)).toEqual([
      fake.member.user.id,
      fake.roleModerator.user.id,
      fake.admin.user.id,
      fake.admin.user.id,
      fake.roleModerator.user.id,
    ]);
    expect(bot.calls.questions.every((q) => q.platform === 'discord' && q.text === 'who founded it?')).toBe(true);
  });
});

describe('the person’s Discord language', () => {
  it('reaches the core as the question’s locale from slash commands, in servers and DMs', async () => {
    const bot = instrument(core);
    const { fake } = await startHarness(bot);
    fake.locale = 'it';
    await fake.answerOf(fake.slashCommand('ask', { question: 'who founded it?' }));
    fake.locale = 'pt-BR';
    await fake.answerOf(fake.slashCommand('ask', { question: 'who founded it?' }, 'dm'));
    expect(bot.calls.questions.map((q) => q.locale)).toEqual(['it', 'pt-BR']);
  });
});

describe('/help', () => {
  it('replies privately with what the bot knows and how to ask', async () => {
    const { fake } = await startHarness(core);
    const interaction = fake.slashCommand('help');
    const callback = await fake.callbackOf(interaction);
    expect(callback.type).toBe(4);
    expect(callback.data?.flags).toBe(EPHEMERAL);
    expect(callback.data?.content).toBe(core.help('discord').text);
  });
});

describe('a question containing @everyone', () => {
  it('pings no one: every reply allows no mentions', async () => {
    const { fake } = await startHarness(core);
    const interaction = fake.slashCommand('ask', { question: '@everyone who founded it?' });
    await fake.answerOf(interaction);
    const messageId = fake.postInChannel(`@everyone <@&${fake.moderatorRoleId}> who founded it?`);
    await fake.messagesIn(fake.channelId, { replyTo: messageId });
    const sent = fake.requests.filter((r) => r.method !== 'GET' && /\/(messages|callback)|\/webhooks\//.test(r.path));
    expect(sent.length).toBeGreaterThanOrEqual(2);
    for (const request of sent) {
      const body = request.body as { allowed_mentions?: unknown; data?: { allowed_mentions?: unknown } };
      expect(body.allowed_mentions ?? body.data?.allowed_mentions).toEqual({ parse: [], replied_user: false });
    }
  });
});

describe('a gateway drop', () => {
  it('resumes the session (no new IDENTIFY), receives what it missed and keeps answering', async () => {
    const { fake } = await startHarness(core);
    fake.dropGateway(4000);
    // Sent while the connection is down: only a successful RESUME replays it.
    fake.directMessage('who founded it?');
    await fake.waitFor('a RESUME', () => (fake.received(6).length > 0 ? true : undefined));
    const missed = await fake.messagesIn(fake.dmChannelId);
    for (const name of FOUNDERS) expect(text(missed)).toContain(name);
    const interaction = fake.slashCommand('ask', { question: 'who founded it?' });
    expect(text(await fake.answerOf(interaction))).toContain('Tsinghua');
    expect(fake.received(2)).toHaveLength(1);
  });
});

describe('a REST 429', () => {
  it('is retried after the time Discord asks for, and the answer arrives', async () => {
    const { fake } = await startHarness(core);
    fake.rateLimitNext('POST', /^\/channels\/\d+\/messages$/, 0.2);
    const messageId = fake.postInChannel('who founded it?');
    const bodies = await fake.messagesIn(fake.channelId, { replyTo: messageId });
    expect(text(bodies)).toContain('Tsinghua');
    const attempts = fake.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${fake.channelId}/messages`);
    expect(attempts.map((r) => r.status)).toEqual([429, 200]);
  });
});

describe('a suggestion button', () => {
  it('asks its question when clicked', async () => {
    const { fake } = await startHarness(core);
    const first = fake.slashCommand('ask', { question: "What's the capital of Australia?" });
    const [unknown] = await fake.answerOf(first);
    const button = unknown?.components?.[0]?.components[0];
    expect(button?.custom_id).toMatch(/^ask:0:/);
    const click = fake.clickButton(button?.custom_id ?? '', unknown ?? {});
    const bodies = await fake.answerOf(click);
    expect(text(bodies)).toContain(`> ${button?.label}`);
    expect(text(bodies)).not.toContain("What's the capital of Australia?");
  });
});

describe('a failing handler', () => {
  it('logs the error, apologises (privately for interactions) and keeps answering', async () => {
    const bot = instrument(core);
    const { fake, logs } = await startHarness(bot);
    bot.failNextAsk(new Error('index exploded'));
    const interaction = fake.slashCommand('ask', { question: 'who founded it?' });
    expect(await fake.callbackOf(interaction)).toMatchObject({ type: 4, data: { content: APOLOGY, flags: EPHEMERAL } });
    bot.failNextAsk(new Error('index exploded again'));
    const messageId = fake.postInChannel('who founded it?');
    expect(text(await fake.messagesIn(fake.channelId, { replyTo: messageId }))).toBe(APOLOGY);
    const errors = logs.filter((l) => l.level === 50);
    expect(errors.map((l) => (l.err as { message?: string } | undefined)?.message)).toEqual(['index exploded', 'index exploded again']);
    const after = fake.slashCommand('ask', { question: 'who founded it?' });
    expect(text(await fake.answerOf(after))).toContain('Tsinghua');
  });
});

describe("the core's own apology", () => {
  it('is shown only to the person who asked', async () => {
    const apologetic = instrument(core);
    apologetic.answerNextAsk({ text: APOLOGY, kind: 'error', confidence: 0, sources: [], suggestions: [] });
    const { fake } = await startHarness(apologetic);
    const interaction = fake.slashCommand('ask', { question: 'who founded it?' });
    expect(await fake.callbackOf(interaction)).toMatchObject({ type: 4, data: { content: APOLOGY, flags: EPHEMERAL } });
  });
});

describe('a slow answer', () => {
  it('defers the interaction within the 3-second window, then edits the answer in', async () => {
    const bot = instrument(core);
    const { fake } = await startHarness(bot);
    let interaction = { id: '', token: '' };
    // The core answers only after Discord has seen the deferral: no clock in the assertion.
    bot.holdNextAsk(
      fake.waitFor(
        'the deferral',
        () => fake.requests.find((r) => r.path === `/interactions/${interaction.id}/${interaction.token}/callback`),
        20_000,
      ),
    );
    interaction = fake.slashCommand('ask', { question: 'who founded it?' });
    expect(await fake.callbackOf(interaction)).toMatchObject({ type: 5 });
    const edit = await fake.waitForRequest(
      'the edited answer',
      (r) => r.method === 'PATCH' && r.path.endsWith(`/${interaction.token}/messages/@original`),
    );
    expect((edit.body as MessageBody).content).toContain('Tsinghua');
  });
});

describe('a failing reload', () => {
  it('replaces the private "thinking…" with the apology and logs the error', async () => {
    const bot = instrument(core);
    const { fake, logs } = await startHarness(bot);
    bot.failNextReload(new Error('disk on fire'));
    const interaction = fake.slashCommand('reload', {}, fake.admin);
    expect(await fake.callbackOf(interaction)).toMatchObject({ type: 5, data: { flags: EPHEMERAL } });
    const edit = await fake.waitForRequest(
      'the apology',
      (r) => r.method === 'PATCH' && r.path.endsWith(`/${interaction.token}/messages/@original`),
    );
    expect((edit.body as MessageBody).content).toBe(APOLOGY);
    expect(logs.find((l) => l.level === 50)?.err).toMatchObject({ message: 'disk on fire' });
  });
});

describe('slash command registration', () => {
  it('registers the commands on start, to the server when DISCORD_GUILD_ID is set, and not again when unchanged', async () => {
    const fake = await FakeDiscord.start();
    const { adapter } = await startHarness(core, { fake, guildId: fake.guildId });
    const route = `/applications/${fake.applicationId}/guilds/${fake.guildId}/commands`;
    const puts = () => fake.requests.filter((r) => r.method === 'PUT');
    expect(puts().map((r) => r.path)).toEqual([route]);
    expect((puts()[0]?.body as { name: string }[]).map((c) => c.name)).toEqual(['ask', 'reload', 'help', 'kb']);
    await adapter.stop();
    await startHarness(core, { fake, guildId: fake.guildId });
    expect(fake.requests.filter((r) => r.method === 'GET' && r.path === route)).toHaveLength(2);
    expect(puts()).toHaveLength(1);
  });

  it('is what `npm run discord:deploy` registers too (or clears with --clear), through DISCORD_API_URL', async () => {
    const fake = await FakeDiscord.start();
    try {
      const result = await deployCommands({ token: fake.token, clientId: fake.applicationId, moderatorRoleIds: [], apiUrl: fake.apiUrl });
      expect(result).toMatchObject({ scope: 'global', names: ['ask', 'reload', 'help', 'kb'] });
      const put = fake.requests.find((r) => r.method === 'PUT');
      expect(put?.path).toBe(`/applications/${fake.applicationId}/commands`);
      expect(put?.body).toEqual(JSON.parse(JSON.stringify(commandDefinitions())));
      await deployCommands(
        { token: fake.token, clientId: fake.applicationId, guildId: fake.guildId, moderatorRoleIds: [], apiUrl: fake.apiUrl },
        { clear: true },
      );
      const cleared = fake.requests.filter((r) => r.method === 'PUT')[1];
      expect(cleared?.path).toBe(`/applications/${fake.applicationId}/guilds/${fake.guildId}/commands`);
      expect(cleared?.body).toEqual([]);
    } finally {
      await fake.stop();
    }
  });
});

describe('a wrong token', () => {
  it('fails start-up with a message naming DISCORD_TOKEN', async () => {
    const fake = await FakeDiscord.start();
    try {
      const adapter = createDiscordAdapter(
        { token: 'not-the-token', clientId: fake.applicationId, moderatorRoleIds: [], apiUrl: fake.apiUrl },
        silentLogger(),
      );
      await expect(adapter.start(core)).rejects.toThrow(/^discord: could not log in .*check DISCORD_TOKEN/);
      await adapter.stop();
    } finally {
      await fake.stop();
    }
  });
});

describe('a person asking too often', () => {
  it('gets one polite note by message, then silence, and a private note on /ask', async () => {
    const limited = limitedConversation(await createBot({ knowledgeDir: 'knowledge' }), 1);
    const { fake, logs } = await startHarness(limited);
    const first = fake.postInChannel('who founded it?');
    expect(text(await fake.messagesIn(fake.channelId, { replyTo: first }))).toContain('Tsinghua');
    const second = fake.postInChannel('who founded it?');
    const note = text(await fake.messagesIn(fake.channelId, { replyTo: second }));
    expect(note).not.toContain('Tsinghua');
    expect(note.length).toBeGreaterThan(0);
    const third = fake.postInChannel('who founded it?');
    const interaction = fake.slashCommand('ask', { question: 'who founded it?' });
    const callback = await fake.callbackOf(interaction);
    expect(callback.data?.flags).toBe(EPHEMERAL);
    expect(callback.data?.content).toMatch(/wait/i);
    expect(logs.filter((l) => l.msg === 'discord: question' && l.outcome === 'cooldown')).toHaveLength(3);
    expect(fake.requests.some((r) => (r.body as MessageBody | undefined)?.message_reference?.message_id === third)).toBe(false);
  });
});
