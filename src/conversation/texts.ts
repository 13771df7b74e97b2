/**
 * What a person reads when the bot does not answer: the one cooldown notice and the one apology,
 * the same on every platform.
 */

/** The reply a person gets when a bug stopped the bot from answering (the error is logged). */
export const APOLOGY = 'Sorry, something went wrong while answering that. The error has been logged; please try again.';

/** The one cooldown notice: how long to wait, in whole seconds. */
export function cooldownText(retryAfterMs: number): string {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return `You're asking faster than I can keep up. Please wait ${seconds} second${seconds === 1 ? '' : 's'} and ask again.`;
}
