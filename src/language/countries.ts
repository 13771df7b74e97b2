/**
 * Country names in the supported languages, from i18n-iso-countries (maintained CLDR-based data),
 * mapped to the English name the knowledge is likely to write ("Cina" → "China", "США" → "United States").
 */
import { createRequire } from 'node:module';
import type { OtherLanguage } from './types.js';

interface Countries {
  registerLocale(data: unknown): void;
  getNames(lang: string, options: { select: 'all' }): Record<string, string[]>;
  getName(code: string, lang: string, options: { select: 'alias' | 'official' }): string | undefined;
}

const require = createRequire(import.meta.url);
let library: Countries | undefined;
const byLanguage = new Map<OtherLanguage, Map<string, string>>();

// Continents and world regions, as UN M.49 codes: Africa, North America, South America, Oceania,
// Americas, Northern America, Central America, Caribbean, Asia, Europe, Latin America, and the
// sub-regions of Asia, Europe and Africa the knowledge's place data names ("Eastern Asia").
const REGIONS = [
  '002',
  '003',
  '005',
  '009',
  '013',
  '019',
  '021',
  '029',
  '142',
  '150',
  '419',
  '014',
  '011',
  '015',
  '017',
  '018',
  '030',
  '034',
  '035',
  '143',
  '145',
  '039',
  '151',
  '154',
  '155',
  '053',
];

/**
 * Local continent and region name → English name, from the runtime's CLDR data (Intl.DisplayNames
 * over UN M.49 codes): "Europa" → "Europe", "亚洲" → "Asia", "Südamerika" → "South America".
 */
function regionNames(lang: OtherLanguage): Map<string, string> {
  const names = new Map<string, string>();
  const local = new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' });
  const english = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  for (const code of REGIONS) {
    const [name, en] = [local.of(code), english.of(code)];
    if (name && en) names.set(name, en);
  }
  return names;
}

/** Local country name → English name, for one language (loaded once, only the locales used). */
export function countryNames(lang: OtherLanguage): Map<string, string> {
  let names = byLanguage.get(lang);
  if (names) return names;
  if (!library) {
    library = require('i18n-iso-countries/index.js') as Countries;
    library.registerLocale(require('i18n-iso-countries/langs/en.json'));
  }
  library.registerLocale(require(`i18n-iso-countries/langs/${lang}.json`));
  names = new Map();
  for (const [code, local] of Object.entries(library.getNames(lang, { select: 'all' }))) {
    // "China", "United States", "Russia" rather than the official "People's Republic of China";
    // not an acronym ("UK") either.
    const alias = library.getName(code, 'en', { select: 'alias' }) ?? '';
    const english = alias.length > 3 && !alias.includes(',') ? alias : library.getName(code, 'en', { select: 'official' });
    if (!english) continue;
    // "КНР (Китайская Народная Республика)": the short name and the long one.
    for (const name of local) for (const part of name.split(/\s*[()]\s*/)) if (part !== '') names.set(part, english);
  }
  for (const [local, english] of regionNames(lang)) if (!names.has(local)) names.set(local, english);
  byLanguage.set(lang, names);
  return names;
}
