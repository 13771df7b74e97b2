/** Slash command listeners: one Bolt listener for /ask, /kb and /kb-reload, routing by name (see route.ts). */
import type { App } from '@slack/bolt';
import type { ListenerContext } from '../../listener-context.js';
import { anyOf, exactly, routeFor, type CommandHandler, type Route } from '../route.js';
import * as ask from './ask.js';
import * as kb from './kb.js';
import * as kbReload from './kb-reload.js';

/** Registers the slash command listener. */
export function register(app: App, deps: ListenerContext): void {
  const routes: Route<CommandHandler>[] = [
    { match: exactly(ask.ASK_COMMAND), handler: ask.handler(deps) },
    { match: exactly(kb.KB_COMMAND), handler: kb.handler(deps) },
    { match: exactly(kbReload.RELOAD_COMMAND), handler: kbReload.handler(deps) },
  ];
  app.command(anyOf(routes), async (args) => {
    await routeFor(routes, args.command.command)?.(args);
  });
}
