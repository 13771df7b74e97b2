/** Runs a slash command against a harness and waits for its reply on the command's response_url. */
import { slashCommand } from '../../../fakes/slack/payloads.js';
import type { RecordedCall } from '../../../fakes/slack/server.js';
import type { Harness } from './harness.js';

/** Sends `/command text` as `user` and resolves with what the app posted to the response_url. */
export async function runCommand(h: Harness, command: string, text: string, user: string, channel = 'C0MOD'): Promise<RecordedCall> {
  const responseUrl = h.fake.responseUrl();
  await h.fake.sendEnvelope('slash_commands', slashCommand(h.workspace, { command, text, user, channel, responseUrl }));
  return h.fake.waitForCall('response_url', (c) => responseUrl.endsWith(`/${c.responseId}`), `the reply to ${command} ${text}`);
}

/** A block as the tests read them. */
export interface SeenBlock {
  type: string;
  block_id?: string;
  text?: { text: string };
  accessory?: { type: string; action_id: string; value: string; text: { text: string } };
  elements?: { type?: string; action_id: string; value: string; text?: { text: string } }[];
}

/** The blocks of a recorded message. */
export function blocksOf(call: RecordedCall): SeenBlock[] {
  return (call.args.blocks ?? []) as SeenBlock[];
}
