/**
 * 👍/👎 buttons under answers, so people can say whether an answer helped. The button carries the
 * core's id of the recorded answer; the vote is acknowledged privately and never posted.
 */
import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent } from 'discord.js';
import type { Answer, AnswerKind } from '../../src/types.js';

/** Kinds that are an answer worth judging; help, unknown, cooldown and apologies are not. */
const VOTABLE: readonly AnswerKind[] = ['passage', 'list', 'count', 'membership', 'faq'];

const PREFIX = 'vote:';

/** A vote as a button carries it. */
export interface Vote {
  vote: 'up' | 'down';
  answerId: string;
}

/** The custom id of a vote button: `vote:up:<answer id>`. */
export function voteButtonId(vote: Vote['vote'], answerId: string): string {
  return `${PREFIX}${vote}:${answerId}`;
}

/** The vote a button carries; undefined for other buttons. */
export function parseVoteButtonId(customId: string): Vote | undefined {
  const match = /^vote:(up|down):([\w-]{1,80})$/.exec(customId);
  if (!match?.[1] || !match[2]) return undefined;
  return { vote: match[1] === 'up' ? 'up' : 'down', answerId: match[2] };
}

/** The 👍/👎 row for an answer, or none when it has no id or is not a real answer. */
export function renderVotes(answer: Answer): APIActionRowComponent<APIButtonComponent>[] {
  if (!answer.id || !VOTABLE.includes(answer.kind)) return [];
  const button = (vote: Vote['vote'], emoji: string, label: string): APIButtonComponent => ({
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    emoji: { name: emoji },
    label,
    custom_id: voteButtonId(vote, answer.id ?? ''),
  });
  return [{ type: ComponentType.ActionRow, components: [button('up', '👍', 'Helpful'), button('down', '👎', 'Not helpful')] }];
}
