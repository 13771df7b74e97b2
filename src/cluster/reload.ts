/**
 * A reload asked of one instance reloads every instance: the request goes out on the shared
 * state's broadcast, each instance says it has started and then how it went, and the instance
 * that was asked reports to the moderator how many reloaded and what failed where.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from '../logger.js';
import type { SharedState } from '../state/types.js';

/** One other instance's reload that did not go through. */
export interface InstanceFailure {
  instance: string;
  /** What went wrong there, one line each (knowledge errors, failed checks). */
  problems: string[];
}

/** What the other instances did with a broadcast reload. */
export interface ClusterOutcome {
  /** Instances that reloaded, this one included. */
  reloaded: number;
  /** Instances that answered, this one included. */
  instances: number;
  failed: InstanceFailure[];
  /** Instances that started but did not say how it went in time. */
  silent: string[];
}

/** How one instance's reload went, in the few words the others need. */
export interface LocalOutcome {
  ok: boolean;
  problems: string[];
}

/** Options for {@link createReloadBroadcast}. */
export interface ReloadBroadcastOptions<R> {
  state: SharedState;
  /** This instance's name, unique among the instances (host name and process id, say). */
  instance: string;
  logger: Logger;
  /** Reloads this instance. */
  reloadHere: (by: string, force: boolean) => Promise<R>;
  /** What the others are told of a reload here. */
  outcome: (report: R) => LocalOutcome;
  /** How long the others have to say they started. Default 1 s. */
  startMs?: number;
  /** How long the others have, after starting, to finish. Default 60 s. */
  finishMs?: number;
}

/** Reloads every instance from any one of them. */
export interface ReloadBroadcast<R> {
  /**
   * Reloads here (with `here`, or `reloadHere`) and everywhere else; resolves with this instance's
   * report and the others' outcome.
   */
  reloadAll(by: string, force: boolean, here?: () => Promise<R>): Promise<{ report: R; cluster: ClusterOutcome }>;
  /** Tells the others to reload without waiting for them (after /kb teach here, say). */
  announce(by: string, force: boolean): Promise<void>;
  close(): Promise<void>;
}

type Message =
  | { type: 'request'; id: string; from: string; by: string; force: boolean }
  | { type: 'started'; id: string; instance: string }
  | { type: 'done'; id: string; instance: string; ok: boolean; problems: string[] };

const CHANNEL = 'reload';

interface Waiting {
  started: Set<string>;
  done: Map<string, LocalOutcome>;
  changed: () => void;
}

/** Subscribes this instance to reload requests and returns the way to send one. */
export async function createReloadBroadcast<R>(options: ReloadBroadcastOptions<R>): Promise<ReloadBroadcast<R>> {
  const { state, instance, logger } = options;
  const waiting = new Map<string, Waiting>();
  const send = (message: Message): Promise<void> =>
    state
      .publish(CHANNEL, JSON.stringify(message))
      .catch((error: unknown) => logger.warn({ err: error }, 'cluster: reload message not sent'));

  const onMessage = (raw: string): void => {
    let message: Message;
    try {
      message = JSON.parse(raw) as Message;
    } catch {
      return;
    }
    if (message.type === 'request') {
      if (message.from === instance) return;
      void send({ type: 'started', id: message.id, instance });
      void options
        .reloadHere(message.by, message.force)
        .then(options.outcome, (error: unknown) => ({ ok: false, problems: [error instanceof Error ? error.message : String(error)] }))
        .then((outcome) => {
          logger.info({ ok: outcome.ok, by: message.by, from: message.from }, 'cluster: reloaded for another instance');
          return send({ type: 'done', id: message.id, instance, ...outcome });
        });
      return;
    }
    const wait = waiting.get(message.id);
    if (!wait || message.instance === instance) return;
    if (message.type === 'started') wait.started.add(message.instance);
    else wait.done.set(message.instance, { ok: message.ok, problems: message.problems });
    wait.changed();
  };
  const unsubscribe = await state.subscribe(CHANNEL, onMessage);

  const startMs = options.startMs ?? 1000;
  const finishMs = options.finishMs ?? 60_000;

  return {
    async reloadAll(by, force, here) {
      const id = randomUUID();
      let changed = (): void => undefined;
      const wait: Waiting = { started: new Set(), done: new Map(), changed: () => changed() };
      waiting.set(id, wait);
      try {
        await send({ type: 'request', id, from: instance, by, force });
        const startedBy = Date.now() + startMs;
        const report = await (here ? here() : options.reloadHere(by, force));
        const mine = options.outcome(report);
        // Wait for the others: first for those that will start, then for every started one to finish.
        const deadline = Math.max(startedBy, Date.now()) + finishMs;
        const settled = (): boolean => Date.now() >= startedBy && [...wait.started].every((i) => wait.done.has(i));
        while (!settled() && Date.now() < deadline) {
          const until = Date.now() < startedBy ? startedBy : deadline;
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, Math.max(0, until - Date.now()));
            changed = () => {
              clearTimeout(timer);
              resolve();
            };
          });
        }
        const others = [...new Set([...wait.started, ...wait.done.keys()])];
        const failed: InstanceFailure[] = [];
        if (!mine.ok) failed.push({ instance, problems: mine.problems });
        for (const other of others) {
          const outcome = wait.done.get(other);
          if (outcome && !outcome.ok) failed.push({ instance: other, problems: outcome.problems });
        }
        const silent = others.filter((o) => !wait.done.has(o));
        const reloaded = (mine.ok ? 1 : 0) + others.filter((o) => wait.done.get(o)?.ok).length;
        return { report, cluster: { reloaded, instances: 1 + others.length, failed, silent } };
      } finally {
        waiting.delete(id);
      }
    },

    async announce(by, force) {
      await send({ type: 'request', id: randomUUID(), from: instance, by, force });
    },

    async close() {
      await unsubscribe();
    },
  };
}
