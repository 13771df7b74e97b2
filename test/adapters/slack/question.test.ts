import { describe, expect, it } from 'vitest';
import { createDedupe } from '../../../adapters/slack/dedupe.js';
import { ask, buildQuestion, type ListenerContext } from '../../../adapters/slack/listener-context.js';
import { createModeratorCheck, type SlackUserRoles } from '../../../adapters/slack/moderators.js';
import { silentLogger } from '../../../src/logger.js';
import { createMemoryState } from '../../../src/state/memory.js';
import type { Answer, ChatBot, Question } from '../../../src/types.js';

/** Slack's users.info for four people (UIT writes in Italian), answering only when the test lets it (when `held`). */
function lookup(held = false) {
  let release = (): void => undefined;
  const gate = held ? new Promise<void>((resolve) => (release = resolve)) : Promise.resolve();
  const calls: string[] = [];
  return {
    calls,
    release: () => release(),
    lookup: async (id: string): Promise<SlackUserRoles> => {
      calls.push(id);
      await gate;
      return { is_admin: id === 'UADMIN', ...(id === 'UIT' ? { locale: 'it-IT' } : {}) };
    },
  };
}

/** The questions the core was asked; buildQuestion never calls the core. */
function deps(users = lookup()): { deps: ListenerContext; asked: Question[] } {
  const asked: Question[] = [];
  const answer: Answer = { text: 'an answer', kind: 'passage', confidence: 1, sources: [], suggestions: [] };
  const bot = {
    ask: async (question: Question) => {
      asked.push(question);
      return answer;
    },
  } as Pick<ChatBot, 'ask'> as ChatBot;
  return {
    asked,
    deps: {
      bot,
      logger: silentLogger(),
      dedupe: createDedupe(createMemoryState()),
      moderators: createModeratorCheck({ moderatorIds: ['UMOD'], logger: silentLogger(), lookup: users.lookup }),
    },
  };
}

describe('the question handed to the core', () => {
  it('says whether the person is a moderator, asking Slack when needed, for moderator tools', async () => {
    const { deps: d } = deps();
    const by = (userId: string) => buildQuestion(d, { text: 'q', userId, channelId: 'C1', source: 'command' });
    expect((await by('UMOD')).isModerator).toBe(true);
    expect((await by('UADMIN')).isModerator).toBe(true);
    expect((await by('UMEMBER')).isModerator).toBe(false);
  });

  it('marks questions from a direct-message conversation as direct, whatever the surface', async () => {
    const { deps: d } = deps();
    const q = (channelId: string) => buildQuestion(d, { text: 'q', userId: 'U1', channelId, source: 'command' });
    expect(await q('D123')).toMatchObject({ platform: 'slack', isDirect: true, channelId: 'D123' });
    expect((await q('C123')).isDirect).toBe(false);
  });

  it('never waits for users.info when answering: an admin not looked up yet asks as a member until the lookup is back', async () => {
    const users = lookup(true);
    const { deps: d, asked } = deps(users);
    const question = (userId: string) => ask(d, { text: 'who founded it?', userId, channelId: 'C1', source: 'mention' });
    // Each resolves although users.info has not answered.
    await question('UADMIN');
    await question('UADMIN');
    await question('UMOD');
    expect(asked.map((q) => q.isModerator)).toEqual([false, false, true]);
    // One lookup for both questions, none for a configured moderator.
    expect(users.calls).toEqual(['UADMIN']);
    users.release();
    await new Promise((resolve) => setTimeout(resolve, 0));
    await question('UADMIN');
    expect(asked.at(-1)?.isModerator).toBe(true);
    expect(users.calls).toEqual(['UADMIN']);
  });

  it('carries the person’s Slack locale once the lookup that established their role brought it, never waiting for it', async () => {
    const users = lookup(true);
    const { deps: d, asked } = deps(users);
    const question = () => ask(d, { text: 'chi ha fondato l’alleanza?', userId: 'UIT', channelId: 'C1', source: 'mention' });
    await question();
    expect(asked.at(-1)?.locale).toBeUndefined();
    users.release();
    await new Promise((resolve) => setTimeout(resolve, 0));
    await question();
    expect(asked.at(-1)?.locale).toBe('it-IT');
    expect(users.calls).toEqual(['UIT']);
    expect((await buildQuestion(d, { text: 'q', userId: 'UMEMBER', channelId: 'C1', source: 'command' })).locale).toBeUndefined();
  });
});
