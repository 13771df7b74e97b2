/**
 * Slack wants every command, click and form submission acknowledged within three seconds, and
 * an acknowledgement can carry the reply. Listeners race their work against a budget well under
 * that: done in time, the reply goes in the acknowledgement; late, they acknowledge empty and
 * deliver the reply another way once it is ready.
 */

/** Resolves with `promise`'s value, or undefined once `ms` have passed (the promise keeps running). */
export async function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}
