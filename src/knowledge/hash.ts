import { createHash } from 'node:crypto';

/** A short hash of a text (the first 16 hex digits of its SHA-256): enough to tell two versions apart. */
export function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}
