/**
 * The contract between the core and the adapters. Data flows one way:
 * platform event → {@link Question} → core → {@link Answer} → platform rendering.
 * Nothing here knows about Discord, Slack or MiniSearch.
 */

/** Where a question came from. */
export type Platform = 'discord' | 'slack' | 'terminal';

/** A question as an adapter hands it to the core, already stripped of platform syntax (mentions). */
export interface Question {
  /** What the person typed, without the bot mention. */
  text: string;
  platform: Platform;
  /** Platform user id; used for cooldowns and audit, never stored unless configured. */
  userId: string;
  /** Platform channel id (a DM channel for direct messages). */
  channelId: string;
  /** Thread the question was asked in, when the platform has threads. */
  threadId?: string;
  /** The Slack workspace or Discord server, when there is one: conversations are kept per space. */
  spaceId?: string;
  /** Whether the adapter established that this person is a moderator on its platform. */
  isModerator: boolean;
  /** A display name for reports and audit logs ("reloaded by …"). */
  userName?: string;
  /** Asked in a direct message: its text is private and not stored unless configured. */
  isDirect?: boolean;
  /**
   * The person's locale as the platform reports it (a Discord interaction's `locale`, a Slack
   * user's `locale`): a hint for the question's language when its text alone does not tell.
   */
  locale?: string;
  /**
   * The reply can be shown to the person alone (slash commands, buttons): a cooldown notice then
   * comes every time, since it floods no one; messages get it once, then silence.
   */
  privateReply?: boolean;
}

/**
 * What kind of answer the core produced; adapters may render kinds differently
 * (e.g. suggestions as buttons for `unknown`).
 */
export type AnswerKind =
  | 'faq' // a curated FAQ entry matched
  | 'passage' // sentences from a document
  | 'list' // an extracted list, enumerated
  | 'membership' // yes/no: is X in an extracted list
  | 'count' // how many items an extracted list has
  | 'help' // usage / greeting
  | 'unknown' // below the confidence threshold: "I don't know" + suggestions
  | 'cooldown' // the person asked too often; see Answer.text
  | 'error'; // a bug stopped the answer; text is a short apology (the error is logged)

/** Where an answer came from: the document and the words quoted from it. */
export interface Source {
  /** Document title (or FAQ file name for curated entries). */
  document: string;
  /** Section heading the quote sits under, when there is one. */
  section?: string;
  /** The sentence(s) quoted, verbatim from the document. */
  quote: string;
  /** The document's original URL from its front matter, when known. */
  url?: string;
}

/** The core's reply to a {@link Question}. Plain text; adapters render it for their platform. */
export interface Answer {
  /**
   * The reply, plain text with `- ` bullets for lists. At most 1,500 characters.
   * For kind `cooldown` it may be empty: the adapter then stays silent for messages
   * (but still acknowledges an interaction, ephemerally).
   */
  text: string;
  kind: AnswerKind;
  /** 0..1: how much of the question the evidence covers. */
  confidence: number;
  sources: Source[];
  /** Questions the bot can answer, offered when it could not (at most three). */
  suggestions: string[];
  /** Id of the recorded question, for 👍/👎 votes ({@link Bot.feedback}); absent when analytics are off. */
  id?: string;
  /**
   * What the answer established, structured: the conversation layer reads it to resolve follow-ups
   * ("which of those…", "where is it?") and to render the answer in the person's language.
   */
  facts?: AnswerFacts;
  /** The language the reply is written in (ISO 639-1), when not English: see src/language. */
  lang?: string;
}

/** The structured content of an {@link Answer}, beside its English text. */
export interface AnswerFacts {
  /** The entities the answer names, as the knowledge writes them (a list's items, a yes/no's subject). */
  entities?: string[];
  /** The list the answer comes from, as the knowledge names it ("founding members"). */
  listName?: string;
  /** The answer to a yes/no question (membership, existence). */
  yes?: boolean;
  /** The number a "how many" question asked for. */
  count?: number;
  /** A short value pulled out of the quoted sentence (a date, a number, a name, a place). */
  value?: string;
  /** What the asked value is: 'date', 'number', 'person', 'organization', 'place', 'name'. */
  valueType?: string;
  /** The one entity or topic the question was about, which "it" means in the next question. */
  topic?: string;
}

/** One problem found while loading a knowledge folder, reported as `file:line: message`. */
export interface KnowledgeError {
  file: string;
  line?: number;
  message: string;
}

/** A known-good question whose answer no longer says what it must. */
export interface CheckFailure {
  question: string;
  /** What is wrong: `missing /pattern/`, `has forbidden /pattern/`, … */
  problems: string[];
  /** The answer the new knowledge gave. */
  answer: string;
}

/** What a reload did. On failure the previous knowledge keeps serving and `errors` says why. */
export interface ReloadReport {
  ok: boolean;
  /** Checks were skipped on purpose (`reload force`). */
  forced: boolean;
  /** Checks that passed against the new knowledge, and those that failed (which block the reload). */
  checksPassed: number;
  checkFailures: CheckFailure[];
  documents: number;
  passages: number;
  faqEntries: number;
  /** Documents and FAQ entries added / removed / changed, by name. */
  added: string[];
  removed: string[];
  changed: string[];
  errors: KnowledgeError[];
  tookMs: number;
  /** Who asked for the reload (user name or id, with the platform). */
  by: string;
  /** With several instances sharing Redis: how the reload went on every instance. */
  instances?: InstancesReport;
}

