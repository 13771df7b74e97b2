import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../src/answer/analyzer.js';
import { PassageIndex, type ResolvedTerm } from '../../src/answer/passage-index.js';
import { buildPassages, type Passage } from '../../src/answer/passages.js';
import { Spelling } from '../../src/answer/spelling.js';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { parseMarkdown } from '../../src/knowledge/markdown.js';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/paths.js';

/** How the index found passages when it was MiniSearch: the reference its scores must equal. */
function miniSearchFind(passages: readonly Passage[], terms: readonly ResolvedTerm[], limit: number): { id: number; score: number }[] {
  const search = new MiniSearch<{ id: number; text: string; context: string }>({
    fields: ['text', 'context'],
    tokenize: (s) => (s === '' ? [] : s.split(' ')),
    processTerm: (t) => t,
    searchOptions: { boost: { text: 1, context: 0.4 }, combineWith: 'OR', tokenize: (s) => s.split(' '), processTerm: (t) => t },
  });
  search.addAll(passages.map((p) => ({ id: p.id, text: [...p.terms].join(' '), context: [...p.contextTerms].join(' ') })));
  const weights = new Map<string, number>();
  for (const t of terms) for (const a of t.alternatives) weights.set(a.term, Math.max(weights.get(a.term) ?? 0, a.weight));
  if (weights.size === 0) return [];
  return search
    .search([...weights.keys()].join(' '), { boostTerm: (term) => weights.get(term) ?? 1 })
    .slice(0, limit)
    .map((r) => ({ id: r.id as number, score: r.score }));
}

/** A made-up corpus with many ties: few words, repeated headings. */
function syntheticPassages(analyzer: Analyzer): Passage[] {
  return synthetic(analyzer).passages;
}

function synthetic(analyzer: Analyzer): ReturnType<typeof buildPassages> {
  const words = ['river', 'bridge', 'tax', 'harbor', 'army', 'treaty', 'school', 'railroad', 'coin', 'tariff', 'navy', 'farm'];
  let seed = 3;
  const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const sections = [0, 1, 2, 3].map(
    (s) =>
      `## ${words[s]} ${words[s + 4]}\n\n${Array.from({ length: 40 }, () => `${Array.from({ length: 2 + Math.floor(next() * 6) }, () => words[Math.floor(next() * words.length)]).join(' ')}.`).join('\n\n')}`,
  );
  const parsed = parseMarkdown('synthetic.md', `---\ntitle: Public works\n---\n\n${sections.join('\n\n')}`);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return buildPassages([parsed.value], analyzer);
}

function syntheticIndex(analyzer: Analyzer): PassageIndex {
  const { passages, words } = synthetic(analyzer);
  return new PassageIndex(passages, analyzer, new Spelling(words));
}

describe('PassageIndex.find', () => {
  it('ranks as MiniSearch did, scores and ties included, on the shipped knowledge', async () => {
    const loaded = await loadKnowledge(DEFAULT_KNOWLEDGE_DIR);
    if (!loaded.ok) throw new Error('knowledge does not load');
    const analyzer = new Analyzer(loaded.knowledge.synonyms);
    const { passages, words } = buildPassages(loaded.knowledge.documents, analyzer);
    const index = new PassageIndex(passages, analyzer, new Spelling(words));
    const questions = [
      'who founded the global mooc alliance',
      'when was it launched',
      'tsinghua university member',
      'mooc alliance conference',
      'sustainable development goals education',
      'allianse foundng members',
    ];
    for (const q of questions) {
      const terms = analyzer.terms(q, 'question').map((t) => index.resolve(t));
      const found = index.find(terms, 40).map((h) => ({ id: h.passage.id, score: h.score }));
      expect(found, q).toEqual(miniSearchFind(passages, terms, 40));
    }
  });

  it('ranks as MiniSearch did on a corpus full of ties', () => {
    const analyzer = new Analyzer();
    const passages = syntheticPassages(analyzer);
    const index = syntheticIndex(analyzer);
    for (const q of [
      'river',
      'bridge tax',
      'army navy treaty',
      'harbor school coin farm',
      'railroad',
      'tariff river army',
      'public works river',
    ]) {
      const terms = analyzer.terms(q, 'question').map((t) => index.resolve(t));
      for (const limit of [1, 5, 40, 1000]) {
        const found = index.find(terms, limit).map((h) => ({ id: h.passage.id, score: h.score }));
        expect(found, `${q} (${limit})`).toEqual(miniSearchFind(passages, terms, limit));
      }
    }
  });

  it('finds nothing for terms it does not have', () => {
    const analyzer = new Analyzer();
    const index = syntheticIndex(analyzer);
    expect(index.find([index.resolve('zzzq')], 10)).toEqual([]);
  });
});

describe('PassageIndex.resolve', () => {
  const analyzer = new Analyzer();
  const index = syntheticIndex(analyzer);
  const resolve = (word: string): ResolvedTerm => index.resolve(analyzer.stem(word) ?? word, word);

  it('keeps a known word as it is, at full weight, with no corrections', () => {
    expect(resolve('railroads').alternatives).toEqual([{ term: 'railroad', weight: 1 }]);
  });

  it('corrects a misspelt word to a word of the knowledge, at a lower weight', () => {
    // One swap from "harbor".
    expect(resolve('harbro').alternatives).toEqual([{ term: 'harbor', weight: 0.75 }]);
  });

  it('leaves a word unresolved when nothing in the knowledge is near it', () => {
    const r = resolve('volcano');
    expect(r.alternatives).toEqual([]);
    expect(r.idf).toBe(index.idf('volcano'));
  });
});
