import { describe, expect, it } from 'vitest';
import { Cooldown } from '../src/cooldown.js';

function clock(): { now: () => number; advance: (ms: number) => void } {
  let t = 1_000_000;
  return { now: () => t, advance: (ms) => void (t += ms) };
}

describe('Cooldown per person', () => {
  it('refuses the question over the limit, notifies once, and frees up when the window has passed', () => {
    const c = clock();
    const cooldown = new Cooldown({ userLimit: 2, channelLimit: 100, windowMs: 60_000 }, c.now);
    expect(cooldown.check('u1', 'c1')).toEqual({ allowed: true });
    c.advance(10_000);
    expect(cooldown.check('u1', 'c1')).toEqual({ allowed: true });
    expect(cooldown.check('u1', 'c1')).toEqual({ allowed: false, notify: true, retryAfterMs: 50_000 });
    expect(cooldown.check('u1', 'c1')).toMatchObject({ allowed: false, notify: false });
    // Another person is not held back.
    expect(cooldown.check('u2', 'c1')).toEqual({ allowed: true });
    // The first question leaves the window: one more is allowed, then the second one's turn.
    c.advance(50_000);
    expect(cooldown.check('u1', 'c1')).toEqual({ allowed: true });
    expect(cooldown.check('u1', 'c1')).toMatchObject({ allowed: false, notify: true, retryAfterMs: 10_000 });
  });
});

describe('Cooldown per channel', () => {
  it('counts everyone in a channel together', () => {
    const c = clock();
    const cooldown = new Cooldown({ userLimit: 100, channelLimit: 3, windowMs: 1_000 }, c.now);
    for (const user of ['a', 'b', 'c']) expect(cooldown.check(user, 'busy').allowed).toBe(true);
    expect(cooldown.check('d', 'busy')).toMatchObject({ allowed: false, notify: true });
    expect(cooldown.check('d', 'quiet').allowed).toBe(true);
    c.advance(1_000);
    expect(cooldown.check('d', 'busy').allowed).toBe(true);
  });
});
