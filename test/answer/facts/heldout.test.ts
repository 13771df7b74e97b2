/**
 * Behaviours found by asking held-out-style questions (other phrasings, other kinds and places)
 * of the made-up harbour guild: each one a general rule, none keyed to a question's words.
 */
import { describe, expect, it } from 'vitest';
import { Answerer } from '../../../src/answer/answerer.js';
import { singularOf } from '../../../src/answer/facts/filters.js';
import { parseMarkdown } from '../../../src/knowledge/markdown.js';
import { guild, guildAnswerer } from './harbour.js';

const answerer = guildAnswerer();
const ask = (q: string) => answerer.ask(q);

describe('a kind no member has', () => {
  it('says none of the list is one, and what kinds they are', () => {
    const a = ask('Which universities are members?');
    expect(a.text).toMatch(/^None of the 6 Harbour Guild members is a university\./);
    expect(a.text).toContain('3 maritime museums');
    expect(a.facts?.entities).toEqual([]);
  });
  it('answers an existence question about it with no', () => {
    expect(ask('Is there a hospital among the members?').text).toMatch(/^No\. None of the 6 Harbour Guild members is a hospital\./);
  });
  it('does not read a noun as a kind unless the question asks about the members', () => {
    expect(ask('How many students are in the guild?').text).not.toMatch(/None of the/);
  });
  it('makes the singular of an English plural', () => {
    expect(['universities', 'churches', 'hospitals', 'boxes'].map(singularOf)).toEqual(['university', 'church', 'hospital', 'box']);
  });
});

describe('kinds and places beyond the country data', () => {
  it('takes a word of the list name for the kind when the kind has it with the other words asked', () => {
    expect(ask('How many harbour archives are members?').text).toMatch(/^1 of the 6 Harbour Guild members is a harbour archive:/);
  });
  it('finds a place no data knows in the members’ profiles', () => {
    const a = ask('Which members are in Tasmania?');
    expect(a.text).toMatch(/^1 of the 6 Harbour Guild members is in Tasmania:/);
    expect(a.text).toContain('Tasman Sea Museum');
  });
  it('checks a member against a demonym', () => {
    expect(ask('Is Kestrel Maritime Museum Polish?').text).toMatch(/^Yes\. Kestrel Maritime Museum is in Gdansk, Poland\./);
    expect(ask('Is Lund Port Institute Norwegian?').text).toMatch(/^No\. Lund Port Institute is in Lund, Sweden\./);
  });
});

describe('comparisons and ranking', () => {
  it('compares two places by how many members each has', () => {
    expect(ask('Are there more European or African members?').text).toBe(
      'More of the 6 Harbour Guild members are in Europe than in Africa: 4 in Europe, 1 in Africa.',
    );
  });
  it('says no country has the most when all have as many', () => {
    expect(ask('Which country has the most members?').text).toMatch(/^None has more than the others: each of the 6 countries has 1/);
  });
  it('answers "the only …" from the members that match', () => {
    expect(ask('Is Ogun Harbour Archive the only African member?').text).toMatch(/^Yes\. Ogun Harbour Archive is the only one/);
    const no = ask('Is Kestrel Maritime Museum the only European member?');
    expect(no.text).toMatch(/^No\. 4 of the 6 Harbour Guild members are in Europe:/);
    expect(no.facts?.yes).toBe(false);
  });
});

describe('relations between two things', () => {
  it('says yes to the founder the text states', () => {
    expect(ask('Did the Nordic Shipping Council found Baltic Ferry Works?').text).toBe(
      'Yes. Baltic Ferry Works was founded by the Nordic Shipping Council.',
    );
  });
  it('says no to another, with who the text says did', () => {
    const a = ask('Did Lund Port Institute found Baltic Ferry Works?');
    expect(a.text).toMatch(/^No\. .*Baltic Ferry Works was founded by the Nordic Shipping Council\.$/);
    expect(a.facts?.yes).toBe(false);
  });
});

describe('other lists', () => {
  it('counts a list asked for by its name alone', () => {
    const a = ask('How many observers are there?');
    expect(a.text).toMatch(/^There are 2 Observers: Andes Port Library, Rio Dock Museum\./);
    expect(a.facts?.count).toBe(2);
  });
  it('says which list a thing is on when it is not on the one asked about', () => {
    expect(ask('Is Rio Dock Museum a member?').text).toBe(
      'No. Rio Dock Museum is not among the 6 Harbour Guild members. It is one of the 2 Observers.',
    );
  });
});

