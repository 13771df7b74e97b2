/**
 * Reading a question in another language as an English question for the core: question words,
 * auxiliaries and prepositions from the language's table, the domain's words and names from the
 * moderators' lexicon, country names from country data; names nobody mapped are kept as written
 * (Cyrillic ones transliterated). Then English word order where it matters to the core: the
 * question word first, and the verb first in a yes/no question ("is X a member").
 */
import { transliterate } from 'transliteration';
import { fold, isStopword, type Token, token, words } from './analyze.js';
import { countryNames } from './countries.js';
import type { Lexicon } from './lexicon.js';
import type { LanguageTable } from './types.js';

type Kind = 'word' | 'term' | 'name';
interface Entry {
  parts: Pick<Token, 'fold' | 'stem'>[];
  english: string;
  kind: Kind;
  /** The lexicon's first form: the plural of a noun, which the English term is written as. */
  first: boolean;
}
/** One word or phrase of the English question, with what it is. */
interface Piece {
  english: string;
  role: 'question' | 'copula' | 'other';
  /** Mapped by the lexicon or country data to a term or a name (not a function word, not kept). */
  mapped: boolean;
  capital: boolean;
  /** A word of the question nothing mapped, kept as written (a name, or a word the core will not know). */
  kept: boolean;
}

const QUESTION_WORDS = /^(?:who|what|when|where|which|how|why)\b/;
const PREPOSITIONS = /^(?:in|at|on|by|from|during|among)$/;
const COPULAS = /^(?:is|are|was|were)\b/;
// Nouns that head a name: "Universität Toronto" is "University of Toronto".
const HEADS = /^(?:university|polytechnic|institute|college|academy|school)$/i;
const PRIORITY: Record<Kind, number> = { term: 2, name: 2, word: 1 };

/** Reads questions in one language; built once per lexicon load. */
export class Translator {
  private readonly byFirst = new Map<string, Entry[]>();
  /** Chinese: forms matched character by character, longest first. */
  private readonly byText = new Map<string, Entry>();
  private longest = 1;

  constructor(
    private readonly table: LanguageTable,
    lexicons: readonly Lexicon[],
  ) {
    for (const [phrase, english] of Object.entries(table.words)) this.add(phrase, english, 'word', true);
    for (const [local, english] of countryNames(table.code)) this.add(local, english, 'name', true);
    for (const lexicon of lexicons) {
      if (lexicon.lang !== table.code) continue;
      for (const entry of lexicon.entries) {
        entry.forms.forEach((form, i) => {
          this.add(form, entry.english, /^\p{Lu}/u.test(entry.english) ? 'name' : 'term', i === 0);
        });
      }
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.parts.length - a.parts.length || PRIORITY[b.kind] - PRIORITY[a.kind]);
  }

  private add(phrase: string, english: string, kind: Kind, first: boolean): void {
    if (this.table.unspaced) {
      const key = fold(phrase);
      const existing = this.byText.get(key);
      if (existing && PRIORITY[existing.kind] > PRIORITY[kind]) return;
      this.byText.set(key, { parts: [], english, kind, first });
      this.longest = Math.max(this.longest, key.length);
      return;
    }
    const parts = words(phrase, this.table.code, this.table.locale).map((w) => token(w, this.table.code));
    if (parts.length === 0) return;
    const entry: Entry = { parts, english, kind, first };
    const head = parts[0] as Token;
    // Russian also by the word without its case ending, which the stemmer leaves apart for short
    // names ("Китай", "из Китая"): match() then compares the words whole.
    const root = this.table.code === 'ru' && kind !== 'word' ? russianRoot(head.fold) : undefined;
    for (const key of new Set([head.fold, kind === 'word' ? head.fold : head.stem, ...(root ? [root] : [])])) {
      const list = this.byFirst.get(key) ?? [];
      list.push(entry);
      this.byFirst.set(key, list);
    }
  }

