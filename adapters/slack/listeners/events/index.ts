/** Event listeners: mentions in channels and direct messages. */
import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../../deps.js';
import * as appMention from './app-mention.js';
import * as directMessage from './direct-message.js';

/** Registers the event listeners. */
export function register(app: App, deps: ListenerDeps): void {
  appMention.register(app, deps);
  directMessage.register(app, deps);
}
