import type { Adapter, AdapterStatus, ChatBot } from '../../src/types.js';

/** The Discord adapter: the {@link Adapter} contract with its connection state and the digest. */
export interface DiscordAdapter extends Adapter {
  start(bot: ChatBot): Promise<void>;
  status(): AdapterStatus;
  postDigest(text: string): Promise<void>;
}
