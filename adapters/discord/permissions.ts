/**
 * Who counts as a moderator on Discord: members with Manage Server, or with one of the configured
 * moderator roles. Checked when a command runs rather than hidden with default member permissions,
 * because a moderator role need not carry Manage Server.
 */
import { GuildMember, PermissionFlagsBits, type Interaction, type Message } from 'discord.js';

/** What Discord tells us about a member, reduced to what the moderator rule needs. */
export interface MemberFacts {
  /** The member's permission bits (in the channel for interactions), or null outside a server. */
  permissions: bigint | null;
  /** Ids of the roles the member has. */
  roleIds: readonly string[];
}

/** The rule itself: Manage Server, or any configured moderator role. */
export function isModeratorMember(member: MemberFacts | null, moderatorRoleIds: readonly string[]): boolean {
  if (!member) return false;
  if (member.permissions !== null && (member.permissions & PermissionFlagsBits.ManageGuild) === PermissionFlagsBits.ManageGuild) {
    return true;
  }
  return member.roleIds.some((id) => moderatorRoleIds.includes(id));
}

/**
 * The facts for an interaction: Discord sends the member's computed permissions with every
 * interaction in a server, so no cache is needed. Null in DMs.
 */
export function interactionMemberFacts(interaction: Interaction): MemberFacts | null {
  if (!interaction.inGuild() || !interaction.member) return null;
  const { member } = interaction;
  const roleIds = member instanceof GuildMember ? [...member.roles.cache.keys()] : [...member.roles];
  return { permissions: interaction.memberPermissions?.bitfield ?? null, roleIds };
}

/**
 * The facts for a message: messages carry the member's roles but not permissions, so these are
 * computed from the server's cached roles (discord.js caches them from GUILD_CREATE). Null in DMs.
 */
export function messageMemberFacts(message: Message): MemberFacts | null {
  if (!message.inGuild() || !message.member) return null;
  const { member } = message;
  return { permissions: member.permissions.bitfield, roleIds: [...member.roles.cache.keys()] };
}
