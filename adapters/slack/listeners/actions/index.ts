/** Interactivity listeners: the suggested-question buttons. */
import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../../deps.js';
import * as suggestion from './suggestion.js';

/** Registers the action listeners. */
export function register(app: App, deps: ListenerDeps): void {
  suggestion.register(app, deps);
}
