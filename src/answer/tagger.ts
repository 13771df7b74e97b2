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

// One pipeline per thread, made on first use: loading the model takes about 50 ms.
let pipeline: ReturnType<typeof winkNLP> | undefined;
const nlp = (): ReturnType<typeof winkNLP> => {
  pipeline ??= winkNLP(model, ['pos', 'ner']);
  return pipeline;
};

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
export function tagSentence(sentence: string): Tag[] {
  const { its } = nlp();
  const doc = nlp().readDoc(sentence);
  const tags: Tag[] = [];
  for (const e of doc.entities().out(its.detail) as { value: string; type: string }[]) {
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
  return tags;
}
