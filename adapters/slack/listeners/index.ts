/**
 * Registers every Slack listener on the app, one folder per kind of payload, as in Bolt's
 * starter template: events (mentions, direct messages), commands (/ask, /kb, /kb-reload), actions
 * (suggestion, vote and Teach buttons) and views (the teach modal), plus the app-wide error handler.
 * Commands and buttons each sit behind one Bolt listener that routes by name (route.ts): Bolt
 * runs every listener's matching for every payload, so each extra listener costs every request.
 */
import type { App } from '@slack/bolt';
import type { ListenerContext } from '../listener-context.js';
import * as actions from './actions/index.js';
import * as commands from './commands/index.js';
import * as events from './events/index.js';
import * as views from './views/index.js';

/** Registers all listeners and the global error handler. */
export function register(app: App, deps: ListenerContext): void {
  events.register(app, deps);
  commands.register(app, deps);
  actions.register(app, deps);
  views.register(app, deps);
  // Listeners answer their own failures with an apology; this catches the rest (middleware,
  // authorization) so a bug is logged and the process keeps running.
  app.error(async (error) => {
    deps.logger.error({ err: error }, 'slack: unhandled error in a listener');
  });
}
