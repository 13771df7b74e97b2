import { describe, expect, it } from 'vitest';
import { createLanguageLayer, suggestionsLeadIn } from '../../src/language/index.js';
import type { Answer } from '../../src/types.js';

const answer = (text: string, document = 'Doc', kind: Answer['kind'] = 'passage'): Answer => ({
  kind,
  text,
  confidence: 0.9,
  sources: [{ document, quote: text }],
  suggestions: [],
});

describe('the language layer around the core', () => {
  it('passes an English question through untouched', async () => {
    const layer = createLanguageLayer({ lexicons: [], subject: 'S' });
    const asked: string[] = [];
    const out = await layer.answer('who founded it?', undefined, async (q) => {
      asked.push(q);
      return answer('They did.');
    });
    expect(asked).toEqual(['who founded it?']);
    expect(out).toEqual(answer('They did.'));
  });

  it('asks the core in English and answers in the question’s language', async () => {
    const layer = createLanguageLayer({
      lexicons: [{ lang: 'es', file: 'lexicon/es.yaml', entries: [{ english: 'launched', forms: ['lanzó'], line: 1 }] }],
      subject: 'S',
    });
    const asked: string[] = [];
    const out = await layer.answer('¿Cuándo se lanzó la red?', undefined, async (q) => {
      asked.push(q);
      return answer('It was launched on 2 May.');
    });
    expect(asked[0]).toMatch(/^when launched /);
    expect(out.text).toMatch(/^El 2 de mayo\. Según la fuente \(en inglés\)/);
    expect(out.lang).toBe('es');
  });

  it('asks the documents in the person’s language first', async () => {
    const layer = createLanguageLayer({ lexicons: [], subject: 'S', documentLanguages: { 'Notizie in italiano': 'it' } });
    const asked: string[] = [];
    const out = await layer.answer('Chi ha fondato la rete?', undefined, async (q) => {
      asked.push(q);
      return answer('La rete è stata fondata da Alfa.', 'Notizie in italiano');
    });
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatch(/^who .*fondato.*rete/);
    expect(out.text).toBe('La rete è stata fondata da Alfa.');
    expect(out.lang).toBe('it');
  });

  it('falls back to the English knowledge when the own-language documents do not answer', async () => {
    const layer = createLanguageLayer({ lexicons: [], subject: 'S', documentLanguages: { 'Notizie in italiano': 'it' } });
    const asked: string[] = [];
    const out = await layer.answer('Chi ha fondato la rete?', undefined, async (q) => {
      asked.push(q);
      return asked.length === 1 ? answer("I don't know.", 'x', 'unknown') : answer('Alfa founded it.');
    });
    expect(asked).toHaveLength(2);
    expect(out.text).toMatch(/^Dalla fonte \(in inglese\): «Alfa founded it\.»/);
  });

  it('gives the suggestions’ lead-in in the answer’s language', () => {
    expect(suggestionsLeadIn(undefined)).toBe('You could ask:');
    expect(suggestionsLeadIn('de')).toBe('Sie könnten fragen:');
  });
});
