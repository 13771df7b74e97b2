/**
 * A Markdown table as a list of entities: a header row names the columns (name, kind or type,
 * city, country, location, founded by, description…), each row is one entity.
 */
import type { Places } from './countries.js';
import { locate, namesOf, type ProfileFacts, readPredicate, splitNames } from './profile.js';

/** One row read: the entity's label and the attributes its columns give, as a profile sentence would. */
export interface TableRow extends ProfileFacts {
  /** The row as a sentence-like line, quoted as its source. */
  text: string;
}

type Column = 'name' | 'kind' | 'city' | 'country' | 'place' | 'relation' | 'description' | 'other';

function columnOf(header: string): Column {
  const h = header.toLowerCase();
  if (/\b(?:founded|run|owned|operated|organi[sz]ed|created|led|funded) by\b|\bfounders?\b|\bowners?\b/.test(h)) return 'relation';
  if (/\b(?:kind|type|category|sort)\b/.test(h)) return 'kind';
  if (/\b(?:city|town)\b/.test(h)) return 'city';
  if (/\b(?:country|nation)\b/.test(h)) return 'country';
  if (/\b(?:location|place|where|based|headquarters|seat|address)\b/.test(h)) return 'place';
  if (/\b(?:description|profile|about|notes?|summary)\b/.test(h)) return 'description';
  if (/\b(?:name|members?|institution|organi[sz]ation|partners?|entity|who)\b/.test(h)) return 'name';
  return 'other';
}

/**
 * Reads a table from a paragraph block (its lines joined by spaces): `| a | b |` rows, the second a
 * `| --- | --- |` separator. Rows must start and end with a pipe. Undefined when it is not a table.
 */
export function readTable(text: string, places: Places): { rows: TableRow[] } | undefined {
  const cells = text
    .trim()
    .split('|')
    .map((c) => c.trim());
  // "| a | b | | c | d |" splits into ['', a, b, '', c, d, '']: rows of n cells with an empty one between.
  const sepStart = cells.findIndex((c) => /^:?-{3,}:?$/.test(c));
  if (sepStart < 2) return undefined;
  const width = sepStart - 2;
  if (width < 1 || cells[width + 1] !== '') return undefined;
  const headers = cells.slice(1, width + 1);
  const columns = headers.map(columnOf);
  if (!columns.includes('name')) columns[0] = 'name';
  const rows: TableRow[] = [];
  for (let at = sepStart + width + 1; at + width <= cells.length; at += width + 1) {
    const row = cells.slice(at, at + width);
    if (row.length < width) break;
    const label = row[columns.indexOf('name')] ?? '';
    if (label === '') continue;
    const read: TableRow = { label, relations: [], text: '' };
    row.forEach((value, i) => {
      if (value === '') return;
      switch (columns[i]) {
        case 'kind':
          read.kind = value.toLowerCase().replace(/^(?:a|an|the)\s+/, '');
          break;
        case 'city':
          read.city = value;
          break;
        case 'country':
          read.country = places.lookup(value)?.code;
          if (read.country) read.countryName = value;
          break;
        case 'place':
          Object.assign(read, Object.fromEntries(Object.entries(locate(`in ${value}`, places)).filter(([k]) => !(k in read))));
          break;
        case 'relation': {
          const header = (headers[i] ?? '').toLowerCase();
          read.relations.push({ relation: /\bby\b/.test(header) ? header : 'founded by', objects: splitNames(value) });
          break;
        }
        case 'description': {
          const facts = readPredicate(value, places);
          read.kind ??= facts.kind;
          read.city ??= facts.city;
          read.country ??= facts.country;
          read.relations.push(...facts.relations);
          break;
        }
        default:
      }
    });
    read.text = `${namesOf(label).name}: ${row
      .map((v, i) => (columns[i] === 'name' || v === '' ? '' : `${headers[i]?.toLowerCase()} ${v}`))
      .filter(Boolean)
      .join('; ')}.`;
    rows.push(read);
  }
  return { rows };
}
