/** The programmatic API: `createBot({ knowledgeDir })` and the contract types. */
export { createBot, type AllianceBot, type BotOptions } from './bot.js';
export { loadKnowledge, formatKnowledgeError, type LoadResult } from './knowledge/loader.js';
export { formatAnswer, formatReloadReport } from './conversation/reports.js';
export { UserError } from './errors.js';
export type * from './types.js';
