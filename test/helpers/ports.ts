/** Ports for the programs and servers tests and benchmarks start on 127.0.0.1. */
import { createServer } from 'node:net';

/** A port free on 127.0.0.1 now (the OS picks it), for a child process to listen on. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('ports: the OS gave no port')),
      );
    });
  });
}
