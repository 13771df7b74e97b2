import { PermissionFlagsBits } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { isModeratorMember } from '../../../adapters/discord/permissions.js';

const basic = PermissionFlagsBits.SendMessages | PermissionFlagsBits.ViewChannel;

describe('who is a moderator', () => {
  it('is a member with Manage Server', () => {
    expect(isModeratorMember({ permissions: basic | PermissionFlagsBits.ManageGuild, roleIds: [] }, [])).toBe(true);
  });

  it('is a member with a configured moderator role, even without Manage Server', () => {
    expect(isModeratorMember({ permissions: basic, roleIds: ['1', '42'] }, ['42'])).toBe(true);
  });

  it('is not an ordinary member', () => {
    expect(isModeratorMember({ permissions: basic, roleIds: ['1'] }, ['42'])).toBe(false);
  });

  it('is not someone whose permissions are unknown and who has no moderator role', () => {
    expect(isModeratorMember({ permissions: null, roleIds: [] }, ['42'])).toBe(false);
  });

  it('is nobody in a direct message', () => {
    expect(isModeratorMember(null, ['42'])).toBe(false);
  });

  it('does not take Administrator-like bits that are not Manage Server', () => {
    expect(isModeratorMember({ permissions: PermissionFlagsBits.ManageMessages | PermissionFlagsBits.KickMembers, roleIds: [] }, [])).toBe(
      false,
    );
  });
});
