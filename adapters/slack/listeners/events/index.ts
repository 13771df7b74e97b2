/** Event listeners: mentions in channels, direct messages, and follow-ups in threads. */
import type { App } from '@slack/bolt';
import type { ListenerContext } from '../../listener-context.js';
import * as appMention from './app-mention.js';
import * as directMessage from './direct-message.js';
import * as threadReply from './thread-reply.js';

/** Registers the event listeners. */
export function register(app: App, deps: ListenerContext): void {
  appMention.register(app, deps);
  directMessage.register(app, deps);
  threadReply.register(app, deps);
}
