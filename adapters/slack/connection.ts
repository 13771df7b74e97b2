/**
 * The Socket Mode connection's state, for /healthz and the reconnect metric. The client says
 * `connected` when Slack's hello arrives (not when the socket opens: before hello Slack sends
 * nothing), and `close` / `reconnecting` / `disconnected` when it is gone; every hello after the
 * first is a reconnect.
 */
import type { Logger } from '../../src/logger.js';
import type { AdapterStatus } from '../../src/types.js';

/** The lifecycle events of @slack/socket-mode's client this module listens to. */
export interface SocketLifecycle {
  on(event: 'connected' | 'close' | 'reconnecting' | 'disconnecting' | 'disconnected', listener: () => void): unknown;
}

/** Reads a Socket Mode client's connection state. */
export interface SocketWatch {
  status(): AdapterStatus;
}

/** Starts following `client`'s lifecycle; the state is "not connected" until the first hello. */
export function watchSocket(client: SocketLifecycle, logger: Logger): SocketWatch {
  let connected = false;
  let hellos = 0;
  // Set by a deliberate disconnect (stop()), so its close is not reported as a lost connection.
  let leaving = false;
  client.on('connected', () => {
    connected = true;
    hellos += 1;
    if (hellos > 1) logger.info({ reconnects: hellos - 1 }, 'slack: reconnected');
  });
  const lost = (): void => {
    if (connected && !leaving) logger.warn('slack: connection lost; reconnecting');
    connected = false;
  };
  client.on('close', lost);
  client.on('reconnecting', lost);
  client.on('disconnecting', () => {
    leaving = true;
  });
  client.on('disconnected', () => {
    connected = false;
  });
  return { status: () => ({ connected, reconnects: Math.max(0, hellos - 1) }) };
}
