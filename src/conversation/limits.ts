/**
 * Length limits, for every platform: the one way to cut a text to a limit and the one way to split
 * it into messages. Each platform supplies its numbers (Discord 2,000 characters a message, Slack
 * 3,000 a section), never its own copy of the logic.
 */

const ELLIPSIS = '…';

/**
 * Cuts `text` to at most `max` characters, ending with an ellipsis when it had to cut: at a word
 * boundary when one is near the end, so a word is not left half-written.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, Math.max(0, max - 1));
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/, '')}${ELLIPSIS}`;
}

/**
 * Splits `text` into pieces of at most `limit` characters, preferring paragraph, line, sentence
 * and word boundaries so a list item or sentence is not cut in the middle, and never cutting an
 * HTML-style entity (`&amp;`, which Slack's escaped text holds) in two.
 */
export function splitText(text: string, limit: number): string[] {
  const pieces: string[] = [];
  let rest = text.trim();
  while (rest.length > limit) {
    const window = rest.slice(0, limit + 1);
    const boundary = [/\n\n(?!.*\n\n)/s, /\n(?!.*\n)/s, /[.!?]\s(?!.*[.!?]\s)/s, /\s(?!.*\s)/s]
      .map((pattern) => window.search(pattern))
      .find((index) => index > limit / 3);
    let at = boundary === undefined ? limit : boundary + 1;
    if (boundary === undefined) {
      // An entity is at most 6 characters (&quot;); back up to its `&` rather than split it.
      const amp = rest.lastIndexOf('&', at - 1);
      if (amp > 0 && amp > at - 6 && rest.indexOf(';', amp) >= at && rest.indexOf(';', amp) < amp + 6) at = amp;
    }
    pieces.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
  }
  if (rest.length > 0) pieces.push(rest);
  return pieces;
}
