/**
 * Follow-up questions, rewritten into standalone ones from what the conversation remembers, so the
 * core answers every question on its own. Rules follow the grammar of follow-ups, never particular
 * questions: a plural pronoun means the last list, a singular one the last single thing, "what
 * about X?" swaps X into the parallel slot of the last question, and a wh-fragment ("at which
 * event?") borrows the last question's predicate.
 */

/** What the conversation remembers of its last answered question. */
export interface LastTurn {
  /** The last question, standalone (already rewritten when it was a follow-up). */
  question: string;
  /** The list the last answer gave or counted, as a noun phrase ("the founding members"). */
  list?: string;
  /** The one entity or topic the last question was about ("Nanyang Technological University"). */
  topic?: string;
  /** The words of `question` that named `topic`, which a "what about X?" replaces. */
  mention?: string;
  /** The person the last answer named, whom "he", "she", "his", "her" mean. */
  person?: string;
  /** The answer did not know: a follow-up that cannot lean on this turn leans on the one before. */
  unknown?: boolean;
  /** The language the question was asked in, when not English: the hint for a short next one ("Où ?"). */
  language?: string;
}

/** How a question was read against the last turn. */
export interface Rewrite {
  /** The question to ask the core. */
  text: string;
  /** Which rule applied; absent when the question stands alone. */
  rule?: 'plural' | 'singular' | 'parallel' | 'fragment' | 'count' | 'subject';
}

const AUX = new Set([
  'is',
  'are',
  'was',
  'were',
  'do',
  'does',
  'did',
  'has',
  'have',
  'had',
  'can',
  'could',
  'will',
  'would',
  'should',
  'may',
  'might',
  'must',
  "isn't",
  "aren't",
  "wasn't",
  "weren't",
  "doesn't",
  "didn't",
]);
const WH = '(?:what|which|whose|who|whom|when|where|why|how)';
const PREPOSITION = '(?:at|in|on|by|from|for|to|with|during|before|after|since|until|into|of|near|outside|inside|across|within|under)';
const QUESTION_START = new RegExp(`^(?:${WH}|${[...AUX].join('|')})\\b`, 'i');
// "how many?", "how many is that?", "how many are there?", "how many of them are there?", "and how many?"
const COUNT =
  /^how\s+many(?:\s+of\s+(?:them|those|these))?(?:\s+(?:is|are|were)(?:\s+(?:that|those|these|they|there))?)?(?:\s+(?:there|in\s+all|in\s+total|altogether))?[?.!\s]*$/i;
// The head of a question that asked for a list: "Which members", "What universities".
const LIST_HEAD = /^(?:which|what)\s+(?!(?:is|are|was|were|do|does|did|has|have|had)\b)(?=\w)/i;
// A verb form that cannot be a question's subject: a participle or past ("located", "founded", "said").
const PARTICIPLE = /^(?:\w+ed|said|led|held|run|made|built|born|known|begun|begin|began|come|came|set|put|seen|done|found)$/i;
// A wh-question that names no subject ("where is located?", "who founded?", "where is?"), as
// questions read from languages that drop a known subject ("Dove si trova?", "Chi l'ha fondata?").
const SUBJECTLESS = new RegExp(`^((?:${PREPOSITION}\\s+)?${WH})(?:\\s+(\\w+))?(?:\\s+(\\w+))?\\s*[?.!]*$`, 'i');
const PLURAL = /\b(those|these|them|they)\b/i;
const SINGULAR = /\b(it|its)\b/i;
const PERSONAL = /\b(he|she|him|her|his|hers)\b/i;
// "what about X?", "how about X?", "and X?", "and what about X?", "what of X?".
const PARALLEL = /^(?:and\s+)?(?:(?:what|how)\s+(?:about|of)\s+|and\s+)(.+?)[?.!\s]*$/i;
// A wh-fragment with no verb: "at which event?", "when?", "in what year?", "by whom?", "why not?".
const FRAGMENT = new RegExp(`^((?:${PREPOSITION}\\s+)?${WH}(?:\\s+\\w+){0,2})\\s*[?.!]*$`, 'i');
// The wh-head of a question, to be replaced by a fragment's: "when", "at which event", "how many".
const WH_HEAD = new RegExp(
  `^(?:${PREPOSITION}\\s+)?${WH}(?:\\s+(?:many|much|long|often|old|far))?(?:\\s+(?!(?:is|are|was|were|do|does|did|has|have|had|can|will)\\b)\\w+)?\\s+`,
  'i',
);

