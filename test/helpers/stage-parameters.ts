import { PARAMETERS } from '@resources/parameters/catalog';
import { type StageName, valueOn } from '@resources/parameters/parameter';
import type { ResolveVariable } from '@resources/pool/parameter-reader';
import { poolSettings } from '@resources/pool/settings';

/** Stage parameter values that replace the declared ones, as `--param=name=value` does. */
export type ParameterOverrides = Readonly<Record<string, string>>;

/**
 * The framework's resolver for `param:<name>`: the declared value on `stage` (with `${sls:stage}` as `dev`),
 * unless `overrides` has one.
 */
export function stageResolver(
  overrides: ParameterOverrides = {},
  stage: 'default' | StageName = 'default',
): ResolveVariable {
  return async (address) => {
    const name = address.replace(/^param:/, '');
    if (Object.hasOwn(overrides, name)) return overrides[name];
    const parameter = PARAMETERS.find((candidate) => candidate.name === name);
    return parameter === undefined ? undefined : String(valueOn(parameter, stage)).replaceAll('${sls:stage}', 'dev');
  };
}

/** The pool settings `serverless package` derives for the default stage values with `overrides`. */
export function settingsWith(overrides: ParameterOverrides = {}) {
  return poolSettings({ resolveVariable: stageResolver(overrides) });
}

/** The message of the error `settingsWith(overrides)` stops with, or undefined when it succeeds. */
export async function refusalOf(overrides: ParameterOverrides): Promise<string | undefined> {
  return settingsWith(overrides).then(
    () => undefined,
    (error: Error) => error.message,
  );
}
