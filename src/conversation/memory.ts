/**
 * What a conversation remembers between questions: its last few turns, each with the standalone
 * question, the list the answer gave and the one thing it was about. Kept in a
 * {@link KeyValueStore} (in memory, or shared between instances) with a time to live, so a
 * conversation left for half an hour starts afresh and memory stays bounded.
 */
import type { KeyValueStore } from '../state/types.js';
import type { Answer, Question } from '../types.js';
import type { LastTurn } from './followup.js';

/** Options for {@link ConversationMemory}. */
export interface MemoryOptions {
  /** How long a conversation is remembered after its last question (default 30 minutes). */
  ttlMs?: number;
  /** How many turns a conversation keeps (default 5). */
  maxTurns?: number;
}

/** One remembered question and what its answer established. */
export interface Turn extends LastTurn {
  /** When it was asked (ms since the epoch). */
  at: number;
}

export const DEFAULT_MEMORY_TTL_MS = 30 * 60_000;
const DEFAULT_MAX_TURNS = 5;

/**
 * Where a conversation is: the platform, its workspace or server, the channel (a DM is a channel),
 * the thread when there is one, and the person, so two people in one channel never share "it".
 */
export function conversationKey(q: Question): string {
  return ['conversation', q.platform, q.spaceId ?? '-', q.channelId, q.threadId ?? '-', q.userId].map(encodeURIComponent).join(':');
}

/** Conversation memory over a key-value store. */
export class ConversationMemory {
  private readonly ttlMs: number;
  private readonly maxTurns: number;

  constructor(
    private readonly store: KeyValueStore,
    options: MemoryOptions = {},
    private readonly now: () => number = Date.now,
  ) {
    this.ttlMs = options.ttlMs ?? DEFAULT_MEMORY_TTL_MS;
    this.maxTurns = options.maxTurns ?? DEFAULT_MAX_TURNS;
  }

  /** The conversation's turns, oldest first; none when it is new or was forgotten. */
  async turns(key: string): Promise<Turn[]> {
    const raw = await this.store.get(key);
    if (raw === undefined) return [];
    try {
      const parsed = JSON.parse(raw) as unknown;
      return Array.isArray(parsed) ? (parsed as Turn[]) : [];
    } catch {
      // A value this version cannot read (another version's, a corrupt one) means a fresh start.
      return [];
    }
  }

  /** The last turn, or undefined. */
  async last(key: string): Promise<Turn | undefined> {
    return (await this.turns(key)).at(-1);
  }

  /** Appends a turn, dropping the oldest beyond the cap, and restarts the time to live. */
  async remember(key: string, turn: LastTurn): Promise<void> {
    const turns = [...(await this.turns(key)), { ...turn, at: this.now() }].slice(-this.maxTurns);
    await this.store.set(key, JSON.stringify(turns), this.ttlMs);
  }
}

/**
 * What a turn leaves for the next question: the list and the single topic, from the answer's
 * structured facts when the core gave them, else read from the standalone question and the
 * answer's shape. `previous` carries over what this answer did not replace when the question was
 * a follow-up of it.
 */
export function turnOf(question: string, answer: Answer, previous?: LastTurn): LastTurn {
  const facts = answer.facts ?? {};
  const whole = facts.listName ? withArticle(facts.listName) : listOf(answer);
  const narrowed = whole ? narrowing(answer) : undefined;
  const list = whole && narrowed ? `${whole} that are ${narrowed}` : whole;
  const single = facts.entities?.length === 1 ? facts.entities[0] : undefined;
  const named = facts.topic ?? single ?? membershipSubject(answer);
  const inQuestion = named && containsFolded(question, named) ? findFolded(question, named) : properName(question);
  // A name inside the list's own name ("Global MOOC Alliance" in "the Global MOOC Alliance founding
  // members") is not what the question was about: "what about X?" then asks about the list.
  const mentioned = inQuestion && !(whole && containsFolded(whole, inQuestion)) ? inQuestion : undefined;
  const topic = named ?? mentioned;
  // The name a "who" question got is whom "he" or "she" means next ("Who is the rector of X?").
  const namesPerson = facts.valueType === 'person' || (facts.valueType === 'name' && /^who\b/i.test(question));
  const person = namesPerson && facts.value ? facts.value : undefined;
  return {
    question,
    ...((list ?? previous?.list) ? { list: list ?? previous?.list } : {}),
    ...((topic ?? previous?.topic) ? { topic: topic ?? previous?.topic } : {}),
    ...(mentioned ? { mention: mentioned } : !topic && previous?.mention ? { mention: previous.mention } : {}),
    ...((person ?? previous?.person) ? { person: person ?? previous?.person } : {}),
  };
}

function withArticle(name: string): string {
  return /^(?:the|a|an)\s/i.test(name) ? name : `the ${name}`;
}

/** The list an answer enumerated or counted, from its opening words ("The X are:", "There are 19 X:"). */
function listOf(answer: Answer): string | undefined {
  if (answer.kind === 'list') {
    const intro = /^(.+?)\s+(?:are|were|include|included)?\s*:/.exec(answer.text)?.[1];
    return intro ? withArticle(intro.replace(/^the\s+/i, '')) : undefined;
  }
  if (answer.kind === 'count' || answer.kind === 'membership') {
    const name = /\b(?:there (?:are|were)|of the|among the)\s+\d+\s+([^:.]+)/i.exec(answer.text)?.[1];
    return name ? withArticle(name.trim()) : undefined;
  }
  return undefined;
}

/**
 * What a filtered list's answer narrowed its list to ("8 of the 19 X are in Asia:" → "in Asia",
 * "…are universities in Asia:" → "universities in Asia"), so "which of them…?" asks within it.
 */
function narrowing(answer: Answer): string | undefined {
  if (answer.kind !== 'list' && answer.kind !== 'count') return undefined;
  return /^\d+ of the \d+ [^:\n]+? (?:are|is) ([^:\n]+?):/.exec(answer.text)?.[1]?.replace(/^(?:an?|the)\s+/i, '');
}

/** The name a yes/no membership answer is about ("Yes. X is one of …", "No. X is not among …"). */
function membershipSubject(answer: Answer): string | undefined {
  if (answer.kind !== 'membership') return undefined;
  return /^(?:yes|no|not exactly)[.:,]\s+(.+?)\s+is\b/i.exec(answer.text)?.[1];
}

const FUNCTION_WORDS = new Set(
  'is are was were do does did has have had can could will would who whom what which when where why how the a an and or of in on at to for by with from'.split(
    ' ',
  ),
);

/** The longest run of capitalised words in `text` (a name), leaving out a sentence-initial question word. */
function properName(text: string): string | undefined {
  let best: string | undefined;
  for (const match of text.matchAll(/\b[\p{Lu}][\p{L}\p{N}'’.-]*(?:\s+(?:of\s+|de\s+|the\s+)?[\p{Lu}][\p{L}\p{N}'’.-]*)*/gu)) {
    const words = match[0].split(/\s+/);
    while (words.length > 0 && FUNCTION_WORDS.has((words[0] ?? '').toLowerCase())) words.shift();
    const name = words.join(' ').replace(/[.'’-]+$/, '');
    if (name && (!best || name.length > best.length)) best = name;
  }
  return best;
}

const fold = (s: string): string => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

function containsFolded(text: string, part: string): boolean {
  return fold(text).includes(fold(part));
}

/** `part` as written in `text` (folding changes no lengths for the scripts names use here). */
function findFolded(text: string, part: string): string {
  const at = fold(text).indexOf(fold(part));
  return at < 0 ? part : text.slice(at, at + part.length);
}
