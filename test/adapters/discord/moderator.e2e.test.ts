/**
 * End-to-end: the moderators' commands (`/reload force`, `/kb status|gaps|why|teach`, the gaps
 * Teach buttons and the teach form) through the real discord.js client against the fake Discord,
 * answered by the real core over a temporary copy of the shipped knowledge folder.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DRAFT_EXPIRED, MODERATOR_REFUSAL, RELOAD_REFUSAL } from '../../../adapters/discord/moderator.js';
import { TEACH_FAILED } from '../../../src/conversation/texts.js';
import { createBot, type AllianceBot } from '../../../src/bot.js';
import type { ChatBot, ReloadOptions } from '../../../src/types.js';
import type { MessageBody, ModalBody, SentInteraction } from '../../fakes/discord/fake-discord.js';
import { tempKnowledge, type TempKnowledge } from '../../helpers/knowledge.js';
import { instrument, startHarness, stopHarnesses } from './harness.js';

const EPHEMERAL = 64;
const UNKNOWN = "What's the capital of Australia?";

let knowledge: TempKnowledge;
let core: AllianceBot;
beforeEach(async () => {
  knowledge = await tempKnowledge('shipped');
  core = await createBot({ knowledgeDir: knowledge.dir, analytics: { path: ':memory:', storeUsers: false, retentionDays: 90 } });
});
afterEach(async () => {
  await stopHarnesses();
  await core.close();
  await knowledge.remove();
});

const text = (bodies: MessageBody[]): string => bodies.map((b) => b.content ?? '').join('\n');
const buttons = (bodies: MessageBody[]) => bodies.flatMap((b) => b.components ?? []).flatMap((row) => row.components);

/** The ephemeral replies to an interaction, asserting every one of them is ephemeral. */
async function privateReply(fake: Awaited<ReturnType<typeof startHarness>>['fake'], interaction: SentInteraction): Promise<MessageBody[]> {
  const callback = await fake.callbackOf(interaction);
  expect((callback.data?.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
  return fake.answerOf(interaction);
}

/** The form's values by input id. */
const values = (modal: ModalBody): Record<string, string | undefined> =>
  Object.fromEntries(modal.components.map((c) => [c.component?.custom_id ?? '', c.component?.value]));

describe('/reload force', () => {
  it('reloads without the checks for a moderator and says so', async () => {
    const bot = instrument(core);
    const options: (ReloadOptions | undefined)[] = [];
    const spy: ChatBot = new Proxy(bot, {
      get: (target, property, receiver) =>
        property === 'reload'
          ? (q: Parameters<ChatBot['reload']>[0], o?: ReloadOptions) => (options.push(o), bot.reload(q, o))
          : (Reflect.get(target, property, receiver) as unknown),
    });
    const { fake } = await startHarness(spy);
    const bodies = await privateReply(fake, fake.slashCommand('reload', { force: true }, fake.admin));
    expect(text(bodies)).toContain('Checks skipped (forced reload).');
    expect(options).toEqual([{ force: true }]);
    const checked = await privateReply(fake, fake.slashCommand('reload', {}, fake.roleModerator));
    expect(text(checked)).toMatch(/Checks: \d+ passed/);
  });

  it('is refused to anyone else, without reloading', async () => {
    const bot = instrument(core);
    const { fake } = await startHarness(bot);
    expect(text(await privateReply(fake, fake.slashCommand('reload', { force: true }, fake.member)))).toBe(RELOAD_REFUSAL);
    expect(bot.calls.reload).toBe(0);
  });
});

describe('/kb status', () => {
  it('shows a moderator what is loaded, when and by whom', async () => {
    const { fake } = await startHarness(core);
    const reply = text(await privateReply(fake, fake.slashCommand('kb', {}, fake.roleModerator, 'status')));
    expect(reply).toMatch(/^Knowledge: \d+ document\(s\), \d+ passages, \d+ FAQ entries, \d+ checks \(content \w+\)\./);
    expect(reply).toContain('by start-up');
  });

  it('is refused to anyone else', async () => {
    const { fake } = await startHarness(core);
    expect(text(await privateReply(fake, fake.slashCommand('kb', {}, fake.member, 'status')))).toBe(MODERATOR_REFUSAL);
  });
});

describe('/kb gaps', () => {
  it('lists what the bot could not answer, with a Teach button that opens the form prefilled with that question', async () => {
    const { fake } = await startHarness(core);
    await fake.answerOf(fake.slashCommand('ask', { question: UNKNOWN }));
    const bodies = await privateReply(fake, fake.slashCommand('kb', { days: 7 }, fake.admin, 'gaps'));
    expect(text(bodies)).toContain(`Questions I could not answer well in the last 7 day(s):`);
    // Gaps are recorded normalized (lowercase), so rephrasings count together.
    const recorded = UNKNOWN.toLowerCase();
    expect(text(bodies)).toContain(recorded);
    const [teach] = buttons(bodies);
    expect(teach?.label).toBe(`Teach 1. ${recorded}`);
    const modal = await fake.modalOf(fake.clickButton(teach?.custom_id ?? '', { ...bodies[0], flags: EPHEMERAL }, fake.admin));
    expect(modal.title.length).toBeLessThanOrEqual(45);
    expect(values(modal)).toMatchObject({ question: recorded });
    for (const c of modal.components) expect(c.label?.length).toBeLessThanOrEqual(45);
  });

  it('is refused to anyone else, and so is its Teach button', async () => {
    const { fake } = await startHarness(core);
    await fake.answerOf(fake.slashCommand('ask', { question: UNKNOWN }));
    expect(text(await privateReply(fake, fake.slashCommand('kb', {}, fake.member, 'gaps')))).toBe(MODERATOR_REFUSAL);
    const bodies = await privateReply(fake, fake.slashCommand('kb', {}, fake.admin, 'gaps'));
    const [teach] = buttons(bodies);
    const click = fake.clickButton(teach?.custom_id ?? '', bodies[0] ?? {}, fake.member);
    expect(text(await privateReply(fake, click))).toBe(MODERATOR_REFUSAL);
  });
});

describe('/kb why', () => {
  it('explains the answer to a moderator in a code block', async () => {
    const { fake } = await startHarness(core);
    const bodies = await privateReply(fake, fake.slashCommand('kb', { question: 'who founded it?' }, fake.roleModerator, 'why'));
    for (const body of bodies) expect(body.content).toMatch(/^```\n[\s\S]+\n```$/);
    expect(text(bodies).length).toBeGreaterThan(20);
  });

  it('is refused to anyone else', async () => {
    const { fake } = await startHarness(core);
    expect(text(await privateReply(fake, fake.slashCommand('kb', { question: 'who founded it?' }, fake.member, 'why')))).toBe(
      MODERATOR_REFUSAL,
    );
  });
});

describe('/kb teach', () => {
  it('opens an empty form for a moderator, within the modal limits', async () => {
    const { fake } = await startHarness(core);
    const modal = await fake.modalOf(fake.slashCommand('kb', {}, fake.roleModerator, 'teach'));
    expect(modal.components.map((c) => c.component?.custom_id)).toEqual(['question', 'alternates', 'answer']);
    expect(modal.components.map((c) => c.component?.style)).toEqual([1, 2, 2]);
    expect(Object.values(values(modal)).every((v) => v === undefined)).toBe(true);
    expect(modal.custom_id.length).toBeLessThanOrEqual(100);
  });

  it('is refused to anyone else, and so is a submitted form', async () => {
    const { fake } = await startHarness(core);
    expect(text(await privateReply(fake, fake.slashCommand('kb', {}, fake.member, 'teach')))).toBe(MODERATOR_REFUSAL);
    const submit = fake.submitModal('teach:form', { question: 'q?', alternates: '', answer: 'a' }, fake.member);
    expect(text(await privateReply(fake, submit))).toBe(MODERATOR_REFUSAL);
  });
});

describe('a teach that succeeds', () => {
  it('confirms privately with the reload report, and /ask answers the new question right after', async () => {
    const { fake } = await startHarness(core);
    const submit = fake.submitModal(
      'teach:form',
      {
        question: "What is the alliance's mascot?",
        alternates: 'Does the alliance have a mascot?\n\n',
        answer: 'The alliance has no mascot; its logo is a blue globe.',
      },
      fake.admin,
    );
    const reply = text(await privateReply(fake, submit));
    expect(reply).toContain(`Saved and live: "What is the alliance's mascot?"`);
    expect(reply).toContain('Reloaded in');
    const answer = text(await fake.answerOf(fake.slashCommand('ask', { question: 'Does the alliance have a mascot?' })));
    expect(answer).toContain('its logo is a blue globe');
  });
});

describe('a teach refused by validation', () => {
  it('lists each error privately with an "Edit and resubmit" button whose form keeps everything typed', async () => {
    const { fake } = await startHarness(core);
    const typed = { question: 'What is a MOOC?', alternates: 'What do MOOC letters mean?\nMOOC meaning', answer: 'x'.repeat(1600) };
    const bodies = await privateReply(fake, fake.submitModal('teach:form', typed, fake.roleModerator));
    expect(text(bodies)).toContain('Not saved');
    expect(text(bodies)).toMatch(/\*\*Question\*\*: This question is already answered in alliance\.faq\.yaml/);
    expect(text(bodies)).toMatch(/\*\*Answer\*\*: The answer is 1600 characters/);
    const [edit] = buttons(bodies);
    expect(edit?.label).toBe('Edit and resubmit');
    const modal = await fake.modalOf(fake.clickButton(edit?.custom_id ?? '', { ...bodies[0], flags: EPHEMERAL }, fake.roleModerator));
    expect(values(modal)).toEqual(typed);
  });

  it('keeps the text when the core fails on a bug, and the button is the moderator’s own', async () => {
    const failing: ChatBot = new Proxy(core, {
      get: (target, property, receiver) =>
        property === 'teach' ? () => Promise.reject(new Error('disk on fire')) : (Reflect.get(target, property, receiver) as unknown),
    });
    const { fake, logs } = await startHarness(failing);
    const typed = { question: 'Who runs the secretariat?', alternates: '', answer: 'Tsinghua University.' };
    const bodies = await privateReply(fake, fake.submitModal('teach:form', typed, fake.admin));
    expect(text(bodies)).toContain(TEACH_FAILED);
    expect(logs.find((l) => l.level === 50)?.err).toMatchObject({ message: 'disk on fire' });
    const [edit] = buttons(bodies);
    // Another moderator does not get someone else's draft.
    const other = fake.clickButton(edit?.custom_id ?? '', bodies[0] ?? {}, fake.roleModerator);
    expect(text(await privateReply(fake, other))).toBe(DRAFT_EXPIRED);
    const mine = await fake.modalOf(fake.clickButton(edit?.custom_id ?? '', bodies[0] ?? {}, fake.admin));
    expect(values(mine)).toMatchObject({ question: typed.question, answer: typed.answer });
  });
});
