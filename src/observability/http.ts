import http from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Adapter } from '../types.js';
import type { Dependency, Metrics } from './metrics.js';

/** A route handler, in the shape Node's http server and Bolt's custom routes both take. */
export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void;

/** What /healthz looks at. */
export interface HealthSources {
  /** Whether a knowledge base is loaded and serving. */
  knowledgeLoaded(): boolean;
  adapters(): readonly Adapter[];
  /** True once shutdown began: the instance should get no new traffic. */
  stopping(): boolean;
  /** Redis and PostgreSQL, when configured: while one is lost the instance still serves, "degraded". */
  dependencies?(): readonly Dependency[];
}

/** `/healthz` (200 when ready, 503 otherwise, with the reasons) and `/metrics` (Prometheus text). */
export function healthRoutes(sources: HealthSources, metrics: Metrics): Record<'/healthz' | '/metrics', RouteHandler> {
  return {
    '/healthz': (_req, res) => {
      const adapters = sources.adapters().map((a) => ({ name: a.name, connected: a.status ? a.status().connected : true }));
      const problems = [
        ...(sources.knowledgeLoaded() ? [] : ['knowledge not loaded']),
        ...(sources.stopping() ? ['shutting down'] : []),
        ...adapters.filter((a) => !a.connected).map((a) => `${a.name} not connected`),
      ];
      const dependencies = (sources.dependencies?.() ?? []).map((d) => ({ name: d.name, health: d.health() }));
      const degraded = dependencies.filter((d) => d.health !== 'ok').map((d) => `${d.name} unreachable (local fallback serving)`);
      // Degraded still answers questions: 200, so a load balancer keeps sending traffic.
      const status = problems.length > 0 ? 'unavailable' : degraded.length > 0 ? 'degraded' : 'ok';
      res.writeHead(problems.length === 0 ? 200 : 503, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status, problems: [...problems, ...degraded], adapters, ...(dependencies.length ? { dependencies } : {}) }));
    },
    '/metrics': (_req, res) => {
      metrics.registry
        .metrics()
        .then((text) => {
          res.writeHead(200, { 'content-type': metrics.registry.contentType });
          res.end(text);
        })
        .catch((error: unknown) => {
          res.writeHead(500, { 'content-type': 'text/plain' });
          res.end(`metrics: ${error instanceof Error ? error.message : String(error)}`);
        });
    },
  };
}

/** A small HTTP server for the health routes, on 127.0.0.1-or-all as the host allows. */
export async function startHealthServer(port: number, routes: Record<string, RouteHandler>): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const route = routes[(req.url ?? '/').split('?')[0] ?? '/'];
    if (route && (req.method === 'GET' || req.method === 'HEAD')) return route(req, res);
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found: try /healthz or /metrics\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => resolve());
  });
  return server;
}
