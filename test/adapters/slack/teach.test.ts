/**
 * End-to-end: submitting the teach modal through the real Bolt app in Socket Mode. The real core
 * writes to a temp copy of the knowledge folder; the modal's answer (the envelope ack's payload)
 * closes it on success and keeps it open with the errors under their fields otherwise.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TEACH_APOLOGY } from '../../../adapters/slack/listeners/views/teach.js';
import { TEACH_BLOCKS, TEACH_CALLBACK_ID } from '../../../adapters/slack/teach-modal.js';
import type { AllianceBot } from '../../../src/bot.js';
import { TAUGHT_FILE } from '../../../src/moderation/teach.js';
import type { ChatBot } from '../../../src/types.js';
import { eventCallback, mention, viewSubmission, type ModalValues } from '../../fakes/slack/payloads.js';
import type { Ack } from '../../fakes/slack/server.js';
import { tempKnowledge, type TempKnowledge } from '../../helpers/knowledge.js';
import { createRecordingBot } from './support/bot.js';
import { MEMBER, MODERATOR, sectionText, startHarness, type Harness } from './support/harness.js';
import { LEVEL } from './support/logs.js';

let knowledge: TempKnowledge;
let bot: AllianceBot;
let h: Harness | undefined;

beforeEach(async () => {
  knowledge = await tempKnowledge('shipped');
  bot = await createRecordingBot(knowledge.dir);
});
afterEach(async () => {
  await h?.close();
  h = undefined;
  await bot.close();
  await knowledge.remove();
});

const submit = (harness: Harness, user: string, values: ModalValues): Promise<Ack> =>
  harness.fake.sendEnvelope('interactive', viewSubmission(harness.workspace, { user, callbackId: TEACH_CALLBACK_ID, values }));

const taughtFile = (): string => path.join(knowledge.dir, TAUGHT_FILE);

describe('a teach submission that succeeds', () => {
  it('closes the modal, tells the moderator it is live, and the question is answered right after', async () => {
    h = await startHarness('socket', bot);
    const ack = await submit(h, MODERATOR, {
      [TEACH_BLOCKS.question]: 'Where do the alliance meetings take place?',
      [TEACH_BLOCKS.alternates]: 'Where does the alliance meet?\n\n  Where is the annual meeting?  ',
      [TEACH_BLOCKS.answer]: 'The alliance meets once a year at the Global MOOC and Online Education Conference.',
    });
    // An empty answer (no response_action): Slack closes the modal.
    expect(ack.payload ?? {}).toEqual({});
    expect(existsSync(taughtFile())).toBe(true);

    const dm = await h.fake.waitForCall('chat.postMessage', (c) => c.args.channel === MODERATOR);
    expect(dm.args.text).toMatch(/Saved and live: \*Where do the alliance meetings take place\?\*/);
    expect(sectionText(dm.args)).toMatch(/Reloaded in \d+ ms/);
    expect(sectionText(dm.args)).toMatch(/Changes: added .*Where do the alliance meetings take place/);

    await h.fake.sendEnvelope(
      'events_api',
      eventCallback(h.workspace, mention(h.workspace, { user: MEMBER, channel: 'C800', text: 'where is the annual meeting?' })),
    );
    const answer = await h.fake.waitForCall('chat.postMessage', (c) => c.args.channel === 'C800');
    expect(answer.args.text).toMatch(/Global MOOC and Online Education Conference/);
  });
});

describe('a teach submission with a validation error', () => {
  it('keeps the modal open with the error under the question, and writes nothing', async () => {
    h = await startHarness('socket', bot);
    const typed = { [TEACH_BLOCKS.question]: 'What is a MOOC?', [TEACH_BLOCKS.alternates]: 'MOOC meaning', [TEACH_BLOCKS.answer]: '' };
    const ack = await submit(h, MODERATOR, typed);
    expect(ack.payload).toMatchObject({ response_action: 'errors' });
    const errors = (ack.payload as { errors: Record<string, string> }).errors;
    expect(errors[TEACH_BLOCKS.question]).toMatch(/already answered in alliance\.faq\.yaml/);
    expect(errors[TEACH_BLOCKS.answer]).toMatch(/Write the answer/);
    expect(errors[TEACH_BLOCKS.alternates]).toBeUndefined();
    // The view is left as it is (Slack keeps what was typed): not replaced, not closed.
    expect(h.fake.callsTo('views.update')).toHaveLength(0);
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(0);
    expect(existsSync(taughtFile())).toBe(false);
  });
});

