import { describe, expect, it } from 'vitest';
import { rewriteFollowUp, type LastTurn } from '../../src/conversation/followup.js';

const rewritten = (last: LastTurn, question: string): string => rewriteFollowUp(question, last).text;

describe('a question with nothing before it', () => {
  it('is asked as it is', () => {
    expect(rewriteFollowUp('where is it based?', undefined)).toEqual({ text: 'where is it based?' });
  });
});

describe('a plural pronoun', () => {
  const list: LastTurn = { question: 'Which rivers cross the county?', list: 'the rivers of the county' };
  it('means the last list', () => {
    expect(rewritten(list, 'which of those are longer than 10 km?')).toBe('which of the rivers of the county are longer than 10 km?');
    expect(rewritten(list, 'when were they surveyed?')).toBe('when were the rivers of the county surveyed?');
  });
  it('is left alone when no list was named', () => {
    expect(rewritten({ question: 'When was the bridge built?' }, 'who paid for them?')).toBe('who paid for them?');
  });
});

describe('a singular pronoun', () => {
  it('means the last single thing', () => {
    const last: LastTurn = { question: 'Is Harbour Bank a sponsor?', topic: 'Harbour Bank', mention: 'Harbour Bank' };
    expect(rewritten(last, 'where is it based?')).toBe('where is Harbour Bank based?');
    expect(rewritten(last, 'what is its budget?')).toBe("what is Harbour Bank's budget?");
  });
});

describe('"what about X?" and "and X?"', () => {
  const member: LastTurn = { question: 'Is Harbour Bank a sponsor?', topic: 'Harbour Bank', mention: 'Harbour Bank' };
  it('put a name in the place of the last one', () => {
    expect(rewritten(member, 'what about Coastal Trust?')).toBe('Is Coastal Trust a sponsor?');
    expect(rewritten(member, 'and Dune Foods?')).toBe('Is Dune Foods a sponsor?');
    expect(rewritten(member, 'how about the Museum of Tin?')).toBe('Is the Museum of Tin a sponsor?');
  });
  it('put a phrase in the place of the phrase with the same preposition', () => {
    const place: LastTurn = { question: 'which of the sponsors are in Europe?', list: 'the sponsors' };
    expect(rewritten(place, 'and in South America?')).toBe('which of the sponsors are in South America?');
    expect(rewritten(place, 'what about in Oceania?')).toBe('which of the sponsors are in Oceania?');
    const twice: LastTurn = { question: 'which sponsors in the north are in Europe?' };
    expect(rewritten(twice, 'and in Asia?')).toBe('which sponsors in the north are in Asia?');
  });
  it('ask whether X is in the last list when there is no name to replace', () => {
    const list: LastTurn = { question: 'Who are the sponsors?', list: 'the festival sponsors' };
    expect(rewritten(list, 'what about Salt Mills?')).toBe('Is Salt Mills one of the festival sponsors?');
  });
  it('read "and" before a whole question as that question', () => {
    expect(rewritten(member, 'and when was it founded?')).toBe('when was Harbour Bank founded?');
    expect(rewritten({ question: 'When was the bridge opened?', topic: 'the bridge' }, 'and where?')).toBe('where was the bridge opened?');
  });
});

describe('a personal pronoun', () => {
  it('means the person the last answer named', () => {
    const last: LastTurn = { question: 'Who opened the bridge?', person: 'Ada Brook', topic: 'the bridge' };
    expect(rewritten(last, 'when was she elected?')).toBe('when was Ada Brook elected?');
    expect(rewritten(last, 'what is his title?')).toBe("what is Ada Brook's title?");
  });
});

describe('a wh-fragment', () => {
  it("borrows the last question's predicate", () => {
    const last: LastTurn = { question: 'When was the bridge opened?' };
    expect(rewritten(last, 'at which ceremony?')).toBe('at which ceremony was the bridge opened?');
    expect(rewritten(last, 'by whom?')).toBe('by whom was the bridge opened?');
    expect(rewritten({ question: 'Which team won the cup?' }, 'in what year?')).toBe('in what year?');
  });
  it('asks a yes/no question again with the new question word', () => {
    expect(rewritten({ question: 'Is the museum open on Sundays?' }, 'since when?')).toBe('since when is the museum open on Sundays?');
  });
  it('is not a fragment when it has its own verb', () => {
    expect(rewriteFollowUp('what is a sponsor?', { question: 'When was the bridge opened?' }).rule).toBeUndefined();
  });
});

