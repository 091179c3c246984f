import { DependencyError, InvalidEventError, Refusal, UserFacingError } from '@shared/errors';
import { outcomeOfError } from '@shared/metrics/outcome';
import { StepError } from '@shared/steps';

const stepped = <E extends { step?: string }>(error: E, step: string): E => Object.assign(error, { step });

describe('outcomeOfError', () => {
  it('counts a refusal against the step that refused', () => {
    const refusal = stepped(new Refusal({ en: 'No.', fr: 'Non.', es: 'No.', de: 'Nein.' }), 'deny-listed-domains');

    expect(outcomeOfError(refusal)).toEqual({ kind: 'Refused', rule: 'deny-listed-domains' });
    expect(outcomeOfError(new UserFacingError('No.'))).toEqual({ kind: 'Refused', rule: 'none' });
  });

  it('counts a failure against the service a DependencyError names', () => {
    const error = new DependencyError('ListUsers failed.', { cause: new Error('x'), dependency: 'Cognito' });

    expect(outcomeOfError(error)).toEqual({ kind: 'Failed', dependency: 'Cognito' });
  });

  it('counts a malformed event as a failure of the event, though its message reaches Cognito', () => {
    expect(outcomeOfError(new InvalidEventError('Invalid PreSignUp event: …'))).toEqual({
      kind: 'Failed',
      dependency: 'event',
    });
  });

  it('counts middy’s early timeout as a timeout, and any other error against nothing named', () => {
    const timeout = Object.assign(
      new Error('[AbortError]: The operation was aborted.', { cause: { package: '@middy/core' } }),
      {
        name: 'TimeoutError',
      },
    );

    expect(outcomeOfError(timeout)).toEqual({ kind: 'Failed', dependency: 'timeout' });
    expect(outcomeOfError(new StepError('broken', new TypeError('x')))).toEqual({ kind: 'Failed', dependency: 'none' });
    expect(outcomeOfError('a string')).toEqual({ kind: 'Failed', dependency: 'none' });
  });
});
