import { describe, expect, it } from 'vitest';
import { renderAnswer, renderNotice, reloadReportMessage, SECTION_LIMIT, type Block } from '../../../adapters/slack/render.js';
import { splitText as splitLimited } from '../../../src/conversation/limits.js';

/** Slack's sections split by the one splitting rule at Slack's limit. */
const splitText = (text: string): string[] => splitLimited(text, SECTION_LIMIT);
import type { Answer, ReloadReport } from '../../../src/types.js';

const answer = (overrides: Partial<Answer> = {}): Answer => ({
  text: 'The alliance was founded in 2014.',
  kind: 'passage',
  confidence: 0.8,
  sources: [],
  suggestions: [],
  ...overrides,
});

type AnyBlock = Block & {
  text?: { text: string };
  elements?: { type: string; text?: string | { text: string }; value?: string; action_id?: string }[];
};
const blocksOf = (type: string, blocks: Block[]) => (blocks as AnyBlock[]).filter((b) => b.type === type);

describe('splitting long answers into sections', () => {
  it('keeps every section within 3,000 characters and loses no words', () => {
    const words = Array.from({ length: 2000 }, (_, i) => `word${i}`);
    const pieces = splitText(words.join(' '));
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(SECTION_LIMIT);
    expect(pieces.join(' ').split(' ')).toEqual(words);
  });

  it('prefers paragraph breaks', () => {
    const first = 'a'.repeat(2000);
    const second = 'b'.repeat(2000);
    expect(splitText(`${first}\n\n${second}`)).toEqual([first, second]);
  });

  it('never cuts an escaped entity in two', () => {
    const text = `${'x'.repeat(SECTION_LIMIT - 2)}&amp;${'y'.repeat(100)}`;
    const pieces = splitText(text);
    expect(pieces[0]).toBe('x'.repeat(SECTION_LIMIT - 2));
    expect(pieces[1]?.startsWith('&amp;')).toBe(true);
  });

  it('renders a 7,000-character answer as several sections, each within the limit', () => {
    const rendered = renderAnswer(answer({ text: 'All about the alliance. '.repeat(300) }));
    const sections = blocksOf('section', rendered.blocks);
    expect(sections.length).toBeGreaterThanOrEqual(3);
    for (const section of sections) expect(section.text?.text.length).toBeLessThanOrEqual(SECTION_LIMIT);
  });
});

describe('escaping echoed text', () => {
  it('escapes &, < and > in the answer, the question and the fallback text', () => {
    const rendered = renderAnswer(answer({ text: 'R&D <!channel> a > b' }), { askedBy: 'U1', question: '<!here> hi & bye' });
    const all = JSON.stringify(rendered);
    expect(all).not.toContain('<!channel>');
    expect(all).not.toContain('<!here>');
    expect(rendered.text).toContain('R&amp;D &lt;!channel&gt; a &gt; b');
    expect(rendered.text).toContain('<@U1> asked: &lt;!here&gt; hi &amp; bye');
  });

  it('escapes notices and reload errors too', () => {
    expect(renderNotice('a <!everyone> b').text).toBe('a &lt;!everyone&gt; b');
    const report = reloadReportMessage({ ...okReport(), ok: false, errors: [{ file: 'x.md', line: 3, message: 'bad <tag>' }] });
    expect(report.text).toContain('x.md:3: bad &lt;tag&gt;');
  });
});

describe('rendering an answer', () => {
  it('always sets the plain-text fallback', () => {
    expect(renderAnswer(answer()).text).toBe('The alliance was founded in 2014.');
    expect(renderAnswer(answer({ text: '' })).text).not.toBe('');
  });

  it('names its sources in a context block, linking http(s) URLs only', () => {
    const rendered = renderAnswer(
      answer({
        sources: [
          { document: 'Global MOOC Alliance', section: 'History', quote: 'q', url: 'https://example.org/gma' },
          { document: 'Members', quote: 'q', url: 'javascript:alert(1)' },
        ],
      }),
    );
    const context = blocksOf('context', rendered.blocks)[0];
    const text = (context?.elements?.[0]?.text as string) ?? '';
    expect(text).toContain('<https://example.org/gma|Global MOOC Alliance> › History');
    expect(text).toContain('*Members*');
    expect(text).not.toContain('javascript');
  });

  it('offers the suggestions as buttons when it does not know', () => {
    const rendered = renderAnswer(
      answer({ kind: 'unknown', text: "I don't know.", suggestions: ['Who founded it?', 'When was it founded?'] }),
    );
    const buttons = blocksOf('actions', rendered.blocks)[0]?.elements ?? [];
    expect(buttons.map((b) => b.value)).toEqual(['Who founded it?', 'When was it founded?']);
    expect(new Set(buttons.map((b) => b.action_id)).size).toBe(2);
    expect(buttons.every((b) => b.action_id?.startsWith('ask_suggestion'))).toBe(true);
  });

  it('shows no buttons for answers it knows', () => {
    const rendered = renderAnswer(answer({ suggestions: ['Who founded it?'] }));
    expect(blocksOf('actions', rendered.blocks)).toHaveLength(0);
  });

  it('keeps button labels within 75 characters', () => {
    const long = `${'Which universities '.repeat(10)}joined?`;
    const rendered = renderAnswer(answer({ kind: 'unknown', suggestions: [long] }));
    const button = blocksOf('actions', rendered.blocks)[0]?.elements?.[0];
    expect((button?.text as { text: string }).text.length).toBeLessThanOrEqual(75);
    expect(button?.value).toBe(long);
  });
});

function okReport(): ReloadReport {
  // The check fields arrive with the core's checked reloads; spread so the fixture fits either contract.
  const checks = { forced: false, checksPassed: 5, checkFailures: [] };
  return {
    ok: true,
    documents: 2,
    passages: 40,
    faqEntries: 3,
    added: ['New doc'],
    removed: [],
    changed: [],
    errors: [],
    tookMs: 12,
    by: 'mod (slack)',
    ...checks,
  };
}

describe('rendering a reload report', () => {
  it('summarises a successful reload with what changed', () => {
    const text = reloadReportMessage(okReport()).text;
    expect(text).toContain('Reloaded in 12 ms: 2 document(s), 40 passages, 3 FAQ entries.');
    expect(text).toContain('Changes: added New doc.');
  });

  it('lists the known-good questions the new knowledge no longer answers', () => {
    const failed = {
      ...okReport(),
      ok: false,
      checkFailures: [{ question: 'Who founded it?', problems: ['missing /Tsinghua/'], answer: 'x' }],
    };
    const text = reloadReportMessage(failed).text;
    expect(text).toContain('the previous knowledge is still serving');
    expect(text).toContain('"Who founded it?": missing /Tsinghua/');
  });

  it('says the previous knowledge keeps answering when the reload failed', () => {
    const text = reloadReportMessage({
      ...okReport(),
      ok: false,
      errors: [{ file: 'faq.yaml', line: 12, message: 'answer is empty' }],
    }).text;
    expect(text).toContain('the previous knowledge is still serving');
    expect(text).toContain('faq.yaml:12: answer is empty');
  });
});
