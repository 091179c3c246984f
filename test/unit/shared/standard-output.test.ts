import fs from 'node:fs';

/** A fresh copy of the module, so that each test starts writing to file descriptor 1. */
function freshWriter(): (text: string) => void {
  let writer: (text: string) => void = () => undefined;
  jest.isolateModules(() => {
    ({ writeStandardOutput: writer } =
      jest.requireActual<typeof import('@shared/standard-output')>('@shared/standard-output'));
  });
  return writer;
}

describe('writeStandardOutput', () => {
  let direct: jest.SpyInstance;
  let stream: jest.SpyInstance;

  beforeEach(() => {
    direct = jest.spyOn(fs, 'writeSync');
    stream = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  });

  afterEach(() => jest.restoreAllMocks());

  it('writes to file descriptor 1, without process.stdout', () => {
    direct.mockImplementation((_fd: number, text: string) => Buffer.byteLength(text));

    freshWriter()('{"message":"é"}\n');

    expect(direct).toHaveBeenCalledWith(1, '{"message":"é"}\n');
    expect(stream).not.toHaveBeenCalled();
  });

  it('hands the rest of a partly written line to process.stdout, and every later line', () => {
    direct.mockImplementation(() => 3);
    const write = freshWriter();

    write('abcdef\n');
    write('next\n');

    expect(direct).toHaveBeenCalledTimes(1);
    expect(stream.mock.calls.map(([chunk]) => String(chunk))).toEqual(['def\n', 'next\n']);
  });

  it('hands a line the descriptor refuses (EAGAIN) to process.stdout, and every later line', () => {
    direct.mockImplementation(() => {
      throw Object.assign(new Error('write EAGAIN'), { code: 'EAGAIN' });
    });
    const write = freshWriter();

    write('first\n');
    write('second\n');

    expect(stream.mock.calls.map(([chunk]) => String(chunk))).toEqual(['first\n', 'second\n']);
  });

  it('drops a line it cannot write for any other reason, without throwing', () => {
    direct.mockImplementation(() => {
      throw Object.assign(new Error('write EPIPE'), { code: 'EPIPE' });
    });
    const write = freshWriter();

    expect(() => write('lost\n')).not.toThrow();
    expect(stream).not.toHaveBeenCalled();
  });
});