/**
 * Rewrites `question` into a standalone question using `last`, or returns it as asked when it
 * does not lean on the last turn (a new question starts afresh).
 */
export function rewriteFollowUp(question: string, last: LastTurn | undefined): Rewrite {
  const text = question.trim();
  if (!last) return { text };

  // "and when was it founded?" is a question of its own after its "and".
  const afterAnd = /^and\s+(.+)$/i.exec(text)?.[1];
  if (afterAnd && (QUESTION_START.test(afterAnd) || FRAGMENT.test(afterAnd))) return rewriteFollowUp(afterAnd, last);

  if (COUNT.test(text)) {
    const counted = countOf(last);
    if (counted) return { text: counted, rule: 'count' };
  }

  const subject = withSubject(text, last);
  if (subject) {
    const resolved = rewriteFollowUp(subject, last);
    if (resolved.rule) return { text: resolved.text, rule: 'subject' };
  }

  const parallel = PARALLEL.exec(text);
  if (parallel?.[1]) {
    const swapped = swapParallel(last, parallel[1].trim());
    if (swapped) return { text: swapped, rule: 'parallel' };
  }

  const fragment = FRAGMENT.exec(text);
  // "where it?" (read from "它在哪里？") names its subject: a pronoun's rules below resolve it.
  // Nor is "who founded?": a verb with its subject left out, not a phrase to put before a predicate.
  const named = fragment?.[1];
  if (
    named &&
    !hasVerb(named) &&
    !named.split(/\s+/).some((w) => PARTICIPLE.test(w)) &&
    ![PLURAL, SINGULAR, PERSONAL].some((p) => p.test(named))
  ) {
    const predicate = predicateOf(last.question);
    if (predicate) return { text: `${named} ${predicate}`, rule: 'fragment' };
  }

  if (last.list && PLURAL.test(text)) {
    return { text: text.replace(new RegExp(PLURAL.source, 'gi'), last.list), rule: 'plural' };
  }
  // "he" or "she" with no person named means the last topic: languages that give things a gender
  // ("Wo liegt sie?", "Где он находится?") read into English as "she", "he".
  const person = last.person ?? last.topic;
  if (person && PERSONAL.test(text)) {
    return {
      text: text.replace(new RegExp(PERSONAL.source, 'gi'), (word) => (/^(?:his|hers)$/i.test(word) ? `${person}'s` : person)),
      rule: 'singular',
    };
  }
  if (last.topic && SINGULAR.test(text)) {
    const topic = last.topic;
    return {
      text: text.replace(new RegExp(SINGULAR.source, 'gi'), (word) => (word.toLowerCase() === 'its' ? `${topic}'s` : topic)),
      rule: 'singular',
    };
  }
  return { text };
}

/**
 * The last question with `replacement` in the slot it parallels: a prepositional phrase for one
 * with the same preposition ("in North America" for "in Asia"), else a name for the last topic.
 */
