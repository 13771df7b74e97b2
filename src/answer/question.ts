import type { Analyzer } from './analyzer.js';
import { osaDistance } from './spelling.js';
import { STOP_WORDS as STOP } from './stopwords.js';
import type { ValueType } from './tagger.js';

/** What a question asks for, read from its wording before the topic words are searched. */
export type Shape = 'who' | 'when' | 'where' | 'count' | 'list' | 'membership' | 'why' | 'how' | 'what' | 'yesno' | 'other';

/** A question, read: its shape, its topic terms and, for "is X a member?", the X. */
export interface ReadQuestion {
  /** The text after cleaning (mentions, markup and control characters removed). */
  text: string;
  shape: Shape;
  /** Topic terms (stems), question words and filler removed. */
  terms: string[];
  /** The word each term came from, as typed (longest when several stem alike). */
  words: Record<string, string>;
  /** Terms of each multi-word proper name in the question ("United States"): one idea each. */
  names: string[][];
  /** The same names as written ("United States"), for showing and for `Answer.facts.topic`. */
  nameTexts: string[];
  /** The kind of thing the answer is, when the wording says (a date for "when", a number for "how many"). */
  asks?: ValueType;
  /** Whether it says "it", "they", "this": the knowledge base's main subject. */
  pronoun: boolean;
  /**
   * Terms of who is reported in "what did X say about Y?": the question is about Y, and X is
   * who said it, which the passage need not name.
   */
  speaker?: string[];
  /** For membership questions: the names asked about, and the words after them. */
  membership?: { names: string[]; rest: string };
  /** A greeting or a request for help rather than a question about the knowledge. */
  meta?: 'help' | 'greeting' | 'thanks';
}

