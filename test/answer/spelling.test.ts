import { describe, expect, it } from 'vitest';
import { osaDistance, Spelling } from '../../src/answer/spelling.js';

const spelling = new Spelling(
  new Map([
    ['recent', 'recent'],
    ['congress', 'congress'],
    ['founded', 'found'],
    ['fund', 'fund'],
    ['directions', 'direct'],
    ['environment', 'environ'],
    ['government', 'govern'],
    ['national', 'nation'],
    ['notional', 'notion'],
  ]),
);
const terms = (word: string): string[] => spelling.corrections(word).map((c) => c.term);

describe('osaDistance', () => {
  it('counts insertions, deletions and substitutions as one edit each', () => {
    expect(osaDistance('fonded', 'founded', 2)).toBe(1);
    expect(osaDistance('founded', 'fonded', 2)).toBe(1);
    expect(osaDistance('fanded', 'founded', 2)).toBe(2);
    expect(osaDistance('recent', 'recent', 2)).toBe(0);
  });

  it('counts a swap of two neighbouring letters as one edit', () => {
    expect(osaDistance('reecnt', 'recent', 2)).toBe(1);
    expect(osaDistance('unelss', 'unless', 1)).toBe(1);
  });

  it('stops at max + 1', () => {
    expect(osaDistance('alliance', 'government', 2)).toBe(3);
    expect(osaDistance('a', 'abcdef', 1)).toBe(2);
  });
});

describe('Spelling.corrections', () => {
  it('finds words one edit away, a swap included, as their index terms', () => {
    expect(spelling.corrections('reecnt')).toEqual([{ term: 'recent', distance: 1 }]);
    expect(terms('congrses')).toEqual(['congress']);
    expect(terms('fonded')).toEqual(['found']);
  });

  it('corrects the word as written, whatever a typo does to its stem', () => {
    expect(terms('directinons')).toEqual(['direct']);
  });

  it('allows two edits in words of eight letters or more, keeping the first letter', () => {
    expect(spelling.corrections('govrnmnt')).toEqual([{ term: 'govern', distance: 2 }]);
    // Two edits, one of them the first letter: not read as "environment".
    expect(terms('invironmnt')).toEqual([]);
    // Seven letters: one edit at most ("fundeds" is two from "founded").
    expect(terms('fundeds')).toEqual([]);
  });

  it('keeps only the nearest words: no two-edit guesses when a word is one edit away', () => {
    // "natoinal" is one swap from "national" and two edits from "notional".
    expect(spelling.corrections('natoinal')).toEqual([{ term: 'nation', distance: 1 }]);
    expect(spelling.corrections('notoinal')).toEqual([{ term: 'notion', distance: 1 }]);
  });

  it('offers nothing for words it has, short words and words with digits', () => {
    expect(terms('recent')).toEqual([]);
    expect(terms('fnud')).toEqual([]);
    expect(terms('recen7')).toEqual([]);
  });
});

describe('Spelling with no word under the first letter', () => {
  it('finds nothing rather than failing', () => {
    expect(spelling.corrections('qwertyuiopq')).toEqual([]);
  });
});