  /** The English question for the core. */
  english(text: string): string {
    const opened = this.opener(text);
    if (opened) return `${opened.english} ${this.english(opened.rest)}`;
    const pieces = this.table.unspaced ? this.readUnspaced(text) : this.readSpaced(text);
    return `${order(pieces, this.table.bareNameAfterHead === true)
      .map((p) => p.english)
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim()}?`;
  }

  /**
   * A follow-up's opening ("E Yale?", "Und was ist mit Yale?") and the rest, so the opening reaches
   * the follow-up rewrite as English instead of being dropped as a function word. Matched on the
   * text as written, since folding would make Italian "è" ("is") an "e" ("and").
   */
  private opener(text: string): { english: string; rest: string } | undefined {
    // Spanish opens a question with "¿": the opening is the first word after it.
    const trimmed = text.replace(/^[\s¿¡]+/u, '').trim();
    const lower = trimmed.toLocaleLowerCase(this.table.locale);
    const openers = Object.entries(this.table.followUpOpeners ?? {}).sort(([a], [b]) => b.length - a.length);
    const particle = this.table.followUpParticle;
    if (particle) {
      // "那亚洲呢？": an opening, a name and the particle, with no question word of its own.
      const bare = trimmed.replace(/[\s?？!！。.]+$/u, '');
      if (!bare.endsWith(particle)) return undefined;
      let rest = bare.slice(0, -particle.length);
      const opening = openers.find(([phrase]) => rest.startsWith(phrase));
      if (opening) rest = rest.slice(opening[0].length);
      return /[\p{L}\p{N}]/u.test(rest) && !QUESTION_WORDS.test(this.english(rest)) ? { english: 'what about', rest } : undefined;
    }
    for (const [phrase, english] of openers) {
      if (!lower.startsWith(`${phrase} `)) continue;
      const rest = trimmed.slice(phrase.length).trim();
      if (/[\p{L}\p{N}]/u.test(rest)) return { english, rest };
    }
    return undefined;
  }

  /**
   * The question's own words, for documents written in its language: what the table does not
   * cover (question words, articles, auxiliaries and their phrases go), as written.
   */
  ownWords(text: string): string[] {
    const toks = words(text, this.table.code, this.table.locale).map((w) => token(w, this.table.code));
    const out: string[] = [];
    for (let i = 0; i < toks.length; ) {
      const tok = toks[i] as Token;
      const found = this.table.unspaced ? undefined : this.match(toks, i);
      const n = found ? found.entry.parts.length : 1;
      const covered = found ? found.entry.kind === 'word' : tok.fold in this.table.words;
      if (!covered && !isStopword(this.table.code, tok.fold)) out.push(...toks.slice(i, i + n).map((t) => t.text));
      i += n;
    }
    return out;
  }

  private readSpaced(text: string): Piece[] {
    const toks = words(text, this.table.code, this.table.locale).map((w) => token(w, this.table.code));
    const pieces: Piece[] = [];
    for (let i = 0; i < toks.length; ) {
      const tok = toks[i] as Token;
      const found = this.match(toks, i);
      if (found) {
        const { entry, exact } = found;
        // The English term is written as the plural its first form is: another form, or a noun
        // heading a name ("l'Università di Toronto"), reads as the singular.
        const inName = tok.capital && i > 0 && !this.table.bareNameAfterHead;
        const english = entry.kind === 'term' && !(exact && entry.first && !inName) ? singular(entry.english) : entry.english;
        if (english !== '') pieces.push(piece(english, entry.kind !== 'word', tok.capital && i > 0));
        i += entry.parts.length;
        continue;
      }
      i++;
      if (!tok.latin && isStopword(this.table.code, tok.fold)) continue;
      const kept = /\p{Script=Cyrillic}/u.test(tok.text) ? transliterate(tok.text) : tok.text;
      pieces.push(piece(kept, false, tok.capital, true));
    }
    return pieces;
  }

