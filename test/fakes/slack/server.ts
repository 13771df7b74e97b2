/**
 * A fake Slack on 127.0.0.1 for end-to-end tests of the real Bolt app: a Web API server
 * (auth.test, chat.postMessage, chat.postEphemeral, users.info, apps.connections.open, views.*,
 * and a generic ok for anything else), response_url endpoints, and a Socket Mode WebSocket
 * server that says hello, delivers envelopes and collects their acks. Every call is recorded so
 * tests assert what the app sent.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/** One request the app made: a Web API method, or `response_url` for a post to a response URL. */
export interface RecordedCall {
  method: string;
  args: Record<string, unknown>;
  /** The bearer token the call was made with (Web API calls). */
  token?: string;
  /** For `response_url` calls: which URL (see {@link FakeSlack.responseUrl}). */
  responseId?: string;
}

/** A workspace member as users.info returns it. */
export interface FakeUser {
  id: string;
  name?: string;
  is_admin?: boolean;
  is_owner?: boolean;
  is_primary_owner?: boolean;
  is_bot?: boolean;
  /** Returned by users.info only when asked with include_locale, as Slack does. */
  locale?: string;
}

/** A Socket Mode envelope type. */
export type EnvelopeType = 'events_api' | 'slash_commands' | 'interactive';

/** What the app sent back for an envelope. */
export interface Ack {
  envelope_id: string;
  payload?: Record<string, unknown>;
}

/** Options for {@link FakeSlack.start}. */
export interface FakeSlackOptions {
  botUserId?: string;
  botId?: string;
  teamId?: string;
  users?: FakeUser[];
  /** How often the server pings the socket; Slack's client drops a socket after 30 s without pings. */
  pingIntervalMs?: number;
}

const WAIT_TIMEOUT_MS = 15_000;

