/**
 * Acceptance: the real program (`npm start`), configured only for Discord and pointed at the fake
 * Discord through DISCORD_API_URL, answers "who founded it?" by /ask, by mention and by DM.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeDiscord, type MessageBody } from '../../fakes/discord/fake-discord.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
/** The 19 founding members, as knowledge/ names them. */
const FOUNDERS = [
  'CRI',
  'edX',
  'Mongolian University of Science and Technology',
  'Nanyang Technological University',
  'Peking University',
  'Politecnico di Milano',
  'Rice University',
  'RWTH Aachen University',
  'Saint Petersburg University',
  'Shanghai Jiao Tong University',
  'Thai MOOC',
  'Tsinghua University',
  'University of Auckland',
  'University of Chile',
  'University of Manchester',
  'University of Nairobi',
  'University of Toronto',
  'XuetangX',
  'Zhejiang University',
];
/** `npm start` builds first; on a slow machine that takes a while. */
const START_TIMEOUT_MS = 120_000;

let child: ChildProcess | undefined;
let fake: FakeDiscord | undefined;

afterEach(async () => {
  if (child?.pid !== undefined && child.exitCode === null && child.signalCode === null) {
    const exited = once(child, 'exit');
    // npm does not forward SIGTERM to the program, so signal the whole process group.
    process.kill(-child.pid, 'SIGTERM');
    const timer = setTimeout(() => child?.pid !== undefined && process.kill(-child.pid, 'SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
  child = undefined;
  await fake?.stop();
  fake = undefined;
});

const text = (bodies: MessageBody[]): string => bodies.map((b) => b.content ?? '').join('\n');

describe('npm start with Discord configured', () => {
  it(
    'answers "who founded it?" with the founding members by /ask, by mention and by DM',
    async () => {
      const f = await FakeDiscord.start();
      fake = f;
      const env: NodeJS.ProcessEnv = {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        // Keep a developer's .env out of the test: only the variables below configure the program.
        DOTENV_CONFIG_PATH: path.join(ROOT, 'test', 'no-such.env'),
        DISCORD_TOKEN: f.token,
        DISCORD_CLIENT_ID: f.applicationId,
        DISCORD_API_URL: f.apiUrl,
        LOG_LEVEL: 'info',
      };
      let stderr = '';
      const c = spawn('npm', ['start'], { cwd: ROOT, env, detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
      child = c;
      c.stderr?.on('data', (chunk: Buffer) => void (stderr += chunk.toString('utf8')));
      const exited = once(c, 'exit').then(([code]) => {
        throw new Error(`npm start exited with ${String(code)} before answering:\n${stderr}`);
      });
      exited.catch(() => undefined);

      await Promise.race([f.waitForReady(START_TIMEOUT_MS), exited]);

      const interaction = f.slashCommand('ask', { question: 'who founded it?' });
      const asked = text(await Promise.race([f.answerOf(interaction), exited]));
      const messageId = f.postInChannel('who founded it?');
      const mentioned = text(await Promise.race([f.messagesIn(f.channelId, { replyTo: messageId }), exited]));
      f.directMessage('who founded it?');
      const direct = text(await Promise.race([f.messagesIn(f.dmChannelId), exited]));

      for (const answer of [asked, mentioned, direct]) {
        for (const name of FOUNDERS) expect(answer).toContain(name);
      }
    },
    START_TIMEOUT_MS + 60_000,
  );
});
