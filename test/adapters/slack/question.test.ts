import { describe, expect, it } from 'vitest';
import { createDedupe } from '../../../adapters/slack/dedupe.js';
import { buildQuestion, type ListenerDeps } from '../../../adapters/slack/deps.js';
import { createModeratorCheck } from '../../../adapters/slack/moderators.js';
import { silentLogger } from '../../../src/logger.js';
import type { ChatBot } from '../../../src/types.js';

const deps = (): ListenerDeps => ({
  bot: {} as ChatBot, // buildQuestion never calls the bot
  logger: silentLogger(),
  dedupe: createDedupe(),
  moderators: createModeratorCheck({ moderatorIds: ['UMOD'], logger: silentLogger(), lookup: async (id) => ({ is_admin: id === 'UADMIN' }) }),
});

describe('the question handed to the core', () => {
  it('says whether the person is a moderator, for every question', async () => {
    const d = deps();
    const ask = (userId: string) => buildQuestion(d, { text: 'q', userId, channelId: 'C1', source: 'mention' });
    expect((await ask('UMOD')).isModerator).toBe(true);
    expect((await ask('UADMIN')).isModerator).toBe(true);
    expect((await ask('UMEMBER')).isModerator).toBe(false);
  });

  it('marks questions from a direct-message conversation as direct, whatever the surface', async () => {
    const d = deps();
    const q = (channelId: string) => buildQuestion(d, { text: 'q', userId: 'U1', channelId, source: 'command' });
    expect(await q('D123')).toMatchObject({ platform: 'slack', isDirect: true, channelId: 'D123' });
    expect((await q('C123')).isDirect).toBe(false);
  });
});
