import { envReader, readCommonConfig } from '@shared/config';
import { ConfigError } from '@shared/errors';

describe('envReader', () => {
  it('reads strings, with fallbacks for unset and blank values', () => {
    const env = envReader({ TABLE: ' profiles ', BLANK: '  ' });

    expect(env.string('TABLE')).toBe('profiles');
    expect(env.string('BLANK', 'fallback')).toBe('fallback');
  });

  it('names a missing required variable', () => {
    expect(() => envReader({}).string('USER_PROFILES_TABLE')).toThrow(
      new ConfigError('USER_PROFILES_TABLE is required but not set.'),
    );
  });

  it('parses booleans and rejects anything else, naming the variable', () => {
    const env = envReader({ A: 'TRUE', B: '0', C: 'maybe' });

    expect(env.boolean('A', false)).toBe(true);
    expect(env.boolean('B', true)).toBe(false);
    expect(env.boolean('UNSET', true)).toBe(true);
    expect(() => env.boolean('C', false)).toThrow('C must be true or false, got "maybe".');
  });

  it('parses whole numbers within a range', () => {
    const env = envReader({ OK: '12', FRACTION: '1.5', BIG: '1000' });

    expect(env.integer('OK', 1, { min: 1, max: 99 })).toBe(12);
    expect(() => env.integer('FRACTION', 1, { min: 1, max: 99 })).toThrow(
      'FRACTION must be a whole number from 1 to 99',
    );
    expect(() => env.integer('BIG', 1, { min: 1, max: 99 })).toThrow('BIG must be a whole number from 1 to 99');
  });

  it('matches enumerations case-insensitively and lists the allowed values when wrong', () => {
    const env = envReader({ MODE: 'Strict', BAD: 'loose' });

    expect(env.oneOf('MODE', ['strict', 'off'], 'off')).toBe('strict');
    expect(() => env.oneOf('BAD', ['strict', 'off'], 'off')).toThrow('BAD must be one of strict, off, got "loose".');
  });

  it('splits comma-separated lists, dropping empty items', () => {
    expect(envReader({ DOMAINS: ' example.com, ,example.org ' }).list('DOMAINS')).toEqual([
      'example.com',
      'example.org',
    ]);
    expect(envReader({}).list('DOMAINS')).toEqual([]);
  });
});

describe('readCommonConfig', () => {
  it('defaults the log level to info and rejects unknown levels', () => {
    expect(readCommonConfig(envReader({}))).toEqual({ logLevel: 'info', logEvents: false });
    expect(() => readCommonConfig(envReader({ LOG_LEVEL: 'verbose' }))).toThrow(
      'LOG_LEVEL must be one of debug, info, warn, error',
    );
  });

  it('takes the application log level of Lambda’s advanced logging controls over LOG_LEVEL', () => {
    const level = (env: Record<string, string>) => readCommonConfig(envReader(env)).logLevel;

    expect(level({ AWS_LAMBDA_LOG_LEVEL: 'WARN', LOG_LEVEL: 'debug' })).toBe('warn');
    expect(level({ AWS_LAMBDA_LOG_LEVEL: 'TRACE' })).toBe('debug');
    expect(level({ AWS_LAMBDA_LOG_LEVEL: 'FATAL' })).toBe('error');
    expect(level({ AWS_LAMBDA_LOG_LEVEL: '', LOG_LEVEL: 'error' })).toBe('error');
    expect(() => level({ AWS_LAMBDA_LOG_LEVEL: 'LOUD' })).toThrow(
      'AWS_LAMBDA_LOG_LEVEL must be one of TRACE, DEBUG, INFO, WARN, ERROR, FATAL, got "LOUD".',
    );
  });
});
