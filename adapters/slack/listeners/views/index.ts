/** Modal submission listeners: the teach form. */
import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../../deps.js';
import * as teach from './teach.js';

/** Registers the view listeners. */
export function register(app: App, deps: ListenerDeps): void {
  teach.register(app, deps);
}
