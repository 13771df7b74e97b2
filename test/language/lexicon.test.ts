import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatKnowledgeError, loadKnowledge } from '../../src/knowledge/loader.js';
import { parseLexicon } from '../../src/language/lexicon.js';

describe('a lexicon file', () => {
  it('maps English terms to the words of its language', () => {
    const parsed = parseLexicon(
      'lexicon/it.yaml',
      '# comment\nfounding members: [membri fondatori, membro fondatore]\nalliance: alleanza\n',
    );
    expect(parsed).toEqual({
      ok: true,
      value: {
        lang: 'it',
        file: 'lexicon/it.yaml',
        entries: [
          { english: 'founding members', forms: ['membri fondatori', 'membro fondatore'], line: 2 },
          { english: 'alliance', forms: ['alleanza'], line: 3 },
        ],
      },
    });
  });
  it('is named by a supported language', () => {
    const parsed = parseLexicon('lexicon/xx.yaml', 'alliance: [x]\n');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors[0]?.message).toMatch(/^language: the file name must be a language code/);
  });
  it('reports a word given two meanings, and an empty list, with their lines', () => {
    const parsed = parseLexicon('lexicon/es.yaml', 'launched: [lanzada]\nfounded: [fundada, lanzada]\nmembers: []\n');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.errors.map(formatKnowledgeError)).toEqual([
        'lexicon/es.yaml:2: language: "lanzada" already means "launched" (line 1)',
        'lexicon/es.yaml:3: language: "members" needs its words as a list, e.g. members: [word, other word]',
      ]);
    }
  });
  it('reports YAML errors with their line', () => {
    const parsed = parseLexicon('lexicon/fr.yaml', 'alliance: [alliance\nmembers: [membres]\n');
    expect(parsed.ok).toBe(false);
  });
});

describe('the knowledge loader', () => {
  it('loads lexicons and documents’ languages, and reports a lexicon problem with the rest', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'lexicon-'));
    await mkdir(path.join(dir, 'lexicon'));
    await writeFile(path.join(dir, 'a.md'), '---\ntitle: A\nlang: it\n---\n\nLa alleanza è nata a dicembre.\n');
    await writeFile(path.join(dir, 'lexicon', 'it.yaml'), 'alliance: [alleanza]\n');
    const ok = await loadKnowledge(dir);
    expect(ok.ok && ok.knowledge.lexicons?.map((l) => l.lang)).toEqual(['it']);
    expect(ok.ok && ok.knowledge.documents[0]?.meta.lang).toBe('it');

    await writeFile(path.join(dir, 'lexicon', 'de.yaml'), 'alliance: [Allianz]\nfounded: [Allianz]\n');
    await writeFile(path.join(dir, 'b.md'), '---\ntitle: B\nlang: klingon\n---\n\nText.\n');
    const bad = await loadKnowledge(dir);
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.errors.map(formatKnowledgeError)).toEqual([
        'b.md:3: front matter "lang" must be one of en, it, es, fr, de, pt, ru, zh (got "klingon")',
        'lexicon/de.yaml:2: language: "Allianz" already means "alliance" (line 1)',
      ]);
    }
  });
});
