import { afterEach, describe, expect, it } from 'vitest';
import { createBot, type AllianceBot } from '../../src/bot.js';
import { createConversation } from '../../src/conversation/conversation.js';
import { conversationKey, ConversationMemory, turnOf } from '../../src/conversation/memory.js';
import { APOLOGY } from '../../src/conversation/texts.js';
import { createMemoryState } from '../../src/state/memory.js';
import type { Answer, ChatBot, Question } from '../../src/types.js';
import { tempKnowledge, type TempKnowledge } from '../helpers/knowledge.js';

const question = (text: string, over: Partial<Question> = {}): Question => ({
  text,
  platform: 'slack',
  userId: 'U1',
  channelId: 'C1',
  isModerator: false,
  ...over,
});

const reply = (text: string, over: Partial<Answer> = {}): Answer => ({
  text,
  kind: 'passage',
  confidence: 1,
  sources: [],
  suggestions: [],
  ...over,
});

/** A core that records what it was asked and answers from `answers` (or echoes). */
function recordingCore(answers: (text: string) => Answer = (text) => reply(`echo: ${text}`)): ChatBot & { asked: string[] } {
  const asked: string[] = [];
  const fail = (): never => {
    throw new Error('not used');
  };
  return {
    asked,
    ask: async (q) => {
      asked.push(q.text);
      return answers(q.text);
    },
    help: () => reply('I answer questions.', { kind: 'help' }),
    reload: fail,
    suggest: async () => [],
    status: fail,
    gaps: fail,
    why: fail,
    teach: fail,
    feedback: async () => undefined,
  };
}

