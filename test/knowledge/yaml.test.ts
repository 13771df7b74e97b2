import { describe, expect, it } from 'vitest';
import { parseChecks } from '../../src/moderation/checks.js';
import { parseFaq, parseSynonyms } from '../../src/knowledge/faq.js';
import { parseYamlFile } from '../../src/knowledge/yaml.js';

const broken = '- a: 1\n- b: [2\n';

describe('YAML files of the knowledge folder', () => {
  it('report a syntax error at its line, the same way in every file', () => {
    const messages = [parseFaq('x.faq.yaml', broken), parseSynonyms('synonyms.yaml', broken), parseChecks('checks.yaml', broken)].map(
      (parsed) => (parsed.ok ? 'parsed' : parsed.errors.map((e) => `${e.file}:${e.line}: ${e.message.split(':')[0]}`).join('\n')),
    );
    expect(messages).toEqual(['x.faq.yaml:3: not valid YAML', 'synonyms.yaml:3: not valid YAML', 'checks.yaml:3: not valid YAML']);
  });

  it('give the line of any node, and line 1 for one without a position', () => {
    const parsed = parseYamlFile('f.yaml', '# a comment\n- first\n- second\n');
    if (!parsed.ok) throw new Error('expected valid YAML');
    const items = (parsed.doc.contents as { items: unknown[] }).items;
    expect(items.map(parsed.lineOf)).toEqual([2, 3]);
    expect(parsed.lineOf(undefined)).toBe(1);
  });
});
