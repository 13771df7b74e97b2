/**
 * Answers questions about the things the knowledge lists: filter, count and existence over a
 * list's attributes, where a thing is, what it is or stands for, what else the text says of it,
 * and questions whose premise the lists contradict. Every answer names the list it comes from;
 * a name in a reply is a known entity, or the person's words quoted whole.
 */
import type { FaqEntry } from '../../knowledge/types.js';
import type { Answer, AnswerFacts } from '../../types.js';
import type { Analyzer } from '../analyzer.js';
import type { Places } from './countries.js';
import { describe, expand } from './describe.js';
import type { FactsIndex } from './extract.js';
import { filtered, onlyOne, wholeList } from './filters.js';
import { faqCoversNames, isExistenceLookup, partialDate } from './honesty.js';
import { countBy, FactsKnowledge, joinNames } from './knowledge.js';
import { agent, check, kindOf, where } from './lookup.js';
import { clarifyNo, leader, listMembership, premise } from './premises.js';
import { readFactsQuestion } from './read.js';
import { correctTypos } from './typos.js';
import type { FactEntity } from './types.js';

/** Answers the facts questions of one knowledge base; built once with the Answerer. */
export class FactsAnswerer {
  /** The index and its lookups, which every form's answer reads. */
  readonly k: FactsKnowledge;

  constructor(
    index: FactsIndex,
    analyzer: Analyzer,
    private readonly faq: readonly FaqEntry[] = [],
    places?: Places,
  ) {
    this.k = new FactsKnowledge(index, analyzer, places);
  }

  /**
   * The reply to a question, given the passage answerer's: a curated FAQ entry written for this
   * very question stays first; else a confident facts answer; else the passage answer, kept
   * honest (a year the text does not give is said to be missing, an FAQ entry about another
   * name or an "is there …" read as a name does not answer) and with its structured facts.
   */
  settle(text: string, composed: Answer, how: { meta: boolean; unknown: () => Answer }): Answer {
    const subject = this.k.index.subject;
    const curated = composed.kind === 'faq' && composed.confidence >= 0.95 && faqCoversNames(text, composed, subject, this.faq);
    const factual = how.meta || curated ? undefined : this.answer(text);
    // A facts "I don't know" (no leader named) still offers what the bot can answer.
    if (factual) return factual.kind === 'unknown' ? { ...how.unknown(), text: factual.text, facts: factual.facts ?? {} } : factual;
    let reply = clarifyNo(this.k, partialDate(text, composed)) ?? how.unknown();
    if (!faqCoversNames(text, reply, subject, this.faq) || isExistenceLookup(text, reply)) reply = how.unknown();
    // A list the passages could not find asked for by its name alone ("How many supporters are there?").
    // … and "Is X a member?" of a list only the facts layer read, where the passages found a sentence, not the list.
    const question = reply.kind === 'unknown' || reply.kind === 'passage' ? readFactsQuestion(text) : undefined;
    if (question && (reply.kind === 'unknown' || (question.form === 'check' && question.link === 'is'))) {
      const listed =
        question && (question.form === 'count' || question.form === 'filter')
          ? wholeList(this.k, question.form, question.rest)
          : question?.form === 'check' && question.link === 'is'
            ? listMembership(this.k, question.about, question.value)
            : undefined;
      if (listed) return listed;
    }
    const facts = this.factsOf(reply);
    return facts ? { ...reply, facts } : reply;
  }

  get index(): FactsIndex {
    return this.k.index;
  }

  /** The entity a phrase names in full, if any (see {@link FactsKnowledge.entityNamed}). */
  entityNamed(phrase: string): FactEntity | undefined {
    return this.k.entityNamed(phrase);
  }

  /** A confident answer, or undefined to let the passage answerer answer; typos read as the known words they are one edit from. */
  answer(text: string): Answer | undefined {
    const asWritten = this.answerAsWritten(text);
    if (asWritten) return asWritten;
    const corrected = correctTypos(this.k, text);
    return corrected ? this.answerAsWritten(corrected) : undefined;
  }

  private answerAsWritten(text: string): Answer | undefined {
    const question = readFactsQuestion(text);
    if (!question) return undefined;
    switch (question.form) {
      case 'expand':
        return expand(this.k, question.about);
      case 'leader':
        return leader(this.k, question.about);
      case 'premise':
        return premise(this.k, question);
      case 'besides':
        return describe(this.k, question.about, 'besides');
      case 'where':
        return where(this.k, question.about);
      case 'agent':
        return agent(this.k, question.about, question.verb, question.also);
      case 'kind':
        return kindOf(this.k, question.about);
      case 'only':
        return onlyOne(this.k, question.about, question.rest);
      case 'check':
        return check(this.k, question.about, question.value, question.link);
      case 'describe':
        // "What are the Chinese universities?" lists them; "What is a university?" asks for a definition, not a list.
        return (
          describe(this.k, question.about, question.tell ? 'tell' : 'what') ??
          (/^(?:a|an)\s/i.test(question.about) ? undefined : filtered(this.k, 'filter', question.about))
        );
      default:
        return filtered(this.k, question.form, question.rest);
    }
  }

