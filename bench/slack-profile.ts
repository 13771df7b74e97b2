/**
 * Summarises a V8 CPU profile (`node --cpu-prof`, e.g. of the program under the Slack load test:
 * BENCH_ONLY=slack BENCH_SLACK_PROFILE=<folder>): self and total time by function and self time
 * by package, to see what a request costs.
 *
 *   node --import tsx bench/slack-profile.ts <file.cpuprofile> [--top=30] [--last=SECONDS]
 *
 * `--last` keeps only the samples of the profile's last SECONDS, less the final second (the
 * shutdown), so start-up does not count: with BENCH_SLACK_SECONDS=8, `--last=7` is the measured run.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** The package (or project folder) a script URL belongs to. */
function owner(url: string): string {
  if (!url) return '(native)';
  const pkg = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (pkg) return pkg[1] ?? url;
  if (url.startsWith('node:')) return 'node core';
  const project = url.match(/\/dist\/((?:src|adapters)\/[^/]+)/);
  return project ? (project[1] ?? url) : url;
}

function frameName(frame: ProfileNode['callFrame']): string {
  const where = frame.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/dist\//, 'dist/');
  return `${frame.functionName || '(anonymous)'} ${where}:${frame.lineNumber + 1}`;
}

function option(name: string, fallback: number): number {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  return arg ? Number(arg.slice(name.length + 3)) : fallback;
}

function main(): void {
  const file = process.argv.slice(2).find((a) => !a.startsWith('--'));
  if (!file) throw new Error('slack-profile: usage: bench/slack-profile.ts <file.cpuprofile> [--top=30] [--last=SECONDS]');
  const top = option('top', 30);
  const lastUs = option('last', 0) * 1e6;
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

  // Sample times, to keep only the window asked for.
  const times: number[] = [];
  let t = profile.startTime;
  for (const delta of profile.timeDeltas) times.push((t += delta));
  const end = times.at(-1) ?? 0;
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    const at = times[i] ?? 0;
    if (lastUs > 0 && (at < end - lastUs - 1e6 || at > end - 1e6)) return;
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);

  const selfByFunction = new Map<string, number>();
  const totalByFunction = new Map<string, number>();
  const packages = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, us: number): void => void map.set(key, (map.get(key) ?? 0) + us);
  for (const [id, us] of self) {
    const frame = byId.get(id)?.callFrame;
    if (!frame) continue;
    add(selfByFunction, frameName(frame), us);
    add(packages, owner(frame.url), us);
    // Total time: every function on the stack once, however often it recurs.
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const caller = byId.get(at)?.callFrame;
      if (!caller) break;
      const name = frameName(caller);
      if (!seen.has(name)) add(totalByFunction, name, us);
      seen.add(name);
    }
  }
  const lines: string[] = [`${(total / 1000).toFixed(0)} ms sampled${lastUs > 0 ? ` (the last ${lastUs / 1e6} s but one)` : ''}`];
  const show = (title: string, rows: Map<string, number>): void => {
    lines.push('', title);
    for (const [name, us] of [...rows].sort((a, b) => b[1] - a[1]).slice(0, top)) {
      lines.push(`${((us / total) * 100).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(6)} ms  ${name}`);
    }
  };
  show('self time by package', packages);
  show('self time by function', selfByFunction);
  show('total time by function', totalByFunction);
  // A closed pipe (| head) is not an error worth a stack trace.
  process.stdout.on('error', () => undefined);
  process.stdout.write(`${lines.join('\n')}\n`);
}

main();
