import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../src/answer/analyzer.js';
import { acronyms, buildPassages } from '../../src/answer/passages.js';
import { parseMarkdown } from '../../src/knowledge/markdown.js';

const analyzer = new Analyzer();
function passagesOf(body: string) {
  const parsed = parseMarkdown('doc.md', `---\ntitle: Test\n---\n\n${body}`);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return buildPassages([parsed.value], analyzer);
}

describe('passages', () => {
  it('are sentences of paragraphs, each knowing the one before', () => {
    const { passages } = passagesOf('The club was founded in 1990. It has 40 members.');
    expect(passages.map((p) => p.text)).toEqual(['The club was founded in 1990.', 'It has 40 members.']);
    expect(passages[1]?.previous?.text).toBe('The club was founded in 1990.');
  });
  it('keep a block quote and its attribution together', () => {
    const { passages } = passagesOf('> “Learning never ends.”\n>\n> said by the Rector');
    expect(passages.map((p) => p.text)).toEqual(['“Learning never ends.” said by the Rector']);
  });
  it('carry the section heading', () => {
    const { passages } = passagesOf('## History\n\nThe club was founded in 1990.');
    expect(passages[0]?.section).toBe('History');
  });
});

describe('lists', () => {
  it('are found in "intro: A, B and C" sentences, parentheses kept with their item', () => {
    const { lists } = passagesOf('The partners are: Acme (A Company, Ltd), Beta University, Gamma Institute and Delta.');
    expect(lists[0]?.name).toBe('partners');
    expect(lists[0]?.items.map((e) => e.label)).toEqual(['Acme (A Company, Ltd)', 'Beta University', 'Gamma Institute', 'Delta']);
    expect(lists[0]?.items[0]?.names).toEqual(['Acme', 'A Company, Ltd']);
  });
  it('are found in bullets of short names after an intro ending with a colon', () => {
    const { lists } = passagesOf('Our sponsors:\n\n- Acme\n- Beta University\n- Gamma');
    expect(lists[0]).toMatchObject({ name: 'sponsors', items: [{ label: 'Acme' }, { label: 'Beta University' }, { label: 'Gamma' }] });
  });
  it('are not made of bullets that are whole sentences', () => {
    const { lists, passages } = passagesOf('- Acme is a company in Paris.\n- Beta is a university in Rome.');
    expect(lists).toEqual([]);
    expect(passages).toHaveLength(2);
  });
});

describe('acronyms', () => {
  it('are made of capitalised runs', () => {
    expect(acronyms('the UN Agenda for Sustainable Development Goal Four')).toContain('sdg');
    expect(acronyms('Nanyang Technological University')).toContain('ntu');
  });
});
