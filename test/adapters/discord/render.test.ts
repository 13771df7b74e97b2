import { describe, expect, it } from 'vitest';
import {
  LIMITS,
  MAX_MESSAGES,
  parseSuggestionButtonId,
  renderAnswer,
  reloadReportMessage,
  splitText,
  suggestionButtonId,
} from '../../../adapters/discord/render.js';
import type { Answer, ReloadReport } from '../../../src/types.js';

const answer = (fields: Partial<Answer>): Answer => ({
  text: 'The alliance was launched on 11 December.',
  kind: 'passage',
  confidence: 0.8,
  sources: [],
  suggestions: [],
  ...fields,
});

describe('rendering an answer', () => {
  it('puts the text in the content and never allows mentions', () => {
    const [message, ...rest] = renderAnswer(answer({ text: '@everyone <@&123> hello' }));
    expect(rest).toHaveLength(0);
    expect(message?.content).toBe('@everyone <@&123> hello');
    expect(message?.allowedMentions).toEqual({ parse: [], repliedUser: false });
  });

  it('shows the question above the answer when asked to, with markdown escaped', () => {
    const [message] = renderAnswer(answer({}), { question: 'who *founded* it?' });
    expect(message?.content.split('\n')[0]).toBe('> who \\*founded\\* it?');
  });
});

describe('rendering sources', () => {
  it('names the document and section in the footer and quotes what the text does not already say', () => {
    const [message] = renderAnswer(
      answer({
        sources: [{ document: 'Global MOOC Alliance', section: 'Launch', quote: 'It was launched at the Global MOOC Conference.' }],
      }),
    );
    const embed = message?.embeds[0];
    expect(embed?.footer?.text).toBe('Source: Global MOOC Alliance › Launch');
    expect(embed?.description).toBe('> It was launched at the Global MOOC Conference.');
  });

  it('does not repeat a quote the answer text already contains', () => {
    const [message] = renderAnswer(answer({ sources: [{ document: 'Doc', quote: 'The alliance was launched on 11 December.' }] }));
    expect(message?.embeds[0]?.description).toBeUndefined();
    expect(message?.embeds[0]?.footer?.text).toBe('Source: Doc');
  });

  it('does not quote the enumeration a list answer was made from', () => {
    const [message] = renderAnswer(
      answer({ kind: 'list', text: 'The members are:\n- A\n- B', sources: [{ document: 'Doc', quote: 'The members are: A, B.' }] }),
    );
    expect(message?.embeds[0]?.description).toBeUndefined();
    expect(message?.embeds[0]?.footer?.text).toBe('Source: Doc');
  });

  it('links the document only when its URL is a web address', () => {
    const linked = renderAnswer(answer({ sources: [{ document: 'Doc', quote: 'q', url: 'https://example.org/doc' }] }))[0]?.embeds[0];
    const unlinked = renderAnswer(answer({ sources: [{ document: 'Doc', quote: 'q', url: 'javascript:alert(1)' }] }))[0]?.embeds[0];
    expect(linked?.url).toBe('https://example.org/doc');
    expect(unlinked?.url).toBeUndefined();
  });

  it('has no embed when there is no source', () => {
    expect(renderAnswer(answer({}))[0]?.embeds).toEqual([]);
  });
});

describe('rendering suggestions as buttons', () => {
  it('makes one button per suggestion whose id carries the question', () => {
    const [message] = renderAnswer(answer({ kind: 'unknown', suggestions: ['Who founded the alliance?', 'When was it launched?'] }));
    const buttons = message?.components[0]?.components ?? [];
    expect(buttons.map((b) => ('custom_id' in b ? b.custom_id : undefined))).toEqual([
      'ask:0:Who founded the alliance?',
      'ask:1:When was it launched?',
    ]);
    expect(buttons.map((b) => ('label' in b ? b.label : undefined))).toEqual(['Who founded the alliance?', 'When was it launched?']);
  });

  it('keeps custom ids within 100 characters and labels within 80, and says when the question was cut', () => {
    const long = `What ${'very '.repeat(40)}long question is this?`;
    const [message] = renderAnswer(answer({ suggestions: [long] }));
    const button = message?.components[0]?.components[0];
    const id = button && 'custom_id' in button ? button.custom_id : '';
    expect(id.length).toBe(LIMITS.customId);
    expect(button && 'label' in button ? button.label?.length : 0).toBeLessThanOrEqual(LIMITS.buttonLabel);
    expect(parseSuggestionButtonId(id)).toEqual({ question: long.slice(0, 100 - 'ask:0:'.length), cut: true });
  });

  it('reads back the question of a short id and ignores foreign ids', () => {
    expect(parseSuggestionButtonId(suggestionButtonId(2, 'Is edX a member?'))).toEqual({ question: 'Is edX a member?', cut: false });
    expect(parseSuggestionButtonId('something-else')).toBeUndefined();
  });
});