  private match(toks: readonly Token[], at: number): { entry: Entry; exact: boolean } | undefined {
    const tok = toks[at] as Token;
    const root = this.table.code === 'ru' ? russianRoot(tok.fold) : undefined;
    const keys = new Set([tok.fold, tok.stem, ...(root ? [root] : [])]);
    const candidates = [...new Set([...keys].flatMap((key) => this.byFirst.get(key) ?? []))];
    let best: { entry: Entry; exact: boolean } | undefined;
    let bestScore = 0;
    for (const entry of candidates) {
      let exact = true;
      const fits = entry.parts.every((part, k) => {
        const t = toks[at + k];
        if (!t) return false;
        if (t.fold === part.fold) return true;
        exact = false;
        // Function words match as written; the domain's words by stem, if long enough to mean one thing.
        if (entry.kind === 'word') return false;
        if (part.stem.length >= 3 && t.stem === part.stem) return true;
        // Russian declines names, and the stemmer leaves short ones too short to compare
        // ("Азия", "в Азии"): the same word with another case ending.
        return this.table.code === 'ru' && sameRussianWord(t.fold, part.fold);
      });
      // Longest first; then a word as written over one that only shares its stem ("stata" is not
      // "stato"); then the moderators' lexicon over the built-in table.
      const score = entry.parts.length * 10 + (exact ? 5 : 0) + PRIORITY[entry.kind];
      if (fits && score > bestScore) {
        best = { entry, exact };
        bestScore = score;
      }
    }
    return best;
  }

  private readUnspaced(text: string): Piece[] {
    const folded = fold(text);
    const pieces: Piece[] = [];
    let rest = '';
    const flush = (): void => {
      if (rest === '') return;
      for (const w of words(rest, this.table.code, this.table.locale)) {
        if (/^\p{Script=Han}/u.test(w) && isStopword(this.table.code, w)) continue;
        pieces.push(piece(w, false, /^\p{Lu}/u.test(w), true));
      }
      rest = '';
    };
    for (let i = 0; i < folded.length; ) {
      let found: Entry | undefined;
      let length = 0;
      for (let n = Math.min(this.longest, folded.length - i); n >= 1 && !found; n--) {
        const entry = this.byText.get(folded.slice(i, i + n));
        // A Latin-script form matches whole words only ("edx", not the "ed" in it).
        if (entry && !(/[a-z0-9]$/.test(folded.slice(i, i + n)) && /[a-z0-9]/.test(folded[i + n] ?? ''))) {
          found = entry;
          length = n;
        }
      }
      if (!found) {
        rest += text[i];
        i++;
        continue;
      }
      flush();
      const before = pieces.at(-1);
      const head = singular(found.english);
      if (found.kind === 'term' && HEADS.test(head) && before?.kept && /\p{Script=Han}/u.test(before.english)) {
        // "耶鲁大学", a name nobody mapped before its head noun: one name, "耶鲁 University".
        pieces.splice(-1, 1, piece(`${before.english} ${head.charAt(0).toUpperCase()}${head.slice(1)}`, false, true, true));
      } else if (found.english !== '') pieces.push(piece(found.english, found.kind !== 'word', false));
      i += length;
    }
    flush();
    return pieces;
  }
}

const RUSSIAN_ENDING = /[аеёиоуыэюяйь]+$/u;

/** A Russian word of four letters or more without its case ending, or undefined. */
function russianRoot(word: string): string | undefined {
  if (word.length < 4) return undefined;
  const root = word.replace(RUSSIAN_ENDING, '');
  return root.length >= 2 ? `ru:${root}` : undefined;
}

/** Two Russian words of four letters or more that differ only in their case ending. */
function sameRussianWord(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 2) return false;
  const root = russianRoot(a);
  return root !== undefined && root === russianRoot(b);
}

