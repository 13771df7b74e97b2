/**
 * Text going to and coming from Slack. Slack sends message text with `&`, `<` and `>` escaped and
 * wraps mentions, channels and links in `<…>`; it parses `<!channel>`-style commands in any text
 * we post. So text is decoded on the way in and escaped on the way out.
 */

/** Escapes `&`, `<` and `>` so echoed text cannot form a mention, link or `<!here>` command. */
export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Turns a Slack message text into a plain question: drops mentions of the bot, turns other
 * mentions, channel references and links into readable words and undoes Slack's escaping.
 */
export function plainQuestion(text: string, botUserId?: string): string {
  const plain = text
    .replace(/<([^<>]*)>/g, (_whole, inner: string) => {
      const [target = '', label] = inner.split('|', 2);
      if (target.startsWith('@')) return target.slice(1) === botUserId ? ' ' : `@${label ?? target.slice(1)}`;
      if (target.startsWith('#')) return `#${label ?? target.slice(1)}`;
      if (target.startsWith('!')) return label ?? `@${target.slice(1).split('^')[0] ?? ''}`;
      return label ?? target;
    })
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
  return plain.replace(/\s+/g, ' ').trim();
}
