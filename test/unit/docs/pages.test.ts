import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { FUNCTIONS } from '@functions/registry';
import { folderOf } from '@resources/service/function-declaration';

const ROOT = join(__dirname, '..', '..', '..');
/** README is the front door: what it is, quick start, how it fits, where to read on. */
const README_BUDGET_BYTES = 16 * 1024;

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return markdownFiles(path);
    return name.endsWith('.md') ? [path] : [];
  });
}

const PAGES = [
  join(ROOT, 'README.md'),
  join(ROOT, 'BENCHMARKS.md'),
  join(ROOT, 'test', 'fixtures', 'README.md'),
  ...markdownFiles(join(ROOT, 'docs')),
];

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens. */
function anchorOf(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replaceAll(' ', '-');
}

function anchors(page: string): Set<string> {
  const text = readFileSync(page, 'utf8').replace(/```[\s\S]*?```/g, '');
  return new Set([...text.matchAll(/^#{1,6} (.+)$/gm)].map(([, heading]) => anchorOf(heading ?? '')));
}

/** Relative links of a page: `[text](target)` outside code blocks, without URLs. */
function relativeLinks(page: string): string[] {
  const text = readFileSync(page, 'utf8').replace(/```[\s\S]*?```/g, '');
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)]
    .map(([, target]) => target ?? '')
    .filter((target) => !/^[a-z]+:/i.test(target));
}

describe('the documentation', () => {
  it(`keeps README.md within ${README_BUDGET_BYTES} bytes`, () => {
    expect(statSync(join(ROOT, 'README.md')).size).toBeLessThanOrEqual(README_BUDGET_BYTES);
  });

  it.each(PAGES.map((page) => [relative(ROOT, page), page]))(
    '%s links only to pages and headings that exist',
    (_name, page) => {
      const broken = relativeLinks(page).filter((link) => {
        const [file = '', anchor] = link.split('#');
        const target = file === '' ? page : join(dirname(page), file);
        if (!existsSync(target)) return true;
        return anchor !== undefined && target.endsWith('.md') && !anchors(target).has(anchor);
      });

      expect(broken).toEqual([]);
    },
  );

  it.each(FUNCTIONS.map(({ name }) => name))(
    'names %s among the triggers of README.md and in the flows table of docs/README.md',
    (name) => {
      const row = readFileSync(join(ROOT, 'docs', 'README.md'), 'utf8')
        .split('\n')
        .find((line) => line.startsWith(`| \`${name}\` |`));

      expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toContain(`\`${name}\``);
      expect(row).toContain(`(flows/${folderOf(name)}.md)`);
    },
  );
});
