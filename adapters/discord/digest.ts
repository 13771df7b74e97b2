/** The weekly gaps digest, posted to the configured channel over REST (no gateway needed). */
import { Routes, type REST } from 'discord.js';
import { LIMITS, splitText } from './render.js';

/** Posts `text` to `channelId`, split into messages of at most 2,000 characters, pinging no one. */
export async function postDigest(rest: REST, channelId: string, text: string): Promise<void> {
  for (const content of splitText(text, LIMITS.content)) {
    await rest.post(Routes.channelMessages(channelId), { body: { content, allowed_mentions: { parse: [] } } });
  }
}
