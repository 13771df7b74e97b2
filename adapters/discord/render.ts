/**
 * Turns the core's plain {@link Answer} into Discord messages: the answer text, its sources in an
 * embed, and suggestions as buttons. Everything here respects Discord's limits so a reply is never
 * rejected by the API, and every payload carries "no allowed mentions" so nothing pings anyone.
 */
import {
  ButtonStyle,
  ComponentType,
  escapeMarkdown,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  type MessageMentionOptions,
} from 'discord.js';
import { splitText, truncate } from '../../src/conversation/limits.js';
import { formatReloadReport } from '../../src/conversation/reports.js';
import type { Answer, ReloadReport, Source } from '../../src/types.js';
import { COMMAND } from './commands.js';
import { renderVotes } from './votes.js';

/** Discord's limits (https://discord.com/developers/docs/resources/message#create-message). */
export const LIMITS = {
  content: 2000,
  embedDescription: 4096,
  embedTitle: 256,
  embedFooter: 2048,
  embedTotal: 6000,
  buttonLabel: 80,
  customId: 100,
} as const;

/** How many messages one answer may take before the rest is trimmed with a pointer to its source. */
export const MAX_MESSAGES = 3;

/** Never ping: no @everyone, roles or users, and not the person replied to either. */
export const NO_MENTIONS: MessageMentionOptions = { parse: [], repliedUser: false };

/** A message payload accepted by `message.reply`, `channel.send` and `interaction.reply`. */
export interface RenderedMessage {
  content: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
  allowedMentions: MessageMentionOptions;
}

/** Options for {@link renderAnswer}. */
export interface RenderOptions {
  /** Shown above the answer, for replies that do not show the question themselves (buttons, /ask). */
  question?: string;
}

export { splitText, truncate };

const ELLIPSIS = '…';

/** "Document › Section" for a source. */
export function sourceLabel(source: Source): string {
  return source.section ? `${source.document} › ${source.section}` : source.document;
}

const isWebUrl = (url: string | undefined): url is string => url !== undefined && /^https?:\/\/\S+$/.test(url);

/** Where to read the rest of a trimmed answer. */
function pointer(sources: readonly Source[]): string {
  const first = sources[0];
  if (!first) return `${ELLIPSIS} (trimmed to fit Discord)`;
  return `${ELLIPSIS} (trimmed; the rest is in ${sourceLabel(first)}${isWebUrl(first.url) ? `: <${first.url}>` : ''})`;
}

const squash = (text: string): string => text.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * One embed naming the sources; quotes the answer text already says are not repeated.
 * Undefined when the answer has no sources.
 */
export function renderSources(answer: Answer): APIEmbed | undefined {
  const sources = answer.sources.slice(0, 3);
  const first = sources[0];
  if (!first) return undefined;
  const text = squash(answer.text);
  // A list answer already is its source's enumeration, bulleted; quoting it again only doubles it.
  const quotes = (answer.kind === 'list' ? [] : sources)
    .map((s) => s.quote.trim())
    .filter((quote) => quote !== '' && !text.includes(squash(quote)))
    .map((quote) => `> ${truncate(quote, 1000).replace(/\n/g, '\n> ')}`);
  const labels = [...new Set(sources.map(sourceLabel))];
  const embed: APIEmbed = { footer: { text: truncate(`Source: ${labels.join(' · ')}`, LIMITS.embedFooter) } };
  if (quotes.length > 0) embed.description = truncate(quotes.join('\n\n'), LIMITS.embedDescription);
  if (isWebUrl(first.url)) {
    embed.title = truncate(first.document, LIMITS.embedTitle);
    embed.url = first.url;
  }
  return embed;
}

const BUTTON_PREFIX = 'ask:';

/**
 * The custom id of a suggestion button: `ask:<index>:<question>`, cut to Discord's 100 characters.
 * A cut question is completed again from the bot's suggestions when clicked.
 */
export function suggestionButtonId(index: number, question: string): string {
  const head = `${BUTTON_PREFIX}${index}:`;
  return `${head}${question.slice(0, LIMITS.customId - head.length)}`;
}

/** The question a suggestion button carries, and whether it was cut; undefined for other buttons. */
export function parseSuggestionButtonId(customId: string): { question: string; cut: boolean } | undefined {
  const match = /^ask:(\d+):(.*)$/s.exec(customId);
  if (!match?.[2]) return undefined;
  return { question: match[2], cut: customId.length >= LIMITS.customId };
}

/** Suggestions as one row of buttons (at most five fit in a row). */
export function renderSuggestions(suggestions: readonly string[]): APIActionRowComponent<APIButtonComponent>[] {
  const buttons: APIButtonComponent[] = suggestions
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .slice(0, 5)
    .map((question, index) => ({
      type: ComponentType.Button,
      style: ButtonStyle.Secondary,
      label: truncate(question, LIMITS.buttonLabel),
      custom_id: suggestionButtonId(index, question),
    }));
  return buttons.length > 0 ? [{ type: ComponentType.ActionRow, components: buttons }] : [];
}

/** A payload with no embeds or buttons, e.g. an apology or a refusal. */
export function plainMessage(content: string): RenderedMessage {
  return { content: truncate(content, LIMITS.content), embeds: [], components: [], allowedMentions: NO_MENTIONS };
}

/**
 * Renders an answer as one or more messages (at most {@link MAX_MESSAGES}); the sources embed,
 * suggestion buttons and 👍/👎 buttons (answers with an id) go on the last one.
 */
export function renderAnswer(answer: Answer, options: RenderOptions = {}): RenderedMessage[] {
  const header = options.question ? `> ${escapeMarkdown(truncate(options.question.replace(/\s+/g, ' ').trim(), 300))}\n` : '';
  const text = answer.text.trim() === '' ? "I don't have an answer for that." : answer.text.trim();
  let pieces = splitText(text, LIMITS.content - header.length);
  if (pieces.length > MAX_MESSAGES) {
    const more = pointer(answer.sources);
    const kept = pieces.slice(0, MAX_MESSAGES);
    const last = kept[MAX_MESSAGES - 1] ?? '';
    kept[MAX_MESSAGES - 1] = `${last.slice(0, LIMITS.content - header.length - more.length - 1).trimEnd()} ${more}`;
    pieces = kept;
  }
  const embed = renderSources(answer);
  const components = [...renderSuggestions(answer.suggestions), ...renderVotes(answer)];
  return pieces.map((piece, index) => {
    const isLast = index === pieces.length - 1;
    return {
      content: index === 0 ? `${header}${piece}` : piece,
      embeds: isLast && embed ? [embed] : [],
      components: isLast ? components : [],
      allowedMentions: NO_MENTIONS,
    };
  });
}

/** The `/reload` reply: the one reload report, as a plain message. */
export function reloadReportMessage(report: ReloadReport): RenderedMessage {
  return plainMessage(formatReloadReport(report, `/${COMMAND.reload} force:True`));
}
