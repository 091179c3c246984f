import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PARAMETER_GROUPS, PARAMETERS, STAGES } from '@resources/parameters/catalog';
import { type StageName, valueOn } from '@resources/parameters/parameter';
import { parameterReader } from '@resources/pool/parameter-reader';
import { poolSettings } from '@resources/pool/settings';
import { COMMON_PARAMETERS, variableOf } from '@resources/service/function-declaration';
import { functionsSection } from '@resources/service/functions-section';
import { monitoringResources } from '@resources/service/monitoring';
import { load } from 'js-yaml';

const ROOT = join(__dirname, '..', '..', '..');
const STAGE_NAMES = ['default', ...Object.keys(STAGES)] as ('default' | StageName)[];

/** The framework's resolver for `param:<name>` on `stage`, from the declarations, recording what is read. */
function resolverFor(stage: 'default' | StageName) {
  const read = new Set<string>();
  const resolveVariable = async (address: string) => {
    const name = address.replace(/^param:/, '');
    read.add(name);
    const parameter = PARAMETERS.find((candidate) => candidate.name === name);
    return parameter === undefined ? undefined : String(valueOn(parameter, stage)).replaceAll('${sls:stage}', 'dev');
  };
  return { resolveVariable, read };
}

/** serverless.yml without its generated `params` block, every resources/*.yml, and the functions section, as text. */
function stackFiles(): string[] {
  const serverlessYml = readFileSync(join(ROOT, 'serverless.yml'), 'utf8');
  const outsideParams = serverlessYml.replace(/# params:start[\s\S]*# params:end/, '');
  const resources = readdirSync(join(ROOT, 'resources'))
    .filter((file) => file.endsWith('.yml'))
    .map((file) => readFileSync(join(ROOT, 'resources', file), 'utf8'));
  return [outsideParams, ...resources, JSON.stringify(functionsSection())];
}

/** Every `${param:<name>}` the stack's files and the functions' environment refer to. */
function referencedParameters(): Set<string> {
  return new Set(
    stackFiles().flatMap((text) => [...text.matchAll(/\$\{param:(\w+)\}/g)].map(([, name]) => name ?? '')),
  );
}

describe('the stage parameter declarations', () => {
  it('name each parameter once, in camelCase', () => {
    const names = PARAMETERS.map(({ name }) => name);

    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z][a-zA-Z0-9]*$/);
  });

  it('give every group a title and at least one parameter', () => {
    for (const group of PARAMETER_GROUPS) {
      expect(group.title).not.toBe('');
      expect(group.parameters.length).toBeGreaterThan(0);
    }
  });

  it('declare stage values only where they differ from the default', () => {
    for (const parameter of PARAMETERS) {
      for (const value of Object.values(parameter.stages ?? {})) expect(value).not.toEqual(parameter.default);
    }
  });

  it.each(STAGE_NAMES)('hold values on %s that their own rules accept', async (stage) => {
    const params = parameterReader(resolverFor(stage).resolveVariable);
    const readAs = {
      boolean: params.boolean,
      integer: params.integer,
      oneOf: params.oneOf,
      list: params.list,
      text: params.text,
    };

    for (const parameter of PARAMETERS) {
      await expect(readAs[parameter.rule.kind](parameter.name as never)).resolves.toBeDefined();
    }
  });

  it.each(STAGE_NAMES)('hold values on %s that the package-time checks accept', async (stage) => {
    await expect(poolSettings(resolverFor(stage))).resolves.toMatchObject({ userPoolTier: 'ESSENTIALS' });
    await expect(monitoringResources(resolverFor(stage))).resolves.toHaveProperty('Resources');
  });

  it('are each used by the stack: the package-time checks, a resource or a function', async () => {
    const { resolveVariable, read } = resolverFor('default');
    await poolSettings({ resolveVariable });
    await monitoringResources({ resolveVariable });
    const used = new Set([...read, ...referencedParameters()]);

    expect(PARAMETERS.map(({ name }) => name).filter((name) => !used.has(name))).toEqual([]);
  });

  it('cover every parameter the stack refers to', async () => {
    const { resolveVariable, read } = resolverFor('default');
    await poolSettings({ resolveVariable });
    const declared = new Set(PARAMETERS.map(({ name }) => name));

    expect([...read, ...referencedParameters()].filter((name) => !declared.has(name))).toEqual([]);
  });

  it("reach every function as serverless.yml's provider environment, for the ones every function reads", () => {
    const serverless = load(readFileSync(join(ROOT, 'serverless.yml'), 'utf8')) as {
      provider: { environment: Record<string, string> };
    };

    expect(serverless.provider.environment).toEqual(
      Object.fromEntries(COMMON_PARAMETERS.map((name) => [variableOf(name), `\${param:${name}}`])),
    );
  });
});
