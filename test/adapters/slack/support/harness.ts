/**
 * Starts the real Slack adapter (real Bolt app) against the fake Slack, in Socket Mode or HTTP
 * mode, with a log capture; close() stops both.
 */
import { createSlackAdapter, EVENTS_PATH, type SlackAdapter, type SlackAdapterOptions } from '../../../../adapters/slack/index.js';
import type { ChatBot } from '../../../../src/types.js';
import { FakeSlack, type FakeUser } from '../../../fakes/slack/server.js';
import type { Workspace } from '../../../fakes/slack/payloads.js';
import { LogCapture } from './logs.js';

export const BOT_TOKEN = 'xoxb-test-bot-token';
export const APP_TOKEN = 'xapp-test-app-token';
export const SIGNING_SECRET = 'test-signing-secret';
/** A configured moderator (SLACK_MODERATOR_IDS). */
export const MODERATOR = 'UMOD';
/** A workspace admin, a moderator through users.info. */
export const ADMIN = 'UADMIN';
/** An ordinary member. */
export const MEMBER = 'UMEMBER';

const USERS: FakeUser[] = [
  { id: MODERATOR, name: 'mod' },
  { id: ADMIN, name: 'admin', is_admin: true },
  { id: MEMBER, name: 'member' },
];

/** A running adapter and its fake Slack. */
export interface Harness {
  fake: FakeSlack;
  adapter: SlackAdapter;
  logs: LogCapture;
  workspace: Workspace;
  /** HTTP mode: the app's events URL. */
  eventsUrl: string;
  close(): Promise<void>;
}

/** What a test may add to the adapter's config and options. */
export interface HarnessOptions extends SlackAdapterOptions {
  /** SLACK_DIGEST_CHANNEL. */
  digestChannel?: string;
}

/** Starts the adapter in `mode` with `bot`. */
export async function startHarness(mode: 'socket' | 'http', bot: ChatBot, options: HarnessOptions = {}): Promise<Harness> {
  const { digestChannel, ...adapterOptions } = options;
  const fake = await FakeSlack.start({ users: USERS });
  const logs = new LogCapture();
  const adapter = createSlackAdapter(
    {
      botToken: BOT_TOKEN,
      appToken: mode === 'socket' ? APP_TOKEN : undefined,
      signingSecret: mode === 'http' ? SIGNING_SECRET : undefined,
      port: 0,
      moderatorIds: [MODERATOR],
      apiUrl: fake.apiUrl,
      ...(digestChannel ? { digestChannel } : {}),
    },
    logs.logger,
    adapterOptions,
  );
  try {
    await adapter.start(bot);
  } catch (err) {
    await fake.close();
    throw err;
  }
  return {
    fake,
    adapter,
    logs,
    workspace: { teamId: fake.teamId, botUserId: fake.botUserId },
    eventsUrl: `http://127.0.0.1:${adapter.port ?? 0}${EVENTS_PATH}`,
    async close() {
      await adapter.stop();
      await fake.close();
    },
  };
}

/** Polls `check` until it returns something other than undefined/false (state the fake does not see, e.g. adapter.status()). */
export async function until<T>(check: () => T | undefined | false, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The text of every section block of a posted message, joined. */
export function sectionText(args: Record<string, unknown>): string {
  const blocks = (args.blocks ?? []) as { type: string; text?: { text: string }; elements?: { text?: string }[] }[];
  return blocks
    .flatMap((block) =>
      block.type === 'section' ? [block.text?.text ?? ''] : block.type === 'context' ? (block.elements ?? []).map((e) => e.text ?? '') : [],
    )
    .join('\n');
}
