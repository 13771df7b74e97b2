import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { scheduleDigest } from '../../src/cluster/digest.js';
import { createReloadBroadcast } from '../../src/cluster/reload.js';
import { silentLogger } from '../../src/logger.js';
import { createMemoryState } from '../../src/state/memory.js';
import { connectRedisState } from '../../src/state/redis.js';
import type { SharedState } from '../../src/state/types.js';
import { serviceUrl, titled } from '../helpers/services.js';

const url = serviceUrl('TEST_REDIS_URL');
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function instances(count: number): Promise<SharedState[]> {
  const prefix = `test:${randomUUID()}:`;
  const states = await Promise.all(
    Array.from({ length: count }, () => connectRedisState({ url: url ?? '', logger: silentLogger(), prefix })),
  );
  for (const s of states) cleanups.push(() => s.close());
  return states;
}

describe.skipIf(!url)(titled('a reload broadcast over Redis', url, 'TEST_REDIS_URL'), () => {
  it('reloads every instance and reports how many reloaded and what failed where', async () => {
    const states = await instances(3);
    const reloads: string[] = [];
    const broadcasts = await Promise.all(
      states.map((state, i) =>
        createReloadBroadcast({
          state,
          instance: `i${i}`,
          logger: silentLogger(),
          startMs: 300,
          reloadHere: async (by: string) => {
            reloads.push(`i${i} by ${by}`);
            await sleep(20 * i);
            return { ok: i !== 2, errors: i === 2 ? ['faq.yaml:3: answer is empty'] : [] };
          },
          outcome: (r) => ({ ok: r.ok, problems: r.errors }),
        }),
      ),
    );
    for (const b of broadcasts) cleanups.push(() => b.close());
    const { report, cluster } = await (broadcasts[0] as (typeof broadcasts)[0]).reloadAll('mod (slack)', false);
    expect(report.ok).toBe(true);
    expect(reloads.sort()).toEqual(['i0 by mod (slack)', 'i1 by mod (slack)', 'i2 by mod (slack)']);
    expect(cluster).toEqual({
      reloaded: 2,
      instances: 3,
      failed: [{ instance: 'i2', problems: ['faq.yaml:3: answer is empty'] }],
      silent: [],
    });
  });

  it('reports one instance when it is alone', async () => {
    const state = createMemoryState();
    const broadcast = await createReloadBroadcast({
      state,
      instance: 'solo',
      logger: silentLogger(),
      startMs: 50,
      reloadHere: async () => ({ ok: true }),
      outcome: () => ({ ok: true, problems: [] }),
    });
    cleanups.push(() => broadcast.close());
    expect((await broadcast.reloadAll('mod', false)).cluster).toEqual({ reloaded: 1, instances: 1, failed: [], silent: [] });
  });
});

describe.skipIf(!url)(titled('the digest over Redis', url, 'TEST_REDIS_URL'), () => {
  it('is posted once per period by exactly one of several instances', async () => {
    const states = await instances(3);
    const posts: string[] = [];
    const periodMs = 300;
    // Start just after a period begins, so the claimed start-up period and the next are clear.
    await sleep(periodMs - (Date.now() % periodMs) + 10);
    for (const [i, state] of states.entries()) {
      const stop = await scheduleDigest({
        state,
        instance: `i${i}`,
        logger: silentLogger(),
        periodMs,
        checkEveryMs: 20,
        post: async () => void posts.push(`i${i}@${Math.floor(Date.now() / periodMs)}`),
      });
      cleanups.push(stop);
    }
    await sleep(periodMs * 3);
    const periods = posts.map((p) => p.split('@')[1]);
    expect(new Set(periods).size).toBe(periods.length);
    expect(posts.length).toBeGreaterThanOrEqual(2);
    expect(new Set(posts.map((p) => p.split('@')[0])).size).toBe(1);
  });
});
