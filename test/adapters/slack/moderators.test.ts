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

  it('shares one users.info call between everyone who needs the same person at once', async () => {
    const { calls, lookup } = lookupOf({ UA: { is_admin: true } });
    const check = createModeratorCheck({ moderatorIds: [], lookup, logger: silentLogger() });
    expect(check.knownModerator('UA')).toBe(false);
    expect(await Promise.all([check.isModerator('UA'), check.isModerator('UA')])).toEqual([true, true]);
    expect(calls).toEqual(['UA']);
    expect(check.knownModerator('UA')).toBe(true);
  });

  it('answers at once for questions, from the configuration and the cache, and looks unknown people up in the background', async () => {
    const { calls, lookup } = lookupOf({ UA: { is_admin: true }, UM: {} });
    const check = createModeratorCheck({ moderatorIds: ['UMOD'], lookup, logger: silentLogger() });
    expect(check.knownModerator('UMOD')).toBe(true);
    expect(check.knownModerator('UA')).toBe(false);
    expect(check.knownModerator('UM')).toBe(false);
    expect(calls).toEqual(['UA', 'UM']);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(check.knownModerator('UA')).toBe(true);
    expect(check.knownModerator('UM')).toBe(false);
    expect(calls).toEqual(['UA', 'UM']);
  });

  it('after a failed lookup, lets questions do without one for a while, but not moderator tools', async () => {
    let now = 0;
    const users: Record<string, SlackUserRoles> = {};
    const { calls, lookup } = lookupOf(users);
    const check = createModeratorCheck({ moderatorIds: [], lookup, logger: silentLogger(), retryAfterMs: 1000, now: () => now });
    expect(check.knownModerator('UX')).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 0));
    users.UX = { is_owner: true };
    // Without users:read every lookup fails: a question must not cost a call each.
    expect(check.knownModerator('UX')).toBe(false);
    expect(calls).toEqual(['UX']);
    // A moderator tool asks again at once.
    expect(await check.isModerator('UX')).toBe(true);
    expect(calls).toEqual(['UX', 'UX']);
    expect(check.knownModerator('UX')).toBe(true);

    const { calls: later, lookup: failing } = lookupOf({});
    const other = createModeratorCheck({ moderatorIds: [], lookup: failing, logger: silentLogger(), retryAfterMs: 1000, now: () => now });
    other.knownModerator('UY');
    await new Promise((resolve) => setTimeout(resolve, 0));
    now = 1001;
    other.knownModerator('UY');
    expect(later).toEqual(['UY', 'UY']);
  });
});
