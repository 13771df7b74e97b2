/**
 * The bot as one of several instances sharing Redis: a reload asked of this instance reloads every
 * instance (the report says how many did and what failed where), and `/kb teach` writes the shared
 * knowledge folder under a lock, then has the other instances reload it.
 */
import type { Logger } from '../logger.js';
import type { SharedState } from '../state/types.js';
import type { ChatBot, Question, ReloadReport } from '../types.js';
import { formatKnowledgeError } from '../knowledge/loader.js';
import { createReloadBroadcast } from './reload.js';

/** How long a teach may hold the knowledge folder (its write and checked reload). */
const TEACH_LOCK_MS = 60_000;

/** What the other instances are told of a reload here. */
function outcomeOf(report: ReloadReport): { ok: boolean; problems: string[] } {
  return {
    ok: report.ok,
    problems: [
      ...report.errors.map(formatKnowledgeError),
      ...report.checkFailures.map((f) => `check "${f.question}" failed: ${f.problems.join(', ')}`),
    ],
  };
}

/** The system's stand-in for the moderator who asked another instance to reload. */
function relayed(by: string): Question {
  return { text: '', platform: 'terminal', userId: 'cluster', channelId: 'cluster', isModerator: true, userName: by };
}

/** Wraps `bot` so its reloads and teaches reach every instance sharing `state`; close() unsubscribes. */
export async function shareAcrossInstances<B extends ChatBot>(
  bot: B,
  options: { state: SharedState; instance: string; logger: Logger },
): Promise<B & { close(): Promise<void> }> {
  const broadcast = await createReloadBroadcast<ReloadReport>({
    state: options.state,
    instance: options.instance,
    logger: options.logger,
    // Asked by another instance: `by` already names the moderator (and the platform) there.
    reloadHere: (by, force) => bot.reload(relayed(`${by} via another instance`), { force }),
    outcome: outcomeOf,
  });
  const shared: Pick<ChatBot, 'reload' | 'teach'> & { close(): Promise<void> } = {
    async reload(by, reloadOptions) {
      // Refused here first, before any other instance is asked.
      if (!by.isModerator) return bot.reload(by, reloadOptions);
      const force = reloadOptions?.force ?? false;
      const name = `${by.userName ?? by.userId} (${by.platform})`;
      const { report, cluster } = await broadcast.reloadAll(name, force, () => bot.reload(by, reloadOptions));
      return { ...report, instances: cluster };
    },
    async teach(by, input) {
      if (!by.isModerator) return bot.teach(by, input);
      const result = await options.state.withLock('teach', TEACH_LOCK_MS, () => bot.teach(by, input));
      if (result.ok) await broadcast.announce(`${by.userName ?? by.userId} (${by.platform}) teaching`, false);
      return result;
    },
    close: () => broadcast.close(),
  };
  // Everything else (ask, the language layer, …) is the bot's own.
  return { ...bot, ...shared };
}
