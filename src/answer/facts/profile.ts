/**
 * Reading one profile: a sentence "X is a technical university in Milan, Italy", "X (Long Name)
 * is …", "X is an online learning platform founded by A and B, based in C", or a table row.
 */
import { STOP_WORDS } from '../stopwords.js';
import type { Places } from './countries.js';

/** Words that may stand lower-case inside a proper name ("Politecnico di Milano", "University of Chile"). */
export const CONNECTORS = new Set([
  'of',
  'di',
  'de',
  'del',
  'der',
  'du',
  'la',
  'le',
  'and',
  'for',
  'the',
  'in',
  'at',
  'y',
  '&',
  'von',
  'van',
]);

/** Whether a phrase looks like a proper name: capitalised words (or "edX"), connectors between them. */
export function looksLikeProperName(phrase: string): boolean {
  const words = phrase.trim().split(/\s+/);
  if (words.length === 0 || words.length > 10 || phrase.length > 90) return false;
  const first = words[0] ?? '';
  const last = words.at(-1) ?? '';
  const capital = (w: string): boolean => /^["“(]?[\p{Lu}\p{N}]/u.test(w) || /^\p{Ll}{1,3}\p{Lu}/u.test(w);
  return capital(first) && capital(last) && words.every((w) => capital(w) || CONNECTORS.has(w.toLowerCase()));
}

/** "Name (Other)" → both; anything else → itself. */
export function namesOf(label: string): { name: string; names: string[] } {
  const paren = /^(.*?)\s*\(([^)]+)\)\s*$/.exec(label.trim());
  if (paren?.[1] && paren[2]) return { name: paren[1].trim(), names: [paren[1].trim(), paren[2].trim()] };
  return { name: label.trim(), names: [label.trim()] };
}

/** What a profile says of its subject. */
export interface ProfileFacts {
  label: string;
  kind?: string;
  city?: string;
  country?: string;
  /** The country as written. */
  countryName?: string;
  relations: { relation: string; objects: string[] }[];
}

// The kind ends where a place, a relation or a clause begins.
const KIND_END =
  /\s+(?:in|of|at|from|on|with|that|which|who|whose|where|based|located|headquartered|situated|serving|offering|known|since|and\s+(?:is|was|has))\b|\s+(?:co-)?\p{Ll}+(?:ed|en)\s+by\b|[,;:.(]|$/u;
const RELATION = /\b((?:co-)?\p{Ll}+(?:ed|en))\s+by\s+(.+?)(?=,|;|\.|\s+(?:in|based|located|headquartered|since|and\s+(?:is|was))\b|$)/gu;
const PLACE_PHRASE =
  /\b(?:based|located|headquartered|situated)?\s*\bin\s+(.+?)(?=;|\.(?:\s|$)|,\s*(?:and\s+)?(?:founded|based|located|with|which|who|known)\b|$)/u;

/** Splits "A, B and C" into names. */
export function splitNames(text: string): string[] {
  return text
    .split(/\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*/)
    .map((s) => s.trim().replace(/^the\s+/i, ''))
    .filter((s) => s !== '' && looksLikeProperName(s));
}

/** Reads the kind, place and relations from the text after "is a". */
export function readPredicate(rest: string, places: Places): Omit<ProfileFacts, 'label'> {
  const facts: Omit<ProfileFacts, 'label'> = { relations: [] };
  const kindEnd = KIND_END.exec(rest);
  const kind = rest
    .slice(0, kindEnd?.index ?? rest.length)
    .trim()
    .replace(/^(?:a|an|the)\s+/i, '');
  if (kind && kind.split(/\s+/).length <= 6 && /^[\p{Ll}\s-]+$/u.test(kind)) facts.kind = kind;
  for (const m of rest.matchAll(RELATION)) {
    const objects = splitNames(m[2] ?? '');
    if (m[1] && objects.length > 0) facts.relations.push({ relation: `${m[1]} by`, objects });
  }
  Object.assign(facts, locate(rest, places));
  return facts;
}

/** City and country from "in Houston, Texas, in the United States", "of Thailand", "based in the United States". */
export function locate(text: string, places: Places): { city?: string; country?: string; countryName?: string } {
  const out: { city?: string; country?: string; countryName?: string } = {};
  // The first "in …" phrase that names a country ("founded by A in Beijing, China"; "in Houston, Texas, in the United States").
  for (const m of text.matchAll(new RegExp(PLACE_PHRASE.source, 'gu'))) {
    const parts = (m[1] ?? '')
      .split(/\s*,\s*(?:in\s+)?|\s+in\s+/)
      .map((p) => p.trim())
      .filter(Boolean);
    const countryAt = parts.findIndex((p) => places.lookup(p)?.kind === 'country');
    const first = parts[0] ?? '';
    if (countryAt >= 0) {
      out.country = places.lookup(parts[countryAt] ?? '')?.code;
      out.countryName = parts[countryAt];
      // "in Paris, France" has its city first; "in Singapore" is a country alone.
      if (countryAt > 0 && looksLikeProperName(first)) out.city = first;
      return out;
    }
    if (!out.city && looksLikeProperName(first) && !places.lookup(first)) out.city = first;
  }
  // No "in <country>": any country named, as in "the national platform of Thailand".
  const words = text.split(/[\s,;.()]+/).filter(Boolean);
  const country = places.scan(words).find((p) => p.place.kind === 'country' && /^\p{Lu}/u.test(words[p.start] ?? ''));
  if (country?.place.code) out.country = country.place.code;
  return out;
}

/**
 * A profile sentence: "<Name> [(Other name)] is a/an/the <kind> [relations] [in <place>]", or
 * undefined when the sentence is not one (its subject is not a proper name, or there is no "is a").
 */
export function readProfile(sentence: string, places: Places): ProfileFacts | undefined {
  if (!/\s(?:is|was|remains)\s/.test(sentence)) return undefined;
  const m = /^(.{1,120}?)\s+(?:is|was|remains)\s+(a|an|the|one of the)\s+(.+)$/u.exec(sentence.trim());
  if (!m?.[1] || !m[2] || !m[3]) return undefined;
  // "Lumen Observatory, based in La Serena, Chile, is an …": the place between commas is the profile's too.
  const placed = /^(.+?),\s+((?:based|located|headquartered|situated)\s+in\s+.+?),?$/u.exec(m[1].trim());
  const label = (placed?.[1] ?? m[1]).trim();
  const { name } = namesOf(label);
  // A sentence's first word is capitalised anyway: "But Mexico was …" is not about "But Mexico".
  if (!looksLikeProperName(name) || STOP_WORDS.has(name.split(/\s+/)[0]?.toLowerCase() ?? '')) return undefined;
  const facts = readPredicate(m[3], places);
  if (placed?.[2] && !facts.country && !facts.city) Object.assign(facts, locate(placed[2], places));
  // "X is one of the founding members" says what X belongs to, not what kind of thing it is.
  if (m[2] === 'one of the') delete facts.kind;
  return { label, ...facts };
}
