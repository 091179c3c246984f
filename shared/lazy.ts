/**
 * Returns a function that creates a value on its first call and returns the same value afterwards; AWS
 * clients and large tables are made this way, once per container and only on the path that uses them.
 * A creation that fails (throws, or returns a promise that rejects) is not kept, so the next call tries again.
 */
export function lazy<T>(create: () => T): () => T {
  let value: { current: T } | undefined;
  return () => {
    if (value === undefined) {
      const current = create();
      value = { current };
      if (current instanceof Promise) {
        current.catch(() => {
          if (value?.current === current) value = undefined;
        });
      }
    }
    return value.current;
  };
}