describe('the cooldown', () => {
  const limits = { userLimit: 1, channelLimit: 100, windowMs: 60_000 };

  it('gives one notice by message, then silence', async () => {
    const conversation = createConversation(recordingCore(), { state: createMemoryState(), cooldown: limits });
    expect((await conversation.ask(question('one'))).kind).toBe('passage');
    const notice = await conversation.ask(question('two'));
    expect(notice.kind).toBe('cooldown');
    expect(notice.text).toMatch(/^You're asking faster than I can keep up\. Please wait \d+ seconds? and ask again\.$/);
    expect((await conversation.ask(question('three'))).text).toBe('');
  });

  it('gives the same notice every time to replies only the person sees', async () => {
    const conversation = createConversation(recordingCore(), { state: createMemoryState(), cooldown: limits });
    await conversation.ask(question('one'));
    const first = await conversation.ask(question('two', { privateReply: true }));
    const second = await conversation.ask(question('three', { privateReply: true }));
    expect(second.text).toBe(first.text);
    expect(second.text).not.toBe('');
  });

  it('never limits moderators', async () => {
    const conversation = createConversation(recordingCore(), { state: createMemoryState(), cooldown: limits });
    for (let i = 0; i < 3; i++) expect((await conversation.ask(question('q', { isModerator: true }))).kind).toBe('passage');
  });
});

describe('a failure', () => {
  it('becomes the one apology', async () => {
    const core = recordingCore(() => {
      throw new Error('boom');
    });
    const answer = await createConversation(core, { state: createMemoryState() }).ask(question('anything'));
    expect(answer).toMatchObject({ kind: 'error', text: APOLOGY });
  });
});

describe('help', () => {
  it("lists the platform's own commands", () => {
    const conversation = createConversation(recordingCore(), {
      state: createMemoryState(),
      invocations: { slack: { ask: '/ask', reload: '/kb-reload', status: '/kb status' } },
    });
    const slack = conversation.help('slack').text;
    expect(slack).toContain('/kb-reload [force]');
    expect(slack).toContain('/kb status');
    expect(slack).not.toMatch(/(^|\s)\/reload\b/);
    expect(conversation.help('terminal').text).toContain('/reload [force]');
  });

  it('answers an empty question', async () => {
    const answer = await createConversation(recordingCore(), { state: createMemoryState() }).ask(question('  '));
    expect(answer.kind).toBe('help');
  });
});

describe('conversation memory', () => {
  it('is kept per person and per thread', async () => {
    const core = recordingCore((text) =>
      text.startsWith('Is') ? reply('Yes. Harbour Bank is one of the 3 sponsors.', { kind: 'membership' }) : reply(text),
    );
    const conversation = createConversation(core, { state: createMemoryState() });
    await conversation.ask(question('Is Harbour Bank a sponsor?', { threadId: 'T1' }));
    await conversation.ask(question('where is it based?', { threadId: 'T1', userId: 'U2' }));
    await conversation.ask(question('where is it based?', { threadId: 'T2' }));
    await conversation.ask(question('where is it based?', { threadId: 'T1' }));
    expect(core.asked.slice(1)).toEqual(['where is it based?', 'where is it based?', 'where is Harbour Bank based?']);
  });

  it('forgets a conversation after its time to live and keeps a few turns', async () => {
    let now = 0;
    const state = createMemoryState({ now: () => now });
    const memory = new ConversationMemory(state, { ttlMs: 1000, maxTurns: 2 }, () => now);
    const key = conversationKey(question('x'));
    for (const q of ['a?', 'b?', 'c?']) await memory.remember(key, { question: q });
    expect((await memory.turns(key)).map((t) => t.question)).toEqual(['b?', 'c?']);
    now = 1000;
    expect(await memory.last(key)).toBeUndefined();
  });

  it('does not lean on help, cooldowns or apologies', async () => {
    const core = recordingCore((text) => (text === 'help' ? reply('I answer questions.', { kind: 'help' }) : reply(text)));
    const conversation = createConversation(core, { state: createMemoryState() });
    await conversation.ask(question('When was the bridge opened?'));
    await conversation.ask(question('help'));
    await conversation.ask(question('by whom?'));
    expect(core.asked.at(-1)).toBe('by whom was the bridge opened?');
  });
});

describe('what a turn leaves for the next question', () => {
  it("takes the answer's facts when the core gives them", () => {
    const turn = turnOf('Who sponsors it?', reply('…', { kind: 'list', facts: { listName: 'festival sponsors', entities: ['A', 'B'] } }));
    expect(turn.list).toBe('the festival sponsors');
  });

  it('does not take a name inside the list for what the question was about', () => {
    const turn = turnOf(
      'how many of the Harbour Festival sponsors are there?',
      reply('There are 3 Harbour Festival sponsors: A, B, C.', { kind: 'count' }),
    );
    expect(turn).toEqual({ question: 'how many of the Harbour Festival sponsors are there?', list: 'the Harbour Festival sponsors' });
  });

  it('keeps what a filtered list was narrowed to, so "which of them…?" asks within it', () => {
    const facts = { listName: 'festival sponsors', entities: ['A', 'B'] };
    const inEurope = turnOf(
      'Which sponsors are in Europe?',
      reply('2 of the 5 festival sponsors are in Europe:\n- A\n- B', { kind: 'list', facts }),
    );
    expect(inEurope.list).toBe('the festival sponsors that are in Europe');
    const all = turnOf('Who sponsors it?', reply('The festival sponsors are:\n- A\n- B', { kind: 'list', facts }));
    expect(all.list).toBe('the festival sponsors');
  });

  it('reads a list, a count and a yes/no from the answer otherwise', () => {
    expect(turnOf('who?', reply('The festival sponsors are:\n- A\n- B', { kind: 'list' })).list).toBe('the festival sponsors');
    expect(turnOf('how many?', reply('There are 2 festival sponsors: A, B.', { kind: 'count' })).list).toBe('the festival sponsors');
    const yes = turnOf('Is Dune Foods a sponsor?', reply('No. Dune Foods is not among the 2 festival sponsors.', { kind: 'membership' }));
    expect(yes).toMatchObject({ topic: 'Dune Foods', mention: 'Dune Foods', list: 'the festival sponsors' });
  });
});

describe('follow-ups over the real core', () => {
  let kb: TempKnowledge | undefined;
  let bot: AllianceBot | undefined;
  afterEach(async () => {
    await bot?.close();
    await kb?.remove();
  });

  it('resolves "it", "what about X?" and a wh-fragment in one conversation', async () => {
    kb = await tempKnowledge({
      'festival.md': [
        '---',
        'title: The Harbour Festival',
        'subject: Harbour Festival',
        '---',
        '',
        'The Harbour Festival sponsors are: Harbour Bank, Coastal Trust, Dune Foods.',
        '',
        'Harbour Bank is a bank based in Portsmouth.',
        '',
        'Coastal Trust is a charity based in Plymouth.',
        '',
        'The Harbour Festival was opened on 3 May at the lantern ceremony.',
        '',
      ].join('\n'),
    });
    bot = await createBot({ knowledgeDir: kb.dir });
    const conversation = createConversation(bot, { state: createMemoryState() });
    const ask = async (text: string) => (await conversation.ask(question(text, { channelId: 'D1', isDirect: true }))).text;
    expect(await ask('Is Harbour Bank a sponsor?')).toMatch(/^Yes/);
    expect(await ask('what about Salt Mills?')).toMatch(/^No/);
    expect(await ask('and Coastal Trust?')).toMatch(/^Yes/);
    expect(await ask('where is it based?')).toContain('Plymouth');
    expect(await ask('what about Harbour Bank?')).toContain('Portsmouth');
    expect(await ask('When was the festival opened?')).toContain('3 May');
    expect(await ask('at which ceremony?')).toContain('lantern ceremony');
  });
});

describe('a follow-up after "I don\'t know"', () => {
  it('leans on the last answered turn when the unknown one gives it nothing', async () => {
    const core = recordingCore((text) =>
      /joke/i.test(text) ? reply("I don't know.", { kind: 'unknown', confidence: 0 }) : reply(`echo: ${text}`),
    );
    const conversation = createConversation(core, { state: createMemoryState() });
    await conversation.ask(question('Which sponsors are in Europe?'));
    await conversation.ask(question('tell me a joke'));
    await conversation.ask(question('and in Asia?'));
    expect(core.asked.at(-1)).toBe('Which sponsors are in Asia?');
  });
  it('still rewrites against the unknown turn when it can ("and of Chile?")', async () => {
    const core = recordingCore(() => reply("I don't know.", { kind: 'unknown', confidence: 0 }));
    const conversation = createConversation(core, { state: createMemoryState() });
    await conversation.ask(question('What is the capital of Peru?'));
    await conversation.ask(question('and of Chile?'));
    expect(core.asked.at(-1)).toBe('What is the capital of Chile?');
  });
});

describe("the conversation's language", () => {
  it('is the hint for the next question when the platform gives none', async () => {
    const locales: (string | undefined)[] = [];
    const conversation = createConversation(recordingCore(), {
      state: createMemoryState(),
      language: {
        toEnglish: async (text, q) => {
          locales.push(q.locale);
          return { text, language: 'fr' };
        },
        toPerson: async (answer) => answer,
      },
    });
    await conversation.ask(question('Quels sponsors sont en Europe ?'));
    await conversation.ask(question('Où ?'));
    await conversation.ask(question('Où ?', { locale: 'de' }));
    expect(locales).toEqual([undefined, 'fr', 'de']);
  });
});
