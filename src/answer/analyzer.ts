import { stemmer } from 'stemmer';
import { fold } from './text.js';
import { STOP_WORDS } from './stopwords.js';
import { BASE_SYNONYMS } from './synonyms.js';

// Irregular forms the Porter stemmer leaves apart from their base.
const IRREGULAR: Readonly<Record<string, string>> = {
  said: 'say',
  says: 'say',
  began: 'begin',
  begun: 'begin',
  spoke: 'speak',
  spoken: 'speak',
  went: 'go',
  gone: 'go',
  made: 'make',
  took: 'take',
  taken: 'take',
  gave: 'give',
  given: 'give',
  held: 'hold',
  led: 'lead',
  leads: 'lead',
  wrote: 'write',
  written: 'write',
  thought: 'think',
  brought: 'bring',
  built: 'build',
  met: 'meet',
  kept: 'keep',
  bought: 'buy',
  caught: 'catch',
  taught: 'teach',
  sought: 'seek',
  fought: 'fight',
  felt: 'feel',
  left: 'leave',
  meant: 'mean',
  sent: 'send',
  spent: 'spend',
  lent: 'lend',
  lost: 'lose',
  paid: 'pay',
  sold: 'sell',
  told: 'tell',
  won: 'win',
  ran: 'run',
  came: 'come',
  became: 'become',
  grew: 'grow',
  grown: 'grow',
  knew: 'know',
  known: 'know',
  chose: 'choose',
  chosen: 'choose',
  drew: 'draw',
  drawn: 'draw',
  drove: 'drive',
  driven: 'drive',
  ate: 'eat',
  eaten: 'eat',
  fell: 'fall',
  fallen: 'fall',
  flew: 'fly',
  flown: 'fly',
  forgot: 'forget',
  forgotten: 'forget',
  froze: 'freeze',
  frozen: 'freeze',
  got: 'get',
  gotten: 'get',
  hid: 'hide',
  hidden: 'hide',
  rose: 'rise',
  risen: 'rise',
  saw: 'see',
  seen: 'see',
  shook: 'shake',
  shaken: 'shake',
  shown: 'show',
  showed: 'show',
  stood: 'stand',
  stole: 'steal',
  stolen: 'steal',
  struck: 'strike',
  swore: 'swear',
  sworn: 'swear',
  threw: 'throw',
  thrown: 'throw',
  understood: 'understand',
  woke: 'wake',
  woken: 'wake',
  wore: 'wear',
  worn: 'wear',
  broke: 'break',
  broken: 'break',
  sat: 'sit',
  slept: 'sleep',
  sang: 'sing',
  sung: 'sing',
  sank: 'sink',
  sunk: 'sink',
  heard: 'hear',
  laid: 'lay',
  lain: 'lie',
  rode: 'ride',
  ridden: 'ride',
  bore: 'bear',
  born: 'bear',
  borne: 'bear',
  dealt: 'deal',
  dug: 'dig',
  fed: 'feed',
  fled: 'flee',
  hung: 'hang',
  sped: 'speed',
  children: 'child',
  people: 'person',
  women: 'woman',
  men: 'man',
  countries: 'country',
  universities: 'university',
};

const MAX_CACHED_STEMS = 200_000;

/** Documents keep the words of a multi-word synonym besides the phrase; questions only the phrase. */
export type TextMode = 'document' | 'question';

/** A word the question wants, with the index terms that may stand for it and how much each counts. */
export interface TermAlternative {
  term: string;
  /** 1 for the word itself, less for a synonym or a typo correction. */
  weight: number;
}

/**
 * The English analyzer: folding, tokenizing, stop words, British/American spelling, a Porter
 * stemmer, and synonym groups. Documents and questions go through the same `terms()` so they
 * meet on the same stems.
 */
export class Analyzer {
  /** stem → id of its synonym group(s). */
  private readonly groupsOf = new Map<string, number[]>();
  private readonly groups: string[][] = [];
  /** Folded word or phrase → the other words and phrases of its groups, as written (for names). */
  private readonly aliasesOf = new Map<string, string[]>();
  /** Multi-word synonyms ("set up"), folded, longest first, joined into one token before stemming. */
  private readonly phrases: { words: string; joined: string }[] = [];
  /**
   * word → stem (null for a stop word). Stemming is most of the cost of cutting a large knowledge
   * base into passages, and its vocabulary is small next to its word count; the cap keeps a long
   * run of odd questions from growing it without bound.
   */
  private readonly stems = new Map<string, string | null>();

