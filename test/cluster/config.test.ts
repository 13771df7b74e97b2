import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';

describe('the settings for several instances', () => {
  it('are absent by default: state in memory, analytics in SQLite', () => {
    const config = loadConfig({});
    expect(config.redisUrl).toBeUndefined();
    expect(config.databaseUrl).toBeUndefined();
  });

  it('take a Redis and a PostgreSQL URL', () => {
    const config = loadConfig({ REDIS_URL: 'redis://redis:6379/0', DATABASE_URL: 'postgres://bot:secret@db:5432/alliance' });
    expect(config.redisUrl).toBe('redis://redis:6379/0');
    expect(config.databaseUrl).toBe('postgres://bot:secret@db:5432/alliance');
  });

  it('name the variable when a URL is of the wrong kind', () => {
    expect(() => loadConfig({ REDIS_URL: 'http://redis:6379' })).toThrow(/REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://db/alliance' })).toThrow(/DATABASE_URL must be a postgres:\/\/ URL/);
  });
});
