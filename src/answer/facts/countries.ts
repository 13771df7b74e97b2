/**
 * Countries, continents and regions, and the words people use for them ("Chinese", "European",
 * "North American"), from maintained data packages: world-countries (names, alternative spellings,
 * demonyms, region and subregion) and countries-list (continents). Nothing here is typed by hand.
 */
import { createRequire } from 'node:module';
import { continents, countries as continentOf } from 'countries-list';
import type { Country as WorldCountry } from 'world-countries';
import { fold } from '../text.js';

/** A place a question or a profile can name: a country, a continent or a region of the world. */
export interface Place {
  kind: 'country' | 'continent' | 'region';
  /** Its name as the data writes it ("China", "Europe", "Eastern Asia"). */
  name: string;
  /** For a country: its ISO 3166-1 alpha-2 code. */
  code?: string;
}

/** A country with the larger places it lies in. */
export interface CountryInfo {
  code: string;
  name: string;
  /** Names it goes by, folded ("united states", "usa", "united states of america"). */
  names: string[];
  /** What people call things from it ("chinese"), folded. */
  demonyms: string[];
  continent: string;
  /** The continent and the world regions it belongs to ("Asia", "Eastern Asia"). */
  within: string[];
}

/** Folds a place phrase for comparison: case, accents, "the", punctuation. */
export const placeKey = (text: string): string =>
  fold(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/^the /, '')
    .trim();

/**
 * The adjective people use for a continent or region, by English word formation: "Africa" →
 * "african", "Europe" → "european", "North America" → "north american", "Antarctica" →
 * "antarctican" (and "antarctic", the name without its final "a").
 */
function adjectivesOf(name: string): string[] {
  const key = placeKey(name);
  if (/a$/.test(key)) return [`${key}n`, key.slice(0, -1)];
  if (/e$/.test(key)) return [`${key.slice(0, -1)}ean`];
  return [];
}

/** Everything the country data says, indexed by the folded phrases that name a place. */
export class Places {
  readonly countries: CountryInfo[] = [];
  private readonly byCode = new Map<string, CountryInfo>();
  /** Folded phrase (name, alternative spelling, demonym, continent or region and their adjectives) → place. */
  private readonly byPhrase = new Map<string, Place>();
  /** Capital cities, folded → the country's code: a question may name a city no profile does ("London"). */
  private readonly capitals = new Map<string, string>();
  /** All-capital short codes ("USA", "UK") are names only when written in capitals. */
  private readonly codes = new Map<string, Place>();
  private readonly demonymOwn = new Set<string>();
  /** The first word of every phrase: a scan tries longer phrases only from these. */
  private readonly firstWords = new Set<string>();
  /** The longest phrase in words, for scanning. */
  readonly maxWords: number;

