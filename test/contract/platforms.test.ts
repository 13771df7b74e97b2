/**
 * One contract for every platform: the terminal chat, Discord (the real discord.js client against
 * the fake Discord) and Slack (the real Bolt app against the fake Slack, Socket Mode) behave the
 * same where a person can tell: an answer names its source, help lists that platform's own
 * commands, one cooldown text, one apology, reload refused to a non-moderator, and a follow-up
 * understood where the conversation is (the next line, a reply to the bot's message, a thread).
 */
import { PassThrough } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DISCORD_INVOCATIONS } from '../../adapters/discord/index.js';
import { SLACK_INVOCATIONS } from '../../adapters/slack/index.js';
import { createTerminalAdapter } from '../../adapters/terminal/index.js';
import { createBot, type AllianceBot } from '../../src/bot.js';
import { type Invocations, TERMINAL_INVOCATIONS } from '../../src/conversation/commands.js';
import { APOLOGY, cooldownText } from '../../src/conversation/texts.js';
import type { Adapter, ChatBot } from '../../src/types.js';
import type { MessageBody } from '../fakes/discord/fake-discord.js';
import { eventCallback, mention, nextTs, slashCommand } from '../fakes/slack/payloads.js';
import { startHarness as startDiscord, stopHarnesses as stopDiscord } from '../adapters/discord/harness.js';
import { MEMBER, sectionText, startHarness as startSlack } from '../adapters/slack/support/harness.js';
import { limitedConversation, testConversation } from '../helpers/conversation.js';
import { tempKnowledge, type TempKnowledge } from '../helpers/knowledge.js';

/** A person talking to the bot on one platform. */
interface Session {
  /** Asks afresh (a line, a mention in a channel); resolves with all the reply's text. */
  ask(text: string): Promise<string>;
  /** Asks where the last answer was: the next line, a reply to the bot's message, a reply in its thread (no mention). */
  followUp(text: string): Promise<string>;
  /** Asks for help the way the platform offers it. */
  help(): Promise<string>;
  /** Runs the platform's reload command as a person who is not a moderator. */
  reload(): Promise<string>;
  close(): Promise<void>;
}

interface Driver {
  name: string;
  invocations: Invocations;
  open(bot: ChatBot): Promise<Session>;
}

/** The terminal chat over in-memory streams, as a person who is not a moderator. */
const terminal: Driver = {
  name: 'terminal',
  invocations: TERMINAL_INVOCATIONS,
  async open(bot) {
    const input = new PassThrough();
    const output = new PassThrough();
    let printed = '';
    let waiting: (() => void) | undefined;
    output.on('data', (chunk: Buffer) => {
      printed += chunk.toString();
      waiting?.();
    });
    const adapter: Adapter = createTerminalAdapter({ input, output, moderator: false });
    await adapter.start(bot);
    // Each line's reply ends where the next prompt starts.
    const line = async (text: string): Promise<string> => {
      const from = printed.length;
      input.write(`${text}\n`);
      await new Promise<void>((resolve) => {
        waiting = () => {
          if (printed.slice(from).endsWith('> ')) resolve();
        };
      });
      return printed.slice(from, -2);
    };
    return { ask: line, followUp: line, help: () => line('/help'), reload: () => line('/reload'), close: () => adapter.stop() };
  },
};

const discordText = (bodies: MessageBody[]): string =>
  bodies
    .flatMap((b) => [b.content ?? '', ...(b.embeds ?? []).flatMap((e) => [e.title ?? '', e.description ?? '', e.footer?.text ?? ''])])
    .join('\n');

/** Discord: mentions in the server channel, a reply to the bot's message, /help and /reload. */
const discord: Driver = {
  name: 'discord',
  invocations: DISCORD_INVOCATIONS,
  async open(bot) {
    const { fake } = await startDiscord(bot);
    const answerTo = async (id: string) => discordText(await fake.messagesIn(fake.channelId, { replyTo: id }));
    return {
      ask: async (text) => answerTo(fake.postInChannel(text)),
      // Clicking Reply under the bot's answer: no mention typed, Discord pings the bot's author.
      followUp: async (text) => answerTo(fake.postInChannel(text, { mention: false, replyToBot: '1' })),
      help: async () => discordText(await fake.answerOf(fake.slashCommand('help'))),
      reload: async () => discordText(await fake.answerOf(fake.slashCommand('reload', {}, fake.member))),
      close: () => stopDiscord(),
    };
  },
};