describe("respecting Discord's limits", () => {
  it('splits a long answer at line boundaries into messages of at most 2,000 characters', () => {
    const text = Array.from({ length: 60 }, (_, i) => `- Member number ${i} of a long list of founding members`).join('\n');
    const messages = renderAnswer(answer({ text, sources: [{ document: 'Members', quote: 'x' }], suggestions: ['a?'] }));
    expect(messages.length).toBe(2);
    for (const m of messages) expect(m.content.length).toBeLessThanOrEqual(LIMITS.content);
    expect(messages.map((m) => m.content).join('\n')).toBe(text);
    // Sources and buttons come once, after the whole answer.
    expect(messages[0]?.embeds).toEqual([]);
    expect(messages[1]?.embeds).toHaveLength(1);
    expect(messages[1]?.components).toHaveLength(1);
  });

  it('trims an answer too long for three messages with a pointer to its source', () => {
    const text = 'A sentence about the alliance. '.repeat(400);
    const messages = renderAnswer(
      answer({ text, sources: [{ document: 'Global MOOC Alliance', section: 'History', quote: 'q', url: 'https://example.org' }] }),
    );
    expect(messages).toHaveLength(MAX_MESSAGES);
    for (const m of messages) expect(m.content.length).toBeLessThanOrEqual(LIMITS.content);
    expect(messages[MAX_MESSAGES - 1]?.content).toMatch(
      /… \(trimmed; the rest is in Global MOOC Alliance › History: <https:\/\/example.org>\)$/,
    );
  });

  it('cuts a word with no boundary at the limit', () => {
    expect(splitText('x'.repeat(4500), 2000).map((p) => p.length)).toEqual([2000, 2000, 500]);
  });

  it('keeps embed parts within their limits', () => {
    const quote = 'q'.repeat(5000);
    const [message] = renderAnswer(
      answer({
        sources: [
          { document: 'd'.repeat(300), quote, url: 'https://example.org' },
          { document: 'e', quote },
        ],
      }),
    );
    const embed = message?.embeds[0];
    expect(embed?.title?.length).toBeLessThanOrEqual(LIMITS.embedTitle);
    expect(embed?.description?.length).toBeLessThanOrEqual(LIMITS.embedDescription);
    const total = (embed?.title?.length ?? 0) + (embed?.description?.length ?? 0) + (embed?.footer?.text.length ?? 0);
    expect(total).toBeLessThanOrEqual(LIMITS.embedTotal);
  });
});

describe('rendering a reload report', () => {
  // The check fields are filled in for cores that report knowledge checks; the renderer needs none of them.
  const report = (fields: Partial<ReloadReport>): ReloadReport =>
    ({
      ok: true,
      forced: false,
      checksPassed: 0,
      checkFailures: [],
      documents: 2,
      passages: 40,
      faqEntries: 5,
      added: [],
      removed: [],
      changed: [],
      errors: [],
      tookMs: 12,
      by: 'grace (discord)',
      ...fields,
    }) as ReloadReport;

  it('says what changed', () => {
    const { content } = reloadReportMessage(report({ added: ['events.md'], changed: ['founding-members.md'] }));
    expect(content).toContain('Reloaded in 12 ms: 2 document(s), 40 passages, 5 FAQ entries');
    expect(content).toContain('added events.md');
    expect(content).toContain('changed founding-members.md');
    expect(content).not.toContain('Removed');
  });

  it('lists validation errors with file and line, saying the old knowledge still serves', () => {
    const { content } = reloadReportMessage(
      report({ ok: false, errors: [{ file: 'faq.faq.yaml', line: 12, message: 'answer is empty' }] }),
    );
    expect(content).toContain('the previous knowledge is still serving');
    expect(content).toContain('faq.faq.yaml:12: answer is empty');
  });

  it('lists failed knowledge checks when the core ran them', () => {
    const failed = {
      ...report({ ok: false }),
      checkFailures: [{ question: 'who founded it?', problems: ['missing /Tsinghua/'], answer: '…' }],
    };
    expect(reloadReportMessage(failed).content).toContain('- "who founded it?": missing /Tsinghua/');
  });
});
