import { COMMON_PARAMETERS } from '@resources/service/function-declaration';
import { functionsSection } from '@resources/service/functions-section';
import { renderParameterTables } from '@scripts/docs/parameter-tables';

/** The "Function variable" cell of each parameter's row in docs/parameters.md's tables. */
function variableCells(): Map<string, string> {
  const rows = renderParameterTables()
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => line.split(' | '));
  return new Map(rows.map((columns) => [(columns[0] ?? '').replace(/^\| `|`$/g, ''), columns[4] ?? '']));
}

describe('the parameter tables', () => {
  it('name, for each parameter, every function of the template whose environment reads it', () => {
    const cells = variableCells();
    const common: readonly string[] = COMMON_PARAMETERS;
    const template = functionsSection() as Record<string, { environment: Record<string, string> }>;
    const missing = Object.entries(template).flatMap(([name, { environment }]) =>
      Object.values(environment).flatMap((value) => {
        const parameter = /^\$\{param:(\w+)\}$/.exec(value)?.[1];
        if (parameter === undefined || common.includes(parameter)) return [];
        return (cells.get(parameter) ?? '').includes(`\`${name}\``) ? [] : [`${parameter} → ${name}`];
      }),
    );

    expect(missing).toEqual([]);
  });
});
