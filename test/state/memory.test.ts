import { describe, expect, it } from 'vitest';
import { createMemoryState } from '../../src/state/memory.js';

const clock = () => {
  const c = { now: 0, fn: () => c.now };
  return c;
};

describe('rate limiting over a sliding window', () => {
  it('allows up to the limit, then refuses with the time until the oldest hit expires', async () => {
    const c = clock();
    const state = createMemoryState({ now: c.fn });
    const keys = [{ key: 'u', limit: 2 }];
    expect((await state.hit(keys, 1000)).allowed).toBe(true);
    c.now = 100;
    expect((await state.hit(keys, 1000)).allowed).toBe(true);
    c.now = 400;
    expect(await state.hit(keys, 1000)).toEqual({ allowed: false, retryAfterMs: 600, refusedBy: 'u' });
    c.now = 1000;
    expect((await state.hit(keys, 1000)).allowed).toBe(true);
  });

  it('counts a hit on every key or on none', async () => {
    const state = createMemoryState();
    const user = { key: 'user', limit: 1 };
    const channel = { key: 'channel', limit: 5 };
    await state.hit([user, channel], 60_000);
    const refused = await state.hit([user, channel], 60_000);
    expect(refused.refusedBy).toBe('user');
    // The refused hit did not use up the channel: four more from others still pass.
    for (let i = 0; i < 4; i++) expect((await state.hit([{ key: `other${i}`, limit: 1 }, channel], 60_000)).allowed).toBe(true);
    expect((await state.hit([{ key: 'late', limit: 1 }, channel], 60_000)).refusedBy).toBe('channel');
  });
});

describe('claims', () => {
  it('are won once within their time to live', async () => {
    const c = clock();
    const state = createMemoryState({ now: c.fn });
    expect(await state.claim('a', 100)).toBe(true);
    expect(await state.claim('a', 100)).toBe(false);
    c.now = 100;
    expect(await state.claim('a', 100)).toBe(true);
  });
});

describe('the key-value store', () => {
  it('forgets a value after its time to live', async () => {
    const c = clock();
    const state = createMemoryState({ now: c.fn });
    await state.set('k', 'v', 50);
    expect(await state.get('k')).toBe('v');
    c.now = 50;
    expect(await state.get('k')).toBeUndefined();
  });

  it('drops the least recently used key beyond its cap', async () => {
    const state = createMemoryState({ maxKeys: 2 });
    await state.set('a', '1', 1000);
    await state.set('b', '2', 1000);
    await state.get('a'); // a is now the most recent
    await state.set('c', '3', 1000);
    expect(await state.get('b')).toBeUndefined();
    expect(await state.get('a')).toBe('1');
    expect(await state.get('c')).toBe('3');
    await state.delete('a');
    expect(await state.get('a')).toBeUndefined();
  });
});

describe('publish and subscribe', () => {
  it('delivers to every subscriber of the channel until it unsubscribes', async () => {
    const state = createMemoryState();
    const got: string[] = [];
    const off = await state.subscribe('reload', (m) => got.push(m));
    await state.subscribe('other', (m) => got.push(`other:${m}`));
    await state.publish('reload', 'now');
    await Promise.resolve();
    await off();
    await state.publish('reload', 'again');
    await Promise.resolve();
    expect(got).toEqual(['now']);
  });
});

describe('locks and leases', () => {
  it('runs holders of one lock one at a time', async () => {
    const state = createMemoryState();
    const order: string[] = [];
    const slow = state.withLock('l', 1000, async () => {
      order.push('a start');
      await new Promise((r) => setTimeout(r, 20));
      order.push('a end');
    });
    const fast = state.withLock('l', 1000, async () => {
      order.push('b');
    });
    await Promise.all([slow, fast]);
    expect(order).toEqual(['a start', 'a end', 'b']);
  });

  it('gives a lease to one holder until it expires', async () => {
    const c = clock();
    const state = createMemoryState({ now: c.fn });
    expect(await state.lease('leader', 'x', 100)).toBe(true);
    expect(await state.lease('leader', 'y', 100)).toBe(false);
    expect(await state.lease('leader', 'x', 100)).toBe(true);
    c.now = 100;
    expect(await state.lease('leader', 'y', 100)).toBe(true);
    expect(state.backend).toBe('memory');
    expect(state.health()).toBe('ok');
  });
});
