/** Turning what someone typed into the question text the core gets. */
import { MAX_QUESTION_CHARS } from './commands.js';

/** Cuts a question to what the adapter passes on and folds whitespace. */
export function limitQuestion(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, MAX_QUESTION_CHARS).trim();
}

/**
 * How the bot is mentioned: its user (`<@id>`, `<@!id>`) or the role Discord creates for it when it
 * joins a server (`<@&role>`), which people often pick from the mention list by mistake.
 */
function mentionPattern(botId: string, botRoleId: string | undefined, flags: string): RegExp {
  return new RegExp(`<@!?${botId}>${botRoleId ? `|<@&${botRoleId}>` : ''}`, flags);
}

/** The question in a message that mentions the bot: the text without the mention(s). */
export function stripMention(content: string, botId: string, botRoleId?: string): string {
  return limitQuestion(content.replace(mentionPattern(botId, botRoleId, 'g'), ' '));
}

/** Whether a message's text mentions the bot explicitly (replies and @everyone do not count). */
export function mentionsBot(content: string, botId: string, botRoleId?: string): boolean {
  return mentionPattern(botId, botRoleId, '').test(content);
}