/** Removes chat markup: mentions, channel links, URLs, formatting, control characters. */
export function cleanQuestion(text: string, maxLength: number): string {
  return text
    .slice(0, maxLength * 4)
    .replace(/<[@#!][^>\s]*>/g, ' ') // Slack/Discord mentions and links: <@U123>, <#C1>, <!here>, <@&role>
    .replace(/@(?:everyone|here|channel)\b/gi, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/[\p{Cc}\p{Cf}\p{Co}\p{Cs}]/gu, ' ')
    .replace(/[*_~`|>#]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, maxLength)
    .trim();
}

const PRONOUNS = /\b(it|its|it's|they|them|their|this|these)\b/;
const HELP =
  /^(?:help|usage|commands?|menu|\?+|what (?:can|do) you (?:do|know|answer)|who are you|what are you|how (?:do|does|can) (?:i|you|this) (?:use|work|ask)(?: (?:you|this|it))?|what (?:is|are) (?:your )?commands?|how does this work)\b/;
const GREETING = /^(?:hi|hello|hey|hiya|howdy|greetings|good (?:morning|afternoon|evening|day)|yo)\b(?: there| all| everyone| bot)?[!. ]*$/;
const THANKS = /^(?:thanks|thank you|thx|ty|cheers)\b/;

// Connecting words after the name in "is X a member / part of it / among the founders".
const MEMBERSHIP_IS =
  /^(?:is|are|was|were)\s+(.+?)\s+((?:also\s+|really\s+|actually\s+|still\s+)?(?:a|an|one|part|among|amongst|in|included|listed|members?|founding|founders?|partners?|participants?|participating|affiliated|involved|signator(?:y|ies)|co-?founders?)\b.*)$/;
const MEMBERSHIP_DOES =
  /^(?:does|did|do|has|have)\s+(.+?)\s+((?:belong|participate|take part|feature|appear|count|joined|join|sign(?:ed)?|help(?:ed)? found|co-?found(?:ed)?)\b.*)$/;

function shapeOf(q: string): Shape {
  if (/\bhow many\b|\bnumber of\b|\bhow much\b|\bcount (?:of|the)\b/.test(q)) return 'count';
  if (/^(?:when|since when)\b|\b(?:what|which)(?:'s| is| was)? (?:the )?(?:\w+ )?(?:day|date|year|month|time)\b|\bhow long ago\b/.test(q))
    return 'when';
  if (
    /^where\b|\b(?:what|which) (?:place|city|country|venue|location|event)\b|\bwhere\b|\b(?:based|located|situated|headquartered)\b/.test(q)
  )
    return 'where';
  if (/^(?:list|name|enumerate|show|give)\b/.test(q) || /^(?:who|what|which) (?:are|were)\b.*s\b/.test(q)) return 'list';
  if (
    /^who(?:m|se)?\b|^(?:which|what) (?:person|people|organi[sz]ations?|universit(?:y|ies)|institutions?|members?|partners?|platforms?|schools?)\b/.test(
      q,
    )
  )
    return 'who';
  if (/^why\b/.test(q)) return 'why';
  if (/^how\b/.test(q)) return 'how';
  if (/^(?:what|which)\b/.test(q)) return 'what';
  if (/^(?:is|are|was|were|does|do|did|has|have|can|could|will|would|should)\b/.test(q)) return 'yesno';
  return 'other';
}

// Entity-type nouns: "which organisations", "how many institutions" say what kind of answer, not its topic.
const KINDS = 'organi[sz]ations?|institutions?|universit(?:y|ies)|people|persons?|entities|bodies|groups?|companies';
// Words that only say what kind of answer is wanted ("what day", "number of").
const SHAPE_NOUNS: Partial<Record<Shape, RegExp>> = {
  when: /\b(?:day|date|year|month|time)\b/g,
  where: /\b(?:place|city|country|venue|location|based|located|situated|headquartered)\b/g,
  who: new RegExp(`\\b(?:${KINDS})\\b`, 'g'),
  count: new RegExp(`\\b(?:number|count|${KINDS})\\b`, 'g'),
};

// "What did X say about Y?", "what does X think of Y": reported speech, asked about Y.
const REPORTED =
  /^(?:what|how) (?:did|does|do|will|would|has|have) (.+?) (?:say|said|think|thought|write|wrote|mention|mentioned|tell us|report|reported|announce|announced|feel|propose|proposed|recommend|recommended)(?: (?:about|of|on|regarding|concerning))? (.+)$/;

// Polite wrappers around a question: "can you list …" is "list …", "do you know who …" is "who …".
const WRAPPER =
  /^(?:(?:hey|hi|ok|so|and|but|please|pls)[,!]?\s+)*(?:(?:can|could|would|will) you (?:please )?(?:tell me )?|(?:do|does) (?:you|anyone) know |i(?:'d| would) like to know |i want to know |i wonder |tell me |please )+/;

/** Multi-word capitalised names in the question, as term groups ("United States" → [unit, state]). */
function nameGroups(text: string, analyzer: Analyzer): { groups: string[][]; texts: string[] } {
  const groups: string[][] = [];
  const texts: string[] = [];
  for (const match of text.matchAll(/\p{Lu}[\p{L}\p{N}'’-]*(?:\s+(?:(?:of|di|de|the|and|for)\s+)?\p{Lu}[\p{L}\p{N}'’-]*)+/gu)) {
    const terms = analyzer.terms(match[0], 'question');
    if (terms.length >= 2) {
      groups.push(terms);
      // "Did Tsinghua University …": a capitalised question word is not part of the name.
      const words = match[0].split(/\s+/);
      while (words.length > 2 && analyzer.terms(words[0] as string).length === 0) words.shift();
      texts.push(words.join(' '));
    }
  }
  return { groups, texts };
}

/** What kind of value the answer is, from the shape and the words that name it. */
function askedType(shape: Shape, q: string): ValueType | undefined {
  if (shape === 'when' || /\b(?:what|which) (?:\w+ )?(?:century|decade|era|period|season)\b|^how long\b/.test(q)) return 'date';
  if (
    shape === 'count' ||
    /^how (?:much|many|long|far|old|big|large|high|tall|fast|often)\b|\b(?:what|which) (?:percentage|percent|amount|number|size|proportion)\b/.test(
      q,
    )
  )
    return 'number';
  if (shape === 'where') return 'place';
  if (shape === 'who' || /^who(?:m|se)?\b/.test(q)) return 'name';
  return undefined;
}

/**
 * Question and function words, the closed class a misspelt first word is read against
 * ("wen" → "when", "hwo many" → "how many"): a typo there changes what is asked, not what about.
 */
const QUESTION_WORDS = [
  'when',
  'where',
  'who',
  'whom',
  'whose',
  'what',
  'which',
  'why',
  'how',
  'many',
  'much',
  'does',
  'did',
  'was',
  'were',
  'is',
  'are',
];
// After these, "hwo" is "how" ("hwo many"), else "who".
const HOW_BEFORE = /^(?:many|much|long|far|old|big|large|often|do|does|did|can|could|is|are|was|were)$/;

/**
 * Corrects question words one edit away from a word of the closed class that neither the
 * knowledge nor the stop words know ("wen" → "when"). `known` says whether the knowledge has a word.
 */
export function correctQuestionWords(lower: string, known: (word: string) => boolean): string {
  const words = lower.split(/\s+/);
  return words
    .map((word, i) => {
      if (word.length < 3 || known(word) || QUESTION_WORDS.includes(word) || STOP.has(word)) return word;
      // Only in the question's opening words, where question words stand.
      if (i > 2) return word;
      const near = QUESTION_WORDS.filter((q) => Math.abs(q.length - word.length) <= 1 && osaDistance(word, q, 1) <= 1);
      if (near.length === 0) return word;
      if (near.includes('how') && near.includes('who')) return HOW_BEFORE.test(words[i + 1] ?? '') ? 'how' : 'who';
      // "wher" is "where" (a letter left out) rather than "when" (one changed): the longest shared start wins.
      const shared = (q: string): number => {
        let n = 0;
        while (n < q.length && q[n] === word[n]) n++;
        return n;
      };
      return near.sort((a, b) => shared(b) - shared(a))[0] as string;
    })
    .join(' ');
}

/** Reads a cleaned question: shape, topic terms, pronoun, membership names. `known`: whether the knowledge has a word. */
export function readQuestion(text: string, analyzer: Analyzer, known: (word: string) => boolean = () => true): ReadQuestion {
  const lower = correctQuestionWords(
    text
      .toLowerCase()
      .replace(/[’‘]/g, "'")
      .replace(/[?!.,;:]+\s*$/, '')
      .trim(),
    known,
  );
  const named = nameGroups(text, analyzer);
  const base: Omit<ReadQuestion, 'shape' | 'terms' | 'words'> = {
    text,
    pronoun: PRONOUNS.test(lower),
    names: named.groups,
    nameTexts: named.texts,
  };
  if (HELP.test(lower)) return { ...base, shape: 'other', terms: [], words: {}, meta: 'help' };
  if (GREETING.test(lower)) return { ...base, shape: 'other', terms: [], words: {}, meta: 'greeting' };
  if (THANKS.test(lower)) return { ...base, shape: 'other', terms: [], words: {}, meta: 'thanks' };

  const unwrapped = lower.replace(WRAPPER, '') || lower;
  const shape = shapeOf(unwrapped);
  const nouns = SHAPE_NOUNS[shape];
  const reported = REPORTED.exec(unwrapped);
  const speaker = reported?.[1] ? analyzer.terms(reported[1], 'question') : [];
  const topic = reported?.[1] && reported[2] ? `${reported[1]} ${reported[2]}` : nouns ? unwrapped.replace(nouns, ' ') : unwrapped;
  const withWords = analyzer.termsWithWords(topic, 'question');
  const terms = withWords.map((t) => t.term);
  const words: Record<string, string> = {};
  for (const { term, word } of withWords) if ((words[term]?.length ?? 0) < word.length) words[term] = word;
  // "What does X do?" and "What is X for?" ask what X is for.
  if (/^what (?:does|do|did|will|would|can|should) .+ do$|^what (?:is|are|was|were) .+ for$/.test(unwrapped))
    terms.push(...analyzer.terms('purpose', 'question'));

  const original = text.replace(/[?!.]+\s*$/, '').trim();
  const membership = MEMBERSHIP_IS.exec(original.toLowerCase()) ?? MEMBERSHIP_DOES.exec(original.toLowerCase());
  // "Is a university from Singapore a member?" describes, it does not name: not a lookup.
  if (membership?.[1] && membership[2] && !/^(?:a|an|any|some)\s/.test(membership[1])) {
    // Keep the name as the person wrote it (case matters for showing it back).
    const start = original.toLowerCase().indexOf(membership[1]);
    const asWritten = original.slice(start, start + membership[1].length).replace(/^(?:the|a|an)\s+/i, '');
    const names = asWritten.split(/\s*,\s*|\s+(?:and|or|&)\s+(?=\p{Lu}|the\s)/u).filter(Boolean);
    return {
      ...base,
      shape: 'membership',
      terms,
      words,
      membership: { names: [asWritten, ...(names.length > 1 ? names : [])], rest: membership[2] },
    };
  }
  const asks = askedType(shape, unwrapped);
  return { ...base, shape, terms, words, ...(asks ? { asks } : {}), ...(speaker.length ? { speaker } : {}) };
}
