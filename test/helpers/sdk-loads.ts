/** The AWS SDK clients a function may load. */
const SDK_MODULES = [
  '@aws-sdk/client-cognito-identity-provider',
  '@aws-sdk/client-dynamodb',
  '@aws-sdk/client-secrets-manager',
  '@aws-sdk/client-ses',
] as const;

/**
 * Resets the module registry and watches which AWS SDK client modules are loaded from then on (each still the real
 * module): the names land in the returned list as they are first required or imported.
 */
export function watchSdkLoads(): string[] {
  const loaded: string[] = [];
  jest.resetModules();
  for (const name of SDK_MODULES) {
    jest.doMock(name, () => {
      loaded.push(name);
      return jest.requireActual(name);
    });
  }
  return loaded;
}
