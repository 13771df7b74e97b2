/**
 * The load generator of the Slack load test, run as its own process (`node --import tsx
 * bench/slack-cannon.ts '<job JSON>'`) so that autocannon does not share an event loop with the
 * app it measures. It sends signed `/ask` slash commands, each signed with the current timestamp
 * and carrying its own response URL, from a pool of people and channels; in `check` mode it reads
 * every acknowledgement and counts the answers in it. Prints `measuring` when the warm-up is over,
 * then one JSON line ({@link CannonReport}) on stdout.
 */
import autocannon, { type Request as CannonRequest, type Result } from 'autocannon';
import { slashCommand } from '../test/fakes/slack/payloads.js';
import { sign } from '../test/fakes/slack/signing.js';
import { answers, responseId, SLACK_QUESTIONS } from './slack-questions.js';

/** What to run; given as the first argument, as JSON. */
export interface CannonJob {
  /** The app's /slack/events URL. */
  url: string;
  signingSecret: string;
  teamId: string;
  botUserId: string;
  /** Origin of the fake Slack: response URLs are `${responseOrigin}/response/<id>` (see {@link responseId}). */
  responseOrigin: string;
  /** Seconds of load before the measured run (JIT, connection set-up, caches); not counted. */
  warmUpSeconds: number;
  durationSeconds: number;
  connections: number;
  /** Slack user ids the questions come from, in turn. */
  users: string[];
  channels: string[];
  /** Read the acknowledgements and count the answers in them (off for the ceiling, which acks a constant). */
  check: boolean;
}

/** The measured run, as autocannon saw it. */
export interface CannonRun {
  requestsPerSecond: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  /** Responses received in the measured run. */
  requests: number;
  /** Connection errors, timeouts and non-2xx replies. */
  errors: number;
}

/** What the acknowledgements of the measured run said (check mode). */
export interface AckCount {
  /** Acks carrying the answer, in the channel, saying what the question's answer must say. */
  answered: number;
  /** Acks carrying a message that is not the expected answer (wrong text, ephemeral, an apology). */
  wrong: number;
  /** Empty acks: the answer must then come through the response URL; their response ids. */
  emptyIds: string[];
  /** One example of a wrong acknowledgement, for the report. */
  example?: string;
}

/** The child's one line of output. */
export interface CannonReport {
  run: CannonRun;
  acks: AckCount;
}

/** What one connection remembers about its request in flight (autocannon keeps one context per connection). */
interface InFlight {
  question?: number;
  responseId?: string;
}

function summary(r: Result): CannonRun {
  return {
    requestsPerSecond: r.requests.average,
    p50: r.latency.p50,
    p90: r.latency.p90,
    p99: r.latency.p99,
    max: r.latency.max,
    requests: r.requests.total,
    errors: r.errors + r.timeouts + r.non2xx,
  };
}

/** One autocannon run of `seconds`; response ids start with `prefix` so warm-up answers are told apart. */
async function fire(job: CannonJob, seconds: number, prefix: string, acks: AckCount | undefined): Promise<Result> {
  const path = new URL(job.url).pathname;
  const workspace = { teamId: job.teamId, botUserId: job.botUserId };
  let n = 0;
  const request: CannonRequest = {
    method: 'POST',
    path,
    setupRequest: (req, context) => {
      const i = n++;
      const question = i % SLACK_QUESTIONS.length;
      const id = responseId(prefix, i);
      const form = slashCommand(workspace, {
        command: '/ask',
        text: SLACK_QUESTIONS[question]?.text ?? '',
        // Different strides so every person asks in several channels.
        user: job.users[i % job.users.length] ?? 'ULOAD',
        channel: job.channels[Math.floor(i / 7) % job.channels.length] ?? 'CLOAD',
        responseUrl: `${job.responseOrigin}/response/${id}`,
      });
      const inFlight = context as InFlight;
      inFlight.question = question;
      inFlight.responseId = id;
      const body = new URLSearchParams(form).toString();
      // Signed now, as Slack does: Bolt refuses requests more than five minutes old.
      const timestamp = Math.floor(Date.now() / 1000);
      return {
        ...req,
        body,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-slack-request-timestamp': String(timestamp),
          'x-slack-signature': sign(job.signingSecret, timestamp, body),
        },
      };
    },
    ...(acks
      ? {
          onResponse: (status, body, context) => {
            if (status !== 200) return; // counted by autocannon as non-2xx
            const inFlight = context as InFlight;
            if (body === '') {
              acks.emptyIds.push(inFlight.responseId ?? '');
              return;
            }
            let ok = false;
            try {
              ok = answers(JSON.parse(body) as Record<string, unknown>, inFlight.question ?? -1);
            } catch {
              ok = false;
            }
            if (ok) acks.answered++;
            else {
              acks.wrong++;
              acks.example ??= body.slice(0, 300);
            }
          },
        }
      : {}),
  };
  return autocannon({ url: job.url, connections: job.connections, duration: seconds, requests: [request] });
}

async function main(): Promise<void> {
  const job = JSON.parse(process.argv[2] ?? '') as CannonJob;
  if (job.warmUpSeconds > 0) await fire(job, job.warmUpSeconds, 'w', undefined);
  // Tells the driver the measured run starts, so it can read the app's CPU time from here.
  process.stdout.write('measuring\n');
  const acks: AckCount = { answered: 0, wrong: 0, emptyIds: [] };
  const result = await fire(job, job.durationSeconds, 'm', job.check ? acks : undefined);
  const report: CannonReport = { run: summary(result), acks };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

// The driver holds our stdin open; if it dies, stop instead of loading a server nobody measures.
process.stdin.on('end', () => process.exit(2));
process.stdin.resume();

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`slack-cannon: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
