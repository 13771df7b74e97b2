/**
 * Tags the things a sentence states that questions ask for (dates, numbers, names, places) with
 * wink-nlp and its English model: named-entity recognition for dates, times, durations, amounts
 * and counts, part-of-speech tags for proper names. It runs when the index is built (in the
 * worker for large knowledge), never per question on the event loop.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/** What kind of thing a tagged span is; also what a question may ask for. */
export type ValueType = 'date' | 'number' | 'name' | 'place';

/** One span of a sentence worth answering with ("1965", "Juris Hartmanis", "New York"). */
export interface Tag {
  text: string;
  type: ValueType;
}

const NO_TAGS: readonly Tag[] = Object.freeze([]);

type Pipeline = ReturnType<typeof winkNLP>;
// Two pipelines per thread over one model, made on first use (loading takes about 50 ms): entity
// recognition costs twice what part-of-speech tagging does (3.3 s against 2 s for 10 MB of State of
// the Union sentences), so it runs only on sentences that may hold a date or an amount.
let withEntities: Pipeline | undefined;
let namesOnly: Pipeline | undefined;
const nlp = (entities: boolean): Pipeline => {
  if (entities) withEntities ??= winkNLP(model, ['pos', 'ner']);
  else namesOnly ??= winkNLP(model, ['pos']);
  return (entities ? withEntities : namesOnly) as Pipeline;
};
/** What every date, time, duration or amount wink recognises has in it: a digit, or one of these words. */
const MAY_HOLD_ENTITY =
  /\d|\w(?:teen|teenth|tieth)\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion|dozen|half|quarter|first|second|third|fourth|fifth|last|next|percent|century|centuries|decade|year|years|month|months|week|weeks|day|days|hour|hours|minute|minutes|today|yesterday|tomorrow|tonight|morning|evening|night|spring|summer|autumn|fall|winter|january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|several|few|many|ago|dollars?|euros?|pounds?)\b/i;

const ENTITY_TYPES: Readonly<Record<string, ValueType>> = {
  DATE: 'date',
  TIME: 'date',
  DURATION: 'date',
  CARDINAL: 'number',
  MONEY: 'number',
  PERCENT: 'number',
  ORDINAL: 'number',
};
// A name after one of these is a place ("in New York", "near Lyon").
const PLACE_BEFORE = new Set(['in', 'at', 'near', 'from', 'across', 'throughout', 'outside', 'inside']);

/**
 * The tagged spans of a sentence, in order of appearance: wink's entities, then runs of proper
 * nouns (a run after "in", "at", "from"… is a place). Names at the start of a sentence count too:
 * the model, unlike capitalisation, tells "The" from "Turing".
 */
export function tagSentence(sentence: string): readonly Tag[] {
  const entities = MAY_HOLD_ENTITY.test(sentence);
  const pipeline = nlp(entities);
  const { its } = pipeline;
  const doc = pipeline.readDoc(sentence);
  const tags: Tag[] = [];
  for (const e of entities ? (doc.entities().out(its.detail) as { value: string; type: string }[]) : []) {
    const type = ENTITY_TYPES[e.type];
    if (type) tags.push({ text: e.value, type });
  }
  const words = doc.tokens().out() as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  let run: string[] = [];
  let runStart = 0;
  const flush = (end: number): void => {
    if (run.length > 0) {
      const before = words[runStart - 1]?.toLowerCase() ?? '';
      tags.push({ text: run.join(' '), type: PLACE_BEFORE.has(before) ? 'place' : 'name' });
    }
    run = [];
    runStart = end + 1;
  };
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    // A proper noun, or "of"/"and" inside a name ("University of Toronto").
    if (pos[i] === 'PROPN' && /^\p{Lu}/u.test(word)) {
      if (run.length === 0) runStart = i;
      run.push(word);
    } else if (run.length > 0 && (word === 'of' || word === 'de') && pos[i + 1] === 'PROPN') {
      run.push(word);
    } else flush(i);
  }
  flush(words.length);
  // Most sentences of a large knowledge base have no tags: they share one empty list.
  return tags.length > 0 ? tags : NO_TAGS;
}
