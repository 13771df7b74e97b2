import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Adapter, AnswerKind, Platform } from '../types.js';

/** What the bot reports as it works; the Prometheus implementation is {@link createMetrics}. */
export interface BotMetrics {
  answered(platform: Platform, kind: AnswerKind, seconds: number): void;
  reloaded(outcome: string): void;
  failed(source: string): void;
}

/** The Prometheus registry and the bot's instruments. */
export interface Metrics extends BotMetrics {
  readonly registry: Registry;
  /** Reads connection state and reconnect counts from the adapters at scrape time. */
  watchAdapters(adapters: readonly Adapter[]): void;
  /** Reads the health and counters of Redis and PostgreSQL at scrape time. */
  watchDependencies(dependencies: readonly Dependency[]): void;
}

/** A server the bot relies on but can run without for a while (Redis, PostgreSQL). */
export interface Dependency {
  readonly name: string;
  /** 'degraded' while it is unreachable and a local fallback serves. */
  health(): 'ok' | 'degraded';
  /** Counters worth watching: fallback answers, outages, buffered and dropped rows. */
  stats?(): Readonly<Record<string, number>>;
}

/** Prometheus metrics: questions by platform and outcome, answer latency, reloads, errors, reconnects. */
export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const questions = new Counter({
    name: 'alliance_questions_total',
    help: 'Questions answered, by platform and outcome (answer kind).',
    labelNames: ['platform', 'outcome'],
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'alliance_answer_latency_seconds',
    help: 'Time to answer a question in the core.',
    labelNames: ['platform'],
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [registry],
  });
  const reloads = new Counter({
    name: 'alliance_reloads_total',
    help: 'Knowledge reloads, by outcome.',
    labelNames: ['outcome'],
    registers: [registry],
  });
  const errors = new Counter({
    name: 'alliance_errors_total',
    help: 'Errors logged while answering or handling events, by source.',
    labelNames: ['source'],
    registers: [registry],
  });
  let adapters: readonly Adapter[] = [];
  new Gauge({
    name: 'alliance_adapter_connected',
    help: '1 when the adapter is connected to its platform.',
    labelNames: ['adapter'],
    registers: [registry],
    collect() {
      for (const a of adapters) this.set({ adapter: a.name }, a.status ? Number(a.status().connected) : 1);
    },
  });
  new Gauge({
    name: 'alliance_gateway_reconnects_total',
    help: 'Times an adapter connection dropped and was made again.',
    labelNames: ['adapter'],
    registers: [registry],
    collect() {
      for (const a of adapters) this.set({ adapter: a.name }, a.status?.().reconnects ?? 0);
    },
  });
  let dependencies: readonly Dependency[] = [];
  new Gauge({
    name: 'alliance_dependency_healthy',
    help: '1 while the dependency (redis, postgres) is reachable; 0 while the bot runs on its local fallback.',
    labelNames: ['dependency'],
    registers: [registry],
    collect() {
      for (const d of dependencies) this.set({ dependency: d.name }, d.health() === 'ok' ? 1 : 0);
    },
  });
  new Gauge({
    name: 'alliance_dependency_stat',
    help: 'Counters of a dependency: fallbackCalls and outages (redis); buffered, dropped and written rows (postgres).',
    labelNames: ['dependency', 'stat'],
    registers: [registry],
    collect() {
      for (const d of dependencies)
        for (const [stat, value] of Object.entries(d.stats?.() ?? {})) this.set({ dependency: d.name, stat }, value);
    },
  });
  return {
    registry,
    answered: (platform, kind, seconds) => {
      questions.inc({ platform, outcome: kind });
      latency.observe({ platform }, seconds);
    },
    reloaded: (outcome) => reloads.inc({ outcome }),
    failed: (source) => errors.inc({ source }),
    watchAdapters: (list) => {
      adapters = list;
    },
    watchDependencies: (list) => {
      dependencies = list;
    },
  };
}
