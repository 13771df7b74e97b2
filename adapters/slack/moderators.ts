/**
 * Who may reload the knowledge base from Slack: the user ids in SLACK_MODERATOR_IDS, and the
 * workspace's admins and owners (users.info, scope users:read). Every question carries the
 * answer, so lookups are cached for a few minutes instead of calling users.info per message,
 * concurrent lookups of one person share one call, and questions never wait for one.
 *
 * The same lookup asks for the person's locale (include_locale), so their language comes with no
 * call of its own: a question carries it once the person is known.
 */
import type { Logger } from '../../src/logger.js';

/** The role flags of a Slack user, as users.info returns them. */
export interface SlackUserRoles {
  is_admin?: boolean;
  is_owner?: boolean;
  is_primary_owner?: boolean;
  /** The person's Slack language, e.g. "it-IT" (users.info with include_locale). */
  locale?: string;
}

/** Fetches a user's role flags (users.info in the app; a stub in unit tests). */
export type UserRolesLookup = (userId: string) => Promise<SlackUserRoles | undefined>;

/** Decides whether a Slack user is a moderator. */
export interface ModeratorCheck {
  /** The answer, asking Slack when it is not cached: for moderator tools, where it decides what happens. */
  isModerator(userId: string): Promise<boolean>;
  /**
   * The answer as far as it is known now, without waiting: configured ids and cached lookups.
   * For anyone else it is false for now and a lookup starts in the background, so the person's
   * next question knows. For questions, where being a moderator only lifts the cooldown.
   */
  knownModerator(userId: string): boolean;
  /**
   * The person's Slack locale, when a lookup already returned it (never waits, never asks: the
   * lookup {@link knownModerator} starts brings it). Configured moderators are not looked up.
   */
  knownLocale(userId: string): string | undefined;
}

/** Options for {@link createModeratorCheck}. */
export interface ModeratorCheckOptions {
  /** Configured moderators (SLACK_MODERATOR_IDS); they are moderators without any lookup. */
  moderatorIds: readonly string[];
  lookup: UserRolesLookup;
  logger: Logger;
  /** How long a users.info answer is trusted; default 5 minutes, so a demoted admin loses access soon. */
  ttlMs?: number;
  /**
   * After a failed lookup, how long questions do without one (moderator tools always try again):
   * without users:read every lookup fails, and each question must not cost a call and a warning.
   * Default 1 minute.
   */
  retryAfterMs?: number;
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
  const retryAfterMs = options.retryAfterMs ?? 60 * 1000;
  const now = options.now ?? Date.now;
  const cache = new Map<string, { moderator: boolean; locale?: string; expires: number }>();
  /** Lookups in flight, shared by everyone who needs the same person's answer meanwhile. */
  const pending = new Map<string, Promise<boolean>>();
  /** When a failed lookup may be tried again for a question. */
  const failedUntil = new Map<string, number>();

  const entryOf = (userId: string): { moderator: boolean; locale?: string } | undefined => {
    const entry = cache.get(userId);
    if (!entry) return undefined;
    if (entry.expires > now()) return entry;
    cache.delete(userId);
    return undefined;
  };
  const cached = (userId: string): boolean | undefined => entryOf(userId)?.moderator;

  const lookUp = (userId: string): Promise<boolean> => {
    const inFlight = pending.get(userId);
    if (inFlight) return inFlight;
    const lookup = (async () => {
      try {
        const user = await options.lookup(userId);
        const moderator = isAdminOrOwner(user);
        cache.set(userId, { moderator, ...(user?.locale ? { locale: user.locale } : {}), expires: now() + ttlMs });
        failedUntil.delete(userId);
        return moderator;
      } catch (err) {
        failedUntil.set(userId, now() + retryAfterMs);
        options.logger.warn({ err, userId }, 'slack: users.info failed; treating the user as not a moderator');
        return false;
      } finally {
        pending.delete(userId);
      }
    })();
    pending.set(userId, lookup);
    return lookup;
  };

  return {
    async isModerator(userId) {
      if (configured.has(userId)) return true;
      return cached(userId) ?? lookUp(userId);
    },
    knownModerator(userId) {
      if (configured.has(userId)) return true;
      const known = cached(userId);
      if (known !== undefined) return known;
      const retryAt = failedUntil.get(userId);
      if (retryAt === undefined || retryAt <= now()) {
        failedUntil.delete(userId);
        void lookUp(userId);
      }
      return false;
    },
    knownLocale(userId) {
      return entryOf(userId)?.locale;
    },
  };
}
