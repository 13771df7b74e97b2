import { describe, expect, it } from 'vitest';
import { places } from '../../../src/answer/facts/countries.js';
import { readTable } from '../../../src/answer/facts/table.js';
import { readProfile } from '../../../src/answer/facts/profile.js';
import { Answerer } from '../../../src/answer/answerer.js';
import { parseMarkdown } from '../../../src/knowledge/markdown.js';
import { guild, guildAnswerer } from './harbour.js';

const answerer = guildAnswerer();
const ask = (q: string) => answerer.ask(q);

describe('country data from the packages', () => {
  const data = places();
  it('names countries, demonyms, continents, regions and their adjectives', () => {
    expect(data.lookup('Chinese')).toMatchObject({ kind: 'country', code: 'CN' });
    expect(data.lookup('the United States')).toMatchObject({ kind: 'country', code: 'US' });
    expect(data.lookup('American')).toMatchObject({ kind: 'country', code: 'US' });
    expect(data.lookup('European')).toMatchObject({ kind: 'continent', name: 'Europe' });
    expect(data.lookup('North American')).toMatchObject({ kind: 'continent', name: 'North America' });
    expect(data.lookup('African')).toMatchObject({ kind: 'continent', name: 'Africa' });
    expect(data.lookup('Moon')).toBeUndefined();
  });
  it('puts a country in its continent and region', () => {
    const europe = data.lookup('Europe');
    const asia = data.lookup('Asia');
    if (!europe || !asia) throw new Error('no continents');
    expect(data.contains(europe, 'PL')).toBe(true);
    expect(data.contains(asia, 'PL')).toBe(false);
    expect(data.contains(asia, 'JP')).toBe(true);
  });
  it('reads short codes only in capitals', () => {
    expect(data.scan(['tell', 'us', 'about', 'the', 'USA']).map((p) => p.place.code)).toEqual(['US']);
    expect(data.scan(['in', 'the', 'U.K.']).map((p) => p.place.code)).toEqual(['GB']);
  });
});

describe('entities from profile sentences, bullets and tables', () => {
  it('reads kind, city, country and relations from a profile sentence', () => {
    expect(readProfile('Tasman Sea Museum is a maritime museum in Hobart, Tasmania, in Australia.', places())).toMatchObject({
      label: 'Tasman Sea Museum',
      kind: 'maritime museum',
      city: 'Hobart',
      country: 'AU',
    });
    expect(
      readProfile('Baltic Ferry Works is a shipping company founded by the Nordic Shipping Council, based in Finland.', places()),
    ).toMatchObject({
      kind: 'shipping company',
      country: 'FI',
      relations: [{ relation: 'founded by', objects: ['Nordic Shipping Council'] }],
    });
    expect(readProfile('The guild was formed on 3 March.', places())).toBeUndefined();
  });
  it('reads a table by its headers', () => {
    const table = readTable(
      '| Name | Type | City | Country | | --- | --- | --- | --- | | Rio Dock Museum | dock museum | Santos | Brazil |',
      places(),
    );
    expect(table?.rows).toMatchObject([{ label: 'Rio Dock Museum', kind: 'dock museum', city: 'Santos', country: 'BR' }]);
  });
  it('joins an enumeration and a bulleted profile of the same members into one list', () => {
    const lists = answerer.facts.index.lists;
    expect(lists.map((l) => [l.name, l.members.length])).toEqual([
      ['Harbour Guild members', 6],
      ['Observers', 2],
    ]);
    expect(lists[0]?.members.find((m) => m.name === 'Lund Port Institute')).toMatchObject({
      kind: 'port research institute',
      country: 'SE',
    });
  });
  it('summarises what it extracted for moderators', () => {
    expect(answerer.facts.summary()[0]).toBe(
      '6 Harbour Guild members (maritime museum 3, port research institute 1, shipping company 1, harbour archive 1; 6 with a country, 6 countries)',
    );
  });
});

