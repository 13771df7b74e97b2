/**
 * One Bolt listener per kind of payload, routing to the handlers by name. Bolt hands every payload
 * to every registered listener and runs each one's matching middleware (a copy of the arguments
 * per step) before the one that matches does any work; with a listener per command and per button
 * that was most of Bolt's own cost of a request. The handlers stay one per module.
 */
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';

/** Handles one slash command. */
export type CommandHandler = (args: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => Promise<void>;

/** Handles clicks on one family of buttons. */
export type ButtonHandler = (args: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs) => Promise<void>;

/** A handler and what it answers to: a RegExp over action ids, or a command's exact name. */
export interface Route<H> {
  match: RegExp;
  handler: H;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Matches exactly `name`, for a route. */
export function exactly(name: string): RegExp {
  return new RegExp(`^${escapeRegExp(name)}$`);
}

/** Matches anything that starts with `prefix`, for a route. */
export function startingWith(prefix: string): RegExp {
  return new RegExp(`^${escapeRegExp(prefix)}`);
}

/** One RegExp matching whatever any of `routes` matches: the single listener's constraint. */
export function anyOf<H>(routes: readonly Route<H>[]): RegExp {
  return new RegExp(routes.map((route) => `(?:${route.match.source})`).join('|'));
}

/** The first route matching `name` (routes are disjoint), or undefined. */
export function routeFor<H>(routes: readonly Route<H>[], name: string): H | undefined {
  return routes.find((route) => route.match.test(name))?.handler;
}
