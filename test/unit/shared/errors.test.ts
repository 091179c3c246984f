import { LegacyRecordError } from '@functions/user-migration/legacy-user-store';
import { ConfigError, DependencyError, InvalidEventError, Refusal, UserFacingError } from '@shared/errors';
import { StepError } from '@shared/steps';

describe("the project's errors", () => {
  // The bundles are minified without keeping names, so each class is named in its source (nameClasses).
  it.each([
    ['UserFacingError', new UserFacingError('Use your work email address.')],
    ['Refusal', new Refusal({ en: 'No.', fr: 'Non.', es: 'No.', de: 'Nein.' })],
    ['InvalidEventError', new InvalidEventError('event.request is missing')],
    ['ConfigError', new ConfigError('EMAIL_FROM is not an email address')],
    ['DependencyError', new DependencyError('SES failed', { cause: new Error('x'), dependency: 'SES' })],
    ['StepError', new StepError('send-welcome', new Error('x'))],
    ['LegacyRecordError', new LegacyRecordError('passwordHash', 'is missing')],
  ])('%s is named so, whatever its class is called in a bundle', (name, error) => {
    expect([error.name, error.constructor.name]).toEqual([name, name]);
    expect(String(error)).toMatch(new RegExp(`^${name}: `));
  });
});
