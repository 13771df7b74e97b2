/** Slash command listeners. */
import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../../deps.js';
import * as ask from './ask.js';
import * as kb from './kb.js';
import * as kbReload from './kb-reload.js';

/** Registers the slash command listeners. */
export function register(app: App, deps: ListenerDeps): void {
  ask.register(app, deps);
  kb.register(app, deps);
  kbReload.register(app, deps);
}
