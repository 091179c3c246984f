import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CloudFormationTemplate } from './serverless-cli';

/** The framework's own reader of a resources file: YAML with CloudFormation's short-form functions (`!If`, `!Ref`). */
const parseServiceFile = require('serverless/lib/utils/fs/parse') as (path: string, contents: string) => unknown;

const PROJECT_ROOT = join(__dirname, '..', '..');
/** The resources files whose values come from the pool settings and the stage parameters. */
export const POOL_FILES = ['resources/conditions.yml', 'resources/user-pool.yml', 'resources/app-client.yml'] as const;

/** What a `${…}` variable of these files can read. */
export interface PoolVariables {
  /** `custom.pool`: what resources/pool-settings.js returned. */
  pool: Record<string, unknown>;
  /** `param:<name>`. */
  params: Readonly<Record<string, string>>;
  service: string;
  stage: string;
}

const WHOLE_VARIABLE = /^\$\{([^{}]+)\}$/;
const VARIABLE = /\$\{([^{}]+)\}/g;

/** The value of one variable: `self:custom.pool.<path>`, `param:<name>`, `self:service`, `sls:stage`, `file(<path>)`. */
function variableValue(address: string, variables: PoolVariables): unknown {
  if (address === 'self:service') return variables.service;
  if (address === 'sls:stage') return variables.stage;
  if (address.startsWith('param:')) return variables.params[address.slice('param:'.length)];
  const file = /^file\((.+)\)$/.exec(address)?.[1];
  if (file !== undefined) return readFileSync(join(PROJECT_ROOT, file), 'utf8');
  if (address.startsWith('self:custom.pool.')) {
    return address
      .slice('self:custom.pool.'.length)
      .split('.')
      .reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], variables.pool);
  }
  throw new Error(`The pool template renderer does not read \${${address}}.`);
}

/** Resolves every variable below `value`: a string that is one variable takes its value, others interpolate. */
function resolve(value: unknown, variables: PoolVariables): unknown {
  if (typeof value === 'string') {
    const whole = WHOLE_VARIABLE.exec(value);
    if (whole?.[1] !== undefined) return structuredClone(variableValue(whole[1], variables));
    return value.replace(VARIABLE, (_, address: string) => String(variableValue(address, variables)));
  }
  if (Array.isArray(value)) return value.map((item) => resolve(item, variables));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, resolve(item, variables)]));
  }
  return value;
}

/** The Conditions and Resources of the pool files with `variables` resolved, as `serverless package` writes them. */
export function renderPoolFiles(variables: PoolVariables): Pick<CloudFormationTemplate, 'Conditions' | 'Resources'> {
  const rendered = { Conditions: {}, Resources: {} } as Required<
    Pick<CloudFormationTemplate, 'Conditions' | 'Resources'>
  >;
  for (const file of POOL_FILES) {
    const parsed = parseServiceFile(file, readFileSync(join(PROJECT_ROOT, file), 'utf8')) as {
      Conditions?: Record<string, unknown>;
      Resources?: CloudFormationTemplate['Resources'];
    };
    const resolved = resolve(parsed, variables) as typeof parsed;
    Object.assign(rendered.Conditions, resolved.Conditions);
    for (const [id, resource] of Object.entries(resolved.Resources ?? {})) {
      // The framework writes every DependsOn as a list.
      const dependsOn = typeof resource.DependsOn === 'string' ? [resource.DependsOn] : resource.DependsOn;
      rendered.Resources[id] = dependsOn === undefined ? resource : { ...resource, DependsOn: dependsOn };
    }
  }
  return rendered;
}

/**
 * A packaged template with the pool files rendered again for other pool settings: the stack a `serverless
 * package` with those stage parameters writes, without running it. The pool keeps what the framework merges into
 * it from the functions' events: its `LambdaConfig` and its `DependsOn` on the trigger functions.
 */
export function withPoolSettings(base: CloudFormationTemplate, variables: PoolVariables): CloudFormationTemplate {
  const rendered = renderPoolFiles(variables);
  const pool = rendered.Resources.CognitoUserPoolMain;
  const packagedPool = base.Resources.CognitoUserPoolMain;
  const lambdaConfig = packagedPool?.Properties?.LambdaConfig;
  if (pool?.Properties !== undefined && lambdaConfig !== undefined) pool.Properties.LambdaConfig = lambdaConfig;
  if (pool !== undefined && packagedPool?.DependsOn !== undefined) pool.DependsOn = packagedPool.DependsOn;
  return {
    ...base,
    Conditions: { ...base.Conditions, ...rendered.Conditions },
    Resources: { ...base.Resources, ...rendered.Resources },
  };
}
