import { join } from 'node:path';
import { DEPLOYED_FUNCTIONS } from '@functions/registry';
import { type DeployedFunctionDeclaration, handlerModuleOf } from '@resources/service/function-declaration';
import type { Plugin } from 'esbuild';

/** The project's folder, whose `shared/aws/sdk/` holds one module per AWS service the functions call. */
const PROJECT_ROOT = join(__dirname, '..', '..');
const SDK_FOLDER = join(PROJECT_ROOT, 'shared', 'aws', 'sdk');
const NAMESPACE = 'function-sdk';

/** The module of `shared/aws/sdk/` for each service prefix of an IAM action. */
export const SDK_MODULE_OF_SERVICE: Readonly<Record<string, string>> = {
  'cognito-idp': 'cognito',
  dynamodb: 'dynamodb',
  ses: 'ses',
  secretsmanager: 'secrets-manager',
};

/** The modules of `shared/aws/sdk/` a function may need: those of the services its role lets it call. */
export function sdkModulesOf(declaration: DeployedFunctionDeclaration): string[] {
  const actions = [
    ...Object.values(declaration.tables ?? {}).flatMap((table) => table.actions),
    ...(declaration.permissions ?? []).flatMap((permission) => permission.actions),
  ];
  const services = new Set(actions.map((action) => action.slice(0, action.indexOf(':'))));
  return Object.entries(SDK_MODULE_OF_SERVICE)
    .filter(([service]) => services.has(service))
    .map(([, module]) => module);
}

/** The registered function whose handler is the one entry of a build, if it is one. */
function functionOfBuild(entryPoints: unknown): DeployedFunctionDeclaration | undefined {
  const entries = Array.isArray(entryPoints) ? entryPoints : [];
  if (entries.length !== 1 || typeof entries[0] !== 'string') return undefined;
  const entry = entries[0].replace(`${PROJECT_ROOT}/`, '').replace(/\.ts$/, '');
  return DEPLOYED_FUNCTIONS.find((declaration) => handlerModuleOf(declaration.name) === entry);
}

/**
 * An esbuild plugin that makes a function load all the AWS SDK it calls with one `import()`: in the build of a
 * function whose role lets it call more than one service, every import of a module of `shared/aws/sdk/` resolves
 * to one module that re-exports them all. Each `import()` loads a graph of chunks of its own, and three of them cost
 * a cold start 4-5 ms more than one graph of the same code (BENCHMARKS.md); a function's AWS path needs all of its
 * services anyway. A function of one service, and any other build, is left as it is.
 */
export const oneSdkImport: Plugin = {
  name: 'one-sdk-import',
  setup(build) {
    const declaration = functionOfBuild(build.initialOptions.entryPoints);
    const modules = declaration === undefined ? [] : sdkModulesOf(declaration);
    if (declaration === undefined || modules.length < 2) return;
    build.onResolve({ filter: /\/sdk\/[\w-]+$/ }, async ({ path, resolveDir, kind, importer, pluginData }) => {
      if ((pluginData as { resolving?: boolean } | undefined)?.resolving) return undefined;
      const resolved = await build.resolve(path, { resolveDir, kind, importer, pluginData: { resolving: true } });
      const inFolder = resolved.path.startsWith(`${SDK_FOLDER}/`);
      return inFolder ? { path: declaration.name, namespace: NAMESPACE } : undefined;
    });
    build.onLoad({ filter: /.*/, namespace: NAMESPACE }, () => ({
      contents: modules
        .map((module) => `export * from ${JSON.stringify(join(SDK_FOLDER, `${module}.ts`))};`)
        .join('\n'),
      loader: 'ts',
      resolveDir: SDK_FOLDER,
    }));
  },
};
