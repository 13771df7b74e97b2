/**
 * The real Redis and PostgreSQL the shared-state and analytics tests run against, started by
 * scripts/test-services.sh (which .ci/run calls). Without them those tests skip and say why; under
 * CI they must not skip, so a missing URL fails the file instead.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { type Server, type Socket, connect, createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from './ports.js';

type ServiceVariable = 'TEST_REDIS_URL' | 'TEST_DATABASE_URL';

/** The service's URL, or undefined (with a visible reason) when it is not running outside CI. */
export function serviceUrl(variable: ServiceVariable): string | undefined {
  const url = process.env[variable];
  if (url) return url;
  if (process.env.CI === 'true') {
    throw new Error(`services: ${variable} is not set; CI must run these tests against real servers (.ci/run starts them)`);
  }
  process.stderr.write(
    `services: ${variable} is not set, skipping its tests (start the servers: eval "$(scripts/test-services.sh start)")\n`,
  );
  return undefined;
}

/** A describe title that says why it was skipped. */
export function titled(title: string, url: string | undefined, variable: ServiceVariable): string {
  return url ? title : `${title} (skipped: ${variable} is not set)`;
}

/** True when a Redis on `port` answers PING. */
function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.setTimeout(500);
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (data) => {
      socket.destroy();
      resolve(String(data).startsWith('+PONG'));
    });
    socket.on('error', () => resolve(false));
    socket.on('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

/** A redis-server of the test's own on a free port, to stop and start again mid-run (the shared one stays up). */
export class OwnRedis {
  private child: ChildProcess | undefined;
  private constructor(readonly port: number) {}

  static async start(): Promise<OwnRedis> {
    const redis = new OwnRedis(await freePort());
    await redis.start();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const child = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: 'ignore',
    });
    this.child = child;
    for (let tries = 0; tries < 100; tries++) {
      if (child.exitCode !== null) break;
      if (await answersPing(this.port)) return;
      await sleep(50);
    }
    throw new Error(`services: redis-server on ${this.port} did not become ready`);
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    child.kill('SIGKILL');
    await once(child, 'exit');
    this.child = undefined;
  }
}

/**
 * A TCP relay in front of a server that a test can cut (every connection dropped, new ones refused)
 * and restore: the server "goes away" for one client without stopping it for the other tests.
 */
export class CuttableProxy {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly target: { host: string; port: number },
    readonly port: number,
  ) {}

  static async start(targetUrl: string): Promise<CuttableProxy> {
    const url = new URL(targetUrl);
    const proxy = new CuttableProxy({ host: url.hostname, port: Number(url.port) }, await freePort());
    await proxy.restore();
    return proxy;
  }

  /** `targetUrl` with the proxy's port. */
  via(targetUrl: string): string {
    const url = new URL(targetUrl);
    url.port = String(this.port);
    return url.toString();
  }

  async restore(): Promise<void> {
    if (this.server) return;
    const server = createServer((client) => {
      const upstream = connect(this.target.port, this.target.host);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    this.server = server;
    server.listen(this.port, '127.0.0.1');
    await once(server, 'listening');
  }

  async cut(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const socket of this.sockets) socket.destroy();
    if (server) await new Promise((resolve) => server.close(resolve));
  }
}

/** A new, empty database on the test PostgreSQL, dropped by the returned function. */
export async function freshDatabase(adminUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const { default: pg } = await import('pg');
  const name = `alliance_test_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
