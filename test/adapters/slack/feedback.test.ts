/**
 * End-to-end: 👍/👎 buttons under recorded answers, clicked through the real Bolt app in Socket
 * Mode; votes land in the real core's in-memory analytics and show up in its gaps report.
 */
import { describe, expect, it } from 'vitest';
import { VOTE_THANKS } from '../../../src/conversation/texts.js';
import { FEEDBACK_ACTIONS } from '../../../adapters/slack/render.js';
import { buttonClick, eventCallback, mention, nextTs } from '../../fakes/slack/payloads.js';
import type { RecordedCall } from '../../fakes/slack/server.js';
import { createRecordingBot } from './support/bot.js';
import { harnessPerTest } from './support/per-test.js';
import { blocksOf } from './support/commands.js';
import { MEMBER, MODERATOR } from './support/harness.js';

const t = harnessPerTest('socket', createRecordingBot);

async function askByMention(channel: string, text: string): Promise<RecordedCall> {
  const ts = nextTs();
  await t.h.fake.sendEnvelope('events_api', eventCallback(t.h.workspace, mention(t.h.workspace, { user: MEMBER, channel, text, ts })));
  return t.h.fake.waitForCall('chat.postMessage', (c) => c.args.channel === channel);
}

const voteButtons = (answer: RecordedCall) => blocksOf(answer).find((b) => b.block_id === 'feedback')?.elements ?? [];

describe('vote buttons', () => {
  it('sit under an answer the core recorded, carrying its id', async () => {
    const answer = await askByMention('C900', 'who founded it?');
    const buttons = voteButtons(answer);
    expect(buttons.map((b) => b.action_id)).toEqual([FEEDBACK_ACTIONS.up, FEEDBACK_ACTIONS.down]);
    expect(buttons[0]?.value).toMatch(/^\d+$/);
  });

  it('are left off "I don\'t know" answers', async () => {
    const answer = await askByMention('C901', "What's the capital of Australia?");
    expect(voteButtons(answer)).toHaveLength(0);
  });
});

describe('a vote', () => {
  it('is recorded against the answer and acknowledged only to the voter', async () => {
    const question = 'how many founding members are there?';
    const answer = await askByMention('C910', question);
    const down = voteButtons(answer).find((b) => b.action_id === FEEDBACK_ACTIONS.down);
    expect(down).toBeDefined();
    const posted = t.h.fake.callsTo('chat.postMessage').length;

    for (const voter of [MEMBER, MODERATOR]) {
      const responseUrl = t.h.fake.responseUrl();
      await t.h.fake.sendEnvelope(
        'interactive',
        buttonClick(t.h.workspace, {
          user: voter,
          channel: 'C910',
          messageTs: String(answer.args.ts ?? nextTs()),
          actionId: down?.action_id ?? '',
          value: down?.value ?? '',
          responseUrl,
        }),
      );
      const thanks = await t.h.fake.waitForCall('response_url', (c) => responseUrl.endsWith(`/${c.responseId}`));
      expect(thanks.args).toMatchObject({ response_type: 'ephemeral', replace_original: false, text: VOTE_THANKS });
    }
    // Nothing public: no new message in the channel.
    expect(t.h.fake.callsTo('chat.postMessage')).toHaveLength(posted);

    const gaps = await t.bot.gaps({ text: '', platform: 'slack', userId: MODERATOR, channelId: 'C910', isModerator: true }, 7);
    expect(gaps.downvoted).toContainEqual({ question, up: 0, down: 2 });
  });
});
