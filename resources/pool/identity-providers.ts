import { ParameterError, type ParameterReader } from './parameter-reader';

/**
 * Which federated identity providers are configured, as the `"true"`/`"false"` flags behind the template's
 * Conditions; Apple and SAML need every one of their parameters.
 */
export async function identityProviderFlags(params: ParameterReader): Promise<Record<string, string>> {
  const apple = [
    await params.text('appleServicesId'),
    await params.text('appleTeamId'),
    await params.text('appleKeyId'),
  ];
  const saml = [await params.text('samlProviderName'), await params.text('samlMetadataUrl')];
  const appleSet = apple.filter((value) => value !== '').length;
  if (appleSet !== 0 && appleSet !== apple.length) {
    throw new ParameterError(
      'appleServicesId',
      'and appleTeamId and appleKeyId must be set together (or all left empty).',
    );
  }
  if ((saml[0] === '') !== (saml[1] === '')) {
    throw new ParameterError('samlProviderName', 'and samlMetadataUrl must be set together (or both left empty).');
  }
  if (saml[0] !== '' && !/^[\w.-]{1,32}$/.test(saml[0] ?? '')) {
    throw new ParameterError('samlProviderName', 'must be 1-32 letters, digits, ".", "_" or "-".');
  }
  return {
    google: String((await params.text('googleClientId')) !== ''),
    facebook: String((await params.text('facebookAppId')) !== ''),
    apple: String(appleSet === apple.length),
    amazon: String((await params.text('amazonClientId')) !== ''),
    saml: String(saml[0] !== ''),
  };
}