describe('honest and unspliced', () => {
  it('does not know where the subject is when asked yes or no and no sentence says', () => {
    expect(ask('Is the guild based in Lund?').text).toMatch(/does not say where the Harbour Guild is based/);
  });
  it('never quotes a name cut from the question', () => {
    for (const q of ['Is the Tasman Sea Museum the best member?', 'Is Tasman Sea Museum the oldest?']) {
      const a = ask(q);
      expect(a.text).not.toMatch(/Museum the (?:best|oldest)/);
    }
  });
  it('answers "What is a …?" with no list of the members of that kind', () => {
    expect(ask('What is a maritime museum?').kind).not.toBe('list');
  });
  it('still refuses questions about other things', () => {
    for (const q of ["What's the weather in Paris?", 'Who won the World Cup?']) expect(ask(q).kind).toBe('unknown');
  });
  it('says it does not know what the start of a name stands for when no text spells it out', () => {
    const kb = guild();
    const doc = parseMarkdown('ntu.md', '---\ntitle: More\n---\n\nKSM Gdansk Museum is a maritime museum in Gdansk, Poland.\n');
    if (!doc.ok) throw new Error('ntu.md');
    const a = new Answerer({ ...kb, documents: [...kb.documents, doc.value] }).ask('What does KSM stand for?');
    expect(a.text).toMatch(/^I don't know what KSM stands for: the knowledge does not say\./);
  });
});

describe('more question forms', () => {
  it('reads a demonym a territory shares as the independent country', () => {
    expect(ask('Is there a Spanish member?').text).toMatch(/^Yes\. 1 of the 6 Harbour Guild members is in Spain/);
    expect(ask('Is there a French member?').text).toMatch(/^No\. None of the 6 Harbour Guild members is in France\./);
  });
  it('counts on "count the …"', () => {
    expect(ask('Count the members in Europe').text).toMatch(/^4 of the 6 Harbour Guild members are in Europe/);
  });
  it('says who founded something and that the text does not say when', () => {
    expect(ask('Who founded Baltic Ferry Works and when?').text).toBe(
      'Baltic Ferry Works was founded by the Nordic Shipping Council. The knowledge does not say when.',
    );
  });
  it('answers "in X or Y?" with the one that holds', () => {
    expect(ask('Is Tasman Sea Museum in Oceania or Asia?').text).toBe('Tasman Sea Museum is in Hobart, Australia, in Oceania.');
    expect(ask('Is Ogun Harbour Archive in Europe or Asia?').text).toMatch(/^Neither: Ogun Harbour Archive is in Lagos, Nigeria\./);
  });
  it('says what the subject is when asked whether it is of some kind', () => {
    expect(ask('Is the guild a museum?').text).toMatch(/^The Harbour Guild is a network of maritime museums/);
  });
});

describe('a document written another way: a list without a colon, profiles in a paragraph', () => {
  const doc = parseMarkdown(
    'coalition.md',
    `---
title: Dark Sky Coalition
subject: Dark Sky Coalition
---

The Dark Sky Coalition is an association of observatories and astronomy clubs that campaign against light pollution.

The coalition's members are Lumen Observatory, Kiruna Space Lab, Savanna Skies Trust and Tokyo Star Society.

Lumen Observatory, based in La Serena, Chile, is an astronomy institute. Kiruna Space Lab is a research laboratory located in Kiruna, Sweden. Savanna Skies Trust is a charitable foundation in Nairobi, Kenya. Tokyo Star Society is an amateur astronomy club in Tokyo, Japan.

The coalition is chaired by Mira Okafor, director of Savanna Skies Trust.
`,
  );
  if (!doc.ok) throw new Error('coalition.md');
  const sky = new Answerer({
    documents: [doc.value],
    faq: [],
    checks: [],
    contentHash: 'sky',
    synonyms: [],
    subject: 'Dark Sky Coalition',
  });
  it('reads the enumeration as the subject’s list and the place between commas as the profile’s', () => {
    expect(sky.facts.index.lists.map((l) => [l.name, l.members.length])).toEqual([['Dark Sky Coalition members', 4]]);
    expect(sky.ask('Where is Lumen Observatory?').text).toMatch(/^Lumen Observatory is in La Serena, Chile\./);
    expect(sky.ask('How many members does the coalition have?').text).toMatch(/^There are 4 Dark Sky Coalition members:/);
    expect(sky.ask('Which members are in Africa?').text).toMatch(
      /^1 of the 4 Dark Sky Coalition members is in Africa:\n- Savanna Skies Trust/,
    );
  });
  it('looks a name up in that list', () => {
    expect(sky.ask('Is Lumen Observatory a member?').text).toBe('Yes. Lumen Observatory is one of the 4 Dark Sky Coalition members.');
    expect(sky.ask('Is NASA a member?').text).toBe('No. "NASA" is not among the 4 Dark Sky Coalition members.');
  });
  it('answers who leads it with the sentence that names a leader, whatever the verb', () => {
    expect(sky.ask('Who leads the coalition?').text).toBe('The coalition is chaired by Mira Okafor, director of Savanna Skies Trust.');
  });
  it('says no to a kind no member has, with what the thing is, but not to a word of a member’s name', () => {
    expect(sky.ask('Is Savanna Skies Trust a university?').text).toBe(
      'No. Savanna Skies Trust is a charitable foundation in Nairobi, Kenya.',
    );
    expect(sky.ask('Is Tokyo Star Society an observatory?').text).not.toMatch(/^No\./);
    expect(sky.ask('Which members are observatories?').text).not.toMatch(/^None/);
  });
});

describe('typos, "all" and relations not stated', () => {
  it('reads a misspelt question word, place or kind as the known word one edit away', () => {
    expect(ask('wich members are in europ?').text).toMatch(/^4 of the 6 Harbour Guild members are in Europe:/);
    expect(ask('hwo many maritime musems are members?').text).toMatch(/^3 of the 6 Harbour Guild members are maritime museums/);
  });
  it('answers "are all …" with yes, or no with those that are not', () => {
    expect(ask('Are all members in Europe?').text).toBe(
      'No. 4 of the 6 Harbour Guild members are in Europe; the others are not: Ogun Harbour Archive, Tasman Sea Museum.',
    );
    expect(ask('Is every observer in South America?').text).toBe('Yes. All 2 Observers are in South America.');
  });
  it('says the knowledge does not say who founded a known thing whose founder no sentence states', () => {
    expect(ask('Who founded Kestrel Maritime Museum?').text).toBe(
      "I don't know: the knowledge does not say who founded Kestrel Maritime Museum.",
    );
  });
});

describe('the subject itself', () => {
  it('says who founded it is not known when no list or sentence says', () => {
    expect(ask('Who founded the guild?').text).toBe("I don't know: the knowledge does not say who founded the Harbour Guild.");
  });
  it('answers what it does with what it is', () => {
    expect(ask('What does the guild do?').text).toMatch(/^The Harbour Guild is a network of maritime museums/);
  });
  it('quotes a place no data knows whole, with its noun', () => {
    expect(ask('Which members are in the Nordic countries?').text).toMatch(/^I know no place called "the Nordic countries"/);
  });
});

describe('where the members are', () => {
  it('answers "where are the members?" and "in which countries …?" with the countries of the list', () => {
    for (const q of ['Where are the members located?', 'In which countries are the members?'])
      expect(ask(q).text).toMatch(/^The 6 Harbour Guild members are in 6 countries: Poland \(1\)/);
  });
});

describe('a role the text gives is no unknown kind', () => {
  it('leaves "Is X a sponsor?" to the text when it says who the sponsors are', () => {
    const doc = parseMarkdown(
      'festival.md',
      '---\ntitle: The Harbour Festival\n---\n\nThe Harbour Festival sponsors are: Harbour Bank, Coastal Trust.\n\nHarbour Bank is a bank based in Portsmouth.\n\nCoastal Trust is a charity based in Plymouth.\n',
    );
    if (!doc.ok) throw new Error('festival.md');
    const fest = new Answerer({ documents: [doc.value], faq: [], checks: [], contentHash: 'f', synonyms: [], subject: 'Harbour Festival' });
    expect(fest.ask('Is Harbour Bank a sponsor?').text).not.toMatch(/^No\b/);
  });
});
