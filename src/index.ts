/** The programmatic API: `createBot({ knowledgeDir })`, the conversation layer over it, and the contract types. */
export { createBot, type AllianceBot, type BotOptions } from './bot.js';
export { loadKnowledge, formatKnowledgeError, type LoadResult } from './knowledge/loader.js';
export { formatAnswer, formatReloadReport } from './conversation/reports.js';
export { createConversation, type Conversation, type ConversationOptions, type LanguageStage } from './conversation/conversation.js';
/** The members' languages for the conversation: `language: createLanguageStage(() => bot.language())`. */
export { createLanguageStage } from './language/stage.js';
export { createMemoryState, type MemoryStateOptions } from './state/memory.js';
export type * from './state/types.js';
export { UserError } from './errors.js';
export type * from './types.js';