  /**
   * The structured facts of a passage answerer's list, count or yes/no answer (the list it comes
   * from, the entities it names, the count, yes or no), for follow-ups and other languages.
   */
  factsOf(reply: Answer): AnswerFacts | undefined {
    if (reply.facts || !['list', 'count', 'membership'].includes(reply.kind)) return reply.facts;
    const quotes = reply.sources.map((s) => s.quote);
    const list =
      this.k.index.lists.find((l) => quotes.some((q) => q.startsWith(l.source.text.slice(0, 40)))) ??
      this.k.index.lists.find((l) => reply.text.includes(l.name));
    if (!list) return undefined;
    if (reply.kind === 'membership') {
      const named = this.k.index.entities.filter((e) => reply.text.includes(e.label));
      const yes = /^Yes\b/.test(reply.text) ? true : /^No\b/.test(reply.text) ? false : undefined;
      return {
        listName: list.name,
        ...(named.length ? { entities: named.map((e) => e.name) } : {}),
        ...(yes !== undefined ? { yes } : {}),
        ...(named.length === 1 && named[0] ? { topic: named[0].name } : {}),
      };
    }
    return {
      listName: list.name,
      entities: list.members.map((m) => m.name),
      ...(reply.kind === 'count' ? { count: list.members.length } : {}),
    };
  }

  /** One line per entity named: its kind, place, relations and lists (for `kb why`). */
  explainEntities(names: readonly string[]): string[] {
    return names
      .map((n) => this.k.index.entities.find((e) => e.name === n))
      .filter((e): e is FactEntity => e !== undefined)
      .slice(0, 8)
      .map((e) => {
        const attrs = [e.kind, this.k.placeOf(e), ...e.relations.map((r) => `${r.relation} ${joinNames(r.objects)}`)].filter(Boolean);
        const lists = this.k.listsOf(e).map((l) => l.name);
        return `${e.label}${attrs.length ? `: ${attrs.join('; ')}` : ''}${lists.length ? ` [${lists.join(', ')}]` : ' [mentioned, on no list]'}`;
      });
  }

  /** What was extracted, for `npm run check` and the reload report: each list with its kinds and countries. */
  summary(): string[] {
    const lines: string[] = [];
    const described = this.k.index.lists.filter(
      (l) => l.members.filter((m) => m.kind || m.country || m.city).length * 2 >= l.members.length,
    );
    for (const l of described) {
      // "national online learning platform" counts with "online learning platform": a kind of two or
      // more words takes in the longer kinds ending with it ("university" alone keeps "technical university" apart).
      const all = [...new Set(l.members.map((m) => m.kind).filter((k): k is string => Boolean(k)))];
      const group = (kind: string): string =>
        all.filter((k) => k.includes(' ') && k !== kind && kind.endsWith(` ${k}`)).sort((a, b) => a.length - b.length)[0] ?? kind;
      const kinds = countBy(l.members.map((m) => (m.kind ? group(m.kind) : 'kind not given')));
      const countries = new Set(l.members.map((m) => m.country).filter(Boolean)).size;
      const placed = l.members.filter((m) => m.country).length;
      lines.push(
        `${l.members.length} ${l.name} (${kinds.map(([k, n]) => `${k} ${n}`).join(', ')}; ${placed} with a country, ${countries} countries)`,
      );
    }
    const plain = this.k.index.lists.length - described.length;
    if (plain) lines.push(`${plain} other list${plain === 1 ? '' : 's'} whose members have no kind or place`);
    const mentioned = this.k.index.entities.filter((e) => !this.k.index.lists.some((l) => l.members.includes(e)));
    if (mentioned.length)
      lines.push(
        `${mentioned.length} mentioned, on no list: ${mentioned
          .map((e) => e.name)
          .slice(0, 8)
          .join(', ')}${mentioned.length > 8 ? ', …' : ''}`,
      );
    if (this.k.index.expansions.length)
      lines.push(
        `${new Set(this.k.index.expansions.map((x) => x.short)).size} expansion(s): ${[...new Set(this.k.index.expansions.map((x) => `${x.short} = ${x.long}`))].slice(0, 5).join('; ')}`,
      );
    return lines;
  }
}
