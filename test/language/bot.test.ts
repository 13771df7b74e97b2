import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type AllianceBot, createBot } from '../../src/bot.js';
import { type Conversation, createConversation } from '../../src/conversation/conversation.js';
import { createLanguageStage } from '../../src/language/stage.js';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/paths.js';
import { createMemoryState } from '../../src/state/memory.js';
import type { Question } from '../../src/types.js';

/** The conversation layer over the bot, with the language stage, as the entry points build it. */
const conversationOver = (bot: AllianceBot): Conversation =>
  createConversation(bot, { state: createMemoryState(), language: createLanguageStage(() => bot.language()) });

const question = (text: string, locale?: string): Question => ({
  text,
  platform: 'discord',
  userId: 'u1',
  channelId: 'c1',
  isModerator: false,
  ...(locale ? { locale } : {}),
});

// The shipped knowledge, served from a worker thread: the lexicons reach the main thread in the manifest.
describe('the bot answers in the question’s language', () => {
  let bot: AllianceBot | undefined;
  const started = createBot({ knowledgeDir: DEFAULT_KNOWLEDGE_DIR, inProcessMaxBytes: 0 }).then((b) => {
    bot = b;
    return conversationOver(b);
  });
  afterAll(async () => bot?.close());

  it('a membership question in German, with the knowledge’s name for the member', async () => {
    const a = await (await started).ask(question('Ist die Universität Toronto ein Gründungsmitglied?'));
    expect(a.kind).toBe('membership');
    expect(a.text).toMatch(/^Ja\. University of Toronto /);
    expect(a.lang).toBe('de');
  });
  it('a question outside the knowledge, in Russian, is refused in Russian', async () => {
    const a = await (await started).ask(question('Какая погода будет завтра в Москве?'));
    expect(a.kind).toBe('unknown');
    expect(a.text).toMatch(/^Не знаю/);
  });
  it('an English question is answered as before, whatever the locale', async () => {
    const a = await (await started).ask(question('How many founding members are there?', 'it'));
    expect(a.text).toMatch(/^There are 19 /);
    expect(a.lang).toBeUndefined();
  });
  it('the platform locale decides a question its words leave open', async () => {
    const conversation = await started;
    const bare = await conversation.ask({ ...question('Coursera?'), userId: 'u-bare' });
    const hinted = await conversation.ask({ ...question('Coursera?', 'it'), userId: 'u-it' });
    expect(bare.lang).toBeUndefined();
    expect(hinted.lang).toBe('it');
  });
  it('a follow-up in the person’s language is read, then rewritten from the last turn', async () => {
    const conversation = await started;
    const asker = (text: string): Question => ({ ...question(text, 'it'), userId: 'u-follow', threadId: 't-follow' });
    const first = await conversation.ask(asker('La Peking University è un membro fondatore?'));
    expect(first.text).toMatch(/^Sì/);
    const next = await conversation.ask(asker('E Yale?'));
    expect(next.lang).toBe('it');
    expect(next.text).toMatch(/^No\b/);
  });
});

describe('a document in the question’s language answers it first', () => {
  let bot: AllianceBot | undefined;
  const started = (async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'lang-doc-'));
    await writeFile(
      path.join(dir, 'network.md'),
      '---\ntitle: Example Network\nsubject: Example Network\n---\n\nThe Example Network was launched on 3 March by Alpha Institute and Beta College.\n',
    );
    await writeFile(
      path.join(dir, 'notizie.md'),
      '---\ntitle: Notizie della rete\nlang: it\n---\n\nLa sede della rete è a Torino, in via Roma.\n\nIl presidente della rete è Marco Bianchi.\n',
    );
    bot = await createBot({ knowledgeDir: dir });
    return conversationOver(bot);
  })();
  afterAll(async () => bot?.close());

  it('in its own words, not quoted as English', async () => {
    const a = await (await started).ask(question('Chi è il presidente della rete?'));
    expect(a.text).toBe('Il presidente della rete è Marco Bianchi.');
    expect(a.sources[0]?.document).toBe('Notizie della rete');
    expect(a.lang).toBe('it');
    const where = await (await started).ask(question('Dove si trova la sede della rete?'));
    expect(where.text).toMatch(/Torino/);
    expect(where.text).not.toMatch(/inglese/);
  });
});