  constructor(world: readonly WorldCountry[]) {
    const continentNames = new Set(Object.values(continents));
    for (const c of world) {
      const listed = continentOf[c.cca2 as keyof typeof continentOf];
      // The continent: world-countries' region when it is a continent ("Europe" for Russia, which
      // countries-list puts in Asia first), else countries-list's ("North America", not "Americas").
      const continent = continentNames.has(c.region) ? c.region : listed ? continents[listed.continent] : c.region;
      const within = [...new Set([continent, c.region, c.subregion].filter((r): r is string => Boolean(r)))];
      const names = [c.name.common, c.name.official, ...c.altSpellings.filter((s) => s.length > 3)];
      const info: CountryInfo = {
        code: c.cca2,
        name: c.name.common,
        names: [...new Set(names.map(placeKey))],
        demonyms: [...new Set([c.demonyms?.eng?.m, c.demonyms?.eng?.f].filter((d): d is string => Boolean(d)).map(placeKey))],
        continent,
        within,
      };
      this.countries.push(info);
      for (const capital of c.capital ?? []) if (!this.capitals.has(placeKey(capital))) this.capitals.set(placeKey(capital), c.cca2);
      this.byCode.set(info.code, info);
      const place: Place = { kind: 'country', name: info.name, code: info.code };
      for (const n of info.names) if (!this.byPhrase.has(n)) this.byPhrase.set(n, place);
      for (const d of info.demonyms) {
        // Several countries may share a demonym ("American"): it means the one whose name it comes from.
        const known = this.byPhrase.get(d);
        const own = info.names.some((n) => n.includes(d.slice(0, Math.max(4, d.length - 3))));
        // Else the independent country over a territory ("Dutch": the Netherlands, not the Caribbean Netherlands).
        const over = known?.code ? world.find((w) => w.cca2 === known.code) : undefined;
        const sovereign = c.independent === true && over?.independent !== true;
        // A territory never takes it from an independent country ("French": France, not the French Southern Lands).
        const under = c.independent !== true && over?.independent === true;
        if (!known || sovereign || (own && !under && !this.demonymOwn.has(d))) {
          this.byPhrase.set(d, place);
          if (own) this.demonymOwn.add(d);
        }
      }
      for (const s of c.altSpellings) if (/^[A-Z]{2,4}$/.test(s)) this.codes.set(s, place);
      for (const r of within) {
        const kind = continentNames.has(r) ? 'continent' : 'region';
        // A continent or region is named over a country of the same name ("Antarctica").
        for (const phrase of [placeKey(r), ...adjectivesOf(r)]) {
          const known = this.byPhrase.get(phrase);
          if (!known || known.kind === 'country') this.byPhrase.set(phrase, { kind, name: r });
        }
      }
    }
    for (const r of continentNames)
      for (const phrase of [placeKey(r), ...adjectivesOf(r)]) this.byPhrase.set(phrase, { kind: 'continent', name: r });
    this.maxWords = Math.max(...[...this.byPhrase.keys()].map((k) => k.split(' ').length));
    for (const k of this.byPhrase.keys()) this.firstWords.add(k.split(' ')[0] ?? k);
  }

  /** Every word of the phrases that name a place ("europe", "chinese", "zealand"), folded. */
  words(): Set<string> {
    this.wordSet ??= new Set([...this.byPhrase.keys()].flatMap((k) => k.split(' ')));
    return this.wordSet;
  }
  private wordSet?: Set<string>;

  /** The place a phrase names ("Chinese", "the United States", "Europe", "USA"), if any. */
  lookup(phrase: string): Place | undefined {
    const trimmed = phrase.trim();
    return this.codes.get(trimmed) ?? this.byPhrase.get(placeKey(trimmed));
  }

  /** The country whose capital a phrase names, if it names one ("London" → "GB"). */
  capitalOf(phrase: string): string | undefined {
    return this.capitals.get(placeKey(phrase));
  }

  country(code: string): CountryInfo | undefined {
    return this.byCode.get(code);
  }

  /** Whether a country lies in a place (itself, its continent, its region). */
  contains(place: Place, code: string): boolean {
    if (place.kind === 'country') return place.code === code;
    return this.byCode.get(code)?.within.includes(place.name) ?? false;
  }

  /**
   * The places named in a text, longest phrase first, with the words they cover (as word
   * indexes of `words`). Short all-capital codes count only as written ("US", not "us").
   */
  scan(written: readonly string[]): { place: Place; start: number; end: number }[] {
    const found: { place: Place; start: number; end: number }[] = [];
    // "U.S." and "U.K." are the codes "US" and "UK".
    const words = written.map((w) => (/^(?:[A-Z]\.){1,2}[A-Z]\.?$/.test(w) ? w.replace(/\./g, '') : w));
    const keys = words.map(placeKey);
    for (let i = 0; i < words.length; ) {
      let hit: { place: Place; start: number; end: number } | undefined;
      if (!this.firstWords.has(keys[i] ?? '') && !/^[A-Z]{2,4}$/.test(words[i] ?? '')) {
        i++;
        continue;
      }
      for (let n = Math.min(this.maxWords, words.length - i); n >= 1 && !hit; n--) {
        const phrase = words.slice(i, i + n).join(' ');
        const place = n === 1 && /^[A-Z]{2,4}$/.test(phrase) ? this.codes.get(phrase) : this.byPhrase.get(placeKey(phrase));
        if (place) hit = { place, start: i, end: i + n };
      }
      if (hit) {
        found.push(hit);
        i = hit.end;
      } else i++;
    }
    return found;
  }
}

let shared: Places | undefined;

/** The country data, read once per process (about a megabyte of JSON). */
export function places(): Places {
  if (!shared) {
    const world = createRequire(import.meta.url)('world-countries') as WorldCountry[];
    shared = new Places(world);
  }
  return shared;
}
