import { performance } from 'node:perf_hooks';
import { setImmediate } from 'node:timers/promises';
import { Analyzer } from './answer/analyzer.js';
import { answer } from './answer/compose.js';
import { cleanQuestion } from './answer/question.js';
import { SqliteAnalytics } from './analytics/sqlite.js';
import type { AnalyticsOptions } from './analytics/store.js';
import type { Analytics } from './analytics/types.js';
import type { AppConfig } from './config.js';
import { APOLOGY } from './conversation/texts.js';
import { UserError } from './errors.js';
import { KnowledgeLoadError, type ServingAnswerer } from './answer/serving.js';
import { startAnswerer } from './answer/start.js';
import { formatKnowledgeError } from './knowledge/loader.js';
import { createLanguageLayer, type LanguageLayer } from './language/index.js';
import { diffManifests } from './knowledge/manifest.js';
import { silentLogger, type Logger } from './logger.js';
import type { BotMetrics } from './observability/metrics.js';
import { runChecks } from './moderation/checks.js';
import { groupGaps } from './moderation/gaps.js';
import { undoTaught, validateTeach, withTaughtLock, writeTaught } from './moderation/teach.js';
import { formatWhy } from './moderation/why.js';
import type {
  Answer,
  Bot,
  CheckFailure,
  GapsReport,
  ModeratorTools,
  Platform,
  Question,
  ReloadOptions,
  ReloadReport,
  StatusReport,
  TeachInput,
  TeachResult,
} from './types.js';

/** Options for {@link createBot}. */
export interface BotOptions {
  /** Folder of Markdown documents, FAQ files, synonyms and checks. */
  knowledgeDir: string;
  logger?: Logger;
  /** Longest question accepted, in characters (default 500). */
  maxQuestionLength?: number;
  /** Where question outcomes, votes and the audit log go; nothing is recorded when absent. */
  analytics?: AnalyticsOptions;
  /** Analytics already opened (PostgreSQL with DATABASE_URL): used instead of the SQLite file of `analytics`; closed with the bot. */
  analyticsStore?: Analytics;
  /** Counters and latency for /metrics. */
  metrics?: BotMetrics;
  /**
   * Largest knowledge, in bytes of text, built and served on the main thread rather than in a
   * worker (default IN_PROCESS_MAX_BYTES, see answer/start.ts); 0 puts every knowledge base in a
   * worker, Infinity none.
   */
  inProcessMaxBytes?: number;
  /** Confidence below which the bot says it does not know (default CONFIDENCE_THRESHOLD in answer/answerer.ts). */
  answerThreshold?: number;
}

/** The bot's options as the program's configuration sets them (main and every Discord shard alike). */
export function botOptionsFrom(config: AppConfig, logger: Logger, metrics?: BotMetrics): BotOptions {
  return {
    knowledgeDir: config.knowledgeDir,
    logger,
    maxQuestionLength: config.maxQuestionLength,
    ...(config.answerThreshold !== undefined ? { answerThreshold: config.answerThreshold } : {}),
    ...(config.analytics ? { analytics: config.analytics } : {}),
    ...(metrics ? { metrics } : {}),
  };
}

/** The bot: the {@link Bot} contract, the moderators' tools, and what embedders need. */
export interface AllianceBot extends Bot, ModeratorTools {
  readonly knowledgeDir: string;
  /** The answerer serving now (for benchmarks and tests); replaced on every reload. */
  current(): ServingAnswerer;
  /**
   * The language layer of the knowledge serving now (its lexicons), replaced on every reload: the
   * conversation layer's language stage reads with it (src/language/stage.ts).
   */
  language(): LanguageLayer;
  /** Reloads on behalf of the system (SIGHUP, the file watcher): checked, audited. */
  systemReload(reason: string): Promise<ReloadReport>;
  /** Stops the answerer (after the questions in flight) and closes the analytics database. */
  close(): Promise<void>;
}

const who = (q: Question): string => `${q.userName ?? q.userId} (${q.platform})`;
const DEFAULT_GAP_DAYS = 7;

/**
 * Loads the knowledge folder and returns the bot. Throws a {@link UserError} listing every
 * problem (`file:line: message`) when the folder does not validate.
 */
