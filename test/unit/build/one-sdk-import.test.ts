import { DEPLOYED_FUNCTIONS } from '@functions/registry';
import { buildProductionBundle, deployedFunction } from '@scripts/bench/production-build';
import { SDK_MODULE_OF_SERVICE, sdkModulesOf } from '@scripts/build/one-sdk-import';

const SDK_MODULE = /^shared\/aws\/sdk\/([\w-]+)\.ts$/;

describe('one import() of the AWS SDK per function', () => {
  it('knows the SDK module of each service the functions’ roles allow', () => {
    const services = DEPLOYED_FUNCTIONS.flatMap(({ tables = {}, permissions = [] }) =>
      [...Object.values(tables), ...permissions].flatMap(({ actions }) =>
        actions.map((action) => action.split(':')[0]),
      ),
    );

    expect([...new Set(services)].filter((service) => !((service ?? '') in SDK_MODULE_OF_SERVICE))).toEqual([]);
    expect(
      Object.fromEntries(DEPLOYED_FUNCTIONS.map((declaration) => [declaration.name, sdkModulesOf(declaration)])),
    ).toEqual({
      preSignUp: ['cognito'],
      customMessage: [],
      userMigration: ['dynamodb'],
      postConfirmation: ['cognito', 'dynamodb', 'ses'],
      postAuthentication: ['cognito', 'dynamodb', 'ses'],
      preTokenGeneration: [],
      defineAuthChallenge: [],
      createAuthChallenge: ['dynamodb', 'ses', 'secrets-manager'],
      verifyAuthChallengeResponse: ['dynamodb', 'secrets-manager'],
      emailOutbox: ['dynamodb', 'ses'],
    });
  });

  it.each(DEPLOYED_FUNCTIONS.map(({ name }) => name))('%s: all its SDK modules are in one chunk', async (name) => {
    const built = await buildProductionBundle(deployedFunction(name).entry);
    const holding = Object.entries(built.metafile.outputs).filter(
      ([key, output]) => key.endsWith('.js') && Object.keys(output.inputs).some((input) => SDK_MODULE.test(input)),
    );
    const modules = holding.flatMap(([, output]) =>
      Object.keys(output.inputs).flatMap((input) => SDK_MODULE.exec(input)?.[1] ?? []),
    );

    const declaration = DEPLOYED_FUNCTIONS.find((candidate) => candidate.name === name);
    expect(holding.length).toBe(modules.length === 0 ? 0 : 1);
    expect(modules.sort()).toEqual(declaration === undefined ? [undefined] : sdkModulesOf(declaration).sort());
  });
});
