// A client's operations load from its construction and are built at its first call: once, however many calls
// race for them, and a load that fails surfaces at the calls, never as an unhandled rejection.
import { describe, expect, it } from 'vitest';
import { loadedOnce } from '../../src/core/lazy-api.js';

describe('operations loaded once', () => {
  it('builds once, at the first call, for every call that races for it', async () => {
    let builds = 0;
    const ops = loadedOnce(Promise.resolve({ make: () => ({ n: ++builds }) }), (m) => m.make());
    expect(builds).toBe(0);
    const all = await Promise.all([ops(), ops(), ops()]);
    expect(builds).toBe(1);
    expect(new Set(all).size).toBe(1);
    expect(await ops()).toBe(all[0]);
  });

  it('a load that fails is no unhandled rejection, and each call reports it', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const ops = loadedOnce(Promise.reject(new Error('chunk missing')), () => 'never');
      await new Promise((r) => setTimeout(r, 20));
      expect(unhandled).toEqual([]);
      await expect(ops()).rejects.toThrow('chunk missing');
      await expect(ops()).rejects.toThrow('chunk missing');
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
