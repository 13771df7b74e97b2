/**
 * The one logging policy for questions, on every platform: outcomes at `info` without the words
 * (the core logs every answer it gives; this layer adds the questions it refused), the words only
 * at `debug`, so a direct message's text is never logged at `info`. Each adapter logs its line per
 * question (how it arrived, who, where) with {@link logAdapterQuestion}, so the rule is written once.
 */
import type { Logger } from '../logger.js';
import type { Answer, Question } from '../types.js';

/** How a question ended, for logs and metrics. */
export function outcomeOf(answer: Answer): 'answered' | 'not known' | 'cooldown' | 'error' {
  if (answer.kind === 'unknown') return 'not known';
  if (answer.kind === 'cooldown' || answer.kind === 'error') return answer.kind;
  return 'answered';
}

/** Logs one question by the policy above; `extra` fields go on both lines. */
export function logQuestion(logger: Logger, q: Question, answer: Answer, extra: Record<string, unknown> = {}): void {
  const fields = {
    platform: q.platform,
    outcome: outcomeOf(answer),
    kind: answer.kind,
    confidence: answer.confidence,
    direct: q.isDirect ?? false,
  };
  const { asked, ...rest } = extra;
  // The core logged the answers it gave; a refusal never reached it.
  if (answer.kind === 'cooldown') logger.info({ ...fields, ...rest }, 'conversation: question refused by cooldown');
  logger.debug({ ...fields, ...rest, question: q.text, ...(asked ? { asked } : {}) }, 'conversation: question text');
}

/**
 * An adapter's line for one question, by the policy above: `msg` at info with the outcome and how
 * the question arrived (ids, never words), and `msg text` at debug with the words.
 */
export function logAdapterQuestion(logger: Logger, msg: string, q: Question, answer: Answer, via: string): void {
  const fields = {
    via,
    outcome: outcomeOf(answer),
    kind: answer.kind,
    confidence: answer.confidence,
    direct: q.isDirect ?? false,
    userId: q.userId,
    channelId: q.channelId,
  };
  logger.info(fields, msg);
  if (logger.isLevelEnabled('debug')) logger.debug({ ...fields, question: q.text }, `${msg} text`);
}
