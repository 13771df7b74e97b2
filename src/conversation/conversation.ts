/**
 * The conversation layer: the one place that turns a person's message into what they get, on
 * every platform. Adapters hand it a {@link Question} and render the {@link Answer} it returns;
 * what is said (the cooldown notice, the apology, help with the platform's commands), when (the
 * cooldown) and what a follow-up means (memory) are decided here, once.
 *
 * A question goes through these steps, in order:
 *   message → cooldown → clean → (language in: detect, translate to English; src/language/stage.ts)
 *           → follow-up rewrite (memory) → core ask → remember the turn
 *           → (language out: localise the answer) → reply, logged by one policy.
 */
import { cleanQuestion } from '../answer/question.js';
import type { CooldownConfig } from '../config.js';
import type { Logger } from '../logger.js';
import type { BotMetrics } from '../observability/metrics.js';
import { silentLogger } from '../logger.js';
import type { Deduper, KeyValueStore, RateLimiter } from '../state/types.js';
import type { Answer, ChatBot, Platform, Question } from '../types.js';
import { commandHelp, TERMINAL_INVOCATIONS, type PlatformInvocations } from './commands.js';
import { decideCooldown } from './cooldown.js';
import { rewriteFollowUp } from './followup.js';
import { logQuestion } from './logging.js';
import { ConversationMemory, conversationKey, turnOf, type MemoryOptions } from './memory.js';
import { APOLOGY } from './texts.js';

/** The shared state a conversation needs: limits, notices claimed once, and memory. */
export type ConversationState = RateLimiter & Deduper & KeyValueStore;

/**
 * A step that may rewrite a question before the core reads it and the answer after (languages).
 * Identity when absent.
 */
export interface LanguageStage {
  /**
   * The question in English, and whatever `toPerson` needs to answer in the person's language.
   * `ownWords`, when given, is a question asked first (documents written in that language), its
   * answer kept if `ownAnswer` accepts it; follow-ups that were rewritten skip it.
   */
  toEnglish(text: string, q: Question): Promise<{ text: string; language?: string; ownWords?: string }>;
  /** The answer to the `ownWords` question, already in the person's language; undefined to ask in English. */
  ownAnswer?(answer: Answer, language: string): Answer | undefined;
  /** The answer in the person's language; `asked` is the English question the core answered. */
  toPerson(answer: Answer, language: string | undefined, q: Question, asked: string): Promise<Answer>;
}

/** Options for {@link createConversation}. */
export interface ConversationOptions {
  state: ConversationState;
  logger?: Logger;
  /** Question limits; none when absent (tests, the command line). */
  cooldown?: CooldownConfig;
  memory?: MemoryOptions;
  /** How each platform invokes the commands, for help; the terminal's are known here. */
  invocations?: PlatformInvocations;
  /** Longest question read, in characters (default 500). */
  maxQuestionLength?: number;
  language?: LanguageStage;
  /** Counts the questions this layer refuses or fails on (the core counts those it answers). */
  metrics?: Pick<BotMetrics, 'answered' | 'failed'>;
}

/** What the conversation layer offers adapters: the bot's contract, with conversations. */
export type Conversation = ChatBot & Required<Pick<ChatBot, 'follows'>>;

/** Kinds of answer that say nothing about the knowledge, so a follow-up cannot lean on them. */
const NOT_REMEMBERED = new Set(['help', 'error', 'cooldown']);

/** Wraps the core `bot` into the conversation every adapter talks to. */
export function createConversation(bot: ChatBot, options: ConversationOptions): Conversation {
  const logger = options.logger ?? silentLogger();
  const memory = new ConversationMemory(options.state, options.memory);
  const maxQuestionLength = options.maxQuestionLength ?? 500;
  const invocations: PlatformInvocations = { terminal: TERMINAL_INVOCATIONS, ...options.invocations };

  const help = (platform: Platform): Answer => {
    const core = bot.help(platform);
    const commands = commandHelp(invocations[platform] ?? {});
    return { ...core, text: commands ? `${core.text}\n${commands}` : core.text };
  };

  async function ask(q: Question): Promise<Answer> {
    try {
      if (options.cooldown) {
        const decision = await decideCooldown(q, options.cooldown, options.state);
        if (!decision.allowed) {
          const refused: Answer = { text: decision.text, kind: 'cooldown', confidence: 0, sources: [], suggestions: [] };
          logQuestion(logger, q, refused);
          options.metrics?.answered(q.platform, 'cooldown', 0);
          return refused;
        }
      }
      const cleaned = cleanQuestion(q.text, maxQuestionLength);
      if (cleaned === '') return help(q.platform);
      const key = conversationKey(q);
      const turns = await memory.turns(key);
      let last = turns.at(-1);
      // The conversation's language is the hint when the platform gives none: "Où ?" after a
      // French question is French, though one word alone says little.
      const hinted = q.locale === undefined && last?.language ? { ...q, locale: last.language } : q;
      const english = options.language ? await options.language.toEnglish(cleaned, hinted) : { text: cleaned };

      let rewrite = rewriteFollowUp(english.text, last);
      if (!rewrite.rule && last?.unknown) {
        // "I don't know" established nothing: a follow-up leans on the last answered turn.
        const known = turns.findLast((t) => !t.unknown);
        const retried = rewriteFollowUp(english.text, known);
        if (retried.rule) [last, rewrite] = [known, retried];
      }
      const own =
        english.ownWords !== undefined && english.language !== undefined && !rewrite.rule
          ? options.language?.ownAnswer?.(await bot.ask({ ...q, text: english.ownWords }), english.language)
          : undefined;
      const core = own ?? (await bot.ask({ ...q, text: rewrite.text }));
      let reply = core.kind === 'help' ? { ...help(q.platform), ...(core.id ? { id: core.id } : {}) } : core;
      if (!NOT_REMEMBERED.has(reply.kind)) {
        const turn = turnOf(rewrite.text, reply, rewrite.rule ? last : undefined);
        await memory.remember(key, {
          ...turn,
          ...(reply.kind === 'unknown' ? { unknown: true } : {}),
          ...(english.language ? { language: english.language } : {}),
        });
      }
      if (options.language && !own) reply = await options.language.toPerson(reply, english.language, q, rewrite.text);
      logQuestion(logger, q, reply, rewrite.rule ? { followUp: rewrite.rule, asked: rewrite.text } : {});
      return reply;
    } catch (error) {
      logger.error({ err: error, platform: q.platform }, 'conversation: failed to answer');
      options.metrics?.failed('conversation');
      return { text: APOLOGY, kind: 'error', confidence: 0, sources: [], suggestions: [] };
    }
  }

  return {
    ask,
    help,
    follows: async (q) => (await memory.last(conversationKey(q))) !== undefined,
    reload: (by, reloadOptions) => bot.reload(by, reloadOptions),
    suggest: (typed, limit) => bot.suggest(typed, limit),
    status: (by) => bot.status(by),
    gaps: (by, days) => bot.gaps(by, days),
    why: (by, text) => bot.why(by, text),
    teach: (by, input) => bot.teach(by, input),
    feedback: (answerId, vote, by) => bot.feedback(answerId, vote, by),
  };
}
