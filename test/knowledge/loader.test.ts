import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatKnowledgeError, loadKnowledge } from '../../src/knowledge/loader.js';
import { tempKnowledge, type TempKnowledge } from '../helpers/knowledge.js';

let kb: TempKnowledge | undefined;
afterEach(async () => kb?.remove());

async function problems(files: Record<string, string>): Promise<string[]> {
  kb = await tempKnowledge(files);
  const result = await loadKnowledge(kb.dir);
  return result.ok ? [] : result.errors.map(formatKnowledgeError);
}

const doc = (body = 'Some text.') => `---\ntitle: A document\n---\n\n${body}\n`;

describe('a valid knowledge folder', () => {
  it('loads documents, FAQ entries and synonyms', async () => {
    kb = await tempKnowledge({
      'a.md': `---\ntitle: Alpha\nsource: somewhere\nsubject: Alpha Club\n---\n\nAlpha Club was founded in 1990.\n`,
      'sub/b.md': doc(),
      'club.faq.yaml': '- question: How do I join?\n  alternates: [Can I join?]\n  answer: Write to the secretary.\n',
      'synonyms.yaml': '- [club, society]\n',
      'README.md': 'not a document',
    });
    const result = await loadKnowledge(kb.dir);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.knowledge.documents.map((d) => d.meta.file)).toEqual(['a.md', 'sub/b.md']);
    expect(result.knowledge.faq).toEqual([expect.objectContaining({ question: 'How do I join?', alternates: ['Can I join?'], line: 1 })]);
    expect(result.knowledge.synonyms).toEqual([['club', 'society']]);
    expect(result.knowledge.subject).toBe('Alpha Club');
  });
});

describe('plain documents: Markdown without front matter and text files', () => {
  it('titles a Markdown file by its first # heading, else its file name, and a text file by its name', async () => {
    kb = await tempKnowledge({
      'history.md': 'Some words first.\n\n# The Rowing Club\n\nThe club was founded in 1890.\n',
      'notes/boat-house.md': 'The boat house has twelve boats.\n',
      'members.txt': 'The club has 40 members.\nMost of them row on Sundays.\n\nNew members pay a fee.\n',
    });
    const result = await loadKnowledge(kb.dir);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const byFile = Object.fromEntries(result.knowledge.documents.map((d) => [d.meta.file, d]));
    expect(byFile['history.md']?.meta.title).toBe('The Rowing Club');
    expect(byFile['notes/boat-house.md']?.meta.title).toBe('boat house');
    expect(byFile['members.txt']?.meta.title).toBe('members');
    // A text file's lines join into paragraphs; blank lines separate them.
    expect(byFile['members.txt']?.blocks.map((b) => b.text)).toEqual([
      'The club has 40 members. Most of them row on Sundays.',
      'New members pay a fee.',
    ]);
    // With no front matter anywhere, the subject is a title.
    expect(result.knowledge.subject).toBe('The Rowing Club');
  });
  it('prefers a subject named in front matter over titles', async () => {
    kb = await tempKnowledge({ 'a.md': '# Alpha\n\nText.\n', 'b.md': '---\nsubject: Beta Society\n---\n\nMore text.\n' });
    const result = await loadKnowledge(kb.dir);
    expect(result.ok && result.knowledge.subject).toBe('Beta Society');
  });
});

describe('validation problems are reported as file:line: message', () => {
  it('a binary file named like a document', async () => {
    expect(await problems({ 'scan.md': 'PK\u0003\u0004\u0000\u0000binary' })).toEqual([
      'scan.md: the file is not a text file (it holds binary data)',
    ]);
  });
  it('a file that is not UTF-8', async () => {
    kb = await tempKnowledge({});
    await writeFile(path.join(kb.dir, 'latin1.txt'), Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x6b, 0x2e]));
    const result = await loadKnowledge(kb.dir);
    expect(result.ok ? [] : result.errors.map(formatKnowledgeError)).toEqual(['latin1.txt: the file is not UTF-8 text (save it as UTF-8)']);
  });
  it('an empty document, Markdown or text', async () => {
    expect(await problems({ 'a.md': '', 'b.txt': '\n  \n' })).toEqual(['a.md: the file is empty', 'b.txt: the file is empty']);
  });
  it('front matter that is never closed', async () => {
    expect(await problems({ 'a.md': '---\ntitle: x\n\ntext' })).toEqual([
      'a.md:1: front matter opened with --- is never closed by a --- line',
    ]);
  });
  it('an unknown front matter key', async () => {
    expect(await problems({ 'a.md': '---\ntitle: x\ntitel: y\n---\n\ntext\n' })).toEqual([
      'a.md:3: unknown front matter key "titel" (expected title, source, url, date, subject, lang)',
    ]);
  });
  it('a document with no text', async () => {
    expect(await problems({ 'a.md': '---\ntitle: x\n---\n' })).toEqual(['a.md:4: document has no text']);
  });
  it('an FAQ entry without an answer, and one with a bad key', async () => {
    expect(await problems({ 'x.faq.yaml': '- question: Why?\n- question: How?\n  answr: typo\n  answer: Like so.\n' })).toEqual([
      'x.faq.yaml:1: answer is missing or empty',
      'x.faq.yaml:3: unknown key "answr" (expected question, alternates, answer, source, author, date)',
    ]);
  });
  it('an FAQ file that is not a list', async () => {
    expect(await problems({ 'x.faq.yaml': 'question: Why?\nanswer: Because.\n' })).toEqual([
      'x.faq.yaml:1: an FAQ file must be a list of entries ("- question: …")',
    ]);
  });
  it('invalid YAML', async () => {
    const [first] = await problems({ 'x.faq.yaml': '- question: "unclosed\n  answer: x\n' });
    expect(first).toMatch(/^x\.faq\.yaml:\d+: not valid YAML: /);
  });
  it('the same question in two FAQ files', async () => {
    const entry = '- question: Why?\n  answer: Because.\n';
    expect(await problems({ 'a.faq.yaml': entry, 'b.faq.yaml': entry })).toEqual([
      'b.faq.yaml:1: question "Why?" is already answered in a.faq.yaml:1',
    ]);
  });
  it('a synonym group of one word', async () => {
    expect(await problems({ 'a.md': doc(), 'synonyms.yaml': '- [club, society]\n- [lonely]\n' })).toEqual([
      'synonyms.yaml:2: each synonym group must list at least two words, e.g. "- [founded, started]"',
    ]);
  });
  it('an empty or missing folder', async () => {
    expect(await problems({ 'notes.pdf': 'x' })).toEqual([expect.stringMatching(/: knowledge: the folder has no documents/)]);
    const result = await loadKnowledge('/nonexistent/knowledge');
    expect(result.ok ? [] : result.errors.map(formatKnowledgeError)).toEqual([
      expect.stringContaining('folder not found (set KNOWLEDGE_DIR'),
    ]);
  });
  it('every problem at once, not only the first', async () => {
    expect(await problems({ 'a.md': '---\ntitle: x\n', 'b.md': '' })).toHaveLength(2);
  });
});
