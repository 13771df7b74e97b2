import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../src/answer/analyzer.js';
import { fold, hasDate, splitSentences } from '../../src/answer/text.js';

const analyzer = new Analyzer([['mooc', 'massive open online course']]);

describe('folding', () => {
  it('lower-cases and strips accents and typographic quotes', () => {
    expect(fold('Café’s “Ünïcode”')).toBe(`cafe's "unicode"`);
  });
});

describe('terms', () => {
  it('drops stop words and question words and stems the rest', () => {
    expect(analyzer.terms('Who founded the Global MOOC Alliance?')).toEqual(['found', 'global', 'mooc', 'allianc']);
  });
  it('gives British and American spellings one term', () => {
    expect(analyzer.terms('organised')).toEqual(analyzer.terms('organized'));
  });
  it('maps irregular forms to their base', () => {
    expect(analyzer.terms('said')).toEqual(analyzer.terms('say'));
  });
  it('drops possessive endings', () => {
    expect(analyzer.terms("the conference's theme")).toEqual(analyzer.terms('conference theme'));
  });
  it('keeps numbers', () => {
    expect(analyzer.terms('COVID-19')).toEqual(['covid', '19']);
  });
});

describe('synonyms', () => {
  it('relates founded, founders and started', () => {
    expect(analyzer.synonyms('found')).toEqual(expect.arrayContaining(['founder', 'start']));
  });
  it('reads a multi-word synonym as one term in questions and keeps its words in documents', () => {
    expect(analyzer.terms('a massive open online course', 'question')).toEqual(['massive_open_online_course']);
    expect(analyzer.terms('a massive open online course')).toEqual(
      expect.arrayContaining(['massiv', 'cours', 'massive_open_online_course']),
    );
    expect(analyzer.synonyms('massive_open_online_course')).toContain('mooc');
  });
});

describe('sentences', () => {
  it('splits after full stops but not after abbreviations, and keeps closing quotes', () => {
    expect(splitSentences('He spoke of “A New Era.” It was late. Prof. Resta concluded.')).toEqual([
      'He spoke of “A New Era.”',
      'It was late.',
      'Prof. Resta concluded.',
    ]);
  });
  it('recognises dates', () => {
    expect(hasDate('launched on 11 December')).toBe(true);
    expect(hasDate('launched during the conference')).toBe(false);
  });
});
