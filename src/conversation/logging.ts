/**
 * The one logging policy for questions, on every platform: one `info` line per question with its
 * outcome and no text; the text only at `debug`, and never a direct message's text above that.
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
  logger.info({ ...fields, ...rest }, 'conversation: question');
  logger.debug({ ...fields, ...rest, question: q.text, ...(asked ? { asked } : {}) }, 'conversation: question text');
}