function parseValue(value: string): unknown {
  if (/^[[{]/.test(value)) {
    try {
      return JSON.parse(value);
    } catch {
      return value;
    }
  }
  return value;
}

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString('utf8');
  if (!raw) return {};
  if ((req.headers['content-type'] ?? '').includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) args[key] = parseValue(value);
  return args;
}

function send(res: ServerResponse, body: unknown, status = 200): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** The fake Slack. Start with {@link FakeSlack.start}; always {@link FakeSlack.close} it. */
export class FakeSlack {
  readonly calls: RecordedCall[] = [];
  readonly acks: Ack[] = [];
  /** How many times the app called apps.connections.open (once per (re)connection). */
  connectionsOpened = 0;
  /** How many sockets received `hello`. */
  socketsConnected = 0;
  readonly botUserId: string;
  readonly botId: string;
  readonly teamId: string;

  private readonly users = new Map<string, FakeUser>();
  private readonly failures = new Map<string, string>();
  private readonly holds = new Map<string, Promise<void>>();
  private readonly watchers = new Set<() => void>();
  private readonly wss: WebSocketServer;
  private socket: WebSocket | undefined;
  private pinger: NodeJS.Timeout | undefined;
  private ts = 1_700_000_000;
  private envelopes = 0;
  private responseUrls = 0;

  private constructor(
    private readonly server: Server,
    options: FakeSlackOptions,
  ) {
    this.botUserId = options.botUserId ?? 'UBOT';
    this.botId = options.botId ?? 'BBOT';
    this.teamId = options.teamId ?? 'T0FAKE';
    for (const user of options.users ?? []) this.users.set(user.id, user);
    this.wss = new WebSocketServer({ server, path: '/link' });
    this.wss.on('connection', (socket) => this.onSocket(socket));
    this.pinger = setInterval(() => this.socket?.ping(), options.pingIntervalMs ?? 5000);
    server.on('request', (req, res) => {
      this.onRequest(req, res).catch((err: unknown) => send(res, { ok: false, error: String(err) }, 500));
    });
  }

  /** Starts the fake on 127.0.0.1 on a free port. */
  static async start(options: FakeSlackOptions = {}): Promise<FakeSlack> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return new FakeSlack(server, options);
  }

  private get origin(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** The Web API base URL to give the app (SLACK_API_URL / clientOptions.slackApiUrl). */
  get apiUrl(): string {
    return `${this.origin}/api/`;
  }

  /** A fresh response_url; posts to it are recorded as method `response_url` with this id. */
  responseUrl(): string {
    this.responseUrls += 1;
    return `${this.origin}/response/${this.responseUrls}`;
  }

  /** Adds or replaces a workspace member. */
  setUser(user: FakeUser): void {
    this.users.set(user.id, user);
  }

  /** Makes the next call to `method` fail with Slack error `error` (HTTP 200, ok: false). */
  failNext(method: string, error: string): void {
    this.failures.set(method, error);
  }

  /**
   * Holds the response to the next call to `method` until the returned function is called: the
   * app's handler stays in flight meanwhile (for graceful-shutdown tests).
   */
  holdNext(method: string): () => void {
    let release = (): void => undefined;
    this.holds.set(method, new Promise<void>((resolve) => (release = resolve)));
    return () => release();
  }

  /** The recorded calls to one method. */
  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  /** Resolves with the first value `check` returns once state changes make it defined; rejects after a while naming `what`. */
  waitFor<T>(check: () => T | undefined | false, what: string, timeoutMs = WAIT_TIMEOUT_MS): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const evaluate = (): boolean => {
        const value = check();
        if (value === undefined || value === false) return false;
        this.watchers.delete(evaluate);
        clearTimeout(timer);
        resolve(value);
        return true;
      };
      const timer = setTimeout(() => {
        this.watchers.delete(evaluate);
        const seen = this.calls.map((c) => `${c.method} ${JSON.stringify(c.args).slice(0, 300)}`).join('\n  ');
        reject(new Error(`fake slack: timed out waiting for ${what}; calls so far:\n  ${seen}`));
      }, timeoutMs);
      if (!evaluate()) this.watchers.add(evaluate);
    });
  }

  /** Waits for a recorded call matching `predicate` (among those to `method`). */
  waitForCall(method: string, predicate: (call: RecordedCall) => boolean = () => true, what = method): Promise<RecordedCall> {
    return this.waitFor(() => this.callsTo(method).find(predicate), what);
  }

  /** Waits until `count` sockets have been greeted with hello. */
  waitForSocket(count = 1): Promise<true> {
    return this.waitFor(() => this.socketsConnected >= count && this.socket !== undefined, `socket connection #${count}`);
  }

  /** Delivers an envelope over the current socket and resolves with the app's ack. */
  async sendEnvelope(type: EnvelopeType, payload: unknown, retry?: { attempt: number; reason: string }): Promise<Ack> {
    const envelopeId = this.deliverEnvelope(type, payload, retry);
    return this.waitFor(() => this.acks.find((ack) => ack.envelope_id === envelopeId), `ack of ${envelopeId} (${type})`);
  }

  /** Delivers an envelope without waiting for an ack (to check that none comes); returns its id. */
  deliverEnvelope(type: EnvelopeType, payload: unknown, retry?: { attempt: number; reason: string }): string {
    if (!this.socket) throw new Error('fake slack: no socket connected');
    this.envelopes += 1;
    const envelopeId = `env-${this.envelopes}`;
    this.socket.send(
      JSON.stringify({
        envelope_id: envelopeId,
        type,
        payload,
        accepts_response_payload: type !== 'events_api',
        ...(retry ? { retry_attempt: retry.attempt, retry_reason: retry.reason } : {}),
      }),
    );
    return envelopeId;
  }

  /** Kills the current socket without a close handshake, as a network failure or a Slack restart would. */
  dropSocket(): void {
    this.socket?.terminate();
    this.socket = undefined;
  }

  /** Asks the app to reconnect, as Slack does before recycling a connection (`disconnect` / refresh_requested). */
  requestRefresh(): void {
    this.socket?.send(JSON.stringify({ type: 'disconnect', reason: 'refresh_requested', debug_info: { host: 'fake' } }));
  }

  /** Stops everything. */
  async close(): Promise<void> {
    clearInterval(this.pinger);
    for (const client of this.wss.clients) client.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private changed(): void {
    for (const watcher of [...this.watchers]) watcher();
  }

  private nextTs(): string {
    this.ts += 1;
    return `${this.ts}.000100`;
  }

  private onSocket(socket: WebSocket): void {
    this.socket = socket;
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as Ack;
      if (message.envelope_id) {
        this.acks.push(message);
        this.changed();
      }
    });
    socket.on('close', () => {
      if (this.socket === socket) this.socket = undefined;
    });
    socket.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0FAKE' } }));
    this.socketsConnected += 1;
    this.changed();
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.origin);
    if (req.headers.upgrade) return;
    const args = await readBody(req);
    const response = url.pathname.match(/^\/response\/(\w+)$/);
    if (response) {
      this.calls.push({ method: 'response_url', args, responseId: response[1] });
      this.changed();
      send(res, { ok: true });
      return;
    }
    const method = url.pathname.match(/^\/api\/([\w.]+)$/)?.[1];
    if (!method) {
      send(res, { ok: false, error: 'unknown_method' }, 404);
      return;
    }
    const token = (req.headers.authorization ?? '').replace(/^Bearer /, '') || (typeof args.token === 'string' ? args.token : undefined);
    this.calls.push({ method, args, token });
    this.changed();
    const hold = this.holds.get(method);
    if (hold) {
      this.holds.delete(method);
      await hold;
    }
    const failure = this.failures.get(method);
    if (failure) {
      this.failures.delete(method);
      send(res, { ok: false, error: failure });
      return;
    }
    send(res, this.reply(method, args, token));
  }

  private reply(method: string, args: Record<string, unknown>, token: string | undefined): Record<string, unknown> {
    switch (method) {
      case 'auth.test':
        if (!token?.startsWith('xoxb-')) return { ok: false, error: 'invalid_auth' };
        return {
          ok: true,
          url: 'https://fake.slack.com/',
          team: 'Fake',
          user: 'alliance-bot',
          team_id: this.teamId,
          user_id: this.botUserId,
          bot_id: this.botId,
        };
      case 'apps.connections.open':
        if (!token?.startsWith('xapp-')) return { ok: false, error: 'invalid_auth' };
        this.connectionsOpened += 1;
        return { ok: true, url: `${this.origin.replace('http', 'ws')}/link?ticket=${this.connectionsOpened}` };
      case 'users.info': {
        const user = this.users.get(String(args.user));
        const { locale, ...rest } = user ?? { id: '' };
        const withLocale = args.include_locale === true || args.include_locale === 'true';
        return user
          ? {
              ok: true,
              user: { is_admin: false, is_owner: false, is_primary_owner: false, ...rest, ...(locale && withLocale ? { locale } : {}) },
            }
          : { ok: false, error: 'user_not_found' };
      }
      case 'chat.postMessage': {
        const ts = this.nextTs();
        return { ok: true, channel: args.channel, ts, message: { ...args, ts, user: this.botUserId, bot_id: this.botId } };
      }
      case 'chat.postEphemeral':
        return { ok: true, message_ts: this.nextTs() };
      case 'views.open':
      case 'views.update':
      case 'views.push':
      case 'views.publish':
        return { ok: true, view: { id: 'V0FAKE', ...(typeof args.view === 'object' ? args.view : {}) } };
      default:
        return { ok: true };
    }
  }
}
