/**
 * What a person reads, the same on every platform, where the wording is a decision rather than
 * rendering: the one cooldown notice, the one apology, the one refusal of a moderator tool (a
 * platform says only who its moderators are), the thanks for a vote, a teach's confirmation.
 */

/** The reply a person gets when a bug stopped the bot from answering (the error is logged). */
export const APOLOGY = 'Sorry, something went wrong while answering that. The error has been logged; please try again.';

/** The one cooldown notice: how long to wait, in whole seconds. */
export function cooldownText(retryAfterMs: number): string {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return `You're asking faster than I can keep up. Please wait ${seconds} second${seconds === 1 ? '' : 's'} and ask again.`;
}

/** Said in place of a teach that failed on a bug; the form keeps what was typed. */
export const TEACH_FAILED =
  'Sorry, something went wrong on our side and nothing was saved (the error is logged). Your text is kept: try again in a minute.';

/** Said, only to the voter, after a 👍 or 👎. */
export const VOTE_THANKS = 'Thanks for the feedback.';

/** The head of a teach's confirmation: the entry is saved and the bot answers it from now on. */
export const TAUGHT_LIVE = 'Saved and live';

/** The one refusal of a moderator tool: what was refused, and who the platform's moderators are. */
export function moderatorRefusal(what: string, moderators: string): string {
  return `Sorry, only moderators can ${what}. Moderators are ${moderators}.`;
}
