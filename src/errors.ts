/**
 * An error meant for the person who caused it: its message is shown to them as is, and names
 * what to fix. Anything else thrown is a bug: logged, answered with a short apology.
 * Messages start with their module, e.g. `knowledge: faq.yaml:12: answer is empty`.
 */
export class UserError extends Error {
  override readonly name = 'UserError';
}
