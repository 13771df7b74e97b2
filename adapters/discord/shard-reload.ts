/**
 * A `/reload` on one shard reloads every shard: the shard that got the command asks all of them
 * (itself included) through the ShardingManager's broadcastEval, and reports once.
 */
import type { Client } from 'discord.js';
import type { ChatBot, Question, ReloadOptions } from '../../src/types.js';
import type { ShardReload } from './render-moderator.js';

/** Each shard's reload entry point, on its client where broadcastEval's code can reach it. */
type ReloadHook = (by: Question, options: ReloadOptions) => Promise<ShardReload>;

/** The symbol the hook is kept under; broadcastEval's code spells it out, as it runs elsewhere. */
const HOOK = Symbol.for('alliance-bot.reload');

/** Lets other shards reload this one's knowledge. */
export function installReloadHook(client: Client, bot: ChatBot): void {
  const hook: ReloadHook = async (by, options) => ({ shard: client.shard?.ids[0], report: await bot.reload(by, options) });
  Object.defineProperty(client, HOOK, { value: hook, enumerable: false });
}

/** Reloads every process serving Discord: this one alone without sharding, every shard with it. */
export async function reloadEverywhere(client: Client, bot: ChatBot, by: Question, options: ReloadOptions): Promise<ShardReload[]> {
  if (!client.shard) return [{ report: await bot.reload(by, options) }];
  // This function is sent as source to every shard and run there: it may use nothing from this module.
  const results = await client.shard.broadcastEval(
    (c, context) => (c as unknown as Record<symbol, ReloadHook>)[Symbol.for('alliance-bot.reload')]?.(context.by, context.options),
    { context: { by, options } },
  );
  return (results as unknown as (ShardReload | undefined)[])
    .filter((r): r is ShardReload => r !== undefined)
    .sort((a, b) => (a.shard ?? 0) - (b.shard ?? 0));
}
