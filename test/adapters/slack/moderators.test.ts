import { describe, expect, it } from 'vitest';
import { createModeratorCheck, isAdminOrOwner, type SlackUserRoles } from '../../../adapters/slack/moderators.js';
import { silentLogger } from '../../../src/logger.js';

function lookupOf(users: Record<string, SlackUserRoles>) {
  const calls: string[] = [];
  const lookup = async (id: string) => {
    calls.push(id);
    const user = users[id];
    if (!user) throw new Error('user_not_found');
    return user;
  };
  return { calls, lookup };
}

describe('who is a moderator', () => {
  it('counts configured ids without asking Slack', async () => {
    const { calls, lookup } = lookupOf({});
    const check = createModeratorCheck({ moderatorIds: ['UMOD'], lookup, logger: silentLogger() });
    expect(await check.isModerator('UMOD')).toBe(true);
    expect(calls).toEqual([]);
  });

  it('counts workspace admins and owners, not members', async () => {
    const { lookup } = lookupOf({ UA: { is_admin: true }, UO: { is_owner: true }, UP: { is_primary_owner: true }, UM: {} });
    const check = createModeratorCheck({ moderatorIds: [], lookup, logger: silentLogger() });
    expect(await Promise.all(['UA', 'UO', 'UP', 'UM'].map((id) => check.isModerator(id)))).toEqual([true, true, true, false]);
    expect(isAdminOrOwner(undefined)).toBe(false);
  });

  it('caches users.info answers for the time to live', async () => {
    let now = 0;
    const { calls, lookup } = lookupOf({ UA: { is_admin: true } });
    const check = createModeratorCheck({ moderatorIds: [], lookup, logger: silentLogger(), ttlMs: 1000, now: () => now });
    await check.isModerator('UA');
    await check.isModerator('UA');
    expect(calls).toEqual(['UA']);
    now = 1001;
    await check.isModerator('UA');
    expect(calls).toEqual(['UA', 'UA']);
  });

  it('treats a failed lookup as not a moderator and tries again next time', async () => {
    const users: Record<string, SlackUserRoles> = {};
    const { calls, lookup } = lookupOf(users);
    const check = createModeratorCheck({ moderatorIds: [], lookup, logger: silentLogger() });
    expect(await check.isModerator('UX')).toBe(false);
    users.UX = { is_owner: true };
    expect(await check.isModerator('UX')).toBe(true);
    expect(calls).toEqual(['UX', 'UX']);
  });
});
