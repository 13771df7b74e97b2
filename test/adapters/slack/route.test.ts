import { describe, expect, it } from 'vitest';
import { anyOf, exactly, routeFor, startingWith, type Route } from '../../../adapters/slack/listeners/route.js';

describe('routing payloads to handlers behind one Bolt listener', () => {
  const routes: Route<string>[] = [
    { match: exactly('/kb'), handler: 'kb' },
    { match: exactly('/kb-reload'), handler: 'reload' },
    { match: startingWith('ask_suggestion'), handler: 'suggestion' },
    { match: exactly('a.b+c'), handler: 'literal' },
  ];

  it('finds the handler by exact name or prefix', () => {
    expect(routeFor(routes, '/kb')).toBe('kb');
    expect(routeFor(routes, '/kb-reload')).toBe('reload');
    expect(routeFor(routes, 'ask_suggestion_3')).toBe('suggestion');
    expect(routeFor(routes, 'a.b+c')).toBe('literal');
  });

  it('matches names literally, not as patterns, and nothing else', () => {
    expect(routeFor(routes, '/kb-reloadx')).toBeUndefined();
    expect(routeFor(routes, 'x/kb')).toBeUndefined();
    expect(routeFor(routes, 'aXb+c')).toBeUndefined();
    expect(routeFor(routes, 'answer_feedback_up')).toBeUndefined();
  });

  it('gives Bolt one constraint that lets through exactly what the routes take', () => {
    const constraint = anyOf(routes);
    for (const name of ['/kb', '/kb-reload', 'ask_suggestion_0', 'a.b+c']) expect(constraint.test(name)).toBe(true);
    for (const name of ['/ask', '/kbx', 'kb_teach_gap_1', 'aXb+c']) expect(constraint.test(name)).toBe(false);
  });
});
