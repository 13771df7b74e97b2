/**
 * The moderator check every moderator tool runs first, so a refusal is clear and private. The
 * core checks again (a UserError) because it must not trust adapters.
 */
import { moderatorRefusal } from '../../src/conversation/texts.js';
import { buildQuestion, type ListenerContext } from './listener-context.js';
import type { Question } from '../../src/types.js';

/** Who Slack's moderators are, for refusals. */
export const SLACK_MODERATORS = 'workspace admins and owners and the people listed in SLACK_MODERATOR_IDS (ask one of them)';

/** What someone who is not a moderator sees when they try a moderator tool. */
export const MODERATOR_REFUSAL = moderatorRefusal('use this', SLACK_MODERATORS);

/** Who is acting, as Slack says. */
export interface Actor {
  userId: string;
  userName?: string;
  channelId: string;
}

/**
 * The core's {@link Question} for `actor` when they are a moderator (the text is what they typed,
 * for the audit log), or undefined after logging the refusal.
 */
export async function moderatorQuestion(deps: ListenerContext, actor: Actor, what: string, text = ''): Promise<Question | undefined> {
  const by = await buildQuestion(deps, {
    text,
    userId: actor.userId,
    userName: actor.userName,
    channelId: actor.channelId,
    source: 'command',
  });
  if (by.isModerator) return by;
  deps.logger.info({ userId: actor.userId, what }, 'slack: moderator tool refused (not a moderator)');
  return undefined;
}