function swapParallel(last: LastTurn, replacement: string): string | undefined {
  const words = replacement.split(/\s+/);
  const preposition = words[0]?.toLowerCase() ?? '';
  if (words.length > 1 && new RegExp(`^${PREPOSITION}$`, 'i').test(preposition)) {
    // The last phrase with the same preposition, up to the end of the question.
    const phrase = new RegExp(`^(.*)\\b${preposition}\\s+[^?.!]+?(\\s*[?.!]*)$`, 'i');
    const found = phrase.exec(last.question);
    if (found) return `${found[1]}${replacement}${found[2]}`;
    // No such phrase: the last list or count question, narrowed by it ("How many members are
    // there?" → "How many members are there in Europe?").
    const end = /^(.*?)\s*([?.!]*)$/.exec(last.question.trim());
    return end && (last.list || /^(?:how many|which|what)\b/i.test(last.question)) ? `${end[1]} ${replacement}${end[2] || '?'}` : undefined;
  }
  const slot = last.mention ?? last.topic;
  if (slot && last.question.includes(slot)) return last.question.replace(slot, replacement);
  // After a list, "what about X?" asks whether X is in it.
  if (last.list && /^\p{Lu}/u.test(replacement)) return `Is ${replacement} one of ${last.list}?`;
  return undefined;
}

/**
 * A subjectless wh-question with "it" (or "they" after a list, with a plural verb) where the
 * subject goes: "where is located?" → "where is it located?", "who founded?" → "who founded it?".
 */
function withSubject(text: string, last: LastTurn): string | undefined {
  const found = SUBJECTLESS.exec(text);
  if (!found?.[1]) return undefined;
  const [head, first, second] = [found[1], found[2], found[3]];
  const verbs = [first, second].filter((w): w is string => w !== undefined);
  if (verbs.length === 0) return undefined;
  const aux = first && AUX.has(first.toLowerCase()) ? first : undefined;
  // After the auxiliary only a participle may follow ("is located"); without one, a past verb ("founded").
  if (aux ? second !== undefined && !PARTICIPLE.test(second) : !(first && PARTICIPLE.test(first) && second === undefined)) return undefined;
  const plural = aux !== undefined && /^(?:are|were|do|have)$/i.test(aux) && last.list !== undefined;
  const pronoun = plural ? 'they' : 'it';
  return aux ? `${head} ${aux} ${pronoun}${second ? ` ${second}` : ''}?` : `${head} ${first} ${pronoun}?`;
}

/**
 * "How many is that?" after a list: the last question asking how many instead of which
 * ("Which members are in Europe?" → "How many members are in Europe?"), else how many of the list.
 */
function countOf(last: LastTurn): string | undefined {
  if (LIST_HEAD.test(last.question)) return last.question.replace(LIST_HEAD, 'How many ');
  return last.list ? `How many ${last.list.replace(/^the\s+/i, '')} are there?` : undefined;
}

/** "When was the alliance launched?" → "was the alliance launched?"; a yes/no question as it is. */
function predicateOf(question: string): string | undefined {
  const text = question.trim();
  const first = text.split(/\s+/)[0]?.toLowerCase() ?? '';
  if (AUX.has(first)) return lowerFirst(text);
  const head = WH_HEAD.exec(text);
  if (!head) return undefined;
  const rest = text.slice(head[0].length);
  const next = rest.split(/\s+/)[0]?.toLowerCase() ?? '';
  // The predicate must start with its auxiliary ("was the alliance launched?"); "who founded it?"
  // has none, and "at which event founded it?" would not be English.
  if (AUX.has(next)) return rest;
  // A question read from a language whose auxiliaries do not carry into English ("Quand l'alliance
  // a-t-elle été lancée ?" reads "when alliance launched?"): its subject and verb as they are.
  // Only after a question word that is not itself the subject ("which team won…" has its own).
  const bare = new RegExp(`^(?:${PREPOSITION}\\s+)?(?:when|where|why|how(?!\\s+(?:many|much)\\b))\\s+`, 'i').exec(text);
  const subject = bare ? text.slice(bare[0].length) : '';
  const firstWord = subject.split(/\s+/)[0] ?? '';
  return bare && !AUX.has(firstWord.toLowerCase()) && !PARTICIPLE.test(firstWord) && /\s/.test(subject.trim()) ? subject : undefined;
}

function hasVerb(fragment: string): boolean {
  return fragment
    .toLowerCase()
    .split(/\s+/)
    .some((word) => AUX.has(word));
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
