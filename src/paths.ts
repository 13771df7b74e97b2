import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root, whether running from src/ (tests) or dist/src/ (compiled). */
const here = path.dirname(fileURLToPath(import.meta.url));
export const PROJECT_ROOT = path.basename(path.dirname(here)) === 'dist' ? path.resolve(here, '../..') : path.resolve(here, '..');

/** The knowledge folder shipped with the project, used when KNOWLEDGE_DIR is not set. */
export const DEFAULT_KNOWLEDGE_DIR = path.join(PROJECT_ROOT, 'knowledge');

/** The analytics database used when ANALYTICS_DB is not set. */
export const DEFAULT_ANALYTICS_PATH = path.join(PROJECT_ROOT, 'data', 'alliance-bot.db');
