import { DEFAULT_PORTS, parseStartOptions, StartOptionsError } from '@scripts/local-pool/options';

describe('parseStartOptions', () => {
  it('uses the default ports and random codes when nothing is set', () => {
    expect(parseStartOptions([], {})).toEqual({ ports: DEFAULT_PORTS, reset: false, params: {}, help: false });
  });

  it('reads ports from the environment, with flags taking precedence', () => {
    const options = parseStartOptions(['--cognito-port', '9330', '--ses-port=0'], {
      LOCAL_POOL_COGNITO_PORT: '9001',
      LOCAL_POOL_LAMBDA_PORT: '4002',
    });

    expect(options.ports).toEqual({ ...DEFAULT_PORTS, cognito: 9330, lambda: 4002, ses: 0 });
  });

  it('reads the reset switch, the record folder, a fixed code and stage parameter overrides', () => {
    const options = parseStartOptions(
      [
        '--reset',
        '--record',
        'recorded',
        '--code',
        '123456',
        '--param',
        'deniedEmailDomains=a.example,b.example',
        '--param=emailFrom=A <a@b.example>',
      ],
      {},
    );

    expect(options).toEqual(
      expect.objectContaining({
        reset: true,
        recordDir: 'recorded',
        fixedCode: '123456',
        params: { deniedEmailDomains: 'a.example,b.example', emailFrom: 'A <a@b.example>' },
      }),
    );
    expect(parseStartOptions([], { LOCAL_POOL_CODE: '654321' }).fixedCode).toBe('654321');
  });

  it('names the flag or variable whose value is unusable', () => {
    expect(() => parseStartOptions(['--lambda-port', 'http'], {})).toThrow(
      new StartOptionsError('--lambda-port must be a port number from 0 to 65535 (0 picks a free one), got "http".'),
    );
    expect(() => parseStartOptions([], { LOCAL_POOL_SES_PORT: '70000' })).toThrow(
      'LOCAL_POOL_SES_PORT must be a port number',
    );
    expect(() => parseStartOptions(['--code', '12ab'], {})).toThrow(
      '--code (LOCAL_POOL_CODE) must be six digits, got "12ab".',
    );
    expect(() => parseStartOptions(['--param', 'novalue'], {})).toThrow(
      '--param must look like name=value, got "novalue".',
    );
    expect(() => parseStartOptions(['--verbose'], {})).toThrow(StartOptionsError);
  });
});
