/**
 * Interactivity listeners: suggested questions, answer votes and the gaps list's Teach buttons,
 * behind one Bolt listener that routes by action id (see route.ts).
 */
import type { App, BlockButtonAction } from '@slack/bolt';
import type { ListenerContext } from '../../listener-context.js';
import { TEACH_GAP_ACTION_PREFIX } from '../../render-moderator.js';
import { FEEDBACK_ACTIONS, SUGGESTION_ACTION_PREFIX } from '../../render.js';
import { anyOf, exactly, routeFor, startingWith, type ButtonHandler, type Route } from '../route.js';
import * as feedback from './feedback.js';
import * as suggestion from './suggestion.js';
import * as teachGap from './teach-gap.js';

/** Registers the button listener. */
export function register(app: App, deps: ListenerContext): void {
  const vote = feedback.handler(deps);
  const routes: Route<ButtonHandler>[] = [
    { match: startingWith(SUGGESTION_ACTION_PREFIX), handler: suggestion.handler(deps) },
    { match: exactly(FEEDBACK_ACTIONS.up), handler: vote },
    { match: exactly(FEEDBACK_ACTIONS.down), handler: vote },
    { match: startingWith(TEACH_GAP_ACTION_PREFIX), handler: teachGap.handler(deps) },
  ];
  app.action<BlockButtonAction>({ type: 'block_actions', action_id: anyOf(routes) }, async (args) => {
    await routeFor(routes, args.action.action_id)?.(args);
  });
}
