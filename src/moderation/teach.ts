import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { Document, parseDocument, isSeq } from 'yaml';
import { parseFaq } from '../knowledge/faq.js';
import type { FaqEntry } from '../knowledge/types.js';
import type { TeachInput, TeachResult } from '../types.js';

/** The FAQ file that `kb teach` writes to, in the knowledge folder. */
export const TAUGHT_FILE = 'taught.faq.yaml';
const MAX_QUESTION = 300;
const MAX_ANSWER = 1500;
const MAX_ALTERNATES = 10;

/** The form's problems, each tied to its field, before anything is written. */
export function validateTeach(
  input: TeachInput,
  existing: readonly Pick<FaqEntry, 'question' | 'alternates' | 'file' | 'line'>[],
): TeachResult['errors'] {
  const errors: TeachResult['errors'] = [];
  const question = input.question.trim();
  if (question === '') errors.push({ field: 'question', message: 'Write the question people ask.' });
  else if (question.length > MAX_QUESTION)
    errors.push({ field: 'question', message: `The question is ${question.length} characters; keep it under ${MAX_QUESTION}.` });
  const taken = existing.find((e) => [e.question, ...e.alternates].some((q) => q.trim().toLowerCase() === question.toLowerCase()));
  if (question && taken) errors.push({ field: 'question', message: `This question is already answered in ${taken.file}:${taken.line}.` });
  const alternates = input.alternates.map((a) => a.trim()).filter(Boolean);
  if (alternates.length > MAX_ALTERNATES)
    errors.push({ field: 'alternates', message: `At most ${MAX_ALTERNATES} other phrasings, one per line.` });
  const tooLong = alternates.find((a) => a.length > MAX_QUESTION);
  if (tooLong) errors.push({ field: 'alternates', message: `"${tooLong.slice(0, 40)}…" is longer than ${MAX_QUESTION} characters.` });
  const answer = input.answer.trim();
  if (answer === '') errors.push({ field: 'answer', message: 'Write the answer.' });
  else if (answer.length > MAX_ANSWER)
    errors.push({ field: 'answer', message: `The answer is ${answer.length} characters; keep it under ${MAX_ANSWER}.` });
  return errors;
}

/** The lock beside the taught file; a dot name, so the loader and the watcher ignore it. */
const LOCK_NAME = `.${TAUGHT_FILE}.lock`;

/**
 * Runs `fn` holding the knowledge folder's teach lock, so the read-modify-write of the taught file
 * (and the reload that may undo it) never interleaves with another teach: in this process, in
 * another instance or Discord shard on this machine. The Redis lock, when configured, covers other
 * machines; this one covers processes that do not share Redis. proper-lockfile keeps the lock fresh
 * while held and takes over a lock left by a crashed process once it is stale.
 */
export async function withTaughtLock<T>(knowledgeDir: string, fn: () => Promise<T>): Promise<T> {
  const release = await lockfile.lock(knowledgeDir, {
    lockfilePath: path.join(knowledgeDir, LOCK_NAME),
    stale: 20_000,
    retries: { retries: 200, factor: 1.3, minTimeout: 20, maxTimeout: 500, randomize: true },
    // The default throws from a timer and ends the process; a lost lock only risks one teach.
    onCompromised: () => undefined,
  });
  try {
    return await fn();
  } finally {
    await release().catch(() => undefined);
  }
}

/** What was in the taught file before a write, to put it back if the reload refuses the entry. */
export interface TaughtWrite {
  file: string;
  previous: string | undefined;
}

/** Writes a file whole or not at all: a temp file beside it, then a rename. */
async function writeAtomically(file: string, text: string): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temp, text, 'utf8');
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/**
 * Appends a FAQ entry (with author and date) to `taught.faq.yaml`, keeping what the file held,
 * comments included. The new text is parsed as the loader would before it is written. Call it
 * inside {@link withTaughtLock}: the read and the write are not atomic together.
 */
export async function writeTaught(knowledgeDir: string, input: TeachInput, author: string, date: Date): Promise<TaughtWrite> {
  const file = path.join(knowledgeDir, TAUGHT_FILE);
  const previous = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  const doc = previous ? parseDocument(previous) : new Document([]);
  if (!previous) doc.commentBefore = ' Entries taught from chat with `kb teach`. Edit freely; the format is in README.md.';
  if (!isSeq(doc.contents)) throw new Error(`teach: ${TAUGHT_FILE} is not a list of FAQ entries; fix it by hand first`);
  const alternates = input.alternates.map((a) => a.trim()).filter(Boolean);
  doc.contents.add(
    doc.createNode({
      question: input.question.trim(),
      ...(alternates.length ? { alternates } : {}),
      answer: input.answer.trim(),
      author,
      date: date.toISOString().slice(0, 10),
    }),
  );
  const text = doc.toString({ lineWidth: 0 });
  const parsed = parseFaq(TAUGHT_FILE, text);
  if (!parsed.ok) throw new Error(`teach: the entry would not load: ${parsed.errors.map((e) => e.message).join('; ')}`);
  await writeAtomically(file, text);
  return { file, previous };
}

/** Puts the taught file back as it was before {@link writeTaught}. */
export async function undoTaught(write: TaughtWrite): Promise<void> {
  if (write.previous === undefined) await rm(write.file, { force: true });
  else await writeAtomically(write.file, write.previous);
}
