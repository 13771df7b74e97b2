/**
 * How much a reload stalls the main thread: questions keep arriving every few milliseconds while
 * the reload runs, and we record how long each waited, plus the event loop's longest delay.
 */
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { summarize, type Latency } from './stats.js';

/** What the main thread saw while `work` ran. */
export interface Stall {
  /** Longest event-loop delay (perf_hooks), ms. */
  loopMaxMs: number;
  /** Latency of the questions asked during the work. */
  asked: Latency;
  asks: number;
  /** How long the work took, ms. */
  tookMs: number;
}

/**
 * Runs `work` while a question "arrives" every `everyMs`. Arrivals are on a fixed schedule, so
 * questions that arrived while the thread was blocked are asked late, and their latency counts
 * from when they arrived, as a Slack request waiting in the socket would.
 */
export async function measureStall(work: () => Promise<unknown>, ask: () => Promise<unknown>, everyMs = 10): Promise<Stall> {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  const times: number[] = [];
  const pending: Promise<unknown>[] = [];
  histogram.enable();
  let due = performance.now() + everyMs;
  let timer: NodeJS.Timeout | undefined;
  const tick = (): void => {
    const now = performance.now();
    for (; due <= now; due += everyMs) {
      const arrived = due;
      pending.push(ask().then(() => times.push(performance.now() - arrived)));
    }
    timer = setTimeout(tick, Math.max(0, due - performance.now()));
  };
  timer = setTimeout(tick, everyMs);
  const started = performance.now();
  await work();
  const tookMs = performance.now() - started;
  // A block that ends the work (building the answerer, then the swap) is only seen by the timers
  // that fire after it: let them fire before stopping.
  await new Promise((resolve) => setTimeout(resolve, 3 * everyMs));
  clearTimeout(timer);
  await Promise.all(pending);
  histogram.disable();
  return { loopMaxMs: histogram.max / 1e6, asked: summarize(times), asks: times.length, tookMs };
}
