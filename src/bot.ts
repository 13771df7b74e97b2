import { performance } from 'node:perf_hooks';
import { Answerer } from './answer/answerer.js';
import { answer } from './answer/compose.js';
import { cleanQuestion } from './answer/question.js';
import type { CooldownConfig } from './config.js';
import { Cooldown } from './cooldown.js';
import { APOLOGY, UserError } from './errors.js';
import { formatKnowledgeError, loadKnowledge } from './knowledge/loader.js';
import type { KnowledgeBase } from './knowledge/types.js';
import { silentLogger, type Logger } from './logger.js';
import type { Answer, Bot, Platform, Question, ReloadReport } from './types.js';

/** Options for {@link createBot}. */
export interface BotOptions {
  /** Folder of Markdown documents, FAQ files and synonyms. */
  knowledgeDir: string;
  logger?: Logger;
  /** Question limits; none when absent (embedding, benchmarks). */
  cooldown?: CooldownConfig;
  /** Longest question accepted, in characters (default 500). */
  maxQuestionLength?: number;
}

/** What is loaded and how the last reload went (for `kb status`). */
export interface BotStatus {
  documents: number;
  passages: number;
  faqEntries: number;
  loadedAt: Date;
  loadedBy: string;
  lastReload?: ReloadReport;
}

/** The bot with what moderators' tools and embedders need besides the {@link Bot} contract. */
export interface AllianceBot extends Bot {
  readonly knowledgeDir: string;
  status(): BotStatus;
  /** The answerer serving now (for explanations and benchmarks); replaced on every reload. */
  current(): Answerer;
}

const describe = (q: Question): string => `${q.userName ?? q.userId} (${q.platform})`;

/** Names of documents and FAQ entries that differ between two knowledge bases. */
function diff(before: KnowledgeBase, after: KnowledgeBase): Pick<ReloadReport, 'added' | 'removed' | 'changed'> {
  const items = (kb: KnowledgeBase): Map<string, string> =>
    new Map([
      ...kb.documents.map((d): [string, string] => [d.meta.file, d.raw]),
      ...kb.faq.map((f): [string, string] => [`FAQ "${f.question}"`, JSON.stringify([f.alternates, f.answer, f.source])]),
    ]);
  const old = items(before);
  const now = items(after);
  return {
    added: [...now.keys()].filter((k) => !old.has(k)),
    removed: [...old.keys()].filter((k) => !now.has(k)),
    changed: [...now.keys()].filter((k) => old.has(k) && old.get(k) !== now.get(k)),
  };
}

/**
 * Loads the knowledge folder and returns the bot. Throws a {@link UserError} listing every
 * problem (`file:line: message`) when the folder does not validate.
 */
export async function createBot(options: BotOptions): Promise<AllianceBot> {
  const logger = options.logger ?? silentLogger();
  const maxQuestionLength = options.maxQuestionLength ?? 500;
  const cooldown = options.cooldown ? new Cooldown(options.cooldown) : undefined;

  const first = await loadKnowledge(options.knowledgeDir);
  if (!first.ok) {
    throw new UserError(`knowledge: ${options.knowledgeDir} has problems:\n${first.errors.map((e) => `  ${formatKnowledgeError(e)}`).join('\n')}`);
  }
  let answerer = new Answerer(first.knowledge);
  let loadedAt = new Date();
  let loadedBy = 'start-up';
  let lastReload: ReloadReport | undefined;
  let reloading: Promise<unknown> = Promise.resolve();

  async function load(by: Question): Promise<ReloadReport> {
    const started = performance.now();
    const result = await loadKnowledge(options.knowledgeDir);
    const base = { by: describe(by), tookMs: 0 };
    let report: ReloadReport;
    if (!result.ok) {
      const stats = answerer.stats;
      report = { ...base, ok: false, ...stats, added: [], removed: [], changed: [], errors: result.errors };
    } else {
      const next = new Answerer(result.knowledge);
      const changes = diff(answerer.knowledge, next.knowledge);
      // The swap is one assignment: a question sees the old answerer or the new one, never a mix.
      answerer = next;
      loadedAt = new Date();
      loadedBy = base.by;
      report = { ...base, ok: true, ...next.stats, ...changes, errors: [] };
    }
    report.tookMs = Math.round(performance.now() - started);
    lastReload = report;
    logger.info({ ok: report.ok, by: report.by, tookMs: report.tookMs, errors: report.errors.length }, 'bot: reload');
    return report;
  }

  const bot: AllianceBot = {
    knowledgeDir: options.knowledgeDir,

    async ask(question: Question): Promise<Answer> {
      const started = performance.now();
      try {
        if (cooldown && !question.isModerator) {
          const verdict = cooldown.check(question.userId, question.channelId);
          if (!verdict.allowed) {
            const seconds = Math.ceil(verdict.retryAfterMs / 1000);
            const text = verdict.notify ? `You're asking faster than I can keep up. Please wait ${seconds} second${seconds === 1 ? '' : 's'} and ask again.` : '';
            logger.info({ platform: question.platform, kind: 'cooldown' }, 'bot: question refused by cooldown');
            return answer('cooldown', text, 0, []);
          }
        }
        const text = cleanQuestion(question.text, maxQuestionLength);
        const reply = text === '' ? answerer.help(question.platform) : answerer.ask(text);
        // Question text is not logged at info: DMs are private.
        logger.info({ platform: question.platform, kind: reply.kind, confidence: reply.confidence, ms: Math.round(performance.now() - started) }, 'bot: answered');
        logger.debug({ platform: question.platform, text }, 'bot: question text');
        return reply;
      } catch (error) {
        logger.error({ err: error, platform: question.platform }, 'bot: failed to answer');
        return answer('error', APOLOGY, 0, []);
      }
    },

    async reload(by: Question): Promise<ReloadReport> {
      if (!by.isModerator) throw new UserError('bot: only moderators can reload the knowledge base');
      // Reloads run one after another; each reads the folder as it is when its turn comes.
      const next = reloading.then(() => load(by));
      reloading = next.catch(() => undefined);
      return next;
    },

    async suggest(typed: string, limit: number): Promise<string[]> {
      return answerer.suggest(cleanQuestion(typed, maxQuestionLength), limit);
    },

    help(platform: Platform): Answer {
      return answerer.help(platform);
    },

    status(): BotStatus {
      return { ...answerer.stats, loadedAt, loadedBy, ...(lastReload ? { lastReload } : {}) };
    },

    current(): Answerer {
      return answerer;
    },
  };
  return bot;
}
