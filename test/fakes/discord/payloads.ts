/**
 * Discord API objects as the real API sends them (the fields discord.js reads), for the fake
 * Discord's gateway dispatches and REST responses.
 */

const DISCORD_EPOCH = 1420070400000n;
let increment = 0n;

/** A fresh, increasing snowflake id, like Discord's. */
export function snowflake(): string {
  increment = (increment + 1n) % 4096n;
  return String(((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) | increment);
}

/** Permission bits used by the fake (see discord-api-types PermissionFlagsBits). */
export const PERMISSIONS = {
  viewChannel: 1n << 10n,
  sendMessages: 1n << 11n,
  readMessageHistory: 1n << 16n,
  useApplicationCommands: 1n << 31n,
  manageGuild: 1n << 5n,
} as const;

/** What an ordinary member may do in the fake server. */
export const MEMBER_PERMISSIONS =
  PERMISSIONS.viewChannel | PERMISSIONS.sendMessages | PERMISSIONS.readMessageHistory | PERMISSIONS.useApplicationCommands;

/** A user object. */
export interface FakeUser {
  id: string;
  username: string;
  global_name: string | null;
  discriminator: string;
  avatar: string | null;
  bot?: boolean;
}

/** A person in the fake server: their user, roles and the permissions Discord would compute. */
export interface FakePerson {
  user: FakeUser;
  roles: string[];
  permissions: bigint;
}

export function user(id: string, username: string, bot = false): FakeUser {
  return { id, username, global_name: null, discriminator: '0', avatar: null, ...(bot ? { bot: true } : {}) };
}

export function role(id: string, name: string, permissions: bigint, position: number): Record<string, unknown> {
  return {
    id,
    name,
    permissions: String(permissions),
    position,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    managed: false,
    mentionable: false,
    flags: 0,
    icon: null,
    unicode_emoji: null,
  };
}

export function member(person: FakePerson, withPermissions: boolean): Record<string, unknown> {
  return {
    user: person.user,
    roles: person.roles,
    joined_at: new Date(0).toISOString(),
    deaf: false,
    mute: false,
    flags: 0,
    nick: null,
    avatar: null,
    premium_since: null,
    pending: false,
    communication_disabled_until: null,
    ...(withPermissions ? { permissions: String(person.permissions) } : {}),
  };
}

/** A message object as the REST API returns it and MESSAGE_CREATE carries it. */
export function message(fields: {
  id?: string;
  channelId: string;
  guildId?: string;
  author: FakeUser;
  content: string;
  embeds?: unknown[];
  components?: unknown[];
  mentions?: FakeUser[];
  member?: Record<string, unknown>;
  reference?: unknown;
  flags?: number;
}): Record<string, unknown> {
  return {
    id: fields.id ?? snowflake(),
    channel_id: fields.channelId,
    ...(fields.guildId ? { guild_id: fields.guildId } : {}),
    author: fields.author,
    ...(fields.member ? { member: fields.member } : {}),
    content: fields.content,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: fields.mentions ?? [],
    mention_roles: [],
    attachments: [],
    embeds: fields.embeds ?? [],
    components: fields.components ?? [],
    pinned: false,
    type: fields.reference ? 19 : 0,
    flags: fields.flags ?? 0,
    ...(fields.reference ? { message_reference: fields.reference } : {}),
  };
}
