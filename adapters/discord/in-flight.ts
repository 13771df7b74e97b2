/** The event handlers still running, so a graceful stop can let them finish. */

/** How long {@link InFlight.settled} waits by default before giving up on stragglers. */
export const STOP_GRACE_MS = 10_000;

/** Tracks handler promises; {@link settled} resolves when all have ended or the wait runs out. */
export class InFlight {
  private readonly running = new Set<Promise<unknown>>();

  /** Tracks `work` until it settles and returns it. */
  track<T>(work: Promise<T>): Promise<T> {
    this.running.add(work);
    const done = (): void => void this.running.delete(work);
    work.then(done, done);
    return work;
  }

  get size(): number {
    return this.running.size;
  }

  /** Resolves once every tracked handler has settled, or after `timeoutMs`; true when all finished. */
  async settled(timeoutMs = STOP_GRACE_MS): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
    const all = (async (): Promise<true> => {
      // Handlers may start follow-up work (a deferral, a follow-up): wait until none is left.
      while (this.running.size > 0) await Promise.allSettled([...this.running]);
      return true;
    })();
    try {
      return await Promise.race([all, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
