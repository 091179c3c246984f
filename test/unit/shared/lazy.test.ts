import { lazy } from '@shared/lazy';

describe('lazy', () => {
  it('creates the value on first use only, and once', () => {
    const create = jest.fn(() => ({ client: 1 }));
    const get = lazy(create);

    expect(create).not.toHaveBeenCalled();
    expect(get()).toBe(get());
    expect(create).toHaveBeenCalledTimes(1);
  });

  it('tries again after an asynchronous creation failed', async () => {
    const create = jest.fn().mockRejectedValueOnce(new Error('module failed to load')).mockResolvedValueOnce('client');
    const get = lazy(create as () => Promise<string>);

    await expect(get()).rejects.toThrow('module failed to load');
    await expect(get()).resolves.toBe('client');
    expect(create).toHaveBeenCalledTimes(2);
  });

  it('tries again after a creation threw', () => {
    const create = jest
      .fn()
      .mockImplementationOnce(() => {
        throw new Error('bad config');
      })
      .mockReturnValueOnce('client');
    const get = lazy(create as () => string);

    expect(() => get()).toThrow('bad config');
    expect(get()).toBe('client');
  });
});
