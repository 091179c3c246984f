/**
 * The parameter tables of docs/parameters.md and of each flow's page, from the parameter declarations of
 * resources/parameters/ and the declarations of every function functions/registry.ts deploys (`npm run docs`).
 */
import { DEPLOYED_FUNCTIONS } from '@functions/registry';
import { PARAMETER_GROUPS, parameterNamed, STAGES } from '@resources/parameters/catalog';
import type { Parameter, ParameterRule, ParameterValue, StageName } from '@resources/parameters/parameter';
import { COMMON_PARAMETERS, type FunctionDeclaration, variableOf } from '@resources/service/function-declaration';

/** A table cell: pipes escaped so they cannot split the cell. */
function cell(text: string): string {
  return text.replaceAll('|', '\\|');
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [header, header.map(() => '---'), ...rows].map((columns) => `| ${columns.map(cell).join(' | ')} |`).join('\n');
}

/** A value as docs show it: in code, with serverless.yml's variables as placeholders (`flows-<stage>`). */
function shown(value: ParameterValue): string {
  const text = String(value);
  if (text === '') return 'empty';
  return `\`${text.replaceAll('${sls:stage}', '<stage>').replace(/\$\{param:(\w+)\}/g, '<$1>')}\``;
}

function defaultOf(parameter: Parameter): string {
  const overrides = (Object.keys(STAGES) as StageName[]).flatMap((stage) => {
    const value = parameter.stages?.[stage];
    return value === undefined ? [] : [`${shown(value)} on \`${stage}\``];
  });
  return overrides.length === 0 ? shown(parameter.default) : `${shown(parameter.default)} (${overrides.join(', ')})`;
}

function valuesOf(rule: ParameterRule): string {
  const codes = (values: readonly string[]) => values.map((value) => `\`${value}\``).join(', ');
  switch (rule.kind) {
    case 'boolean':
      return '`true`, `false`';
    case 'integer':
      return `\`${rule.min}\`–\`${rule.max}\``;
    case 'oneOf':
      return codes(rule.values);
    case 'list':
      return rule.of === undefined ? 'comma list' : `comma list of ${codes(rule.of)}`;
    case 'text':
      return 'text';
  }
}

/** The feature plan a parameter's values need, e.g. `ESSENTIALS`+ (not `password`); `—` when none. */
function planOf(parameter: Parameter): string {
  const { plan } = parameter;
  if (plan === undefined) return '—';
  const free = plan.unless === undefined ? '' : ` (not ${plan.unless.map(shown).join(', ')})`;
  return `\`${plan.needs}\`+${free}`;
}

function meaningOf(parameter: Parameter): string {
  if (parameter.plan === undefined) return parameter.meaning;
  return `${parameter.meaning} Needs \`userPoolTier\` ${planOf(parameter)}.`;
}

/** Where a parameter goes in the functions: its variable and the functions that read it. */
function variableColumn(parameter: Parameter): string {
  const reads = (names: readonly string[]) => names.includes(parameter.name);
  if (reads(COMMON_PARAMETERS)) return `\`${variableOf(parameter.name)}\` (every function)`;
  const readers = DEPLOYED_FUNCTIONS.filter((declaration) => reads(declaration.parameters));
  if (readers.length === 0) return '—';
  return `\`${variableOf(parameter.name)}\` (${readers.map(({ name }) => `\`${name}\``).join(', ')})`;
}

/** Every parameter, a table per group under its title: docs/parameters.md. */
export function renderParameterTables(): string {
  return PARAMETER_GROUPS.map((group) =>
    [
      `### ${group.title}`,
      '',
      table(
        ['Parameter', 'Default', 'Values', 'Plan', 'Function variable', 'Meaning'],
        group.parameters.map((parameter) => [
          `\`${parameter.name}\``,
          defaultOf(parameter),
          valuesOf(parameter.rule),
          planOf(parameter),
          variableColumn(parameter),
          parameter.meaning,
        ]),
      ),
    ].join('\n'),
  ).join('\n\n');
}

/** The parameters and other variables one function reads: the table on its flow's page. */
export function renderFunctionParameters(declaration: FunctionDeclaration): string {
  const parameters = declaration.parameters.map((name) => {
    const parameter = parameterNamed(name);
    return [
      `\`${name}\``,
      `\`${variableOf(name)}\``,
      defaultOf(parameter),
      valuesOf(parameter.rule),
      meaningOf(parameter),
    ];
  });
  const fixed = Object.entries(declaration.environment ?? {}).map(([variable, { value, meaning }]) => [
    '—',
    `\`${variable}\``,
    shown(value),
    '—',
    meaning,
  ]);
  return table(['Parameter', 'Variable', 'Default', 'Values', 'Meaning'], [...parameters, ...fixed]);
}