/** Slack, Socket Mode (what a person reads: the blocks, else the fallback text): mentions answered in a thread, replies in that thread, /ask and /kb-reload. */
const slack: Driver = {
  name: 'slack',
  invocations: SLACK_INVOCATIONS,
  async open(bot) {
    const h = await startSlack('socket', bot);
    const channel = 'C0CONTRACT';
    let thread = '';
    const replyIn = async (threadTs: string, after: number): Promise<string> => {
      const call = await h.fake.waitFor(
        () => h.fake.callsTo('chat.postMessage').find((c, i) => i >= after && c.args.channel === channel && c.args.thread_ts === threadTs),
        `a reply in thread ${threadTs}`,
      );
      return sectionText(call.args) || String(call.args.text ?? '');
    };
    const command = async (name: string, text: string): Promise<string> => {
      const responseUrl = h.fake.responseUrl();
      const { payload } = await h.fake.sendEnvelope(
        'slash_commands',
        slashCommand(h.workspace, { command: name, text, user: MEMBER, channel, responseUrl }),
      );
      if (payload && Object.keys(payload).length > 0) return sectionText(payload) || String(payload.text ?? '');
      const posted = await h.fake.waitForCall('response_url', (c) => responseUrl.endsWith(`/${c.responseId}`));
      return sectionText(posted.args) || String(posted.args.text ?? '');
    };
    return {
      async ask(text) {
        const ts = nextTs();
        thread = ts;
        const after = h.fake.callsTo('chat.postMessage').length;
        await h.fake.sendEnvelope('events_api', eventCallback(h.workspace, mention(h.workspace, { user: MEMBER, channel, text, ts })));
        return replyIn(ts, after);
      },
      async followUp(text) {
        const after = h.fake.callsTo('chat.postMessage').length;
        const reply = { type: 'message', channel_type: 'channel', channel, user: MEMBER, text, ts: nextTs(), thread_ts: thread };
        await h.fake.sendEnvelope('events_api', eventCallback(h.workspace, reply));
        return replyIn(thread, after);
      },
      help: () => command('/ask', ''),
      reload: () => command('/kb-reload', ''),
      close: () => h.close(),
    };
  },
};

const FESTIVAL = [
  '---',
  'title: The Harbour Festival',
  'subject: Harbour Festival',
  '---',
  '',
  'The Harbour Festival sponsors are: Harbour Bank, Coastal Trust, Dune Foods.',
  '',
  'Harbour Bank is a bank based in Portsmouth.',
  '',
  'Coastal Trust is a charity based in Plymouth.',
  '',
  'The Harbour Festival was opened on 3 May at the lantern ceremony.',
  '',
].join('\n');

let kb: TempKnowledge;
let core: AllianceBot;
beforeAll(async () => {
  kb = await tempKnowledge({ 'festival.md': FESTIVAL });
  core = await createBot({ knowledgeDir: kb.dir });
});
afterAll(async () => {
  await core.close();
  await kb.remove();
});

describe.each([terminal, discord, slack])('the $name adapter', (driver) => {
  let session: Session | undefined;
  const open = async (bot: ChatBot): Promise<Session> => {
    session = await driver.open(bot);
    return session;
  };
  afterEach(async () => {
    await session?.close();
    session = undefined;
  });

  it('answers with the source of the answer', async () => {
    const s = await open(testConversation(core));
    const question = 'When was the festival opened?';
    const expected = await core.ask({ text: question, platform: 'terminal', userId: 'x', channelId: 'x', isModerator: false });
    const reply = await s.ask(question);
    expect(reply).toContain('3 May');
    expect(reply).toContain(expected.sources[0]?.document);
  });

  it("lists that platform's own commands in help", async () => {
    const s = await open(testConversation(core));
    const help = await s.help();
    for (const invocation of Object.values(driver.invocations)) expect(help).toContain(invocation);
    // Each platform's reload command, and no other platform's.
    if (driver.invocations.reload !== '/reload') expect(help).not.toMatch(/(^|[\s,;:])\/reload\b/);
  });

  it('gives the one cooldown text', async () => {
    const s = await open(limitedConversation(core, 1));
    await s.ask('When was the festival opened?');
    const notice = await s.ask('Is Harbour Bank a sponsor?');
    expect(notice).toMatch(/You're asking faster than I can keep up\. Please wait \d+ seconds? and ask again\./);
    expect(notice.replace(/\d+ seconds?/, '')).toContain(cooldownText(60_000).replace(/\d+ seconds?/, ''));
  });

  it('apologises once, in the one apology, when answering fails', async () => {
    const failing: ChatBot = { ...testConversation(core), ask: testConversation(failingCore(core)).ask };
    const s = await open(failing);
    const reply = await s.ask('When was the festival opened?');
    expect(reply.split(APOLOGY)).toHaveLength(2);
  });

  it('refuses to reload for someone who is not a moderator', async () => {
    const before = (await core.status({ text: '', platform: 'terminal', userId: 'm', channelId: 'm', isModerator: true })).loadedAt;
    const s = await open(testConversation(core));
    expect(await s.reload()).toMatch(/only moderators can reload/i);
    expect((await core.status({ text: '', platform: 'terminal', userId: 'm', channelId: 'm', isModerator: true })).loadedAt).toEqual(
      before,
    );
  });

  it('understands a follow-up where the conversation is', async () => {
    const s = await open(testConversation(core));
    expect(await s.ask('Is Coastal Trust a sponsor?')).toMatch(/\bYes\b/);
    expect(await s.followUp('where is it based?')).toContain('Plymouth');
    expect(await s.followUp('what about Harbour Bank?')).toContain('Portsmouth');
  });
});

/** The real core, except that answering throws, as a bug would. */
function failingCore(real: ChatBot): ChatBot {
  return new Proxy(real, {
    get: (target, key, receiver) =>
      key === 'ask'
        ? async () => {
            throw new Error('contract: a bug while answering');
          }
        : (Reflect.get(target, key, receiver) as unknown),
  });
}
