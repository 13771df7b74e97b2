import { describe, expect, it } from 'vitest';
import { createDedupe } from '../../../adapters/slack/dedupe.js';

describe('answering each message once', () => {
  it('lets the first delivery through and drops a repeat of any of its keys', () => {
    const dedupe = createDedupe();
    expect(dedupe.first('event:Ev1', 'message:C1:1.1')).toBe(true);
    expect(dedupe.first('event:Ev1', 'message:C1:1.1')).toBe(false); // a retry
    expect(dedupe.first('event:Ev2', 'message:C1:1.1')).toBe(false); // app_mention + message
    expect(dedupe.first('event:Ev3', 'message:C1:1.2')).toBe(true);
  });

  it('forgets keys after the time to live', () => {
    let now = 0;
    const dedupe = createDedupe({ ttlMs: 1000, now: () => now });
    dedupe.first('a');
    now = 999;
    expect(dedupe.first('a')).toBe(false);
    now = 2000;
    expect(dedupe.first('a')).toBe(true);
  });

  it('keeps memory bounded', () => {
    const dedupe = createDedupe({ maxKeys: 3 });
    for (const key of ['a', 'b', 'c', 'd', 'e']) dedupe.first(key);
    expect(dedupe.first('a')).toBe(true);
    expect(dedupe.first('e')).toBe(false);
  });
});
