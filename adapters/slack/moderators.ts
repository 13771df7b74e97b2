/**
 * Who may reload the knowledge base from Slack: the user ids in SLACK_MODERATOR_IDS, and the
 * workspace's admins and owners (users.info, scope users:read). Every question carries the
 * answer, so lookups are cached for a few minutes instead of calling users.info per message.
 */
import type { Logger } from '../../src/logger.js';

/** The role flags of a Slack user, as users.info returns them. */
export interface SlackUserRoles {
  is_admin?: boolean;
  is_owner?: boolean;
  is_primary_owner?: boolean;
}

/** Fetches a user's role flags (users.info in the app; a stub in unit tests). */
export type UserRolesLookup = (userId: string) => Promise<SlackUserRoles | undefined>;

/** Decides whether a Slack user is a moderator. */
export interface ModeratorCheck {
  isModerator(userId: string): Promise<boolean>;
}

/** Options for {@link createModeratorCheck}. */
export interface ModeratorCheckOptions {
  /** Configured moderators (SLACK_MODERATOR_IDS); they are moderators without any lookup. */
  moderatorIds: readonly string[];
  lookup: UserRolesLookup;
  logger: Logger;
  /** How long a users.info answer is trusted; default 5 minutes, so a demoted admin loses access soon. */
  ttlMs?: number;
  now?: () => number;
}

/** True for workspace admins and owners. */
export function isAdminOrOwner(roles: SlackUserRoles | undefined): boolean {
  return Boolean(roles && (roles.is_admin || roles.is_owner || roles.is_primary_owner));
}

/**
 * Creates a {@link ModeratorCheck}. A failed lookup counts as "not a moderator" and is not
 * cached, so a Slack hiccup costs one refusal, not five minutes of them.
 */
export function createModeratorCheck(options: ModeratorCheckOptions): ModeratorCheck {
  const configured = new Set(options.moderatorIds);
  const ttlMs = options.ttlMs ?? 5 * 60 * 1000;
  const now = options.now ?? Date.now;
  const cache = new Map<string, { moderator: boolean; expires: number }>();

  return {
    async isModerator(userId) {
      if (configured.has(userId)) return true;
      const cached = cache.get(userId);
      if (cached && cached.expires > now()) return cached.moderator;
      try {
        const moderator = isAdminOrOwner(await options.lookup(userId));
        cache.set(userId, { moderator, expires: now() + ttlMs });
        return moderator;
      } catch (err) {
        options.logger.warn({ err, userId }, 'slack: users.info failed; treating the user as not a moderator');
        return false;
      }
    },
  };
}
