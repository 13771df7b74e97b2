/**
 * The questions of the Slack load test, asked in turn, with what each answer must say: the load
 * generator checks the answers in the acknowledgements against them, the driver those that come
 * through response URLs.
 */
export const SLACK_QUESTIONS: readonly { text: string; expect: RegExp }[] = [
  { text: 'who founded it?', expect: /Tsinghua/ },
  { text: 'How many founding members are there?', expect: /\b19\b/ },
  { text: 'Is Tsinghua University a member?', expect: /\bYes\. Tsinghua/ },
  { text: 'When was the alliance launched?', expect: /11 December/ },
  { text: 'Which member is in Singapore?', expect: /Nanyang/ },
];

/**
 * The response id of request `i` (its response URL ends in it): `m` or `w` (measured or warm-up),
 * the request's number, and the question's index, so an answer posted there can be checked.
 */
export function responseId(prefix: string, i: number): string {
  return `${prefix}${i}_${i % SLACK_QUESTIONS.length}`;
}

/** Whether `message` (an ack body or a response_url post) answers question `question` in the channel. */
export function answers(message: { response_type?: unknown; text?: unknown }, question: number): boolean {
  const expected = SLACK_QUESTIONS[question]?.expect;
  return (
    message.response_type === 'in_channel' && expected !== undefined && typeof message.text === 'string' && expected.test(message.text)
  );
}
