/**
 * Parts of the documentation that are generated from the code they describe, so the two cannot drift apart. Each
 * block sits in its page between `<!-- <name>:start -->` and `<!-- <name>:end -->`; `npm run docs` rewrites every
 * block, and a test fails while a page holds anything else.
 */
import { renderFailurePolicy } from '@test/faults/failure-policy';

/** One generated part of a documentation page. */
export interface GeneratedBlock {
  /** Names the block's markers, e.g. `failure-policy`. */
  readonly name: string;
  /** The page, relative to the project's root, e.g. `docs/failure-policy.md`. */
  readonly file: string;
  /** The block's content, without its markers. */
  render(): string;
}

/** Every generated block of the documentation. */
export const GENERATED_BLOCKS: readonly GeneratedBlock[] = [
  { name: 'failure-policy', file: 'docs/failure-policy.md', render: renderFailurePolicy },
];

/** Where `block`'s content starts and ends in `page`; throws when the page lacks its markers. */
function blockRange(page: string, block: GeneratedBlock): { from: number; to: number } {
  const start = `<!-- ${block.name}:start -->`;
  const end = `<!-- ${block.name}:end -->`;
  const from = page.indexOf(start);
  const to = page.indexOf(end);
  if (from < 0 || to < from) throw new Error(`${block.file} has no "${start}" … "${end}" block.`);
  return { from: from + start.length, to };
}

/** The content between `block`'s markers in `page`, without the line breaks next to the markers. */
export function blockContent(page: string, block: GeneratedBlock): string {
  const { from, to } = blockRange(page, block);
  return page.slice(from, to).replace(/^\n/, '').replace(/\n$/, '');
}

/** `page` with `block`'s content replaced by a fresh rendering. */
export function withBlockRendered(page: string, block: GeneratedBlock): string {
  const { from, to } = blockRange(page, block);
  return `${page.slice(0, from)}\n${block.render()}\n${page.slice(to)}`;
}