describe('a teach submission that hits a bug', () => {
  it('keeps the modal open with a short apology and logs the error', async () => {
    const broken = new Proxy(bot, {
      get: (target, key, receiver) =>
        key === 'teach' ? async () => Promise.reject(new Error('disk on fire')) : (Reflect.get(target, key, receiver) as unknown),
    }) satisfies ChatBot;
    h = await startHarness('socket', broken);
    const ack = await submit(h, MODERATOR, { [TEACH_BLOCKS.question]: 'A new question?', [TEACH_BLOCKS.answer]: 'A new answer.' });
    expect(ack.payload).toEqual({ response_action: 'errors', errors: { [TEACH_BLOCKS.answer]: TEACH_APOLOGY } });
    const logged = h.logs.withMessage('slack: teach failed')[0];
    expect(logged?.level).toBe(LEVEL.error);
    expect(JSON.stringify(logged?.err)).toContain('disk on fire');
  });
});

describe('a teach submission from a member', () => {
  it('is refused in the modal and writes nothing', async () => {
    h = await startHarness('socket', bot);
    const ack = await submit(h, MEMBER, { [TEACH_BLOCKS.question]: 'A new question?', [TEACH_BLOCKS.answer]: 'A new answer.' });
    expect(ack.payload).toMatchObject({
      response_action: 'errors',
      errors: { [TEACH_BLOCKS.answer]: expect.stringMatching(/only moderators can teach/) },
    });
    expect(existsSync(taughtFile())).toBe(false);
  });
});

/** The real core, but each teach waits until the test releases it: a save slower than Slack's three seconds. */
function slowTeacher(real: AllianceBot): { bot: ChatBot; release: () => void } {
  let release!: () => void;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const bot = new Proxy(real, {
    get: (target, key, receiver) =>
      key === 'teach'
        ? async (...args: Parameters<ChatBot['teach']>) => {
            await released;
            return target.teach(...args);
          }
        : (Reflect.get(target, key, receiver) as unknown),
  }) satisfies ChatBot;
  return { bot, release };
}

/** A view as views.update received it. */
interface UpdatedView {
  callback_id: string;
  blocks: { type: string; block_id?: string; text?: { text: string }; element?: { initial_value?: string } }[];
}

describe('a slow teach submission', () => {
  it('shows "Saving…" at once, then says it is live', async () => {
    const slow = slowTeacher(bot);
    h = await startHarness('socket', slow.bot, { teachAckBudgetMs: 1 });
    const ack = await submit(h, MODERATOR, {
      [TEACH_BLOCKS.question]: 'Who hosts the alliance secretariat?',
      [TEACH_BLOCKS.answer]: 'Tsinghua University hosts it.',
    });
    expect(ack.payload).toMatchObject({ response_action: 'update', view: { callback_id: `${TEACH_CALLBACK_ID}_saving` } });
    slow.release();
    const updated = await h.fake.waitForCall('views.update');
    expect(updated.args.view_id).toBe('V0FAKE');
    expect(JSON.stringify(updated.args.view)).toContain('Saved and live.');
    const dm = await h.fake.waitForCall('chat.postMessage', (c) => c.args.channel === MODERATOR);
    expect(dm.args.text).toMatch(/Saved and live/);
    expect(existsSync(taughtFile())).toBe(true);
  });

  it('brings the form back with everything typed and why, when it is refused', async () => {
    const slow = slowTeacher(bot);
    h = await startHarness('socket', slow.bot, { teachAckBudgetMs: 1 });
    const typed = {
      [TEACH_BLOCKS.question]: 'What is a MOOC?',
      [TEACH_BLOCKS.alternates]: 'MOOC meaning\nMOOC?',
      [TEACH_BLOCKS.answer]: 'A course online.',
    };
    const ack = await submit(h, MODERATOR, typed);
    expect(ack.payload).toMatchObject({ response_action: 'update' });
    slow.release();
    const updated = await h.fake.waitForCall('views.update');
    const view = updated.args.view as UpdatedView;
    expect(view.callback_id).toBe(TEACH_CALLBACK_ID);
    const initial = (id: string) => view.blocks.find((b) => b.block_id === id)?.element?.initial_value;
    expect(initial(TEACH_BLOCKS.question)).toBe(typed[TEACH_BLOCKS.question]);
    expect(initial(TEACH_BLOCKS.alternates)).toBe(typed[TEACH_BLOCKS.alternates]);
    expect(initial(TEACH_BLOCKS.answer)).toBe(typed[TEACH_BLOCKS.answer]);
    expect(view.blocks[0]?.text?.text).toMatch(/^Not saved: question: This question is already answered/);
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(0);
    expect(existsSync(taughtFile())).toBe(false);
  });
});
