/** What the facts layer knows: entities with attributes, the lists they are on, and the sentences about them. */
import type { DocumentMeta } from '../../knowledge/types.js';

/** A sentence of the knowledge, with where it stands. */
export interface SentenceRef {
  doc: DocumentMeta;
  section?: string;
  text: string;
  /** The sentence before it in the same block, for one that opens with "It …". */
  previous?: SentenceRef;
}

/** A relation the text states: "founded by Harvard University and MIT", "co-organised by …". */
export interface Relation {
  /** As written, e.g. "founded by". */
  relation: string;
  /** The names on the other side, as written. */
  objects: string[];
  source: SentenceRef;
}

/** A named thing the knowledge lists or profiles, with what the text says of it. */
export interface FactEntity {
  /** Its name as written, without the text in parentheses. */
  name: string;
  /** As listed, e.g. `CRI (Center for Research and Interdisciplinarity)`. */
  label: string;
  /** The name and its other forms (the text in parentheses, an acronym). */
  names: string[];
  /** What it is, from "is a …" or a table column: "technical university". */
  kind?: string;
  city?: string;
  /** ISO 3166-1 alpha-2 code of the country it is in. */
  country?: string;
  /** The country as the knowledge writes it ("Côte d'Ivoire", "the Netherlands"), shown in replies. */
  countryName?: string;
  relations: Relation[];
  /** The sentence or table row that profiles it. */
  profile?: SentenceRef;
}

/** A list the knowledge gives (an enumeration, bullets, a table): what its members are. */
export interface FactList {
  /** A noun phrase for it, e.g. "Global MOOC Alliance founding members". */
  name: string;
  members: FactEntity[];
  /** The sentence that enumerates it (or the heading of a table or bullets). */
  source: SentenceRef;
  /** Index terms of its name, intro, section and title: what questions about it say. */
  aboutTerms: Set<string>;
}

/** An expansion found in the text: "Long Name (LN)" or "LN (Long Name)". */
export interface Expansion {
  short: string;
  long: string;
  source: SentenceRef;
}
