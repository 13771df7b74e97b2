import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.js';

describe('logs', () => {
  it('never carry tokens or secrets, as JSON or pretty', () => {
    for (const pretty of [false, true]) {
      const destination = new PassThrough();
      let written = '';
      destination.on('data', (chunk: Buffer) => (written += chunk.toString()));
      const logger = createLogger({ level: 'info', destination, pretty });
      logger.child({ adapter: 'slack' }).info(
        {
          token: 'xoxb-1',
          config: { botToken: 'xoxb-2', appToken: 'xapp-3', signingSecret: 's3cret' },
          headers: { authorization: 'Bot abc' },
        },
        'starting',
      );
      expect(written).toContain('starting');
      for (const secret of ['xoxb-1', 'xoxb-2', 'xapp-3', 's3cret', 'Bot abc']) expect(written, `pretty=${pretty}`).not.toContain(secret);
    }
  });
});
