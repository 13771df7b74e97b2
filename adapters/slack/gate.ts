/**
 * The door every Slack payload comes through, so that stop() can close it and wait for what is
 * already inside. Both receivers hand each payload to `app.processEvent`, which resolves once the
 * listeners are done; wrapping it counts the handlers in flight at one place for every kind of
 * payload (events, commands, buttons, modals) in both modes.
 *
 * A payload that arrives after the door closed is not acknowledged: Slack then redelivers it (to
 * another connection or instance, or to this one after its restart) instead of it being lost,
 * which is what an acknowledged-and-dropped event would be.
 */
import type { App } from '@slack/bolt';
import type { Logger } from '../../src/logger.js';

/** Counts handlers in flight and closes to new payloads on {@link Gate.close}. */
export interface Gate {
  /** Handlers running now. */
  readonly inFlight: number;
  /**
   * Refuses new payloads from now on and resolves once the handlers in flight are done, or after
   * `timeoutMs` (resolving `false`) so a stuck handler cannot hold a shutdown forever.
   */
  close(timeoutMs: number): Promise<boolean>;
}

/** Wraps `app.processEvent` with a {@link Gate}. */
export function installGate(app: App, logger: Logger): Gate {
  const handle = app.processEvent.bind(app);
  const running = new Set<Promise<void>>();
  let closed = false;
  const idle = new Set<() => void>();

  app.processEvent = async (event) => {
    if (closed) {
      const body = event.body as { type?: string; command?: string };
      logger.info({ type: body.type ?? body.command }, 'slack: stopping; left unacknowledged for Slack to redeliver');
      return;
    }
    const handling = handle(event);
    running.add(handling);
    try {
      await handling;
    } finally {
      running.delete(handling);
      if (running.size === 0) for (const resolve of idle) resolve();
    }
  };

  return {
    get inFlight() {
      return running.size;
    },
    async close(timeoutMs) {
      closed = true;
      if (running.size === 0) return true;
      logger.info({ inFlight: running.size }, 'slack: stopping; finishing the handlers in flight');
      let timer: NodeJS.Timeout | undefined;
      let done: (() => void) | undefined;
      const drained = await Promise.race([
        new Promise<boolean>((resolve) => {
          done = () => resolve(true);
          idle.add(done);
        }),
        new Promise<boolean>((resolve) => {
          timer = setTimeout(() => resolve(false), timeoutMs);
        }),
      ]);
      clearTimeout(timer);
      if (done) idle.delete(done);
      if (!drained) logger.warn({ inFlight: running.size, timeoutMs }, 'slack: stopping with handlers still running');
      return drained;
    },
  };
}
