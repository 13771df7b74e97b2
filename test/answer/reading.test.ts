import { afterEach, describe, expect, it } from 'vitest';
import { Answerer, confidenceOf, proximity, sharedPairs, wordPairs, type Signals } from '../../src/answer/answerer.js';
import { contradicts, isNegated } from '../../src/answer/polarity.js';
import { correctQuestionWords, readQuestion } from '../../src/answer/question.js';
import { Analyzer } from '../../src/answer/analyzer.js';
import { startAnswerer } from '../../src/answer/start.js';
import { tagSentence } from '../../src/answer/tagger.js';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { tempKnowledge, type TempKnowledge } from '../helpers/knowledge.js';

let kb: TempKnowledge | undefined;
afterEach(async () => kb?.remove());

async function answererOf(files: Record<string, string>, threshold?: number): Promise<Answerer> {
  kb = await tempKnowledge(files);
  const loaded = await loadKnowledge(kb.dir);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  return new Answerer(loaded.knowledge, threshold === undefined ? {} : { threshold });
}

const LIGHTHOUSE = `# Harbour lighthouse

The harbour lighthouse was built in 1854 by the engineer Thomas Stevenson.
It stands 38 metres tall on the northern breakwater.

The lamp was converted to electricity in 1921. Keepers lived in the cottage beside the tower until 1987.
`;
const FERRY = `The ferry to the island leaves from the south pier every two hours.

A return ticket costs 12 euros. Bicycles travel free of charge.
`;

describe('a folder of plain documents', () => {
  it('answers from a Markdown file without front matter and from a .txt file', async () => {
    const answerer = await answererOf({ 'lighthouse.md': LIGHTHOUSE, 'ferry.txt': FERRY });
    const built = answerer.ask('When was the lighthouse built?');
    expect(built.kind).toBe('passage');
    expect(built.text).toContain('1854');
    expect(built.sources[0]?.document).toBe('Harbour lighthouse');
    const ticket = answerer.ask('How much does a return ticket cost?');
    expect(ticket.text).toContain('12 euros');
    expect(ticket.sources[0]?.document).toBe('ferry');
  });

  it('leads with the short answer of the asked type and reports it in facts', async () => {
    const answerer = await answererOf({ 'lighthouse.md': LIGHTHOUSE });
    const who = answerer.ask('Who built the harbour lighthouse?');
    expect(who.facts?.value).toBe('Thomas Stevenson');
    expect(who.facts?.valueType).toBe('name');
    expect(who.text.startsWith('Thomas Stevenson')).toBe(true);
    const when = answerer.ask('In what year was the lamp converted to electricity?');
    expect(when.facts).toMatchObject({ value: '1921', valueType: 'date' });
    const topic = answerer.ask('When did Thomas Stevenson build the lighthouse?');
    expect(topic.facts).toMatchObject({ value: '1854', topic: 'Thomas Stevenson' });
    expect(answerer.ask('Did Thomas Stevenson build it?').facts?.topic).toBe('Thomas Stevenson');
  });

  it('says it does not know what the text does not say, or says the opposite of', async () => {
    const answerer = await answererOf({ 'lighthouse.md': LIGHTHOUSE, 'ferry.txt': FERRY });
    expect(answerer.ask('What is the capital of Peru?').kind).toBe('unknown');
    expect(answerer.ask('When was the lamp not converted to electricity?').kind).toBe('unknown');
    expect(answerer.ask('Who sells the ferry tickets?').kind).toBe('unknown');
  });

  it('takes its threshold as an option', async () => {
    const files = { 'lighthouse.md': LIGHTHOUSE };
    // A weak match: the sentence says where the keepers lived, not where they live.
    const weak = 'Where do the keepers live now?';
    expect((await answererOf(files, 0.9)).ask(weak).kind).toBe('unknown');
    await kb?.remove();
    expect((await answererOf(files, 0)).ask(weak).kind).toBe('passage');
  });
});