/** How a reload broadcast to every instance went. */
export interface InstancesReport {
  /** Instances that reloaded, the one asked included. */
  reloaded: number;
  /** Instances that answered, the one asked included. */
  instances: number;
  /** Instances whose reload failed, with what went wrong there. */
  failed: { instance: string; problems: string[] }[];
  /** Instances that started but did not say how it went in time. */
  silent: string[];
}

/** What is loaded, when, by whom, and how the last reload went (`kb status`). */
export interface StatusReport {
  documents: number;
  passages: number;
  faqEntries: number;
  checks: number;
  /** A short hash of every knowledge file: equal hashes, equal knowledge. */
  contentHash: string;
  loadedAt: Date;
  loadedBy: string;
  lastReload?: ReloadReport;
}

/** Rephrasings of one question the bot could not answer well, counted together. */
export interface GapGroup {
  /** The most asked phrasing. */
  question: string;
  count: number;
  /** Other phrasings seen (a few). */
  phrasings: string[];
}

/** What people asked that the bot could not answer well, and the answers they voted down (`kb gaps`). */
export interface GapsReport {
  days: number;
  /** False when analytics are off: nothing is recorded, so there are no gaps to show. */
  recording: boolean;
  gaps: GapGroup[];
  downvoted: { question: string; up: number; down: number }[];
}

/** A curated FAQ entry as a moderator fills it in (`kb teach`). */
export interface TeachInput {
  question: string;
  alternates: string[];
  answer: string;
}

/** What became of a teach: saved and live, or the problems, each tied to a field of the form. */
export interface TeachResult {
  ok: boolean;
  errors: { field: 'question' | 'alternates' | 'answer' | 'form'; message: string }[];
  /** The checked reload that made the entry live (or refused it). */
  report?: ReloadReport;
}

/** Moderator options of a reload. */
export interface ReloadOptions {
  /** Skip the checks (said in the report and the audit log). */
  force?: boolean;
}

/** The question-answering bot every adapter talks to. */
export interface Bot {
  /** Answers a question. Never rejects for bad input: bugs become a short apology answer. */
  ask(question: Question): Promise<Answer>;
  /**
   * Reloads the knowledge folder off to the side and swaps it in atomically.
   * Rejects with a {@link UserError} when `by.isModerator` is false.
   */
  reload(by: Question, options?: ReloadOptions): Promise<ReloadReport>;
  /** Up to `limit` questions the bot can answer that contain `typed` (for autocomplete). */
  suggest(typed: string, limit: number): Promise<string[]>;
  /** The usage reply (`/help`). */
  help(platform: Platform): Answer;
}

/**
 * The moderators' tools and answer votes. Each tool rejects with a {@link UserError} when
 * `by.isModerator` is false.
 */
export interface ModeratorTools {
  /** `kb status`. */
  status(by: Question): Promise<StatusReport>;
  /** `kb gaps [days]`. */
  gaps(by: Question, days?: number): Promise<GapsReport>;
  /** `kb why <question>`: how the question was read and weighed, as compact plain text. */
  why(by: Question, text: string): Promise<string>;
  /** `kb teach`: validates, saves a FAQ entry to the knowledge folder and runs a checked reload. */
  teach(by: Question, input: TeachInput): Promise<TeachResult>;

  /** Records 👍 (`up`) or 👎 (`down`) on an answer by its {@link Answer.id}; anyone may vote. */
  feedback(answerId: string, vote: 'up' | 'down', by: Question): Promise<void>;
}

/** How an adapter's connection is doing, for /healthz and /metrics. */
export interface AdapterStatus {
  /** Connected to its platform and able to answer. */
  connected: boolean;
  /** Times the connection dropped and was made again since start. */
  reconnects: number;
}

/**
 * A chat platform front door, the one contract every adapter implements. Created by a factory,
 * e.g. `createSlackAdapter(config, logger)`; started with the conversation layer
 * (src/conversation), which it hands every question and whose answers it renders.
 */
export interface Adapter {
  readonly name: string;
  start(conversation: ChatBot): Promise<void>;
  /** Stops taking new questions, finishes those in flight (bounded wait), then disconnects. */
  stop(): Promise<void>;
  /** Connection state; an adapter without it counts as connected once started. */
  status?(): AdapterStatus;
  /** Posts the weekly gaps digest to the configured channel, if the adapter has one. */
  postDigest?(text: string): Promise<void>;
}

/** Everything an adapter may call: answers, and the moderators' tools behind their checks. */
export interface ChatBot extends Bot, ModeratorTools {
  /**
   * Whether the place `q` was asked in (its thread, DM, channel) holds a conversation with the bot
   * that is still remembered, so a reply there without a mention is meant for the bot. The
   * conversation layer answers it; a bare core has no conversations (absent: never).
   */
  follows?(q: Question): Promise<boolean>;
}
