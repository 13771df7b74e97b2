/**
 * The weekly digest, posted by exactly one instance: the instance holding the lease looks every
 * so often whether this week's digest is due, and claims the week before posting, so neither a
 * second instance nor a lease changing hands mid-week posts it twice. No setting switches it off
 * on the other instances: they simply never hold the lease at the same time.
 */
import type { Logger } from '../logger.js';
import type { SharedState } from '../state/types.js';

/** How often the digest goes out, with or without Redis. */
export const WEEK_MS = 7 * 86_400_000;

/** Options for {@link scheduleDigest}. */
export interface DigestOptions {
  state: SharedState;
  /** This instance's name. */
  instance: string;
  logger: Logger;
  /** Posts the digest; called at most once per period across every instance. */
  post: () => Promise<void>;
  /** How often a digest goes out. Default one week. */
  periodMs?: number;
  /** How often the instances look whether it is due (and renew the lease). Default one hour. */
  checkEveryMs?: number;
  now?: () => number;
}

/** Starts looking; returns the stop. The period running at start is not posted: the first digest ends the first full period. */
export async function scheduleDigest(options: DigestOptions): Promise<() => void> {
  const { state, instance, logger } = options;
  const periodMs = options.periodMs ?? WEEK_MS;
  const checkEveryMs = options.checkEveryMs ?? 3_600_000;
  const now = options.now ?? Date.now;
  const period = (): number => Math.floor(now() / periodMs);
  // Claimed for this period now: an instance (re)started mid-week does not post a digest at once.
  await state.claim(`digest:${period()}`, 2 * periodMs);

  let running = false;
  const check = async (): Promise<void> => {
    if (running) return;
    running = true;
    try {
      // The lease outlives a missed check or two, so leadership does not flap.
      if (!(await state.lease('digest', instance, 3 * checkEveryMs))) return;
      if (!(await state.claim(`digest:${period()}`, 2 * periodMs))) return;
      logger.info({ instance }, 'cluster: posting the digest (this instance holds the lease)');
      await options.post();
    } catch (error) {
      logger.error({ err: error }, 'cluster: digest failed');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void check(), checkEveryMs).unref();
  void check();
  return () => clearInterval(timer);
}
