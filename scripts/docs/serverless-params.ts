/**
 * serverless.yml's `params`, written from the parameter declarations of resources/parameters/ (`npm run docs`).
 */
import { PARAMETER_GROUPS, PARAMETERS, STAGES } from '@resources/parameters/catalog';
import type { ParameterValue, StageName } from '@resources/parameters/parameter';
import { dump } from 'js-yaml';

const LINE_WIDTH = 116;

/** A YAML comment wrapped at the line width, indented by `indent`. */
function comment(text: string, indent: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && indent.length + 2 + line.length + 1 + word.length > LINE_WIDTH) {
      lines.push(`${indent}# ${line}`);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  return [...lines, `${indent}# ${line}`];
}

/** `name: value`, with the value quoted where YAML would read it as something else. */
function entry(name: string, value: ParameterValue): string {
  return `    ${name}: ${dump(value, { lineWidth: -1 }).trimEnd()}`;
}

function groupHeading(title: string): string {
  const heading = `    # --- ${title} `;
  return heading.padEnd(LINE_WIDTH, '-');
}

/** The `params` mapping: every default, grouped, then the values of each shipped stage that differ. */
export function renderServerlessParams(): string {
  const defaults = PARAMETER_GROUPS.flatMap((group) => [
    groupHeading(group.title),
    ...group.parameters.map((parameter) => entry(parameter.name, parameter.default)),
  ]);
  const stages = (Object.keys(STAGES) as StageName[]).flatMap((stage) => [
    ...comment(STAGES[stage], '  '),
    `  ${stage}:`,
    ...PARAMETERS.flatMap((parameter) => {
      const value = parameter.stages?.[stage];
      return value === undefined ? [] : [entry(parameter.name, value)];
    }),
  ]);
  return [
    ...comment(
      'Generated from resources/parameters/ by `npm run docs`: change a value there. docs/parameters.md describes each parameter.',
      '',
    ),
    'params:',
    '  default:',
    ...defaults,
    ...stages,
  ].join('\n');
}
