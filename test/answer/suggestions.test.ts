import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../src/answer/analyzer.js';
import { questionsFrom, rankSuggestions } from '../../src/answer/suggestions.js';

describe('questions made from sentences', () => {
  it.each([
    ['The club was founded on 3 May 1990.', ['When was the club founded?']],
    [
      'The alliance was launched during the Global MOOC Conference, co-organised by Tsinghua University.',
      ['Where was the alliance launched?', 'Who co-organised the Global MOOC Conference?'],
    ],
    ['Ferruccio Resta, Rector of Politecnico di Milano', ['Who is the Rector of Politecnico di Milano?']],
    ['“Quality matters” said by Rector Ferruccio Resta during a speech', ['What did Ferruccio Resta say?']],
    ['The partnership’s cornerstones are joint teaching and knowledge sharing.', ['What are the partnership’s cornerstones?']],
    ['It was important to reflect on education changes.', []],
  ])('%s', (sentence, questions) => {
    expect(questionsFrom(sentence)).toEqual(questions);
  });
});

describe('ranking suggestions for what was typed', () => {
  const analyzer = new Analyzer();
  const pool = ['When was the club founded?', 'Who leads the club?', 'What is a MOOC?'].map((text) => ({
    text,
    terms: new Set(analyzer.terms(text)),
  }));
  it('puts questions sharing words or containing the text first', () => {
    expect(rankSuggestions(pool, 'lead', analyzer, pool.length)).toEqual(['Who leads the club?']);
    expect(rankSuggestions(pool, 'MOO', analyzer, pool.length)).toEqual(['What is a MOOC?']);
  });
  it('tops up with other suggestions when asked to fill', () => {
    expect(rankSuggestions(pool, 'weather', analyzer, 3, true)).toEqual([
      'When was the club founded?',
      'Who leads the club?',
      'What is a MOOC?',
    ]);
  });
});
