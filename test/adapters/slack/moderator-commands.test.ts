/**
 * End-to-end: the moderators' slash commands (/kb-reload [force], /kb status|gaps|why|teach|help)
 * through the real Bolt app in Socket Mode against the fake Slack, answered by the real core
 * recording questions in memory. Every reply is ephemeral; non-moderators are refused privately.
 */
import { describe, expect, it } from 'vitest';
import { TEACH_GAP_ACTION_PREFIX } from '../../../adapters/slack/render-moderator.js';
import { TEACH_BLOCKS, TEACH_CALLBACK_ID } from '../../../adapters/slack/teach-modal.js';
import { buttonClick, eventCallback, mention, nextTs, slashCommand } from '../../fakes/slack/payloads.js';
import { createRecordingBot } from './support/bot.js';
import { harnessPerTest } from './support/per-test.js';
import { blocksOf, runCommand } from './support/commands.js';
import { ADMIN, MEMBER, MODERATOR, sectionText } from './support/harness.js';

const t = harnessPerTest('socket', createRecordingBot);

const REFUSAL = /only moderators can/;

/** A view as the tests read views.open's payload. */
interface OpenedView {
  callback_id: string;
  blocks: { block_id: string; element: { initial_value?: string; multiline?: boolean } }[];
}

describe('/kb-reload force', () => {
  it('reloads without the checks for a moderator and says so, only to them', async () => {
    const reply = await runCommand(t.h, '/kb-reload', 'force', MODERATOR);
    expect(reply.args.response_type).toBe('ephemeral');
    expect(reply.args.text).toMatch(/Reloaded in \d+ ms/);
    expect(reply.args.text).toMatch(/Checks skipped \(forced reload\)/);
  });

  it('runs the checks without force', async () => {
    const reply = await runCommand(t.h, '/kb-reload', '', ADMIN);
    expect(reply.args.text).toMatch(/Checks: \d+ passed/);
  });

  it('refuses a member, privately, and reloads nothing', async () => {
    const reply = await runCommand(t.h, '/kb-reload', 'force', MEMBER);
    expect(reply.args.response_type).toBe('ephemeral');
    expect(reply.args.text).toMatch(REFUSAL);
    expect(t.h.logs.withMessage('slack: knowledge reloaded')).toHaveLength(0);
  });
});

describe('/kb status', () => {
  it('shows a moderator what is loaded, when and by whom', async () => {
    const reply = await runCommand(t.h, '/kb', 'status', MODERATOR);
    expect(reply.args.response_type).toBe('ephemeral');
    expect(reply.args.text).toMatch(/Knowledge: \d+ document\(s\), \d+ passages, \d+ FAQ entries, \d+ checks \(content \w+\)\./);
    expect(reply.args.text).toMatch(/Loaded \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC by /);
    expect(reply.args.text).toMatch(/Last reload by |No reload since start-up\./);
  });

  it('refuses a member, privately', async () => {
    const reply = await runCommand(t.h, '/kb', 'status', MEMBER);
    expect(reply.args.response_type).toBe('ephemeral');
    expect(reply.args.text).toMatch(REFUSAL);
  });
});

describe('/kb gaps', () => {
  it('lists what the bot could not answer, each with a Teach button', async () => {
    const question = "What's the capital of Australia?";
    await t.h.fake.sendEnvelope(
      'events_api',
      eventCallback(t.h.workspace, mention(t.h.workspace, { user: MEMBER, channel: 'C700', text: question })),
    );
    await t.h.fake.waitForCall('chat.postMessage', (c) => c.args.channel === 'C700');

    const reply = await runCommand(t.h, '/kb', 'gaps 30', MODERATOR);
    expect(reply.args.response_type).toBe('ephemeral');
    expect(reply.args.text).toMatch(/last 30 days/);
    // The core groups questions by their cleaned (lower-cased) text.
    const gap = blocksOf(reply).find((b) => b.accessory?.value === question.toLowerCase());
    expect(gap?.accessory).toMatchObject({ type: 'button', text: { text: 'Teach' } });
    expect(gap?.accessory?.action_id.startsWith(TEACH_GAP_ACTION_PREFIX)).toBe(true);
    expect(sectionText(reply.args)).toMatch(/Most down-voted answers/);
  });

  it('explains a bad number of days', async () => {
    const reply = await runCommand(t.h, '/kb', 'gaps lots', MODERATOR);
    expect(reply.args.text).toMatch(/Usage: \/kb gaps \[days\]/);
  });

  it('refuses a member, privately', async () => {
    const reply = await runCommand(t.h, '/kb', 'gaps', MEMBER);
    expect(reply.args.response_type).toBe('ephemeral');
    expect(reply.args.text).toMatch(REFUSAL);
  });
});