describe('a second form of list: bullets of names under "Its partners are:", profiles in a table', () => {
  const doc = parseMarkdown(
    'net.md',
    `---
title: The Open Labs Network
subject: Open Labs Network
---

Its partners are:

- Hanbit Robotics Lab
- Delta Water Institute
- Abidjan Makers Hub

| Partner | Kind | Location |
| --- | --- | --- |
| Hanbit Robotics Lab | robotics laboratory | Daejeon, South Korea |
| Delta Water Institute | water research institute | Delft, the Netherlands |
| Abidjan Makers Hub | makerspace | Abidjan, Côte d'Ivoire |
`,
  );
  if (!doc.ok) throw new Error('net.md');
  const net = new Answerer({ ...guild(false), documents: [doc.value], subject: 'Open Labs Network' });
  it('names the list after the subject "its" stands for, and keeps the country as written', () => {
    expect(net.ask('Is there an African partner?').text).toBe(
      "Yes. 1 of the 3 Open Labs Network partners is in Africa: Abidjan Makers Hub (Abidjan, Côte d'Ivoire).",
    );
  });
  it('reads a demonym several territories share as the independent country', () => {
    expect(net.ask('Are there any Dutch partners?').text).toMatch(/^Yes\. .*in the Netherlands: Delta Water Institute/);
  });
});

describe('filter by attribute', () => {
  it('filters by continent and names the list', () => {
    const a = ask('Which members are in Europe?');
    expect(a.text).toMatch(/^4 of the 6 Harbour Guild members are in Europe:/);
    for (const name of ['Kestrel', 'Lund', 'Baltic Ferry', 'Vigo']) expect(a.text).toContain(name);
    expect(a.text).not.toContain('Ogun');
    expect(a.facts).toMatchObject({ listName: 'Harbour Guild members' });
    expect(a.facts?.entities).toHaveLength(4);
  });
  it('filters by a demonym and a kind together', () => {
    const a = ask('Which Spanish museums are in the guild?');
    expect(a.text).toContain('Museo del Mar de Vigo');
    expect(a.text).not.toContain('Kestrel');
  });
  it('filters a table list by its own name', () => {
    expect(ask('Which observers are in South America?').text).toMatch(/2 of the 2 Observers.*Andes Port Library.*Rio Dock Museum/s);
  });
  it('does not answer when a word of the question is no attribute it knows', () => {
    expect(answerer.facts.answer('Which members are in Europe and train pilots?')).toBeUndefined();
  });
});

describe('places asked together', () => {
  it('reads "X or Y" as either and an adjective with "in Y" as both', () => {
    expect(ask('Which members are in Africa or Oceania?').facts?.entities).toEqual(['Ogun Harbour Archive', 'Tasman Sea Museum']);
    expect(ask('Which European members are in Africa?').text).toBe('None of the 6 Harbour Guild members is in Europe and in Africa.');
  });
  it('takes a capital the data knows for a city', () => {
    expect(ask('Are there members in Stockholm?').text).toBe('No. None of the 6 Harbour Guild members is in Stockholm.');
  });
  it('lists the countries of a list, with how many in each', () => {
    const a = ask('Which countries are the members from?');
    expect(a.text).toMatch(/^The 6 Harbour Guild members are in 6 countries: /);
    expect(a.text).toContain('Nigeria (1)');
  });
});

describe('negation and ranking', () => {
  it('keeps the members that do not match', () => {
    const a = ask('Which members are not museums?');
    expect(a.text).toMatch(/^3 of the 6 Harbour Guild members are not museums:/);
    expect(a.text).not.toContain('Kestrel');
  });
  it('says which country or continent has the most, and which have more than n', () => {
    expect(ask('Which continent has the most members?').text).toBe(
      'Europe (4) has the most of the 6 Harbour Guild members, of 3 continents.',
    );
    expect(ask('Which continents have more than one member?').text).toMatch(/^1 of 3 continents has more than 1 .*: Europe \(4\)\.$/);
  });
});

describe('filter by a relation', () => {
  it('keeps the members with the relation to a known entity', () => {
    expect(ask('Which members were founded by the Nordic Shipping Council?').text).toBe(
      '1 of the 6 Harbour Guild members was founded by the Nordic Shipping Council:\n- Baltic Ferry Works (Finland)',
    );
  });
});

describe('count with a filter', () => {
  it('counts by kind', () => {
    const a = ask('How many maritime museums are members?');
    expect(a.text).toMatch(/^3 of the 6 Harbour Guild members are maritime museums/);
    expect(a.facts?.count).toBe(3);
  });
  it('counts by country', () => {
    expect(ask('How many members are based in Finland?').facts?.count).toBe(1);
  });
});

