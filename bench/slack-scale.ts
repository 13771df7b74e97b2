/**
 * The Slack HTTP load of bench/slack-load.ts, run three times: with the in-memory state and the
 * SQLite analytics (the default), with Redis for the shared state, and with Redis and PostgreSQL.
 * Needs the servers: `eval "$(scripts/test-services.sh start)"` sets TEST_REDIS_URL and
 * TEST_DATABASE_URL, which this reads. Prints the "Several instances" section, kept in
 * bench/several-instances.md, which `npm run bench` puts into docs/benchmarks.md.
 *
 *   npm run --silent build && node --import tsx bench/slack-scale.ts
 */
import pg from 'pg';
import { type SlackLoadResult, slackLoad } from './slack-load.js';

const redisUrl = process.env.TEST_REDIS_URL;
const databaseUrl = process.env.TEST_DATABASE_URL;
if (!redisUrl || !databaseUrl) {
  process.stderr.write('bench: TEST_REDIS_URL and TEST_DATABASE_URL must be set (eval "$(scripts/test-services.sh start)")\n');
  process.exit(2);
}
const seconds = Number(process.env.BENCH_SLACK_SECONDS ?? 10);

/** A fresh database for the run, so migrations and tables start empty as on a first deploy. */
async function freshDatabase(url: string): Promise<string> {
  const name = `alliance_bench_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const fresh = new URL(url);
  fresh.pathname = `/${name}`;
  return fresh.toString();
}

const configs: [string, Record<string, string>][] = [
  ['in memory + SQLite (default)', {}],
  ['Redis + SQLite', { REDIS_URL: redisUrl }],
  ['Redis + PostgreSQL', { REDIS_URL: redisUrl, DATABASE_URL: await freshDatabase(databaseUrl) }],
];
// BENCH_SCALE_ORDER=reverse runs them the other way round, to see what the order does on a busy machine.
if (process.env.BENCH_SCALE_ORDER === 'reverse') configs.reverse();
const runs: { name: string; result: SlackLoadResult }[] = [];
for (const [name, env] of configs) {
  process.stderr.write(`bench: slack load, ${name}\n`);
  runs.push({ name, result: await slackLoad({ durationSeconds: seconds, env }) });
}

const row = (name: string, r: SlackLoadResult['adapter']): string =>
  `| ${name} | ${Math.round(r.requestsPerSecond)} | ${r.p50} | ${r.p99} | ${r.max} | ${r.cpuMsPerRequest?.toFixed(3) ?? ''} | ${r.requests} | ${r.errors} | ${r.answered} | ${r.wrong} | ${r.loggedProblems} |`;
const lines = [
  '| state + analytics | requests/s | p50 ms | p99 ms | max ms | CPU ms per request | requests | errors | answered | wrong | logged problems |',
  '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...runs.map((r) => row(r.name, r.result.adapter)),
  '',
  `Ceiling (bare Bolt app) in the same runs: ${runs.map((r) => Math.round(r.result.ceiling.requestsPerSecond)).join(', ')} requests/s; load average before each: ${runs.map((r) => r.result.loadAverage.toFixed(2)).join(', ')}.`,
];
process.stdout.write(`${lines.join('\n')}\n`);