describe('a new question', () => {
  it('starts afresh', () => {
    const last: LastTurn = { question: 'Is Harbour Bank a sponsor?', topic: 'Harbour Bank', list: 'the sponsors' };
    expect(rewriteFollowUp('How tall is the lighthouse?', last)).toEqual({ text: 'How tall is the lighthouse?' });
  });
});

describe('"how many is that?" after a list', () => {
  it('asks how many instead of which, of the last question', () => {
    const last: LastTurn = { question: 'Which sponsors are in Europe?', list: 'the festival sponsors' };
    expect(rewritten(last, 'how many is that?')).toBe('How many sponsors are in Europe?');
    expect(rewritten(last, 'how many are there?')).toBe('How many sponsors are in Europe?');
    expect(rewritten(last, 'how many of them are there?')).toBe('How many sponsors are in Europe?');
    expect(rewritten(last, 'and how many?')).toBe('How many sponsors are in Europe?');
  });
  it('asks how many of the list when the last question was not a "which" question', () => {
    const last: LastTurn = { question: 'Is Harbour Bank a sponsor?', list: 'the festival sponsors', topic: 'Harbour Bank' };
    expect(rewritten(last, 'how many are there?')).toBe('How many festival sponsors are there?');
  });
  it('leaves a count question that names what it counts alone', () => {
    const last: LastTurn = { question: 'Which sponsors are in Europe?', list: 'the festival sponsors' };
    expect(rewritten(last, 'how many ships sank?')).toBe('how many ships sank?');
  });
});

describe('a question with no subject', () => {
  // As read from languages that drop a known subject: "Dove si trova?", "Chi l'ha fondata?".
  const last: LastTurn = { question: 'Is Harbour Bank a sponsor?', topic: 'Harbour Bank', mention: 'Harbour Bank' };
  it('takes the last topic where its subject goes', () => {
    expect(rewritten(last, 'where is located?')).toBe('where is Harbour Bank located?');
    expect(rewritten(last, 'who founded?')).toBe('who founded Harbour Bank?');
    expect(rewritten(last, 'where is?')).toBe('where is Harbour Bank?');
  });
  it('is not confused with a fragment that names a thing', () => {
    expect(rewritten({ question: 'When was the festival opened?' }, 'at which ceremony?')).toBe(
      'at which ceremony was the festival opened?',
    );
  });
  it('stays as asked with nothing to lean on', () => {
    expect(rewritten({ question: 'When was the festival opened?' }, 'who founded?')).toBe('who founded?');
  });
});

describe('"he" or "she" with no person named', () => {
  it('means the last topic (languages that give things a gender)', () => {
    const last: LastTurn = { question: 'Is Coastal Trust a sponsor?', topic: 'Coastal Trust', mention: 'Coastal Trust' };
    expect(rewritten(last, 'where is she located?')).toBe('where is Coastal Trust located?');
  });
  it('means the person when one was named', () => {
    const last: LastTurn = { question: 'Who chairs Coastal Trust?', topic: 'Coastal Trust', person: 'Ada Lane' };
    expect(rewritten(last, 'what did he say?')).toBe('what did Ada Lane say?');
  });
});

describe('a fragment with a pronoun or an "and"', () => {
  const last: LastTurn = { question: 'When was the festival opened?', topic: 'Harbour Bank' };
  it('"where it?" names its subject, so the pronoun is resolved instead', () => {
    expect(rewritten(last, 'where it?')).toBe('where Harbour Bank?');
  });
  it('"and by whom?" is the fragment "by whom?"', () => {
    expect(rewritten(last, 'and by whom?')).toBe('by whom was the festival opened?');
  });
  it('borrows the subject and verb of a question read without an auxiliary', () => {
    // "Quand le festival a-t-il été ouvert ?" reads "when festival opened?".
    expect(rewritten({ question: 'when festival opened?' }, 'where?')).toBe('where festival opened?');
  });
});

describe('"and in X?" after a question with no phrase to replace', () => {
  it('narrows the last list or count question by the phrase', () => {
    expect(rewritten({ question: 'How many sponsors are there?', list: 'the sponsors' }, 'and in Europe?')).toBe(
      'How many sponsors are there in Europe?',
    );
  });
  it('is left alone after a question that was not about a list', () => {
    expect(rewritten({ question: 'Is Harbour Bank a sponsor?', topic: 'Harbour Bank' }, 'and in Europe?')).toBe('and in Europe?');
  });
});
