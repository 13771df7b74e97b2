/** Whether the gateway connection is up, and how often it dropped, for /healthz and /metrics. */
import { Events, type Client } from 'discord.js';
import type { AdapterStatus } from '../../src/types.js';

/**
 * Follows a client's shards: connected once every shard is ready, not while one is down; a drop
 * counts once however many attempts the reconnect takes.
 */
export class ConnectionStatus {
  private readonly up = new Map<number, boolean>();
  private drops = 0;
  private ready = false;

  /** Starts following `client`'s events. */
  watch(client: Client): void {
    client.on(Events.ClientReady, () => (this.ready = true));
    client.on(Events.ShardReady, (shardId) => this.set(shardId, true));
    client.on(Events.ShardResume, (shardId) => this.set(shardId, true));
    client.on(Events.ShardReconnecting, (shardId) => this.set(shardId, false));
    client.on(Events.ShardDisconnect, (_event, shardId) => this.set(shardId, false));
  }

  /** Marks everything down (the client was destroyed). */
  stopped(): void {
    this.ready = false;
    for (const id of this.up.keys()) this.up.set(id, false);
  }

  status(): AdapterStatus {
    return { connected: this.ready && this.up.size > 0 && [...this.up.values()].every(Boolean), reconnects: this.drops };
  }

  private set(shardId: number, up: boolean): void {
    if (this.up.get(shardId) === true && !up) this.drops += 1;
    this.up.set(shardId, up);
  }
}
