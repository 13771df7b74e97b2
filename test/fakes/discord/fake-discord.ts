/**
 * A fake Discord for end-to-end tests: the REST API and the WebSocket gateway on 127.0.0.1 (one
 * port), enough of both for the real discord.js client to log in, receive events, resume after a
 * drop and answer. Every REST request is recorded so tests assert what the bot sent.
 *
 * Gateway: JSON encoding, no compression (discord.js only asks for zlib-stream when zlib-sync is
 * installed, and it is not). HELLO → IDENTIFY → READY + GUILD_CREATE; heartbeats are ACKed; RESUME
 * replays the events the client missed, then RESUMED.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { MEMBER_PERMISSIONS, PERMISSIONS, member, message, role, snowflake, user, type FakePerson, type FakeUser } from './payloads.js';

/** One REST request the bot made. */
export interface RecordedRequest {
  method: string;
  /** Path after `/api/v10`, e.g. `/channels/1/messages`. */
  path: string;
  query: Record<string, string>;
  /** The parsed JSON body, or undefined. */
  body: unknown;
  /** Status the fake answered with. */
  status: number;
}

/** A gateway payload the client sent. */
export interface GatewayPayload {
  op: number;
  d: unknown;
}

/** An interaction the fake dispatched, to find the bot's response to it. */
export interface SentInteraction {
  id: string;
  token: string;
}

/** The body of a message-like request (channel message, interaction reply, webhook edit). */
export interface MessageBody {
  content?: string;
  embeds?: { description?: string; footer?: { text: string }; title?: string }[];
  components?: { components: { custom_id?: string; label?: string }[] }[];
  allowed_mentions?: { parse?: string[]; replied_user?: boolean };
  flags?: number;
  message_reference?: { message_id: string };
}

/** An interaction callback body. */
export interface CallbackBody {
  type: number;
  data?: MessageBody & { choices?: { name: string; value: string }[] };
}

interface Session {
  id: string;
  /** The shard this session identified as. */
  shard: number;
  seq: number;
  /** Every dispatch of the session, so RESUME can replay what a dropped connection missed. */
  events: { t: string; s: number; d: unknown }[];
  socket: WebSocket | undefined;
}

interface Waiter {
  matches: () => boolean;
  resolve: () => void;
}

const Op = { dispatch: 0, heartbeat: 1, identify: 2, resume: 6, invalidSession: 9, hello: 10, heartbeatAck: 11 } as const;

/** Options for {@link FakeDiscord.start}. */
export interface FakeDiscordOptions {
  /** The token the bot must present (REST `Authorization: Bot …` and IDENTIFY). */
  token?: string;
  applicationId?: string;
  /** Shards recommended by GET /gateway/bot (default 1); IDENTIFY must then name `[id, shards]`. */
  shards?: number;
}

/** A modal the bot opened (interaction callback type 9). */
export interface ModalBody {
  custom_id: string;
  title: string;
  components: {
    type: number;
    label?: string;
    component?: { type: number; custom_id: string; value?: string; max_length?: number; style?: number; required?: boolean };
  }[];
}

/** A slash command option value: a string (3), integer (4) or boolean (5) option. */
export type OptionValue = string | number | boolean;

/** A running fake Discord; call {@link FakeDiscord.stop} in cleanup. */
export class FakeDiscord {
  readonly token: string;
  readonly applicationId: string;
  readonly botUser: FakeUser;
  readonly guildId = snowflake();
  readonly channelId = snowflake();
  readonly dmChannelId = snowflake();
  readonly moderatorRoleId = snowflake();
  readonly adminRoleId = snowflake();
  /** The role Discord creates for the bot when it joins (managed, tagged with the bot's id). */
  readonly botRoleId = snowflake();
  /** An ordinary member. */
  readonly member: FakePerson;
  /** A member with the configured moderator role (which does not carry Manage Server). */
  readonly roleModerator: FakePerson;
  /** A member whose role carries Manage Server. */
  readonly admin: FakePerson;
  /** Another bot in the server. */
  readonly otherBot: FakePerson;

