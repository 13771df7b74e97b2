import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, redactUrl } from '../src/logger.js';

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

describe('connection URLs in messages and logs', () => {
  it('keep host and database but lose the password', () => {
    const shown = redactUrl('postgres://alliance:s3cret@db.example:5432/alliance');
    expect(shown).not.toContain('s3cret');
    expect(shown).toBe('postgres://alliance:***@db.example:5432/alliance');
    expect(redactUrl('redis://redis:6379/0')).toBe('redis://redis:6379/0');
  });

  it('never echo a value that is not a URL, which may be a secret pasted in the wrong place', () => {
    expect(redactUrl('s3cret')).toBe('(an invalid URL)');
  });
});
