/**
 * Payloads as Slack sends them, for the fake to deliver over Socket Mode or as signed HTTP
 * requests: Events API callbacks (app_mention, message.im), slash commands and block actions.
 */

let counter = 0;
/** A unique Slack-style timestamp for an incoming message. */
export function nextTs(): string {
  counter += 1;
  return `1800000000.${String(counter).padStart(6, '0')}`;
}

/** Ids of the workspace the fake pretends to be. */
export interface Workspace {
  teamId: string;
  botUserId: string;
}

/** An Events API callback body wrapping `event`. */
export function eventCallback(
  workspace: Workspace,
  event: Record<string, unknown>,
  eventId = `Ev${nextTs().replace('.', '')}`,
): Record<string, unknown> {
  return {
    token: 'verification-token',
    team_id: workspace.teamId,
    api_app_id: 'A0FAKE',
    event: { event_ts: event.ts, ...event },
    type: 'event_callback',
    event_id: eventId,
    event_time: 1_800_000_000,
    authorizations: [{ team_id: workspace.teamId, user_id: workspace.botUserId, is_bot: true, is_enterprise_install: false }],
  };
}

/** An `app_mention` event: `text` follows the mention of the bot. */
export function mention(
  workspace: Workspace,
  o: { user: string; channel: string; text: string; ts?: string; thread_ts?: string },
): Record<string, unknown> {
  return {
    type: 'app_mention',
    user: o.user,
    text: `<@${workspace.botUserId}> ${o.text}`,
    ts: o.ts ?? nextTs(),
    channel: o.channel,
    ...(o.thread_ts ? { thread_ts: o.thread_ts } : {}),
  };
}

/** A `message` event in a direct-message conversation (message.im). */
export function directMessage(o: {
  user?: string;
  channel: string;
  text: string;
  ts?: string;
  subtype?: string;
  bot_id?: string;
}): Record<string, unknown> {
  return {
    type: 'message',
    channel_type: 'im',
    channel: o.channel,
    text: o.text,
    ts: o.ts ?? nextTs(),
    ...(o.user ? { user: o.user } : {}),
    ...(o.subtype ? { subtype: o.subtype } : {}),
    ...(o.bot_id ? { bot_id: o.bot_id } : {}),
  };
}

/** A slash command payload (Socket Mode payload, or the fields of the HTTP form). */
export function slashCommand(
  workspace: Workspace,
  o: { command: string; text: string; user: string; channel: string; responseUrl: string },
): Record<string, string> {
  return {
    token: 'verification-token',
    team_id: workspace.teamId,
    team_domain: 'fake',
    channel_id: o.channel,
    channel_name: 'general',
    user_id: o.user,
    user_name: o.user.toLowerCase(),
    command: o.command,
    text: o.text,
    api_app_id: 'A0FAKE',
    response_url: o.responseUrl,
    trigger_id: `trigger.${nextTs()}`,
  };
}

/** A block_actions payload for a click on a button of a message the bot posted. */
export function buttonClick(
  workspace: Workspace,
  o: { user: string; channel: string; messageTs: string; threadTs?: string; actionId: string; value: string; responseUrl: string },
): Record<string, unknown> {
  const actionTs = nextTs();
  return {
    type: 'block_actions',
    user: { id: o.user, username: o.user.toLowerCase(), name: o.user.toLowerCase(), team_id: workspace.teamId },
    api_app_id: 'A0FAKE',
    token: 'verification-token',
    container: {
      type: 'message',
      message_ts: o.messageTs,
      channel_id: o.channel,
      is_ephemeral: false,
      ...(o.threadTs ? { thread_ts: o.threadTs } : {}),
    },
    trigger_id: `trigger.${actionTs}`,
    team: { id: workspace.teamId, domain: 'fake' },
    channel: { id: o.channel, name: 'general' },
    message: {
      type: 'message',
      user: workspace.botUserId,
      ts: o.messageTs,
      ...(o.threadTs ? { thread_ts: o.threadTs } : {}),
      text: 'answer',
    },
    response_url: o.responseUrl,
    actions: [
      {
        type: 'button',
        block_id: 'suggestions',
        action_id: o.actionId,
        text: { type: 'plain_text', text: o.value },
        value: o.value,
        action_ts: actionTs,
      },
    ],
  };
}

/** What a modal's inputs hold, by block id (each input's action_id is `value`). */
export type ModalValues = Record<string, string>;

/** A view_submission payload: someone pressed the modal's submit button with `values` typed in. */
export function viewSubmission(
  workspace: Workspace,
  o: { user: string; callbackId: string; values: ModalValues; privateMetadata?: string },
): Record<string, unknown> {
  const state: Record<string, Record<string, { type: string; value: string }>> = {};
  for (const [blockId, value] of Object.entries(o.values)) state[blockId] = { value: { type: 'plain_text_input', value } };
  return {
    type: 'view_submission',
    team: { id: workspace.teamId, domain: 'fake' },
    user: { id: o.user, username: o.user.toLowerCase(), name: o.user.toLowerCase(), team_id: workspace.teamId },
    api_app_id: 'A0FAKE',
    token: 'verification-token',
    trigger_id: `trigger.${nextTs()}`,
    view: {
      id: 'V0FAKE',
      team_id: workspace.teamId,
      type: 'modal',
      callback_id: o.callbackId,
      private_metadata: o.privateMetadata ?? '',
      blocks: [],
      state: { values: state },
      hash: '1800000000.fakehash',
      title: { type: 'plain_text', text: 'Modal' },
      app_id: 'A0FAKE',
      bot_id: workspace.botUserId,
    },
    response_urls: [],
  };
}
