import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { watchSocket } from '../../../adapters/slack/connection.js';
import { LogCapture } from './support/logs.js';

describe('the Socket Mode connection state', () => {
  it('follows hello, drops and reconnects, and says nothing alarming on a deliberate disconnect', () => {
    const client = new EventEmitter();
    const logs = new LogCapture();
    const socket = watchSocket(client, logs.logger);
    expect(socket.status()).toEqual({ connected: false, reconnects: 0 });
    client.emit('connected');
    expect(socket.status()).toEqual({ connected: true, reconnects: 0 });
    client.emit('close');
    expect(socket.status()).toEqual({ connected: false, reconnects: 0 });
    client.emit('reconnecting');
    client.emit('connected');
    expect(socket.status()).toEqual({ connected: true, reconnects: 1 });
    expect(logs.withMessage('slack: connection lost; reconnecting')).toHaveLength(1);

    client.emit('disconnecting');
    client.emit('close');
    client.emit('disconnected');
    expect(socket.status()).toEqual({ connected: false, reconnects: 1 });
    expect(logs.withMessage('slack: connection lost; reconnecting')).toHaveLength(1);
  });
});
