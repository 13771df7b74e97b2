import type { LanguageTable, OtherLanguage } from '../types.js';
import { de } from './de.js';
import { es } from './es.js';
import { fr } from './fr.js';
import { it } from './it.js';
import { pt } from './pt.js';
import { ru } from './ru.js';
import { zh } from './zh.js';

/** Every language's tables, by code. */
export const TABLES: Record<OtherLanguage, LanguageTable> = { it, es, fr, de, pt, ru, zh };