  constructor(extraGroups: readonly (readonly string[])[] = []) {
    for (const group of [...BASE_SYNONYMS, ...extraGroups]) this.addGroup(group);
    this.phrases.sort((a, b) => b.words.length - a.words.length);
  }

  private addGroup(words: readonly string[]): void {
    const id = this.groups.length;
    const stems = new Set<string>();
    for (const word of words) {
      const folded = fold(word).trim().replace(/\s+/g, ' ');
      if (folded.includes(' ')) {
        const joined = folded.replace(/ /g, '_');
        this.phrases.push({ words: folded, joined });
        stems.add(joined);
      } else {
        const stem = this.stem(folded);
        if (stem) stems.add(stem);
      }
    }
    this.groups.push([...stems]);
    const written = words.map((w) => fold(w).trim().replace(/\s+/g, ' '));
    for (const w of written) this.aliasesOf.set(w, [...(this.aliasesOf.get(w) ?? []), ...written.filter((o) => o !== w)]);
    for (const stem of stems) this.groupsOf.set(stem, [...(this.groupsOf.get(stem) ?? []), id]);
  }

  /**
   * Words of the text, folded, in order, stop words included. A multi-word synonym becomes one
   * token; in documents its words stay too, so "goal" still matches on its own, while in a
   * question "set up" is only the phrase, not a "set".
   */
  tokens(text: string, mode: TextMode = 'document'): string[] {
    let folded = fold(text);
    for (const { words, joined } of this.phrases) {
      if (folded.includes(words))
        folded = folded.replace(new RegExp(`\\b${words}\\b`, 'g'), mode === 'document' ? `${words} ${joined}` : joined);
    }
    return (folded.match(/[\p{L}\p{N}_]+(?:'[\p{L}]+)?/gu) ?? []).map((t) => t.replace(/'(s|re|ve|ll|d|t|m)$/, '') || t);
  }

  /** The index term for one folded word, or undefined for a stop word or noise. */
  stem(word: string): string | undefined {
    const known = this.stems.get(word);
    if (known !== undefined) return known ?? undefined;
    const stem = this.stemWord(word);
    if (this.stems.size >= MAX_CACHED_STEMS) this.stems.clear();
    this.stems.set(word, stem ?? null);
    return stem;
  }

  private stemWord(word: string): string | undefined {
    if (word.includes('_')) return word;
    if (STOP_WORDS.has(word)) return undefined;
    if (word.length < 2 && !/\d/.test(word)) return undefined;
    if (/^\d+$/.test(word)) return word;
    const base = IRREGULAR[word] ?? word;
    // British -ise/-isation and American -ize/-ization meet on one spelling.
    const american = base.length > 5 ? base.replace(/is(e|ed|es|ing|ation|ations|er|ers)$/, 'iz$1') : base;
    return stemmer(american);
  }

  /** The index terms of a text, in order, with repeats. */
  terms(text: string, mode: TextMode = 'document'): string[] {
    return this.termsWithWords(text, mode).map((t) => t.term);
  }

  /** The index terms of a text with the word each came from (a typo is told by the word, not its stem). */
  termsWithWords(text: string, mode: TextMode = 'document'): { term: string; word: string }[] {
    const terms: { term: string; word: string }[] = [];
    for (const token of this.tokens(text, mode)) {
      const term = this.stem(token);
      if (term) terms.push({ term, word: token });
    }
    return terms;
  }

  /** Other names for a name, from the synonym groups ("polimi" → "politecnico di milano"). */
  aliases(name: string): string[] {
    return this.aliasesOf.get(fold(name).trim().replace(/\s+/g, ' ')) ?? [];
  }

  /** Other terms that may stand for `term` (its synonym groups), without the term itself. */
  synonyms(term: string): string[] {
    const ids = this.groupsOf.get(term);
    if (!ids) return [];
    const out = new Set<string>();
    for (const id of ids) for (const other of this.groups[id] ?? []) if (other !== term) out.add(other);
    return [...out];
  }
}
