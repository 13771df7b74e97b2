import { osaDistance } from './spelling.js';
import { fold } from './text.js';
import type { Entity, EntityList } from './passages.js';

// Words that many institution names share; a name is told apart by the rest.
const GENERIC = new Set([
  'the',
  'of',
  'for',
  'and',
  'di',
  'de',
  'du',
  'der',
  'la',
  'le',
  'university',
  'universitat',
  'universite',
  'universidad',
  'universita',
  'college',
  'at',
  'in',
]);

const INSTITUTION = new Set(['university', 'universitat', 'universite', 'universidad', 'universita', 'college']);

const words = (name: string): string[] =>
  fold(name)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
const core = (name: string): string[] => words(name).filter((w) => !GENERIC.has(w));
const CONNECTOR = new Set(['the', 'of', 'for', 'and', 'di', 'de', 'du', 'der', 'la', 'le', 'at', 'in']);
/** Acronyms a name goes by: of all its words ("NTU") and of its distinctive ones. */
const initials = (name: string): string[] =>
  [words(name).filter((w) => !CONNECTOR.has(w)), core(name)].map((ws) => ws.map((w) => w[0]).join(''));

/** An entity name's core words and acronyms, worked out once: membership questions compare them all. */
interface PreparedName {
  core: string[];
  initials: string[];
}
const prepared = new WeakMap<Entity, PreparedName[]>();
function namesOf(entity: Entity): PreparedName[] {
  let names = prepared.get(entity);
  if (!names) {
    names = entity.names.map((name) => ({ core: core(name), initials: initials(name) }));
    prepared.set(entity, names);
  }
  return names;
}

const sameWord = (a: string, b: string): boolean => a === b || (Math.min(a.length, b.length) >= 5 && osaDistance(a, b, 1) <= 1);

/** How a name asked about relates to an entity of a list. */
export type NameMatch = 'exact' | 'partial' | 'none';

/**
 * Tolerant name comparison: case, accents, "University of X" vs "X University", the text in
 * parentheses, acronyms (NTU), one typo per long word (a swap of two letters is one). `partial`
 * when the question names part of the entity while also naming something else ("Shanghai
 * University" vs "Shanghai Jiao Tong University").
 */
export function matchName(asked: string, entity: Entity): NameMatch {
  return matchAsked(readAsked(asked), entity);
}

/** A name asked about, read once for comparing with every entity of a list. */
interface AskedName {
  core: string[];
  namesInstitution: boolean;
}

const readAsked = (asked: string): AskedName => ({ core: core(asked), namesInstitution: words(asked).some((w) => INSTITUTION.has(w)) });

function matchAsked(asked: AskedName, entity: Entity): NameMatch {
  const askedCore = asked.core;
  if (askedCore.length === 0) return 'none';
  let result: NameMatch = 'none';
  for (const name of namesOf(entity)) {
    const nameCore = name.core;
    if (nameCore.length === 0) continue;
    const covered = askedCore.filter((w) => nameCore.some((n) => sameWord(w, n)));
    if (covered.length === askedCore.length && covered.length === nameCore.length) return 'exact';
    // Initials of three letters or more ("NTU"): two ("UN") name too many things to stand for one member.
    if (askedCore.length === 1 && (askedCore[0]?.length ?? 0) >= 3 && name.initials.includes(askedCore[0] ?? '')) return 'exact';
    if (covered.length === askedCore.length) {
      // "Tsinghua" or "Jiao Tong" alone name it; "Shanghai University" names another institution.
      if (!asked.namesInstitution) return 'exact';
      result = 'partial';
    } else if (covered.length > 0 && covered.length >= askedCore.length / 2) {
      result = 'partial';
    }
  }
  return result;
}

/** The best entity of a list for a name: an exact match, else a partial one, else none. */
export function findEntity(asked: string, list: EntityList): { entity: Entity; match: 'exact' | 'partial' } | undefined {
  let partial: Entity | undefined;
  const read = readAsked(asked);
  for (const entity of list.items) {
    const match = matchAsked(read, entity);
    if (match === 'exact') return { entity, match };
    if (match === 'partial') partial ??= entity;
  }
  return partial ? { entity: partial, match: 'partial' } : undefined;
}
