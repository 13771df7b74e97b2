import { describe, expect, it } from 'vitest';
import { createDedupe } from '../../../adapters/slack/dedupe.js';
import { createMemoryState } from '../../../src/state/memory.js';

describe('answering each message once', () => {
  it('lets the first delivery through and drops a repeat of any of its keys', async () => {
    const dedupe = createDedupe(createMemoryState());
    expect(await dedupe.first('event:Ev1', 'message:C1:1.1')).toBe(true);
    expect(await dedupe.first('event:Ev1', 'message:C1:1.1')).toBe(false); // a retry
    expect(await dedupe.first('event:Ev2', 'message:C1:1.1')).toBe(false); // app_mention + message
    expect(await dedupe.first('event:Ev3', 'message:C1:1.2')).toBe(true);
  });

  it('forgets keys after the time to live', async () => {
    let now = 0;
    const dedupe = createDedupe(createMemoryState({ now: () => now }), 1000);
    await dedupe.first('a');
    now = 999;
    expect(await dedupe.first('a')).toBe(false);
    now = 2000;
    expect(await dedupe.first('a')).toBe(true);
  });

  it('is shared by every instance that shares the state', async () => {
    const state = createMemoryState();
    expect(await createDedupe(state).first('event:Ev9')).toBe(true);
    expect(await createDedupe(state).first('event:Ev9')).toBe(false);
  });
});