describe('the threshold wherever the answerer lives', () => {
  it.each([
    ['in a worker', 0],
    ['in process', Number.POSITIVE_INFINITY],
  ])('%s', async (_where, inProcessMaxBytes) => {
    kb = await tempKnowledge({ 'lighthouse.md': LIGHTHOUSE });
    const strict = await startAnswerer(kb.dir, { inProcessMaxBytes, answerer: { threshold: 0.9 } });
    const lenient = await startAnswerer(kb.dir, { inProcessMaxBytes, answerer: { threshold: 0 } });
    try {
      expect((await strict.ask('Where do the keepers live now?')).kind).toBe('unknown');
      expect((await lenient.ask('Where do the keepers live now?')).kind).toBe('passage');
    } finally {
      await Promise.all([strict.close(), lenient.close()]);
    }
  });
});

describe('misspelt question words', () => {
  const known = (word: string): boolean => ['lanched', 'launched'].includes(word);
  it('read like the question word one edit away', () => {
    expect(correctQuestionWords('wen was it launched', known)).toBe('when was it launched');
    expect(correctQuestionWords('hwo many members are there', known)).toBe('how many members are there');
    expect(correctQuestionWords('hwo founded it', known)).toBe('who founded it');
    expect(correctQuestionWords('wher is it', known)).toBe('where is it');
  });
  it('leave words the knowledge has, and words further in, alone', () => {
    expect(correctQuestionWords('wen was it lanched', (w) => w === 'wen')).toBe('wen was it lanched');
    expect(correctQuestionWords('is the old hwo museum open', () => false)).toBe('is the old hwo museum open');
  });
  it('give the question its shape', () => {
    const read = readQuestion('wen was it lanched', new Analyzer(), () => false);
    expect(read.shape).toBe('when');
    expect(read.asks).toBe('date');
  });
  it('are answered through the answerer', async () => {
    const answerer = await answererOf({ 'lighthouse.md': LIGHTHOUSE });
    expect(answerer.ask('wen was the lighthouse biult?').text).toContain('1854');
  });
});

describe('the asked answer type', () => {
  const analyzer = new Analyzer();
  it.each([
    ['When did it open?', 'date'],
    ['What year was it built?', 'date'],
    ['How many boats are there?', 'number'],
    ['How much does it cost?', 'number'],
    ['Where is the pier?', 'place'],
    ['Who designed it?', 'name'],
  ])('%s asks for a %s', (q, type) => {
    expect(readQuestion(q, analyzer).asks).toBe(type);
  });
  it('is not guessed for a plain "what"', () => {
    expect(readQuestion('What is a breakwater?', analyzer).asks).toBeUndefined();
  });
});

describe('tagging sentences with wink-nlp', () => {
  it('finds dates, numbers, names and places', () => {
    const tags = tagSentence('In 1965 Juris Hartmanis published 3 papers at Cornell University in Ithaca.');
    expect(tags).toEqual(
      expect.arrayContaining([
        { text: '1965', type: 'date' },
        { text: '3', type: 'number' },
        { text: 'Juris Hartmanis', type: 'name' },
        { text: 'Cornell University', type: 'place' },
        { text: 'Ithaca', type: 'place' },
      ]),
    );
  });
});

describe('contradiction', () => {
  it('a question with "not" against a sentence without', () => {
    expect(isNegated("Which machines aren't equal?")).toBe(true);
    expect(contradicts('What is not the key distinction?', 'A key distinction is the resources.')).toBe(true);
    expect(contradicts('What is not solvable?', 'Some problems are not solvable.')).toBe(false);
  });
  it('a contrary word or a negative prefix', () => {
    expect(contradicts('What is the least used reduction?', 'The most used reduction is X.')).toBe(true);
    expect(contradicts('What is uncommonly used?', 'X is commonly used.')).toBe(true);
    expect(contradicts('What is commonly used?', 'X is commonly used.')).toBe(false);
  });
  it('not a choice ("whether or not", "may or may not"), nor a prefix the sentence says with "not"', () => {
    expect(isNegated('Can it be solved or not?')).toBe(false);
    expect(contradicts('What decides whether or not a problem is solved?', 'Computability decides if a problem is solved.')).toBe(false);
    expect(contradicts('If P = NP is unsolved, what follows?', 'Because the problem P = NP is not solved, this follows.')).toBe(false);
  });
});

