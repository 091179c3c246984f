/**
 * Parts of the documentation (and of serverless.yml) that are generated from the code they describe, so the two
 * cannot drift apart. Each block sits in its file between `<!-- <name>:start -->` and `<!-- <name>:end -->` (in
 * YAML: `# <name>:start` and `# <name>:end`); `npm run docs` rewrites every block, and a test fails while a file
 * holds anything else.
 */
import { FUNCTIONS } from '@functions/registry';
import { folderOf } from '@resources/service/function-declaration';
import { renderFailurePolicy } from '@test/faults/failure-policy';
import { renderAlarms, renderMetrics } from './metric-tables';
import { renderFunctionParameters, renderParameterTables } from './parameter-tables';
import { renderPermissions } from './permission-table';
import { renderServerlessParams } from './serverless-params';

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
  { name: 'params', file: 'serverless.yml', render: renderServerlessParams },
  { name: 'parameters', file: 'docs/parameters.md', render: renderParameterTables },
  { name: 'permissions', file: 'docs/architecture.md', render: renderPermissions },
  { name: 'metrics', file: 'docs/observability.md', render: renderMetrics },
  { name: 'alarms', file: 'docs/observability.md', render: renderAlarms },
  ...FUNCTIONS.map(
    (declaration): GeneratedBlock => ({
      name: 'parameters',
      file: `docs/flows/${folderOf(declaration.name)}.md`,
      render: () => renderFunctionParameters(declaration),
    }),
  ),
];

/** The lines that open and close `block` in its file: HTML comments in Markdown, `#` comments in YAML. */
function markers(block: GeneratedBlock): { start: string; end: string } {
  return block.file.endsWith('.yml')
    ? { start: `# ${block.name}:start`, end: `# ${block.name}:end` }
    : { start: `<!-- ${block.name}:start -->`, end: `<!-- ${block.name}:end -->` };
}

/** Where `block`'s content starts and ends in `page`; throws when the page lacks its markers. */
function blockRange(page: string, block: GeneratedBlock): { from: number; to: number } {
  const { start, end } = markers(block);
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
