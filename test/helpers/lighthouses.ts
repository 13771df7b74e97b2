/** A made-up word for `i`: distinct words, so every sentence of a bulky document can be found. */
export function wordFor(i: number): string {
  const syllables = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'to', 'vi', 'be', 'do'];
  let word = '';
  for (let n = i + 10; n > 0; n = Math.floor(n / 10)) word += syllables[n % 10];
  return word[0]?.toUpperCase() + word.slice(1);
}

/** A knowledge document of at least `bytes` bytes: one sentence per lighthouse, each naming its keeper. */
export function lighthouses(bytes: number): string {
  const lines = ['---', 'title: Lighthouses of the coast', '---', ''];
  let size = lines.join('\n').length;
  for (let i = 0; size < bytes; i++) {
    const line = `The ${wordFor(i)} lighthouse is kept by ${wordFor(i + 5000)} ${wordFor(i + 9000)}.`;
    lines.push(line, '');
    size += line.length + 2;
  }
  return `${lines.join('\n')}\n`;
}
