/** Interactivity listeners: suggested questions, answer votes and the gaps list's Teach buttons. */
import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../../deps.js';
import * as feedback from './feedback.js';
import * as suggestion from './suggestion.js';
import * as teachGap from './teach-gap.js';

/** Registers the action listeners. */
export function register(app: App, deps: ListenerDeps): void {
  suggestion.register(app, deps);
  feedback.register(app, deps);
  teachGap.register(app, deps);
}
