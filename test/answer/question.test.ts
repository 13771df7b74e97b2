import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../src/answer/analyzer.js';
import { cleanQuestion, readQuestion } from '../../src/answer/question.js';

const analyzer = new Analyzer();
const read = (text: string) => readQuestion(text, analyzer);

describe('question shapes', () => {
  it.each([
    ['When did it start?', 'when'],
    ['What day was the alliance launched?', 'when'],
    ['Where was it launched?', 'where'],
    ['Which member is based in Kenya?', 'where'],
    ['How many founders does it have?', 'count'],
    ['list the founding members please', 'list'],
    ['Who are the founders?', 'list'],
    ['Who co-organised the conference?', 'who'],
    ['What are the cornerstones?', 'list'],
    ['Why was it created?', 'why'],
    ['Is Stanford a member?', 'membership'],
  ])('%s → %s', (text, shape) => {
    expect(read(text).shape).toBe(shape);
  });

  it('drops the words that only name the shape ("what day")', () => {
    expect(read('What day was the alliance launched?').terms).toEqual(['allianc', 'launch']);
  });
  it('notices pronouns that mean the main subject', () => {
    expect(read('when did it start').pronoun).toBe(true);
    expect(read('when did the conference start').pronoun).toBe(false);
  });
  it('recognises help, greetings and thanks', () => {
    expect(read('what can you do?').meta).toBe('help');
    expect(read('Hello there!').meta).toBe('greeting');
    expect(read('thanks!').meta).toBe('thanks');
    expect(read('Who can help the alliance?').meta).toBeUndefined();
  });
});

describe('reported speech ("what did X say about Y?")', () => {
  it('asks about Y, with X as who is reported', () => {
    const q = read('What did the president say about public debt?');
    expect(q.speaker).toEqual(['presid']);
    expect(q.terms).toEqual(['presid', 'public', 'debt']);
  });

  it('reads "what does the article say about edX" and "what does it think of" alike', () => {
    expect(read('What does the article say about edX?').speaker).toEqual(['articl']);
    expect(read('what does Tsinghua think of MOOCs').speaker).toEqual(['tsinghua']);
  });

  it('has no speaker in other questions', () => {
    expect(read('What did the alliance launch?').speaker).toBeUndefined();
    expect(read('Who said that?').speaker).toBeUndefined();
  });
});

describe('membership questions', () => {
  it('takes the name as written', () => {
    expect(read('Is Zhejiang University a founding member?').membership?.names).toEqual(['Zhejiang University']);
    expect(read('is XuetangX part of it').membership?.names).toEqual(['XuetangX']);
    expect(read('Does Peking University belong to the alliance?').membership?.names).toEqual(['Peking University']);
  });
  it('splits "A and B" into two names to check', () => {
    expect(read('Are Peking University and Harvard members?').membership?.names).toEqual([
      'Peking University and Harvard',
      'Peking University',
      'Harvard',
    ]);
  });
  it('groups multi-word capitalised names so they count once', () => {
    expect(read('Who is the president of the United States?').names).toEqual([['unit', 'state']]);
  });
});

describe('cleaning', () => {
  it('removes mentions, mass pings, links, markup and control characters', () => {
    expect(cleanQuestion('<@U123> **who** founded @everyone it?\u0000 https://x.y/z <#C1>', 500)).toBe('who founded it?');
  });
  it('cuts long questions', () => {
    expect(cleanQuestion('word '.repeat(1000), 100).length).toBeLessThanOrEqual(100);
  });
});
