/**
 * The cooldown decision, for every platform: per person and per channel over a sliding window,
 * moderators exempt. The first refused question gets the one notice; later ones are silent until
 * the window frees up, so a flood is never answered by a flood.
 */
import type { CooldownConfig } from '../config.js';
import type { Deduper, RateLimiter } from '../state/types.js';
import type { Question } from '../types.js';
import { cooldownText } from './texts.js';

/** What the cooldown decided: answer, or refuse with a notice (`text`) or in silence (empty `text`). */
export type CooldownDecision = { allowed: true } | { allowed: false; text: string; refusedBy: string };

/** Decides whether to answer `q` now. Counts the question when it is answered. */
export async function decideCooldown(q: Question, config: CooldownConfig, state: RateLimiter & Deduper): Promise<CooldownDecision> {
  if (q.isModerator) return { allowed: true };
  const keys = [
    { key: `cooldown:user:${q.platform}:${q.userId}`, limit: config.userLimit },
    { key: `cooldown:channel:${q.platform}:${q.channelId}`, limit: config.channelLimit },
  ];
  const verdict = await state.hit(keys, config.windowMs);
  if (verdict.allowed) return { allowed: true };
  const refusedBy = verdict.refusedBy ?? 'cooldown';
  // One notice per person and limit until the window frees up: the claim lasts as long as the wait.
  if (q.privateReply) return { allowed: false, text: cooldownText(verdict.retryAfterMs), refusedBy };
  const first = await state.claim(`${refusedBy}:notified:${q.userId}`, Math.max(1, verdict.retryAfterMs));
  return { allowed: false, text: first ? cooldownText(verdict.retryAfterMs) : '', refusedBy };
}
