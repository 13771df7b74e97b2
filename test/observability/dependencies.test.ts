import { describe, expect, it } from 'vitest';
import { healthRoutes, startHealthServer } from '../../src/observability/http.js';
import { createMetrics, type Dependency } from '../../src/observability/metrics.js';
import { freePort } from '../helpers/ports.js';

describe('health and metrics of Redis and PostgreSQL', () => {
  it('says degraded (still 200) while a dependency is lost, and exports its health and counters', async () => {
    let redis: 'ok' | 'degraded' = 'ok';
    const dependencies: Dependency[] = [
      { name: 'redis', health: () => redis, stats: () => ({ fallbackCalls: redis === 'ok' ? 0 : 3 }) },
      { name: 'postgres', health: () => 'ok' },
    ];
    const metrics = createMetrics();
    metrics.watchDependencies(dependencies);
    const routes = healthRoutes(
      { knowledgeLoaded: () => true, adapters: () => [], stopping: () => false, dependencies: () => dependencies },
      metrics,
    );
    const port = await freePort();
    const server = await startHealthServer(port, routes);
    try {
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(ok.status).toBe(200);
      expect(await ok.json()).toMatchObject({ status: 'ok', problems: [] });
      redis = 'degraded';
      const degraded = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(degraded.status).toBe(200);
      expect(await degraded.json()).toMatchObject({
        status: 'degraded',
        problems: ['redis unreachable (local fallback serving)'],
        dependencies: [
          { name: 'redis', health: 'degraded' },
          { name: 'postgres', health: 'ok' },
        ],
      });
      const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      expect(text).toMatch(/alliance_dependency_healthy\{dependency="redis"\} 0/);
      expect(text).toMatch(/alliance_dependency_healthy\{dependency="postgres"\} 1/);
      expect(text).toMatch(/alliance_dependency_stat\{dependency="redis",stat="fallbackCalls"\} 3/);
    } finally {
      server.close();
    }
  });
});
