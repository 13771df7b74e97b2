/**
 * End-to-end: DISCORD_SHARDS through createDiscordAdapter: discord.js's ShardingManager spawns two
 * shard processes (the compiled src/program/shard.js, built by the global setup), each logs in
 * to the fake gateway as its own shard, and a /reload sent to one shard reloads both and reports once.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordAdapter, type DiscordAdapter } from '../../../adapters/discord/index.js';
import { createBot, type AllianceBot } from '../../../src/bot.js';
import { createLogger } from '../../../src/logger.js';
import { FakeDiscord, type MessageBody } from '../../fakes/discord/fake-discord.js';
import { tempKnowledge, type TempKnowledge } from '../../helpers/knowledge.js';
import type { LogLine } from './harness.js';

let fake: FakeDiscord;
let knowledge: TempKnowledge;
let core: AllianceBot;
let adapter: DiscordAdapter;
const logs: LogLine[] = [];

beforeAll(async () => {
  fake = await FakeDiscord.start({ shards: 2 });
  knowledge = await tempKnowledge('shipped');
  core = await createBot({ knowledgeDir: knowledge.dir });
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) logs.push(JSON.parse(line) as LogLine);
      callback();
    },
  });
  adapter = createDiscordAdapter(
    { token: fake.token, clientId: fake.applicationId, moderatorRoleIds: [fake.moderatorRoleId], apiUrl: fake.apiUrl, shards: 'auto' },
    createLogger({ level: 'info', destination }),
    {
      shardFile: 'dist/src/program/shard.js',
      shardEnv: { KNOWLEDGE_DIR: knowledge.dir, ANALYTICS_DB: 'off', LOG_LEVEL: 'warn' },
      spawnDelayMs: 0,
    },
  );
  await adapter.start(core);
}, 120_000);

afterAll(async () => {
  await adapter?.stop();
  await fake?.stop();
  await core?.close();
  await knowledge?.remove();
});

describe('DISCORD_SHARDS=auto with two shards', () => {
  it('asks Discord for the shard count and runs one process per shard, each identified as its shard', () => {
    expect(fake.requests.some((r) => r.method === 'GET' && r.path === '/gateway/bot')).toBe(true);
    const identified = fake.received(2).map((p) => (p.d as { shard?: number[] }).shard);
    expect(identified).toEqual(
      expect.arrayContaining([
        [0, 2],
        [1, 2],
      ]),
    );
    expect(fake.readyShards).toEqual([0, 1]);
    expect(adapter.status()).toEqual({ connected: true, reconnects: 0 });
    expect(logs.filter((l) => l.msg === 'discord: shard starting').map((l) => l.shardId)).toEqual([0, 1]);
  });

  it('reloads every shard on a /reload sent to one of them, and reports once', async () => {
    const interaction = fake.slashCommand('reload', {}, fake.admin);
    const bodies = await fake.answerOf(interaction);
    const reply = bodies.map((b: MessageBody) => b.content ?? '').join('\n');
    expect(reply).toContain('Reloaded on every shard: 2 shards reloaded.');
    expect(reply).toContain('Reloaded in');
    expect(bodies).toHaveLength(1);
  });

  it('makes a taught answer live on every shard', async () => {
    const submit = fake.submitModal(
      'teach:form',
      { question: 'Who keeps the shards in step?', alternates: '', answer: 'The shard that was taught reloads the others.' },
      fake.admin,
    );
    const reply = await fake.waitFor('the report of every shard', () => {
      const text = fake
        .messagesOf(submit)
        .map((b) => b.content ?? '')
        .join('\n');
      return text.includes('Reloaded on every shard') ? text : undefined;
    });
    expect(reply).toContain('Saved and live: "Who keeps the shards in step?"');
    expect(reply).toContain('Reloaded on every shard: 2 shards reloaded.');
    const answer = await fake.answerOf(fake.slashCommand('ask', { question: 'Who keeps the shards in step?' }));
    expect(answer.map((b) => b.content).join('\n')).toContain('The shard that was taught reloads the others.');
  });

  it('answers questions on the shard that owns the server', async () => {
    const bodies = await fake.answerOf(fake.slashCommand('ask', { question: 'who founded it?' }));
    expect(bodies.map((b) => b.content).join('\n')).toContain('Tsinghua');
  });
});