  readonly requests: RecordedRequest[] = [];
  readonly gatewayReceived: GatewayPayload[] = [];
  /** Registered application commands, by route. */
  readonly commands = new Map<string, Record<string, unknown>[]>();

  private readonly http: http.Server;
  private readonly wss: WebSocketServer;
  private readonly sessions = new Map<string, Session>();
  private current: Session | undefined;
  /** The latest session of each shard. */
  private readonly byShard = new Map<number, Session>();
  readonly shardCount: number;
  /** Gateway connections opened (first and reconnects). */
  connections = 0;
  /** The language of the person behind the next interactions (Discord's `locale`, e.g. "it"). */
  locale = 'en-US';
  /** `requests.length` each time a gateway connection closed: what the bot sent before it. */
  readonly gatewayClosedAt: number[] = [];
  /** While held, new gateway connections get no HELLO (the gateway is "down"). */
  private held: WebSocket[] | undefined;
  private readonly waiters = new Set<Waiter>();
  private readonly rateLimits: { method: string; path: RegExp; retryAfter: number }[] = [];
  private port = 0;

  private constructor(options: FakeDiscordOptions) {
    this.token = options.token ?? 'fake-token';
    this.applicationId = options.applicationId ?? snowflake();
    this.shardCount = options.shards ?? 1;
    this.botUser = user(this.applicationId, 'alliance-bot', true);
    this.member = { user: user(snowflake(), 'ada'), roles: [], permissions: MEMBER_PERMISSIONS };
    this.roleModerator = { user: user(snowflake(), 'grace'), roles: [this.moderatorRoleId], permissions: MEMBER_PERMISSIONS };
    this.admin = { user: user(snowflake(), 'linus'), roles: [this.adminRoleId], permissions: MEMBER_PERMISSIONS | PERMISSIONS.manageGuild };
    this.otherBot = { user: user(snowflake(), 'other-bot', true), roles: [], permissions: MEMBER_PERMISSIONS };
    this.http = http.createServer((req, res) => void this.onRequest(req, res));
    this.wss = new WebSocketServer({ noServer: true });
    this.http.on('upgrade', (req, socket, head) => {
      this.wss.handleUpgrade(req, socket, head, (ws) => this.onConnection(ws));
    });
  }