/** "founding members" → "founding member", "universities" → "university"; other words as they are. */
export function singular(english: string): string {
  return english.replace(/(\p{L}+)$/u, (word) => {
    if (/(?:ss|us|is|ics)$/i.test(word) || word.length < 4) return word;
    if (/[^aeiou]ies$/i.test(word)) return `${word.slice(0, -3)}y`;
    if (/(?:ches|shes|xes|sses)$/i.test(word)) return word.slice(0, -2);
    return word.endsWith('s') ? word.slice(0, -1) : word;
  });
}

function piece(english: string, mapped: boolean, capital: boolean, kept = false): Piece {
  const lower = english.toLowerCase();
  const role = QUESTION_WORDS.test(lower) ? 'question' : COPULAS.test(lower) ? 'copula' : 'other';
  // A head noun written as part of a name keeps its capital: "University of Toronto".
  const shown = mapped && capital && HEADS.test(english) ? english.charAt(0).toUpperCase() + english.slice(1) : english;
  return { english: shown, role, mapped, capital, kept };
}

/** English word order for what the core reads from the order: see the module comment. */
function order(pieces: Piece[], bareNameAfterHead: boolean): Piece[] {
  let out = [...pieces];
  if (bareNameAfterHead) {
    out = out.flatMap((p, i) => {
      const next = out[i + 1];
      return p.mapped && HEADS.test(p.english) && next && !next.mapped && next.capital ? [p, piece('of', false, false)] : [p];
    });
  }
  // "联盟 的 成员" ("alliance's members") → "members of alliance": the core reads "of".
  for (let i = out.findIndex((p) => p.english === "'s"); i >= 0; i = out.findIndex((p) => p.english === "'s")) {
    const owner = out[i - 1];
    const owned = out[i + 1];
    if (owner && owned && owner.role === 'other' && owned.role === 'other') out.splice(i - 1, 3, owned, piece('of', false, false), owner);
    else out.splice(i, 1);
  }
  const q = out.findIndex((p) => p.role === 'question');
  if (q > 0 && PREPOSITIONS.test(out[q - 1]?.english ?? '')) {
    // "In welchem Jahr", "在 什么 活动": the preposition stays with its question word ("in which year").
    const preposition = out[q - 1] as Piece;
    const question = out[q] as Piece;
    out.splice(q - 1, 2);
    return [preposition, question, ...out];
  }
  if (q > 0) {
    // "联盟 是 什么时候 成立" → "when is 联盟 成立": the question word first, with the verb before it.
    const copula = out[q - 1]?.role === 'copula' ? 1 : 0;
    const moved = out.slice(q - copula, q + 1);
    const question = moved.pop() as Piece;
    out.splice(q - copula, copula + 1);
    return [question, ...moved, ...out];
  }
  if (q < 0) {
    // A yes/no question: "X è un membro" → "is X a member".
    const c = out.findIndex((p) => p.role === 'copula');
    const copula = out[c];
    if (c === 0 && copula && copula.english.includes(' ') && !/ there$/.test(copula.english)) {
      // "forma parte edX de …" read "is part edX of …": the subject goes between the verb and the rest.
      // The subject: names and kept words, "of" between them ("University of Toronto").
      const [verb, ...rest] = copula.english.split(' ');
      const named = (p: Piece | undefined): boolean => p !== undefined && (p.capital || p.kept);
      let at = 1;
      while (at < out.length && (named(out[at]) || (out[at]?.english === 'of' && named(out[at + 1])))) at++;
      return [piece(verb as string, false, false), ...out.slice(1, at), piece(rest.join(' '), false, false), ...out.slice(at)];
    }
    if (c > 0 && copula) {
      // Only the verb moves: "X is part of Y" → "is X part of Y".
      const [verb, ...rest] = copula.english.split(' ');
      out.splice(c, 1, ...(rest.length ? [piece(rest.join(' '), false, false)] : []));
      return [piece(verb as string, false, false), ...out];
    }
  }
  return out;
}
