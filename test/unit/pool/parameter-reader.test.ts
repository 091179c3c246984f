import { ParameterError, parameterReader } from '@resources/pool/parameter-reader';

/** A reader over `values`, as the framework would resolve `param:<name>`. */
function readerOf(values: Record<string, unknown>) {
  return parameterReader(async (address) => values[address.replace(/^param:/, '')]);
}

async function problem(read: () => Promise<unknown>): Promise<string> {
  const error = await read().then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ParameterError);
  return (error as Error).message;
}

describe('parameterReader', () => {
  it('reads each kind of parameter by the rule its catalog entry declares', async () => {
    const params = readerOf({
      mfa: 'optional',
      passwordMinLength: 14,
      deletionProtection: 'TRUE',
      oauthScopes: ' openid , email,, ',
      emailFrom: '  Example <no-reply@example.com> ',
    });

    await expect(params.oneOf('mfa')).resolves.toBe('OPTIONAL');
    await expect(params.integer('passwordMinLength')).resolves.toBe(14);
    await expect(params.boolean('deletionProtection')).resolves.toBe(true);
    await expect(params.list('oauthScopes')).resolves.toEqual(['openid', 'email']);
    await expect(params.text('emailFrom')).resolves.toBe('Example <no-reply@example.com>');
  });

  it('takes ranges and allowed values from the catalog, so the messages state them', async () => {
    expect(await problem(() => readerOf({ mfa: 'sometimes' }).oneOf('mfa'))).toBe(
      'Stage parameter "mfa" must be one of OFF, OPTIONAL, ON, got "sometimes".',
    );
    expect(await problem(() => readerOf({ passwordMinLength: '100' }).integer('passwordMinLength'))).toBe(
      'Stage parameter "passwordMinLength" must be a whole number from 6 to 99, got "100".',
    );
    expect(await problem(() => readerOf({ logRetentionDays: '' }).integer('logRetentionDays'))).toBe(
      'Stage parameter "logRetentionDays" must be a whole number from 1 to 3653, got "".',
    );
    expect(await problem(() => readerOf({ mfaSms: 'yes' }).boolean('mfaSms'))).toBe(
      'Stage parameter "mfaSms" must be true or false, got "yes".',
    );
    expect(
      await problem(() => readerOf({ autoVerifiedAttributes: 'email,fax,pager' }).list('autoVerifiedAttributes')),
    ).toBe('Stage parameter "autoVerifiedAttributes" contains "fax", "pager"; allowed: email, phone_number.');
  });

  it('refuses to read a parameter as another kind than it is declared', async () => {
    await expect(readerOf({ mfa: 'OFF' }).boolean('mfa')).rejects.toThrow(
      'Stage parameter "mfa" is declared as oneOf, not boolean.',
    );
  });

  it('refuses a name the catalog does not have', async () => {
    await expect(readerOf({}).value('noSuchParameter')).rejects.toThrow(
      'No stage parameter "noSuchParameter" in resources/parameters/.',
    );
  });
});
