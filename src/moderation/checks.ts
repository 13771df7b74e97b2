import { isMap, isScalar, isSeq } from 'yaml';
import { cleanQuestion } from '../answer/question.js';
import type { Parsed } from '../knowledge/markdown.js';
import type { KnowledgeCheck } from '../knowledge/types.js';
import { parseYamlFile } from '../knowledge/yaml.js';
import type { CheckFailure, KnowledgeError } from '../types.js';

/** The checks file a moderator keeps in the knowledge folder. */
export const CHECKS_FILE = 'checks.yaml';

/** Replies that say "I don't know"; the same test as the shared scorer (../shared/eval/score.mjs). */
export const ABSTAIN =
  /(don['’]t|do not|didn['’]t|did not|can['’]t|cannot|couldn['’]t|could not) (know|find|answer|help with)|no (good |confident |matching )?answer|not sure|I only (know|answer)|outside (of )?(what|my)/i;

const CHECK_KEYS = ['question', 'expect', 'forbid', 'abstain', 'maxLength'];

/**
 * Parses `checks.yaml`: known-good questions and what their answers must say. Each entry has
 * `question`, and `expect` (patterns the answer must all match, case-insensitive), `forbid`
 * (patterns it must not match), `abstain: true` (it must say it does not know), `maxLength`.
 */
export function parseChecks(file: string, raw: string): Parsed<KnowledgeCheck[]> {
  const parsed = parseYamlFile(file, raw);
  if (!parsed.ok) return parsed;
  const { doc, lineOf } = parsed;
  const errors: KnowledgeError[] = [];
  if (doc.contents === null) return { ok: true, value: [] };
  if (!isSeq(doc.contents))
    return { ok: false, errors: [{ file, line: 1, message: 'checks must be a list of entries ("- question: …")' }] };

  const checks: KnowledgeCheck[] = [];
  for (const item of doc.contents.items) {
    const line = lineOf(item);
    if (!isMap(item)) {
      errors.push({
        file,
        line,
        message: 'each check needs a "question:" and what its answer must say ("expect:", "forbid:" or "abstain: true")',
      });
      continue;
    }
    for (const pair of item.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (!CHECK_KEYS.includes(key))
        errors.push({ file, line: lineOf(pair.key), message: `unknown key "${key}" (expected ${CHECK_KEYS.join(', ')})` });
    }
    const data = item.toJSON() as Record<string, unknown>;
    const question = data.question;
    const patterns = (key: 'expect' | 'forbid'): string[] => {
      const node = item.get(key, true);
      if (node === undefined) return [];
      const values = isSeq(node) ? node.items : [node];
      const out: string[] = [];
      for (const value of values) {
        const text = isScalar(value) ? String(value.value) : '';
        try {
          if (text === '') throw new Error('is empty');
          new RegExp(text, 'i');
          out.push(text);
        } catch (error) {
          errors.push({
            file,
            line: lineOf(value),
            message: `${key} pattern ${JSON.stringify(text)} ${(error as Error).message.replace(/^Invalid regular expression: /, 'is not a valid pattern: ')}`,
          });
        }
      }
      return out;
    };
    const expect = patterns('expect');
    const forbid = patterns('forbid');
    const abstain = data.abstain === true;
    const maxLength = data.maxLength;
    if (typeof question !== 'string' || question.trim() === '') errors.push({ file, line, message: 'question is missing or empty' });
    else if (expect.length === 0 && forbid.length === 0 && !abstain)
      errors.push({ file, line, message: `check "${question}" says nothing about the answer (add expect:, forbid: or abstain: true)` });
    else
      checks.push({
        question: question.trim(),
        expect,
        forbid,
        abstain,
        file,
        line,
        ...(typeof maxLength === 'number' ? { maxLength } : {}),
      });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: checks };
}

/** What is wrong with an answer to a check; empty when it passes. */
export function checkProblems(check: Pick<KnowledgeCheck, 'expect' | 'forbid' | 'abstain' | 'maxLength'>, answer: string): string[] {
  const problems: string[] = [];
  if (check.maxLength !== undefined && answer.length > check.maxLength)
    problems.push(`reply is ${answer.length} characters (at most ${check.maxLength})`);
  if (check.abstain && !ABSTAIN.test(answer)) problems.push('should say it does not know');
  if (check.abstain && answer.length > 400) problems.push('an abstention should be short');
  for (const pattern of check.expect) if (!new RegExp(pattern, 'i').test(answer)) problems.push(`missing /${pattern}/`);
  for (const pattern of check.forbid ?? []) if (new RegExp(pattern, 'i').test(answer)) problems.push(`has forbidden /${pattern}/`);
  return problems;
}

/**
 * Runs a knowledge base's own checks through `ask` (the answerer built from it, in process or in
 * a worker), one after another.
 */
export async function runChecks(
  checks: readonly KnowledgeCheck[],
  ask: (text: string) => Promise<string> | string,
): Promise<{ passed: number; failures: CheckFailure[] }> {
  const failures: CheckFailure[] = [];
  for (const check of checks) {
    const reply = await ask(cleanQuestion(check.question, 500));
    const problems = checkProblems(check, reply);
    if (problems.length > 0) failures.push({ question: check.question, problems, answer: reply });
  }
  return { passed: checks.length - failures.length, failures };
}
