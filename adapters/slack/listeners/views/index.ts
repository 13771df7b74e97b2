/** Modal submission listeners: the teach form. */
import type { App } from '@slack/bolt';
import type { ListenerContext } from '../../listener-context.js';
import * as teach from './teach.js';

/** Registers the view listeners. */
export function register(app: App, deps: ListenerContext): void {
  teach.register(app, deps);
}