describe('a Teach button in the gaps list', () => {
  it('opens the teach modal with the gap question filled in', async () => {
    const question = 'Who is the mayor of Atlantis?';
    await t.h.fake.sendEnvelope(
      'events_api',
      eventCallback(t.h.workspace, mention(t.h.workspace, { user: MEMBER, channel: 'C710', text: question })),
    );
    await t.h.fake.waitForCall('chat.postMessage', (c) => c.args.channel === 'C710');
    const gaps = await runCommand(t.h, '/kb', 'gaps', MODERATOR);
    const button = blocksOf(gaps).find((b) => b.accessory?.value === question.toLowerCase())?.accessory;
    expect(button).toBeDefined();

    const click = buttonClick(t.h.workspace, {
      user: MODERATOR,
      channel: 'C0MOD',
      messageTs: nextTs(),
      actionId: button?.action_id ?? '',
      value: button?.value ?? '',
      responseUrl: t.h.fake.responseUrl(),
    });
    await t.h.fake.sendEnvelope('interactive', click);
    const opened = await t.h.fake.waitForCall('views.open');
    expect(opened.args.trigger_id).toBe(click.trigger_id);
    const view = opened.args.view as OpenedView;
    expect(view.callback_id).toBe(TEACH_CALLBACK_ID);
    const field = (id: string) => view.blocks.find((b) => b.block_id === id)?.element;
    expect(field(TEACH_BLOCKS.question)?.initial_value).toBe(question.toLowerCase());
    expect(field(TEACH_BLOCKS.alternates)?.multiline).toBe(true);
    expect(field(TEACH_BLOCKS.answer)?.multiline).toBe(true);
  });

  it('refuses a member who got hold of one, and opens nothing', async () => {
    const responseUrl = t.h.fake.responseUrl();
    await t.h.fake.sendEnvelope(
      'interactive',
      buttonClick(t.h.workspace, {
        user: MEMBER,
        channel: 'C0MOD',
        messageTs: nextTs(),
        actionId: `${TEACH_GAP_ACTION_PREFIX}_0`,
        value: 'anything',
        responseUrl,
      }),
    );
    const reply = await t.h.fake.waitForCall('response_url', (c) => responseUrl.endsWith(`/${c.responseId}`));
    expect(reply.args.response_type).toBe('ephemeral');
    expect(reply.args.text).toMatch(REFUSAL);
    expect(t.h.fake.callsTo('views.open')).toHaveLength(0);
  });
});

describe('/kb why', () => {
  it('shows a moderator how the question was weighed, in a code block', async () => {
    const reply = await runCommand(t.h, '/kb', 'why who founded it?', MODERATOR);
    expect(reply.args.response_type).toBe('ephemeral');
    const text = sectionText(reply.args);
    expect(text.startsWith('```')).toBe(true);
    expect(text.trimEnd().endsWith('```')).toBe(true);
    expect(text).toMatch(/found/i);
  });

  it('asks for the question when there is none', async () => {
    const reply = await runCommand(t.h, '/kb', 'why', MODERATOR);
    expect(reply.args.text).toMatch(/Usage: \/kb why &lt;question&gt;/);
  });

  it('refuses a member, privately', async () => {
    const reply = await runCommand(t.h, '/kb', 'why who founded it?', MEMBER);
    expect(reply.args.text).toMatch(REFUSAL);
  });
});

describe('/kb teach', () => {
  it('opens an empty teach modal with the command trigger', async () => {
    const responseUrl = t.h.fake.responseUrl();
    const payload = slashCommand(t.h.workspace, { command: '/kb', text: 'teach', user: MODERATOR, channel: 'C0MOD', responseUrl });
    await t.h.fake.sendEnvelope('slash_commands', payload);
    const opened = await t.h.fake.waitForCall('views.open');
    expect(opened.args.trigger_id).toBe(payload.trigger_id);
    const view = opened.args.view as OpenedView;
    expect(view.callback_id).toBe(TEACH_CALLBACK_ID);
    expect(view.blocks.map((b) => b.block_id)).toEqual([TEACH_BLOCKS.question, TEACH_BLOCKS.alternates, TEACH_BLOCKS.answer]);
    expect(view.blocks.every((b) => b.element.initial_value === undefined)).toBe(true);
  });

  it('refuses a member, privately, and opens nothing', async () => {
    const reply = await runCommand(t.h, '/kb', 'teach', MEMBER);
    expect(reply.args.text).toMatch(REFUSAL);
    expect(t.h.fake.callsTo('views.open')).toHaveLength(0);
  });
});

describe('/kb help', () => {
  it('lists the subcommands, for /kb alone too', async () => {
    for (const text of ['help', '']) {
      const reply = await runCommand(t.h, '/kb', text, MODERATOR);
      expect(reply.args.response_type).toBe('ephemeral');
      for (const sub of ['/kb status', '/kb gaps [days]', '/kb why <question>', '/kb teach', '/kb-reload [force]'])
        expect(reply.args.text).toContain(sub);
    }
  });

  it('names an unknown subcommand and lists the real ones', async () => {
    const reply = await runCommand(t.h, '/kb', 'constructor', MODERATOR);
    expect(reply.args.text).toMatch(/There is no \/kb constructor/);
    expect(reply.args.text).toContain('/kb status');
  });

  it('refuses a member, privately', async () => {
    const reply = await runCommand(t.h, '/kb', '', MEMBER);
    expect(reply.args.response_type).toBe('ephemeral');
    expect(reply.args.text).toMatch(REFUSAL);
  });
});
