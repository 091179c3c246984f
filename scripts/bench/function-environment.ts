import type { ColdScenario } from './cold-scenarios';
import type { BenchEmulators } from './emulators';
import type { PackagedFunction } from './packaged-stack';

/** The function's environment as the template sets it; a value CloudFormation computes cannot be reproduced. */
export function templateEnvironment(packaged: PackagedFunction): Record<string, string> {
  return Object.fromEntries(
    Object.entries(packaged.environment).map(([name, value]) => {
      if (typeof value !== 'string') {
        throw new Error(
          `${packaged.name}: environment variable ${name} is computed by CloudFormation; give the bench a value for it.`,
        );
      }
      return [name, value];
    }),
  );
}

/** The packaged function named `name`. */
export function packagedFunction(packaged: readonly PackagedFunction[], name: string): PackagedFunction {
  const found = packaged.find((candidate) => candidate.name === name);
  if (found === undefined) throw new Error(`serverless package produced no function ${name}.`);
  return found;
}

/** The complete environment of a process of `scenario`'s function: PATH, the template's variables, the path's, the emulators'. */
export function scenarioEnvironment(
  scenario: ColdScenario,
  packaged: readonly PackagedFunction[],
  emulators: BenchEmulators,
): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    ...templateEnvironment(packagedFunction(packaged, scenario.functionName)),
    ...scenario.env,
    ...emulators.env,
  };
}
