import type { CooldownConfig } from './config.js';

/** What the cooldown decided for one question. */
export type CooldownVerdict = { allowed: true } | { allowed: false; notify: boolean; retryAfterMs: number };

/**
 * Per-person and per-channel question limits over a sliding window, shared by every adapter.
 * The first refused question gets a polite reply (`notify`); later ones are silent until the
 * window frees up, so a spammer never gets a reply storm.
 */
export class Cooldown {
  private readonly hits = new Map<string, number[]>();
  private readonly notified = new Set<string>();

  constructor(
    private readonly config: CooldownConfig,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records a question from `userId` in `channelId` and says whether to answer it. */
  check(userId: string, channelId: string): CooldownVerdict {
    const now = this.now();
    const userKey = `user:${userId}`;
    const channelKey = `channel:${channelId}`;
    const user = this.recent(userKey, now);
    const channel = this.recent(channelKey, now);
    const blocked =
      user.length >= this.config.userLimit
        ? { key: userKey, times: user }
        : channel.length >= this.config.channelLimit
          ? { key: channelKey, times: channel }
          : undefined;
    if (blocked) {
      const retryAfterMs = (blocked.times[0] ?? now) + this.config.windowMs - now;
      const notifyKey = `${blocked.key}>${userId}`;
      const notify = !this.notified.has(notifyKey);
      this.notified.add(notifyKey);
      return { allowed: false, notify, retryAfterMs };
    }
    this.notified.delete(`${userKey}>${userId}`);
    this.notified.delete(`${channelKey}>${userId}`);
    user.push(now);
    channel.push(now);
    this.hits.set(userKey, user);
    this.hits.set(channelKey, channel);
    return { allowed: true };
  }

  /** The times still in the window for `key`, oldest first; expired ones are dropped in place. */
  private recent(key: string, now: number): number[] {
    const times = this.hits.get(key) ?? [];
    // Times are appended in order, so the expired ones are a prefix: no copy of a busy channel's list per question.
    let expired = 0;
    while (expired < times.length && now - (times[expired] as number) >= this.config.windowMs) expired++;
    if (expired > 0) times.splice(0, expired);
    if (times.length === 0) this.hits.delete(key);
    return times;
  }
}
