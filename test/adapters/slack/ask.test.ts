/**
 * End-to-end: `/ask` through the real Bolt app against the fake Slack, in both modes. The answer
 * rides in the command's acknowledgement (the Socket Mode ack's payload, or the HTTP response's
 * body) when the core answers within the budget; a slower core gets an empty acknowledgement and
 * the answer through the response_url.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AllianceBot } from '../../../src/bot.js';
import { APOLOGY } from '../../../src/conversation/texts.js';
import type { ChatBot, Question } from '../../../src/types.js';
import { slashCommand } from '../../fakes/slack/payloads.js';
import { postSigned } from '../../fakes/slack/signing.js';
import { createTestBot, holdAnswers as hold, type HeldBot } from './support/bot.js';
import { ADMIN, MEMBER, SIGNING_SECRET, sectionText, startHarness, type Harness, type HarnessOptions } from './support/harness.js';

let bot: AllianceBot;
let h: Harness | undefined;
/** Held cores are released after each test, so a failed one does not hold the adapter's stop(). */
const held: HeldBot[] = [];

beforeAll(async () => {
  bot = await createTestBot();
});
afterAll(async () => {
  await bot.close();
});
afterEach(async () => {
  for (const core of held.splice(0)) core.release();
  await h?.close();
  h = undefined;
});

const MODES = ['socket', 'http'] as const;
type Mode = (typeof MODES)[number];

/** What the app acknowledged a command with: undefined for an empty acknowledgement. */
type AckBody = Record<string, unknown> | undefined;

function holdAnswers(...args: Parameters<typeof hold>): HeldBot {
  const core = hold(...args);
  held.push(core);
  return core;
}

async function start(mode: Mode, core: ChatBot, options: HarnessOptions = {}): Promise<Harness> {
  h = await startHarness(mode, core, options);
  return h;
}

/** Sends `/ask text` as `user` the way `mode` delivers it; resolves with the acknowledgement and the command's response URL. */
async function ask(
  harness: Harness,
  mode: Mode,
  text: string,
  user = MEMBER,
  channel = 'C0ASK',
): Promise<{ ack: AckBody; responseUrl: string }> {
  const responseUrl = harness.fake.responseUrl();
  const payload = slashCommand(harness.workspace, { command: '/ask', text, user, channel, responseUrl });
  if (mode === 'socket') {
    // Bolt's Socket Mode acknowledges "empty" with an empty payload.
    const { payload: body } = await harness.fake.sendEnvelope('slash_commands', payload);
    return { ack: body && Object.keys(body).length > 0 ? body : undefined, responseUrl };
  }
  const response = await postSigned(harness.eventsUrl, SIGNING_SECRET, { form: payload });
  expect(response.status).toBe(200);
  return { ack: response.text ? (JSON.parse(response.text) as Record<string, unknown>) : undefined, responseUrl };
}

const postsTo = (harness: Harness, responseUrl: string) =>
  harness.fake.callsTo('response_url').filter((c) => responseUrl.endsWith(`/${c.responseId}`));

/** Lets a listener that wrongly posts after acknowledging do so before the test looks. */
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 200));

