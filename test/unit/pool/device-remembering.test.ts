import { settingsWith } from '@test/helpers/stage-parameters';

describe('deviceRemembering in the pool settings', () => {
  it('leaves DeviceConfiguration out when off, the default', async () => {
    expect((await settingsWith({})).deviceConfiguration).toEqual({ Ref: 'AWS::NoValue' });
  });

  it.each([
    ['always', false],
    ['opt-in', true],
  ])(
    '%s: remembers devices, with a challenge on a new one, on the user’s prompt only when opt-in',
    async (value, onPrompt) => {
      expect((await settingsWith({ deviceRemembering: value })).deviceConfiguration).toEqual({
        ChallengeRequiredOnNewDevice: true,
        DeviceOnlyRememberedOnUserPrompt: onPrompt,
      });
    },
  );
});
