/** Sends requests to an HTTP-mode app the way Slack does: signed with v0 HMAC-SHA256 of `v0:timestamp:body`. */
import { createHmac } from 'node:crypto';

/** Slack's request signature for `body` sent at `timestamp` (seconds). */
export function sign(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

/** Options for {@link postSigned}. */
export interface SignedRequestOptions {
  /** Seconds since the epoch; now by default. */
  timestamp?: number;
  /** Sign with this secret instead (to send a bad signature). */
  signWith?: string;
  /** X-Slack-Retry-Num / X-Slack-Retry-Reason, as Slack adds to redeliveries. */
  retry?: { num: number; reason: string };
}

/** A body as Slack encodes it: JSON for events, a form for commands, `payload=` for interactivity. */
export type SlackBody = { json: unknown } | { form: Record<string, string> } | { interactive: unknown };

function encode(body: SlackBody): { text: string; contentType: string } {
  if ('json' in body) return { text: JSON.stringify(body.json), contentType: 'application/json' };
  if ('form' in body) return { text: new URLSearchParams(body.form).toString(), contentType: 'application/x-www-form-urlencoded' };
  return {
    text: new URLSearchParams({ payload: JSON.stringify(body.interactive) }).toString(),
    contentType: 'application/x-www-form-urlencoded',
  };
}

/** Posts `body` to `url` signed with `secret`; resolves with the HTTP status and response text. */
export async function postSigned(
  url: string,
  secret: string,
  body: SlackBody,
  options: SignedRequestOptions = {},
): Promise<{ status: number; text: string }> {
  const { text, contentType } = encode(body);
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    'content-type': contentType,
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': sign(options.signWith ?? secret, timestamp, text),
  };
  if (options.retry) {
    headers['x-slack-retry-num'] = String(options.retry.num);
    headers['x-slack-retry-reason'] = options.retry.reason;
  }
  const response = await fetch(url, { method: 'POST', headers, body: text });
  return { status: response.status, text: await response.text() };
}