  /** Starts the fake on 127.0.0.1 on a free port. */
  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const fake = new FakeDiscord(options);
    await new Promise<void>((resolve) => fake.http.listen(0, '127.0.0.1', resolve));
    fake.port = (fake.http.address() as AddressInfo).port;
    return fake;
  }

  /** The REST base URL without the version, for DISCORD_API_URL / `rest.api`. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  /** Gateway payloads of one opcode the client sent (2 = IDENTIFY, 6 = RESUME). */
  received(op: number): GatewayPayload[] {
    return this.gatewayReceived.filter((p) => p.op === op);
  }

  /** Closes every socket and the server. */
  async stop(): Promise<void> {
    for (const client of this.wss.clients) client.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.http.closeAllConnections();
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
  }

  // ---- waiting ---------------------------------------------------------------------------

  /**
   * Resolves once `condition` holds, re-checked after every request and gateway payload. Rejects
   * after `timeoutMs` naming what it waited for and what the fake saw, so a broken test fails
   * with a reason instead of hanging.
   */
  waitFor<T>(what: string, condition: () => T | undefined, timeoutMs = 15_000): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const initial = condition();
      if (initial !== undefined) {
        resolve(initial);
        return;
      }
      let value: T | undefined;
      const waiter: Waiter = {
        matches: () => (value = condition()) !== undefined,
        resolve: () => {
          clearTimeout(timer);
          resolve(value as T);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        const seen = this.requests.map((r) => `${r.method} ${r.path} → ${r.status}`).join('\n  ');
        reject(new Error(`fake discord: timed out waiting for ${what}; requests so far:\n  ${seen}`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  private notify(): void {
    for (const waiter of [...this.waiters]) {
      if (waiter.matches()) {
        this.waiters.delete(waiter);
        waiter.resolve();
      }
    }
  }

  /** Resolves when a REST request matching `predicate` has been recorded (before or after the call). */
  waitForRequest(what: string, predicate: (r: RecordedRequest) => boolean): Promise<RecordedRequest> {
    return this.waitFor(what, () => this.requests.find((r) => r.status < 300 && predicate(r)));
  }

  /** Resolves when the client is identified and the server has been sent (the bot is usable). */
  waitForReady(timeoutMs?: number): Promise<void> {
    return this.waitFor(
      'READY',
      () => (this.byShard.size === this.shardCount && this.current?.events.some((e) => e.t === 'GUILD_CREATE') ? true : undefined),
      timeoutMs,
    ).then(() => undefined);
  }

  /** The bot's first response to an interaction: its callback body. */
  async callbackOf(interaction: SentInteraction): Promise<CallbackBody> {
    const request = await this.waitForRequest(
      `the callback of interaction ${interaction.id}`,
      (r) => r.path === `/interactions/${interaction.id}/${interaction.token}/callback`,
    );
    return request.body as CallbackBody;
  }

  /** Every message body the bot sent for an interaction so far (callback data, edits, follow-ups). */
  messagesOf(interaction: SentInteraction): MessageBody[] {
    return this.requests
      .filter((r) => r.status < 300 && (r.path.includes(`/${interaction.token}/`) || r.path.endsWith(`/${interaction.token}`)))
      .map((r) => (r.path.endsWith('/callback') ? (r.body as CallbackBody).data : (r.body as MessageBody)))
      .filter((b): b is MessageBody => b !== undefined && (b.content !== undefined || b.embeds !== undefined));
  }

  /** Waits until the bot has sent a message with content for the interaction, and returns all of them. */
  async answerOf(interaction: SentInteraction): Promise<MessageBody[]> {
    return this.waitFor(`an answer to interaction ${interaction.id}`, () => {
      const bodies = this.messagesOf(interaction);
      return bodies.some((b) => b.content) ? bodies : undefined;
    });
  }

  /** Waits for the bot's messages in a channel after a given request index. */
  async messagesIn(channelId: string, options: { after?: number; replyTo?: string } = {}): Promise<MessageBody[]> {
    return this.waitFor(`a message in channel ${channelId}`, () => {
      const bodies = this.requests
        .slice(options.after ?? 0)
        .filter((r) => r.status < 300 && r.method === 'POST' && r.path === `/channels/${channelId}/messages`)
        .map((r) => r.body as MessageBody)
        .filter((b) => options.replyTo === undefined || b.message_reference?.message_id === options.replyTo);
      return bodies.length > 0 ? bodies : undefined;
    });
  }

  // ---- REST ------------------------------------------------------------------------------

  /** Answers the next request matching `method` and `path` with a 429 and proper rate-limit headers. */
  rateLimitNext(method: string, path: RegExp, retryAfterSeconds = 0.2): void {
    this.rateLimits.push({ method, path, retryAfter: retryAfterSeconds });
  }

  private async onRequest(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    let body: unknown;
    try {
      body = raw ? (JSON.parse(raw) as unknown) : undefined;
    } catch {
      body = raw;
    }
    const method = req.method ?? 'GET';
    const path = decodeURIComponent(url.pathname).replace(/^\/api\/v\d+/, '');
    const record: RecordedRequest = { method, path, query: Object.fromEntries(url.searchParams), body, status: 0 };
    const send = (status: number, payload?: unknown, headers: Record<string, string> = {}): void => {
      record.status = status;
      this.requests.push(record);
      res.writeHead(status, payload === undefined ? headers : { 'content-type': 'application/json', ...headers });
      res.end(payload === undefined ? undefined : JSON.stringify(payload));
      this.notify();
    };

    const limited = this.rateLimits.findIndex((l) => l.method === method && l.path.test(path));
    if (limited >= 0) {
      const [limit] = this.rateLimits.splice(limited, 1);
      const retryAfter = limit?.retryAfter ?? 0.2;
      send(
        429,
        { message: 'You are being rate limited.', retry_after: retryAfter, global: false },
        {
          'retry-after': String(retryAfter),
          'x-ratelimit-limit': '5',
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset-after': String(retryAfter),
          'x-ratelimit-bucket': 'fake-bucket',
          'x-ratelimit-scope': 'user',
        },
      );
      return;
    }

    const authorized = req.headers.authorization === `Bot ${this.token}`;
    let m: RegExpExecArray | null;
    if (method === 'GET' && path === '/gateway/bot') {
      if (!authorized) return send(401, { message: '401: Unauthorized', code: 0 });
      return send(200, {
        url: this.gatewayUrl,
        shards: this.shardCount,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 60_000, max_concurrency: 1 },
      });
    }
    if (method === 'GET' && path === '/users/@me') return send(200, this.botUser);
    if ((m = /^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/.exec(path))) {
      if (!authorized) return send(401, { message: '401: Unauthorized', code: 0 });
      if (method === 'GET') return send(200, this.commands.get(path) ?? []);
      if (method === 'PUT') {
        const registered = (body as Record<string, unknown>[]).map((command) => ({
          ...command,
          id: snowflake(),
          application_id: m?.[1],
          ...(m?.[2] ? { guild_id: m[2] } : {}),
          version: snowflake(),
          default_member_permissions: command.default_member_permissions ?? null,
          type: command.type ?? 1,
        }));
        this.commands.set(path, registered);
        return send(200, registered);
      }
    }
    if (method === 'POST' && /^\/interactions\/\d+\/[^/]+\/callback$/.test(path)) return send(204);
    if ((m = /^\/webhooks\/\d+\/([^/]+)(?:\/messages\/(@original|\d+))?$/.exec(path))) {
      if (method === 'DELETE') return send(204);
      if (method === 'POST' || method === 'PATCH') return send(200, this.botMessage(this.channelId, body));
    }
    if (method === 'POST' && (m = /^\/channels\/(\d+)\/messages$/.exec(path))) {
      return send(200, this.botMessage(m[1] ?? this.channelId, body));
    }
    return send(404, { message: '404: Not Found', code: 0 });
  }

  private botMessage(channelId: string, body: unknown): Record<string, unknown> {
    const b = (body ?? {}) as MessageBody;
    return message({
      channelId,
      author: this.botUser,
      content: b.content ?? '',
      embeds: b.embeds ?? [],
      components: b.components ?? [],
      ...(b.message_reference ? { reference: { ...b.message_reference, channel_id: channelId } } : {}),
    });
  }

  // ---- gateway ---------------------------------------------------------------------------

  /** Holds new gateway connections without HELLO until {@link releaseGateway}: the gateway is down. */
  holdGateway(): void {
    this.held ??= [];
  }

  /** Greets the held connections; the client can resume. */
  releaseGateway(): void {
    const held = this.held ?? [];
    this.held = undefined;
    for (const ws of held) this.hello(ws);
  }

  private hello(ws: WebSocket): void {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ op: Op.hello, d: { heartbeat_interval: 41_250 }, s: null, t: null }));
  }

  private onConnection(ws: WebSocket): void {
    this.connections += 1;
    if (this.held) this.held.push(ws);
    else this.hello(ws);
    ws.on('message', (data) => {
      const payload = JSON.parse(String(data)) as GatewayPayload;
      this.gatewayReceived.push(payload);
      switch (payload.op) {
        case Op.heartbeat:
          ws.send(JSON.stringify({ op: Op.heartbeatAck, d: null, s: null, t: null }));
          break;
        case Op.identify:
          this.identify(ws, payload.d as { token: string; shard?: [number, number] });
          break;
        case Op.resume:
          this.resume(ws, payload.d as { token: string; session_id: string; seq: number });
          break;
        default:
          break;
      }
      this.notify();
    });
    ws.on('close', () => {
      this.gatewayClosedAt.push(this.requests.length);
      for (const session of this.sessions.values()) if (session.socket === ws) session.socket = undefined;
      this.notify();
    });
    this.notify();
  }

  /** The shard Discord sends a guild's events to: (guild_id >> 22) % shards. */
  get guildShard(): number {
    return Number((BigInt(this.guildId) >> 22n) % BigInt(this.shardCount));
  }

  /** The shards that have identified (each with a READY sent). */
  get readyShards(): number[] {
    return [...this.byShard.keys()].sort();
  }

  private identify(ws: WebSocket, d: { token: string; shard?: [number, number] }): void {
    if (d.token !== this.token) {
      ws.close(4004, 'Authentication failed.');
      return;
    }
    const [shard, count] = d.shard ?? [0, 1];
    if (count !== this.shardCount || shard >= count) {
      // Discord closes with 4010 (invalid shard) or 4011 (sharding required).
      ws.close(count !== this.shardCount && this.shardCount > 1 ? 4011 : 4010, 'Invalid shard.');
      return;
    }
    const session: Session = { id: snowflake(), shard, seq: 0, events: [], socket: ws };
    this.sessions.set(session.id, session);
    this.byShard.set(shard, session);
    const ownsGuild = shard === this.guildShard;
    if (ownsGuild || !this.current) this.current = session;
    this.dispatchTo(session, 'READY', {
      v: 10,
      user: { ...this.botUser, verified: true, mfa_enabled: false, flags: 0 },
      guilds: ownsGuild ? [{ id: this.guildId, unavailable: true }] : [],
      session_id: session.id,
      session_type: 'normal',
      resume_gateway_url: this.gatewayUrl,
      shard: [shard, count],
      application: { id: this.applicationId, flags: 0 },
      private_channels: [],
      relationships: [],
      presences: [],
      guild_join_requests: [],
      user_settings: {},
      geo_ordered_rtc_regions: [],
    });
    if (ownsGuild) this.dispatchTo(session, 'GUILD_CREATE', this.guildPayload());
  }

  private resume(ws: WebSocket, d: { token: string; session_id: string; seq: number }): void {
    const session = this.sessions.get(d.session_id);
    if (!session || d.token !== this.token) {
      ws.send(JSON.stringify({ op: Op.invalidSession, d: false, s: null, t: null }));
      return;
    }
    session.socket = ws;
    if (session.shard === this.guildShard) this.current = session;
    for (const event of session.events.filter((e) => e.s > d.seq)) {
      ws.send(JSON.stringify({ op: Op.dispatch, t: event.t, s: event.s, d: event.d }));
    }
    this.dispatchTo(session, 'RESUMED', {});
  }

  /**
   * Sends a dispatch in the current session. While the connection is down the event is only
   * stored, and a RESUME replays it, as Discord does.
   */
  dispatch(t: string, d: unknown): void {
    const session = this.current;
    if (!session) throw new Error('fake discord: no gateway session; wait for READY first');
    this.dispatchTo(session, t, d);
  }

  private dispatchTo(session: Session, t: string, d: unknown): void {
    session.seq += 1;
    const event = { t, s: session.seq, d };
    session.events.push(event);
    if (session.socket && session.socket.readyState === session.socket.OPEN) {
      session.socket.send(JSON.stringify({ op: Op.dispatch, ...event }));
    }
  }

  /** Closes the gateway connection with `code`; 4000 (unknown error) is resumable. */
  dropGateway(code = 4000): void {
    const socket = this.current?.socket;
    if (!socket) throw new Error('fake discord: no open gateway connection to drop');
    socket.close(code, 'fake discord: dropped by the test');
  }

  private guildPayload(): Record<string, unknown> {
    const everyone = MEMBER_PERMISSIONS;
    return {
      id: this.guildId,
      name: 'MOOC Friends',
      icon: null,
      splash: null,
      discovery_splash: null,
      owner_id: snowflake(),
      afk_channel_id: null,
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      roles: [
        role(this.guildId, '@everyone', everyone, 0),
        role(this.moderatorRoleId, 'Moderators', everyone, 1),
        role(this.adminRoleId, 'Admins', everyone | PERMISSIONS.manageGuild, 2),
        { ...role(this.botRoleId, 'alliance-bot', everyone, 3), managed: true, tags: { bot_id: this.botUser.id } },
      ],
      emojis: [],
      stickers: [],
      features: [],
      mfa_level: 0,
      application_id: null,
      system_channel_id: null,
      system_channel_flags: 0,
      rules_channel_id: null,
      joined_at: new Date().toISOString(),
      large: false,
      unavailable: false,
      member_count: 5,
      voice_states: [],
      members: [member({ user: this.botUser, roles: [this.botRoleId], permissions: everyone }, false)],
      channels: [
        {
          id: this.channelId,
          type: 0,
          name: 'general',
          position: 0,
          permission_overwrites: [],
          parent_id: null,
          nsfw: false,
          topic: null,
          rate_limit_per_user: 0,
          last_message_id: null,
        },
      ],
      threads: [],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
      premium_tier: 0,
      premium_subscription_count: 0,
      preferred_locale: 'en-US',
      nsfw_level: 0,
      premium_progress_bar_enabled: false,
      vanity_url_code: null,
      description: null,
      banner: null,
      public_updates_channel_id: null,
      max_video_channel_users: 25,
      safety_alerts_channel_id: null,
    };
  }

  // ---- what people do ----------------------------------------------------------------------

  private interactionBase(
    type: number,
    who: FakePerson | 'dm',
    data: unknown,
    dmUser = this.member.user,
  ): Record<string, unknown> & SentInteraction {
    const id = snowflake();
    const token = `itoken-${id}`;
    const common = {
      id,
      token,
      type,
      application_id: this.applicationId,
      version: 1,
      data,
      locale: this.locale,
      app_permissions: String(MEMBER_PERMISSIONS),
      entitlements: [],
      attachment_size_limit: 8_388_608,
    };
    if (who === 'dm') {
      return {
        ...common,
        user: dmUser,
        channel_id: this.dmChannelId,
        channel: { id: this.dmChannelId, type: 1, recipients: [dmUser], last_message_id: null, flags: 0 },
        authorizing_integration_owners: { '0': this.guildId },
        context: 1,
      };
    }
    return {
      ...common,
      guild_id: this.guildId,
      guild: { id: this.guildId, locale: 'en-US', features: [] },
      guild_locale: 'en-US',
      channel_id: this.channelId,
      channel: {
        id: this.channelId,
        type: 0,
        guild_id: this.guildId,
        name: 'general',
        position: 0,
        permission_overwrites: [],
        parent_id: null,
        nsfw: false,
        permissions: String(who.permissions),
      },
      member: member(who, true),
      authorizing_integration_owners: { '0': this.guildId },
      context: 0,
    };
  }

  /**
   * Someone runs a slash command; options by name (strings, integers, booleans). With `subcommand`,
   * the options belong to it (`/kb gaps days:7`).
   */
  slashCommand(
    name: string,
    options: Record<string, OptionValue> = {},
    who: FakePerson | 'dm' = this.member,
    subcommand?: string,
  ): SentInteraction {
    const registered = [...this.commands.values()].flat().find((c) => c.name === name);
    const typed = Object.entries(options).map(([n, value]) => ({
      name: n,
      type: typeof value === 'boolean' ? 5 : typeof value === 'number' ? 4 : 3,
      value,
    }));
    const data = {
      id: (registered?.id as string | undefined) ?? snowflake(),
      name,
      type: 1,
      ...(subcommand
        ? { options: [{ name: subcommand, type: 1, ...(typed.length > 0 ? { options: typed } : {}) }] }
        : typed.length > 0
          ? { options: typed }
          : {}),
    };
    const interaction = this.interactionBase(2, who, data);
    this.dispatch('INTERACTION_CREATE', interaction);
    return { id: interaction.id, token: interaction.token };
  }

  /** Someone types into an autocompleting string option. */
  autocomplete(name: string, option: string, typed: string, who: FakePerson | 'dm' = this.member): SentInteraction {
    const data = { id: snowflake(), name, type: 1, options: [{ name: option, type: 3, value: typed, focused: true }] };
    const interaction = this.interactionBase(4, who, data);
    this.dispatch('INTERACTION_CREATE', interaction);
    return { id: interaction.id, token: interaction.token };
  }

  /** Someone clicks a button on a message the bot sent (`sent` is the body the bot sent); 'dm' in the DM channel. */
  clickButton(customId: string, sent: MessageBody, who: FakePerson | 'dm' = this.member): SentInteraction {
    const msg = message({
      channelId: who === 'dm' ? this.dmChannelId : this.channelId,
      ...(who === 'dm' ? {} : { guildId: this.guildId }),
      author: this.botUser,
      content: sent.content ?? '',
      embeds: sent.embeds ?? [],
      components: sent.components ?? [],
      flags: sent.flags ?? 0,
    });
    const interaction = this.interactionBase(3, who, { custom_id: customId, component_type: 2 });
    this.dispatch('INTERACTION_CREATE', { ...interaction, message: msg });
    return { id: interaction.id, token: interaction.token };
  }

  /** Someone submits a modal the bot opened: `values` by text input custom id, in Label components as Discord sends them. */
  submitModal(customId: string, values: Record<string, string>, who: FakePerson = this.member): SentInteraction {
    const components = Object.entries(values).map(([id, value], i) => ({
      type: 18,
      id: i * 2 + 1,
      component: { type: 4, id: i * 2 + 2, custom_id: id, value },
    }));
    const interaction = this.interactionBase(5, who, { custom_id: customId, components });
    this.dispatch('INTERACTION_CREATE', interaction);
    return { id: interaction.id, token: interaction.token };
  }

  /** The modal the bot opened in response to an interaction. */
  async modalOf(interaction: SentInteraction): Promise<ModalBody> {
    const callback = await this.callbackOf(interaction);
    if (callback.type !== 9) throw new Error(`fake discord: expected a modal (callback type 9), got type ${callback.type}`);
    return callback.data as unknown as ModalBody;
  }

  /**
   * Someone posts in the server channel; `mention` puts `<@bot>` in front of the text.
   * `replyToBot` makes it a reply to a message of the bot's (with Discord's default ping), as
   * clicking Reply under the bot's answer does.
   */
  postInChannel(text: string, options: { who?: FakePerson; mention?: boolean; replyToBot?: string } = {}): string {
    const who = options.who ?? this.member;
    const mention = options.mention ?? true;
    const msg = message({
      channelId: this.channelId,
      guildId: this.guildId,
      author: who.user,
      member: member(who, false),
      content: mention ? `<@${this.botUser.id}> ${text}` : text,
      mentions: mention || options.replyToBot ? [this.botUser] : [],
      ...(options.replyToBot ? { reference: { message_id: options.replyToBot, channel_id: this.channelId, guild_id: this.guildId } } : {}),
    });
    const referenced = options.replyToBot
      ? {
          referenced_message: message({
            id: options.replyToBot,
            channelId: this.channelId,
            guildId: this.guildId,
            author: this.botUser,
            content: '…',
          }),
        }
      : {};
    this.dispatch('MESSAGE_CREATE', { ...msg, ...referenced, channel_type: 0 });
    return msg.id as string;
  }

  /** Someone sends the bot a direct message. */
  directMessage(text: string, from: FakeUser = this.member.user): string {
    const msg = message({ channelId: this.dmChannelId, author: from, content: text });
    this.dispatch('MESSAGE_CREATE', { ...msg, channel_type: 1 });
    return msg.id as string;
  }
}
