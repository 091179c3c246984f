import { FUNCTIONS } from '@functions/registry';
import { buildProductionBundle, deployedFunction } from '@scripts/bench/production-build';
import { SDK_MODULE_OF_SERVICE, sdkModulesOf } from '@scripts/build/one-sdk-import';

const SDK_MODULE = /^shared\/aws\/sdk\/([\w-]+)\.ts$/;

describe('one import() of the AWS SDK per function', () => {
  it('knows the SDK module of each service the functions’ roles allow', () => {
    const services = FUNCTIONS.flatMap(({ tables = {}, permissions = [] }) =>
      [...Object.values(tables), ...permissions].flatMap(({ actions }) =>
        actions.map((action) => action.split(':')[0]),
      ),
    );

    expect([...new Set(services)].filter((service) => !((service ?? '') in SDK_MODULE_OF_SERVICE))).toEqual([]);
    expect(Object.fromEntries(FUNCTIONS.map((declaration) => [declaration.name, sdkModulesOf(declaration)]))).toEqual({
      preSignUp: ['cognito'],
      customMessage: [],
      userMigration: ['dynamodb'],
      postConfirmation: ['cognito', 'dynamodb', 'ses'],
    });
  });

  it.each(FUNCTIONS.map(({ name }) => name))('%s: all its SDK modules are in one chunk', async (name) => {
    const built = await buildProductionBundle(deployedFunction(name).entry);
    const holding = Object.entries(built.metafile.outputs).filter(
      ([key, output]) => key.endsWith('.js') && Object.keys(output.inputs).some((input) => SDK_MODULE.test(input)),
    );
    const modules = holding.flatMap(([, output]) =>
      Object.keys(output.inputs).flatMap((input) => SDK_MODULE.exec(input)?.[1] ?? []),
    );

    expect(holding.length).toBe(modules.length === 0 ? 0 : 1);
    expect(modules.sort()).toEqual(
      sdkModulesOf(FUNCTIONS.find((declaration) => declaration.name === name) ?? FUNCTIONS[0]).sort(),
    );
  });
});