describe('existence', () => {
  it('says yes with the names', () => {
    const a = ask('Is there an African member?');
    expect(a.text).toMatch(/^Yes\..*Ogun Harbour Archive/);
    expect(a.facts?.yes).toBe(true);
  });
  it('reads "do any … come from" as an existence question', () => {
    expect(ask('Do any members come from Oceania?').text).toMatch(/^Yes\. .*Tasman Sea Museum/);
  });
  it('says no, naming how many it checked', () => {
    const a = ask('Are there any members from Japan?');
    expect(a.text).toBe('No. None of the 6 Harbour Guild members is in Japan.');
    expect(a.facts?.yes).toBe(false);
  });
  it('quotes a place it does not know instead of ruling on it alone', () => {
    expect(ask('Are there any members in Antarctica or on the Moon?').text).toMatch(
      /^No\. None .* in Antarctica\. I know no place called "the Moon"/,
    );
    const alone = ask('Is there a member in Gondor?');
    expect(alone.text).toMatch(/^I know no place called "Gondor": the knowledge places the 6 Harbour Guild members in 6 countries \(/);
    expect(alone.kind).toBe('unknown');
  });
});

describe('attribute lookup and describe', () => {
  it('says where a member is', () => {
    const a = ask('Where is Tasman Sea Museum?');
    expect(a.text).toBe('Tasman Sea Museum is in Hobart, Australia. It is one of the 6 Harbour Guild members.');
    expect(a.facts).toMatchObject({ topic: 'Tasman Sea Museum', valueType: 'place' });
  });
  it('describes a member from its profile, and from a table row', () => {
    expect(ask('Tell me about Ogun Harbour Archive').text).toContain('Ogun Harbour Archive is a harbour archive in Lagos, Nigeria.');
    expect(ask('What is Rio Dock Museum?').text).toContain('dock museum');
  });
  it('says what else the knowledge says of a member beyond its list', () => {
    for (const q of [
      'Is Lund Port Institute involved in anything besides membership?',
      'What else does the article say about Lund Port Institute?',
      'Besides being a member, what did Lund Port Institute do?',
    ])
      expect(ask(q).text, q).toContain('Harbour Forum');
  });
  it('answers who founded something from the relation stated', () => {
    expect(ask('Who founded Baltic Ferry Works?').text).toBe('Baltic Ferry Works was founded by the Nordic Shipping Council.');
  });
});

describe('attribute checks', () => {
  it('says yes or no from where a member is, saying where', () => {
    expect(ask('Is Ogun Harbour Archive in Africa?').text).toBe('Yes. Ogun Harbour Archive is in Lagos, Nigeria.');
    expect(ask('Is Kestrel Maritime Museum in Asia?').text).toMatch(/^No\. Kestrel Maritime Museum is in Gdansk, Poland\./);
  });
  it('says yes or no from what kind of thing it is', () => {
    expect(ask('Is Baltic Ferry Works a museum?').text).toMatch(/^No\. Baltic Ferry Works is a shipping company/);
    expect(ask('Is Museo del Mar de Vigo a Spanish museum?').text).toMatch(/^Yes\./);
    expect(ask('What kind of place is Ogun Harbour Archive?').text).toBe('Ogun Harbour Archive is a harbour archive.');
  });
  it('leaves a question about the list itself to the list lookup', () => {
    expect(answerer.facts.answer('Is Tasman Sea Museum a guild member?')).toBeUndefined();
  });
});

describe('definitions and acronyms', () => {
  it('expands a short name from "Long Name (SHORT)"', () => {
    expect(ask('What does LPI stand for?').text).toBe('LPI stands for Lund Port Institute.');
  });
  it('expands a short name from a synonym group whose other phrase has its initials', () => {
    const kb = guild();
    kb.synonyms = [['hg ntc', 'hg nautical training college']];
    const withSynonyms = new Answerer(kb);
    expect(withSynonyms.ask('What does NTC stand for?').text).toBe('NTC stands for Nautical Training College.');
  });
  it('says what the main subject is, not when it started', () => {
    const a = ask('What is the Harbour Guild?');
    expect(a.text).toContain('network of maritime museums');
    expect(a.text).not.toContain('3 March');
  });
  it('prefers what the subject does to who is in it', () => {
    const kb = guild(false);
    const parsed = parseMarkdown(
      'club.md',
      '---\ntitle: Tide Club\nsubject: Tide Club\n---\n\nThe Tide Club members are: Gull Rowers, Skerry Oars, Fen Scullers.\n\nThe Tide Club brings rowing clubs of the coast together every spring.\n',
    );
    if (!parsed.ok) throw new Error('club.md');
    const club = new Answerer({ ...kb, documents: [parsed.value], subject: 'Tide Club' });
    expect(club.ask('What is the Tide Club?').text).toBe('The Tide Club brings rowing clubs of the coast together every spring.');
  });
  it('does not take a word shared with the subject for a member', () => {
    expect(answerer.facts.entityNamed('Museum')).toBeUndefined();
    expect(answerer.facts.entityNamed('Kestrel')?.name).toBe('Kestrel Maritime Museum');
  });
});

describe('honest partial answers', () => {
  it('says the year is not given when the text has only a day and month', () => {
    const a = ask('In what year was the guild formed?');
    expect(a.text).toContain('3 March');
    expect(a.text).toMatch(/year is not given/);
    expect(a.text).not.toMatch(/\b(?:19|20)\d\d\b/);
  });
  it("says it doesn't know a leader none is named for", () => {
    for (const q of [
      'Who leads the guild?',
      'Who is the president of the Harbour Guild?',
      'Is Kestrel Maritime Museum the leader of the guild?',
    ]) {
      const a = ask(q);
      expect(a.kind, q).toBe('unknown');
      expect(a.text, q).toBe("I don't know: the knowledge does not say who leads the Harbour Guild.");
    }
  });
});

describe('structured facts of the passage answers', () => {
  it('names the list and its entities for a list answer, yes or no for a lookup', () => {
    const list = ask('Who are the Harbour Guild members?');
    expect(list.kind).toBe('list');
    expect(list.facts).toMatchObject({ listName: 'Harbour Guild members' });
    expect(list.facts?.entities).toHaveLength(6);
    expect(ask('Is Kestrel Maritime Museum a member?').facts).toMatchObject({ yes: true, topic: 'Kestrel Maritime Museum' });
    expect(ask('Is Zorblax Industries a member?').facts).toMatchObject({ yes: false, listName: 'Harbour Guild members' });
  });
});

describe('no false premises, no garbled text', () => {
  it('says a country is not a member, naming the members in it', () => {
    expect(ask('Is Nigeria a member?').text).toBe(
      'No. Nigeria is a country, not one of the 6 Harbour Guild members; 1 of them is in Nigeria: Ogun Harbour Archive.',
    );
  });
  it("says it doesn't know where the subject is based when no sentence about it says", () => {
    const a = ask('Where is the Harbour Guild based?');
    expect(a.kind).toBe('unknown');
    expect(a.text).toMatch(/^I don't know/);
  });
  it('says no to a founder that is not on the list, with what the text says of it', () => {
    const a = ask('Did the Nordic Shipping Council found the guild?');
    expect(a.text).toMatch(/^No\. The Nordic Shipping Council is not one of the 6 Harbour Guild members\./);
    expect(a.text).toContain('Baltic Ferry Works, one of them, was founded by the Nordic Shipping Council');
  });
  it('names a known non-member by its name in a list lookup, with what the text says of it', () => {
    expect(ask('Is the Nordic Shipping Council a member?').text).toBe(
      'No. The Nordic Shipping Council is not among the 6 Harbour Guild members. The knowledge says Baltic Ferry Works, one of them, was founded by the Nordic Shipping Council. The knowledge says the Harbour Forum was co-hosted by Lund Port Institute and the Nordic Shipping Council.',
    );
    expect(ask('Is Zorblax Industries a member?').text).toBe('No. "Zorblax Industries" is not among the 6 Harbour Guild members.');
  });
  it('quotes an unknown name whole rather than splicing it', () => {
    expect(ask('Did Zorblax Industries found the guild?').text).toBe('No. "Zorblax Industries" is not one of the 6 Harbour Guild members.');
  });
  it('never reads "is there …" as a name', () => {
    expect(ask('Are there any lighthouses among the members?').text).not.toMatch(/there any/i);
  });
});
