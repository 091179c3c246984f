/**
 * The environment a registered function gets on a stage, as `serverless package` resolves it from serverless.yml,
 * the function's declaration and the parameter declarations: for tests that load a deployed entry point or read a
 * function's configuration without packaging.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parameterNamed } from '@resources/parameters/catalog';
import { type StageName, valueOn } from '@resources/parameters/parameter';
import {
  COMMON_PARAMETERS,
  type DeployedFunctionDeclaration,
  variableOf,
} from '@resources/service/function-declaration';
import { environmentOf } from '@resources/service/functions-section';
import { load } from 'js-yaml';

interface ServerlessFile {
  service: string;
  custom: { tables: Record<string, string> };
}

const SERVERLESS_FILE = load(readFileSync(join(__dirname, '..', '..', 'serverless.yml'), 'utf8')) as ServerlessFile;

/** `text` with the variables the functions' environment uses resolved for `stage`, deployed as `stageName`. */
function resolved(text: string, stage: StageName | 'default', stageName: string): string {
  return text.replace(
    /\$\{(sls:stage|self:service|self:custom\.tables\.\w+|param:\w+)\}/g,
    (_match, address: string) => {
      if (address === 'sls:stage') return stageName;
      if (address === 'self:service') return SERVERLESS_FILE.service;
      if (address.startsWith('param:')) {
        return resolved(String(valueOn(parameterNamed(address.slice('param:'.length)), stage)), stage, stageName);
      }
      return resolved(
        SERVERLESS_FILE.custom.tables[address.slice('self:custom.tables.'.length)] ?? '',
        stage,
        stageName,
      );
    },
  );
}

/**
 * The variables `declaration`'s function gets with the values of `stage` (`default`, `local`, `prod`), deployed
 * under the stage name `stageName`: those every function gets, then its own.
 */
export function deployedEnvironment(
  declaration: DeployedFunctionDeclaration,
  stage: StageName | 'default' = 'local',
  stageName = 'test',
): Record<string, string> {
  const common = Object.fromEntries(COMMON_PARAMETERS.map((name) => [variableOf(name), `\${param:${name}}`]));
  return Object.fromEntries(
    Object.entries({ ...common, ...environmentOf(declaration) }).map(([name, value]) => [
      name,
      resolved(value, stage, stageName),
    ]),
  );
}