export async function createBot(options: BotOptions): Promise<AllianceBot> {
  const logger = options.logger ?? silentLogger();
  const maxQuestionLength = options.maxQuestionLength ?? 500;

  // A small knowledge base is built and served on this thread (no message round trip per
  // question); a large one in a worker thread, since building it takes seconds of CPU that must
  // not stall the event loop acknowledging Slack and Discord. answer/start.ts draws the line.
  const start = (warmUp = false): Promise<ServingAnswerer> =>
    startAnswerer(options.knowledgeDir, {
      inProcessMaxBytes: options.inProcessMaxBytes,
      warmUp,
      ...(options.answerThreshold !== undefined ? { answerer: { threshold: options.answerThreshold } } : {}),
    });
  // Nothing is served yet: the time to warm up what reloads will run on this thread.
  let answerer: ServingAnswerer = await start(true).catch((error: unknown) => {
    if (error instanceof KnowledgeLoadError) {
      throw new UserError(
        `knowledge: ${options.knowledgeDir} has problems:\n${error.errors.map((e) => `  ${formatKnowledgeError(e)}`).join('\n')}`,
      );
    }
    throw error;
  });
  // Questions in other languages (issue 15): read with the serving knowledge's lexicons.
  const languageOf = (a: ServingAnswerer): LanguageLayer =>
    createLanguageLayer({ lexicons: a.manifest.lexicons, subject: a.manifest.subject, documentLanguages: a.manifest.documentLanguages });
  let language = languageOf(answerer);
  // Gaps group questions with the same analyzer the answers use.
  let analyzer = new Analyzer(answerer.manifest.synonyms);
  const analytics: Analytics | undefined =
    options.analyticsStore ?? (options.analytics ? new SqliteAnalytics(options.analytics) : undefined);
  // Retention is enforced daily, not only at start, for a bot left running for months.
  const pruning = analytics ? setInterval(() => void analytics.prune(), 86_400_000).unref() : undefined;

  let loadedAt = new Date();
  let loadedBy = 'start-up';
  let lastReload: ReloadReport | undefined;
  let reloading: Promise<unknown> = Promise.resolve();

  const requireModerator = (by: Question, what: string): void => {
    if (!by.isModerator) throw new UserError(`bot: only moderators can ${what}`);
  };

  async function load(by: string, force: boolean): Promise<ReloadReport> {
    const started = performance.now();
    const base = { by, tookMs: 0, forced: force, checksPassed: 0, checkFailures: [] as CheckFailure[] };
    let report: ReloadReport;
    try {
      report = await buildAndSwap(by, force, base);
    } catch (error) {
      if (!(error instanceof KnowledgeLoadError)) throw error;
      report = { ...base, ok: false, ...answerer.stats, added: [], removed: [], changed: [], errors: error.errors };
    }
    report.tookMs = Math.round(performance.now() - started);
    lastReload = report;
    const outcome = report.ok ? (force ? 'forced' : 'done') : report.errors.length ? 'invalid' : 'checks failed';
    options.metrics?.reloaded(outcome);
    analytics?.audit({
      by,
      action: force ? 'reload force' : 'reload',
      outcome,
      detail: `${report.documents} docs, ${report.faqEntries} FAQ, ${report.errors.length} errors, ${report.checkFailures.length} failed checks`,
    });
    logger.info(
      {
        ok: report.ok,
        by,
        forced: force,
        tookMs: report.tookMs,
        errors: report.errors.length,
        failedChecks: report.checkFailures.length,
        serving: answerer.home,
      },
      'bot: reload',
    );
    return report;
  }

  /**
   * Builds the folder into a new answerer beside the serving one (in this thread or a new worker,
   * by its size), checks it, and swaps it in if it passes.
   */
  async function buildAndSwap(by: string, force: boolean, base: Pick<ReloadReport, 'by' | 'tookMs' | 'forced'>): Promise<ReloadReport> {
    const next = await start();
    const changes = diffManifests(answerer.manifest, next.manifest);
    const checks = force
      ? { passed: 0, failures: [] }
      : await runChecks(next.manifest.checks, async (text) => {
          // An in-process candidate answers in microtasks, which never let the event loop in: give
          // it a turn before each check, so questions arriving meanwhile wait for one check, not all.
          await setImmediate();
          return (await next.ask(text)).text;
        }).catch(async (error: unknown) => {
          await next.close();
          throw error;
        });
    const ok = checks.failures.length === 0;
    if (ok) {
      // The swap is one assignment: a question sees the old answerer or the new one, never a mix.
      // The old one finishes what it is answering, then stops.
      const old = answerer;
      answerer = next;
      language = languageOf(next);
      analyzer = new Analyzer(next.manifest.synonyms);
      loadedAt = new Date();
      loadedBy = by;
      void old.close();
    } else {
      void next.close();
    }
    return { ...base, ok, ...next.stats, ...changes, errors: [], checksPassed: checks.passed, checkFailures: checks.failures };
  }

  /** Reloads run one after another; each reads the folder as it is when its turn comes. */
  function queueReload(by: string, force: boolean): Promise<ReloadReport> {
    const next = reloading.then(() => load(by, force));
    reloading = next.catch(() => undefined);
    return next;
  }

  const bot: AllianceBot = {
    knowledgeDir: options.knowledgeDir,

    async ask(question: Question): Promise<Answer> {
      const started = performance.now();
      try {
        const text = cleanQuestion(question.text, maxQuestionLength);
        const serving = answerer;
        const reply = text === '' ? serving.help(question.platform) : await serving.ask(text);
        if (analytics && text !== '') {
          const answered = reply.kind !== 'unknown' && reply.kind !== 'error';
          const id = analytics.record({
            text,
            platform: question.platform,
            kind: reply.kind,
            confidence: reply.confidence,
            answered,
            direct: question.isDirect ?? false,
            userId: question.userId,
          });
          reply.id = String(id);
        }
        options.metrics?.answered(question.platform, reply.kind, (performance.now() - started) / 1000);
        // Question text is not logged at info: DMs are private.
        logger.info(
          { platform: question.platform, kind: reply.kind, confidence: reply.confidence, ms: Math.round(performance.now() - started) },
          'bot: answered',
        );
        logger.debug({ platform: question.platform, text }, 'bot: question text');
        return reply;
      } catch (error) {
        logger.error({ err: error, platform: question.platform }, 'bot: failed to answer');
        options.metrics?.failed('answer');
        return answer('error', APOLOGY, 0, []);
      }
    },

    async reload(by: Question, reloadOptions: ReloadOptions = {}): Promise<ReloadReport> {
      requireModerator(by, 'reload the knowledge base');
      return queueReload(who(by), reloadOptions.force ?? false);
    },

    async systemReload(reason: string): Promise<ReloadReport> {
      return queueReload(reason, false);
    },

    async suggest(typed: string, limit: number): Promise<string[]> {
      return answerer.suggest(cleanQuestion(typed, maxQuestionLength), limit);
    },

    help(platform: Platform): Answer {
      return answerer.help(platform);
    },

    async status(by: Question): Promise<StatusReport> {
      requireModerator(by, 'see the knowledge status');
      return {
        ...answerer.stats,
        checks: answerer.manifest.checks.length,
        contentHash: answerer.manifest.contentHash,
        loadedAt,
        loadedBy,
        ...(lastReload ? { lastReload } : {}),
      };
    },

    async gaps(by: Question, days = DEFAULT_GAP_DAYS): Promise<GapsReport> {
      requireModerator(by, 'see the gaps');
      if (!analytics) return { days, recording: false, gaps: [], downvoted: [] };
      return {
        days,
        recording: true,
        gaps: groupGaps(await analytics.questions(days), analyzer, 10),
        downvoted: (await analytics.downvoted(days, 5)).map(({ question, up, down }) => ({ question, up, down })),
      };
    },

    async why(by: Question, text: string): Promise<string> {
      requireModerator(by, 'ask why');
      const cleaned = cleanQuestion(text, maxQuestionLength);
      if (cleaned === '') throw new UserError('bot: say which question, e.g. "kb why who founded it?"');
      return formatWhy(await answerer.explain(cleaned));
    },

    async teach(by: Question, input: TeachInput): Promise<TeachResult> {
      requireModerator(by, 'teach the bot');
      const errors = validateTeach(input, answerer.manifest.faq);
      if (errors.length > 0) return { ok: false, errors };
      const author = who(by);
      // The write and its reload go through the reload queue, so two teaches here never interleave;
      // the folder's lock keeps other instances and shards on this machine out for the same span,
      // so an undo puts back a file nobody else has appended to since.
      const result = reloading.then(() =>
        withTaughtLock(options.knowledgeDir, async (): Promise<TeachResult> => {
          const write = await writeTaught(options.knowledgeDir, input, author, new Date());
          const report = await load(author, false);
          if (report.ok) {
            analytics?.audit({ by: author, action: 'teach', outcome: 'done', detail: input.question.trim() });
            return { ok: true, errors: [], report };
          }
          // The entry broke the knowledge or a check: take it out again; the form keeps the text.
          await undoTaught(write);
          analytics?.audit({ by: author, action: 'teach', outcome: 'refused', detail: input.question.trim() });
          const why = report.errors.length
            ? report.errors.map(formatKnowledgeError).join('; ')
            : report.checkFailures.map((f) => `check "${f.question}": ${f.problems.join(', ')}`).join('; ');
          return { ok: false, errors: [{ field: 'form', message: `Not saved: with this entry ${why}` }], report };
        }),
      );
      reloading = result.catch(() => undefined);
      return result;
    },

    async feedback(answerId: string, vote: 'up' | 'down', by: Question): Promise<void> {
      const id = Number(answerId);
      if (!analytics || !Number.isInteger(id)) return;
      if (!(await analytics.vote(id, vote === 'up' ? 1 : -1, by.userId))) logger.warn({ answerId }, 'bot: vote on an unknown answer');
    },

    current(): ServingAnswerer {
      return answerer;
    },

    language(): LanguageLayer {
      return language;
    },

    async close(): Promise<void> {
      if (pruning) clearInterval(pruning);
      await reloading;
      await answerer.close();
      await analytics?.close();
    },
  };
  return bot;
}
