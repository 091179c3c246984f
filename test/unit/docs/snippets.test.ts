/*
 * Code the documentation quotes is the code: a fenced block right after `<!-- snippet: <file> -->` must stand in
 * that file, line for line. A line `// …` in the block leaves out part of the file; what comes before and after it
 * must stand there in that order. Every TypeScript block of docs/extending.md quotes a file this way.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { field } from '@shared/event-shape';

const ROOT = join(__dirname, '..', '..', '..');
const DOCS = join(ROOT, 'docs');
/** Pages whose every TypeScript block is a quote of a file. */
const QUOTING_ONLY = ['docs/extending.md'];

interface Snippet {
  page: string;
  /** The quoted file, relative to the project. */
  file: string | undefined;
  line: number;
  /** The block's lines, without the indentation they share. */
  lines: string[];
}

const FENCE = /^( *)```(\w*)\s*$/;
const MARKER = /^ *<!-- snippet: (\S+) -->\s*$/;

/** Every fenced TypeScript block of `page`, with the file its marker names. */
function snippetsOf(page: string): Snippet[] {
  const lines = readFileSync(page, 'utf8').split('\n');
  const snippets: Snippet[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    const open = FENCE.exec(lines[index] ?? '');
    if (open === null) continue;
    const end = lines.findIndex((line, at) => at > index && FENCE.test(line));
    const indent = (open[1] ?? '').length;
    if (open[2] === 'ts') {
      const previous = lines.slice(0, index).findLast((line) => line.trim() !== '') ?? '';
      snippets.push({
        page: relative(ROOT, page),
        file: MARKER.exec(previous)?.[1],
        line: index + 1,
        lines: lines.slice(index + 1, end).map((line) => line.slice(indent)),
      });
    }
    index = end;
  }
  return snippets;
}

/** The block's parts between its `// …` lines, each without blank lines at its ends or the indentation it shares. */
function partsOf(lines: readonly string[]): string[][] {
  const parts: string[][] = [[]];
  for (const line of lines) {
    if (line.trim() === '// …') parts.push([]);
    else parts[parts.length - 1]?.push(line);
  }
  return parts
    .map((part) => {
      const first = part.findIndex((line) => line.trim() !== '');
      const last = part.findLastIndex((line) => line.trim() !== '');
      const kept = first < 0 ? [] : part.slice(first, last + 1);
      const indent = Math.min(
        ...kept.filter((line) => line.trim() !== '').map((line) => /^ */.exec(line)?.[0].length ?? 0),
      );
      return kept.map((line) => line.slice(indent));
    })
    .filter((part) => part.length > 0);
}

/** Where `part` starts in `file` at or after line `from`, at any one indentation, or -1. */
function findPart(file: readonly string[], part: readonly string[], from: number): number {
  const first = part[0] ?? '';
  for (let start = from; start < file.length; start += 1) {
    const line = file[start] ?? '';
    if (!line.endsWith(first) || line.slice(0, line.length - first.length).trim() !== '') continue;
    const indent = line.slice(0, line.length - first.length);
    if (part.every((expected, offset) => (file[start + offset] ?? '') === (expected === '' ? '' : indent + expected))) {
      return start;
    }
  }
  return -1;
}

/** The first part of `snippet` that its file does not hold in order, or undefined. */
function missingPart(snippet: Snippet & { file: string }): string | undefined {
  const file = readFileSync(join(ROOT, snippet.file), 'utf8').split('\n');
  let from = 0;
  for (const part of partsOf(snippet.lines)) {
    const at = findPart(file, part, from);
    if (at < 0) return part.join('\n');
    from = at + part.length;
  }
  return undefined;
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? markdownFiles(join(dir, entry.name))
      : entry.name.endsWith('.md')
        ? [join(dir, entry.name)]
        : [],
  );
}

const SNIPPETS = [join(ROOT, 'README.md'), ...markdownFiles(DOCS)].flatMap(snippetsOf);
const QUOTES = SNIPPETS.filter((snippet): snippet is Snippet & { file: string } => snippet.file !== undefined);

describe('the quoted code of the documentation', () => {
  it('quotes something: the pages mark their snippets', () => {
    expect(QUOTES.length).toBeGreaterThan(5);
  });

  it.each(QUOTING_ONLY)('%s marks every TypeScript block with the file it quotes', (page) => {
    const unmarked = SNIPPETS.filter((snippet) => snippet.page === page && snippet.file === undefined);

    expect(unmarked.map(({ line }) => `${page}:${line}`)).toEqual([]);
  });

  it.each(QUOTES.map((snippet) => [`${snippet.page}:${snippet.line}`, snippet.file, snippet] as const))(
    '%s stands in %s as quoted (a `// …` line leaves part out)',
    (_where, file, snippet) => {
      expect(existsSync(join(ROOT, file))).toBe(true);
      expect(missingPart(snippet)).toBeUndefined();
    },
  );

  it.each(Object.keys(field))('docs/extending.md lists field.%s among the shapes of the event guard', (shape) => {
    expect(readFileSync(join(DOCS, 'extending.md'), 'utf8')).toContain(`\`field.${shape}`);
  });
});
