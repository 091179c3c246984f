import { createLogger } from '@shared/logger';
import { captureLogs } from '@test/helpers/log-capture';

describe('createLogger', () => {
  it('writes one JSON object per line with level, timestamp, message and fields', () => {
    const logs = captureLogs();

    createLogger({ level: 'info', sink: logs.sink }).info('Profile created', { table: 'profiles' });

    expect(logs.entries()).toEqual([
      {
        level: 'info',
        timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        message: 'Profile created',
        table: 'profiles',
      },
    ]);
  });

  it('drops lines below its level', () => {
    const logs = captureLogs();
    const logger = createLogger({ level: 'warn', sink: logs.sink });

    logger.debug('d');
    logger.info('i');
    logger.warn('w');
    logger.error('e');

    expect(logs.entries().map((entry) => entry.level)).toEqual(['warn', 'error']);
  });

  it('adds a child context to every line and redacts it', () => {
    const logs = captureLogs();
    const logger = createLogger({ sink: logs.sink }).child({
      triggerSource: 'PreSignUp_SignUp',
      userName: 'jane@example.com',
    });

    logger.info('checked', { password: 'hunter2' });

    expect(logs.entries()[0]).toMatchObject({
      triggerSource: 'PreSignUp_SignUp',
      userName: 'j***@example.com',
      password: '[redacted]',
    });
  });

  it('writes metric members at the end of the line they belong to, as given, when the line’s level is on', () => {
    const logs = captureLogs();
    const logger = createLogger({ level: 'info', sink: logs.sink }).child({ requestId: 'r-1' });

    logger.emit('"_aws":{"Timestamp":1},"Accepted":1', { level: 'info', message: 'done', fields: { to: 'j@x.io' } });

    expect(logs.entries()).toEqual([
      expect.objectContaining({ level: 'info', message: 'done', to: 'j***@x.io', requestId: 'r-1', Accepted: 1 }),
    ]);
  });

  it('writes metric members alone, with the context, when the line’s level is off', () => {
    const logs = captureLogs();
    const logger = createLogger({ level: 'warn', sink: logs.sink }).child({ requestId: 'r-1' });

    logger.emit('"_aws":{"Timestamp":1},"Accepted":1', { level: 'info', message: 'done' });

    expect(logs.entries()).toEqual([{ requestId: 'r-1', _aws: { Timestamp: 1 }, Accepted: 1 }]);
  });

  it('writes metric members as a line of their own from a logger with no context', () => {
    const logs = captureLogs();

    createLogger({ level: 'error', sink: logs.sink }).emit('"Accepted":1', { level: 'info', message: 'done' });

    expect(logs.entries()).toEqual([{ Accepted: 1 }]);
  });
});
