/**
 * A made-up knowledge base: a guild of harbour institutions in other countries, of other kinds,
 * given as an enumeration, a bulleted profile of each, and a table, so no test leans on the
 * alliance's own data.
 */
import { Answerer } from '../../../src/answer/answerer.js';
import { parseMarkdown } from '../../../src/knowledge/markdown.js';
import type { KnowledgeBase, KnowledgeDocument } from '../../../src/knowledge/types.js';

const doc = (file: string, text: string): KnowledgeDocument => {
  const parsed = parseMarkdown(file, text);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.value;
};

export const GUILD_ARTICLE = `---
title: The Harbour Guild is formed
subject: Harbour Guild
---

The Harbour Guild was formed on 3 March. It is a network of maritime museums and port research bodies that share collections and train young curators.

The Harbour Guild members are: Kestrel Maritime Museum, Lund Port Institute, Baltic Ferry Works, Museo del Mar de Vigo, Ogun Harbour Archive, Tasman Sea Museum.

The guild's first meeting was the Harbour Forum, co-hosted by Lund Port Institute and the Nordic Shipping Council.
`;

export const GUILD_PROFILES = `---
title: Who the guild members are
---

A profile of each member of the Harbour Guild:

- Kestrel Maritime Museum is a maritime museum in Gdansk, Poland.
- Lund Port Institute (LPI) is a port research institute in Lund, Sweden.
- Baltic Ferry Works is a shipping company founded by the Nordic Shipping Council, based in Finland.
- Museo del Mar de Vigo is a maritime museum in Vigo, Spain.
- Ogun Harbour Archive is a harbour archive in Lagos, Nigeria.
- Tasman Sea Museum is a maritime museum in Hobart, Tasmania, in Australia.
`;

export const GUILD_TABLE = `---
title: Observers of the guild
---

## Observers

| Name | Type | City | Country |
| --- | --- | --- | --- |
| Andes Port Library | port library | Valparaíso | Chile |
| Rio Dock Museum | dock museum | Santos | Brazil |
`;

/** The guild's knowledge base, with or without the table of observers. */
export function guild(withTable = true): KnowledgeBase {
  const documents = [doc('guild.md', GUILD_ARTICLE), doc('members.md', GUILD_PROFILES)];
  if (withTable) documents.push(doc('observers.md', GUILD_TABLE));
  return { documents, faq: [], checks: [], contentHash: 'test', synonyms: [], subject: 'Harbour Guild' };
}

export const guildAnswerer = (withTable = true): Answerer => new Answerer(guild(withTable));