describe.each(MODES)('/ask answered in the acknowledgement (%s mode)', (mode) => {
  it('carries the answer, visible in the channel and headed by who asked, and posts nothing to the response_url', async () => {
    const harness = await start(mode, bot);
    const { ack, responseUrl } = await ask(harness, mode, 'who founded it?');
    expect(ack).toMatchObject({ response_type: 'in_channel', text: expect.stringMatching(/Tsinghua/) });
    expect(sectionText(ack ?? {})).toContain(`<@${MEMBER}> asked: who founded it?`);
    expect(sectionText(ack ?? {})).toMatch(/Source: /);
    await settle();
    expect(postsTo(harness, responseUrl)).toHaveLength(0);
  });

  it('shows the usage help only to the person for an empty /ask', async () => {
    const harness = await start(mode, bot);
    const { ack } = await ask(harness, mode, '   ');
    expect(ack).toMatchObject({ response_type: 'ephemeral' });
    expect(String(ack?.text)).not.toMatch(/asked/);
    expect(String(ack?.text).length).toBeGreaterThan(20);
  });

  it('apologises only to the person when answering fails', async () => {
    const failing = holdAnswers(bot, new Error('core exploded'));
    failing.release();
    const harness = await start(mode, failing.bot);
    const { ack } = await ask(harness, mode, 'who founded it?');
    expect(ack).toMatchObject({ response_type: 'ephemeral', text: APOLOGY });
    const logged = await harness.logs.waitFor((r) => r.msg === 'slack: /ask failed', 'the failure to be logged');
    expect(JSON.stringify(logged.err)).toContain('core exploded');
  });

  it('does not wait for users.info to learn whether a new person is a moderator', async () => {
    const harness = await start(mode, bot);
    // Slack takes its time with users.info; the question is answered meanwhile, as a member's.
    const releaseLookup = harness.fake.holdNext('users.info');
    try {
      const { ack } = await ask(harness, mode, 'who founded it?', ADMIN);
      expect(ack).toMatchObject({ response_type: 'in_channel', text: expect.stringMatching(/Tsinghua/) });
      // The lookup was asked for, and is still unanswered.
      await harness.fake.waitForCall('users.info', (c) => c.args.user === ADMIN);
    } finally {
      releaseLookup();
    }
  });
});

describe('the person’s Slack language', () => {
  it('reaches the core as the question’s locale from the users.info lookup the role check makes', async () => {
    const seen: Question[] = [];
    const recording: ChatBot = { ...bot, ask: async (q) => (seen.push(q), bot.ask(q)) };
    const harness = await start('socket', recording);
    harness.fake.setUser({ id: 'UITALIAN', name: 'giulia', locale: 'it-IT' });
    await ask(harness, 'socket', 'who founded it?', 'UITALIAN');
    await harness.fake.waitForCall('users.info', (c) => c.args.user === 'UITALIAN' && String(c.args.include_locale) === 'true');
    await expect.poll(async () => (await ask(harness, 'socket', 'who founded it?', 'UITALIAN'), seen.at(-1)?.locale)).toBe('it-IT');
  });
});

describe.each(MODES)('/ask when the core is slower than the acknowledgement budget (%s mode)', (mode) => {
  it('acknowledges empty in time, then posts the answer to the response_url', async () => {
    const slow = holdAnswers(bot);
    const harness = await start(mode, slow.bot, { askAckBudgetMs: 20 });
    const { ack, responseUrl } = await ask(harness, mode, 'who founded it?');
    expect(ack).toBeUndefined();
    expect(postsTo(harness, responseUrl)).toHaveLength(0);
    await harness.logs.waitFor(
      (r) => r.msg.startsWith('slack: /ask answer took longer than the acknowledgement budget'),
      'the late answer to be logged',
    );

    slow.release();
    const reply = await harness.fake.waitForCall('response_url', (c) => responseUrl.endsWith(`/${c.responseId}`), 'the late answer');
    expect(reply.args.response_type).toBe('in_channel');
    expect(reply.args.text).toMatch(/Tsinghua/);
    expect(sectionText(reply.args)).toContain(`<@${MEMBER}> asked: who founded it?`);
    await settle();
    expect(postsTo(harness, responseUrl)).toHaveLength(1);
  });

  it('posts the apology to the response_url when the late answer fails', async () => {
    const slow = holdAnswers(bot, new Error('late explosion'));
    const harness = await start(mode, slow.bot, { askAckBudgetMs: 20 });
    const { ack, responseUrl } = await ask(harness, mode, 'who founded it?');
    expect(ack).toBeUndefined();
    slow.release();
    const reply = await harness.fake.waitForCall('response_url', (c) => responseUrl.endsWith(`/${c.responseId}`), 'the apology');
    expect(reply.args).toMatchObject({ response_type: 'ephemeral', text: APOLOGY });
  });
});