describe('closeness of the question words', () => {
  it('proximity is the matched terms over the shortest window holding them', () => {
    expect(proximity(new Set(['a', 'b']), ['a', 'b', 'x'])).toBe(1);
    expect(proximity(new Set(['a', 'b']), ['a', 'x', 'x', 'b'])).toBe(0.5);
    expect(proximity(new Set(['a', 'b']), ['a', 'x'])).toBe(0);
  });
  it('shared word pairs keep function words', () => {
    const pairs = wordPairs('What is referred to as a problem instance?');
    expect(sharedPairs(pairs, 'The input is referred to as a problem instance.')).toBeGreaterThan(0.5);
    expect(sharedPairs(pairs, 'Problems are instances of inputs.')).toBe(0);
  });
});

describe('confidence', () => {
  const base: Signals = {
    coverage: 0.6,
    knownCoverage: 0.6,
    missing: 0,
    unknown: 0,
    value: false,
    lacksType: false,
    margin: 0.1,
    contrary: false,
    yesNo: false,
    missingName: false,
    matchedIdeas: 2,
  };
  it('falls with a word the knowledge lacks, a missing asked type, a contradiction', () => {
    const plain = confidenceOf(base);
    expect(confidenceOf({ ...base, unknown: 0.5 })).toBeLessThan(plain);
    expect(confidenceOf({ ...base, lacksType: true })).toBeLessThan(plain);
    expect(confidenceOf({ ...base, contrary: true })).toBe(0);
    expect(confidenceOf({ ...base, yesNo: true, missing: 0.3 })).toBeLessThan(confidenceOf({ ...base, missing: 0.3 }));
  });
  it('falls with a missing name, and with an unknown word when at most one other idea matches', () => {
    const plain = confidenceOf(base);
    expect(confidenceOf({ ...base, missingName: true })).toBeLessThan(plain);
    const unknown = { ...base, unknown: 0.3 };
    expect(confidenceOf({ ...unknown, matchedIdeas: 1 })).toBeLessThan(confidenceOf(unknown));
  });
});

const PORT = `# Harbour lighthouse

The harbour lighthouse was built in 1854 by the engineer Thomas Stevenson.
Its lamp came from a workshop in France and was converted to electricity in 1921.

Stevenson later designed the beacon on the pier at Edinburgh.
`;

describe('refusals on evidence', () => {
  it('refuses a question that swaps a name for another one the text has elsewhere', async () => {
    const answerer = await answererOf({ 'lighthouse.md': PORT });
    expect(answerer.ask('Who built the harbour lighthouse in 1854?').text).toContain('Thomas Stevenson');
    expect(answerer.ask('Who built the harbour lighthouse in Edinburgh?').kind).toBe('unknown');
  });
  it('refuses an off-topic question that shares one word with the text', async () => {
    const answerer = await answererOf({ 'lighthouse.md': PORT });
    expect(answerer.ask('Who is the president of France?').kind).toBe('unknown');
    expect(answerer.ask('What is the population of France?').kind).toBe('unknown');
  });
});

const RIVER = `# The river

The river rises in the hills of Westmark and flows to the sea.
It is the second-longest river of the region, after the Oder.

The river delta covers 4,150 square kilometres.
Alan Turing once walked along the river.
The Turing bridge crosses it near the mouth.
`;

describe('names and measures of a question', () => {
  it('finds an area given in its units', async () => {
    const answerer = await answererOf({ 'river.md': RIVER }, 0.1);
    expect(answerer.ask('What is the area of the river delta?').text).toContain('4,150 square kilometres');
  });

  it('refuses a two-word name whose other half names something else the text has', async () => {
    const answerer = await answererOf({ 'river.md': RIVER }, 0.1);
    const swapped = answerer.explain('What is the area of the Oder Delta?');
    const river = answerer.explain('What is the area of the River Delta?');
    expect(swapped.candidates[0]?.signals?.missingName).toBe(true);
    expect(river.candidates[0]?.signals?.missingName ?? false).toBe(false);
  });

  it('takes a first name the text only writes beside the surname as the same name', async () => {
    const answerer = await answererOf({ 'river.md': RIVER }, 0.1);
    const e = answerer.explain('Which bridge is named after Alan Turing?');
    expect(e.candidates[0]?.passage.text).toContain('Turing bridge');
    expect(e.candidates[0]?.signals?.missingName).toBe(false);
  });
});
