// A guard store or ledger of the caller's own, as the client drives it: the lock taken and given back, the send
// recorded before the release, waiting on another worker's lock, and a store that fails (reported, not fatal).
import { describe, expect, it } from 'vitest';
import type { GuardStore, LedgerEntry } from '../../../src/redis/index.js';
import { BIZ, harness } from '../../support/harness.js';

const PHONE = '+33601020304';
const input = { businessId: BIZ, targetPhone: PHONE };
const KEY = `${BIZ}:${PHONE}`;

/** An in-memory store that logs every call, its lock free unless `held` says otherwise. */
function recordingStore(opts: { held?: () => boolean; merged?: boolean; extend?: boolean } = {}) {
  const calls: string[] = [];
  const ledger = new Map<string, LedgerEntry>();
  const owners: string[] = [];
  const store: GuardStore = {
    get: async (key) => (calls.push(`get ${key}`), ledger.get(key)),
    set: async (key, entry, ttlMs) => void (calls.push(`set ${key} ${ttlMs > 0}`), ledger.set(key, entry)),
    acquire: async (key, owner, ttlMs) => {
      calls.push(`acquire ${key} ${ttlMs}`);
      owners.push(owner);
      return !(opts.held?.() ?? false);
    },
    release: async (key, owner) => void calls.push(`release ${key} ${owner === owners.at(-1)}`),
  };
  if (opts.merged) {
    store.recordAndRelease = async (key, entry, ttlMs, owner) =>
      void (calls.push(`recordAndRelease ${key} ${ttlMs > 0} ${owner === owners.at(-1)}`), ledger.set(key, entry));
  }
  if (opts.extend) {
    store.extend = async (key, owner, ttlMs) => (calls.push(`extend ${key} ${ttlMs} ${owner === owners.at(-1)}`), true);
  }
  return { store, calls, ledger };
}

const captureWarnings = async (run: (warnings: string[]) => Promise<void>) => {
  const warnings: string[] = [];
  const warn = console.warn;
  console.warn = (m: string) => void warnings.push(m);
  try {
    await run(warnings);
  } finally {
    console.warn = warn;
  }
};

describe('a send with a shared store', () => {
  it('reads the ledger, locks the number, sends, records the send, then releases, in that order', async () => {
    const { store, calls, ledger } = recordingStore();
    const h = await harness({ partoo: { guard: { store, lockTtlMs: 5_000 } } });
    const result = await h.partoo.reviewBooster.sendInvitation(input);
    expect(result.status).toBe('sent');
    expect(calls).toEqual([`get ${KEY}`, `acquire ${KEY} 5000`, `set ${KEY} true`, `release ${KEY} true`]);
    expect(ledger.get(KEY)).toMatchObject({ invitationId: result.status === 'sent' && result.invitationId });
    // A second send is skipped from the shared ledger, with no request and no lock.
    calls.length = 0;
    const again = await h.partoo.reviewBooster.sendInvitation(input);
    expect(again).toMatchObject({ status: 'skipped' });
    expect(calls).toEqual([`get ${KEY}`]);
    expect(h.posts()).toHaveLength(1);
  });

  it('records and releases in one call where the store can', async () => {
    const { store, calls } = recordingStore({ merged: true });
    const h = await harness({ partoo: { guard: { store } } });
    await h.partoo.reviewBooster.sendInvitation(input);
    expect(calls).toEqual([`get ${KEY}`, `acquire ${KEY} 60000`, `recordAndRelease ${KEY} true true`]);
  });

  it('a skip found by the search is recorded too, so the next worker needs no search', async () => {
    const { store, calls } = recordingStore({ merged: true });
    const h = await harness({ partoo: { guard: { store } } });
    await h.sendElsewhere(PHONE);
    expect(await h.partoo.reviewBooster.sendInvitation(input)).toMatchObject({ status: 'skipped' });
    expect(calls).toContain(`recordAndRelease ${KEY} true true`);
  });

  it('a forced send takes no lock, and is still recorded', async () => {
    const { store, calls } = recordingStore({ merged: true });
    const h = await harness({ partoo: { guard: { store } } });
    await h.partoo.reviewBooster.sendInvitation({ ...input, force: true });
    expect(calls).toEqual([`set ${KEY} true`]);
  });

  it('waits while another worker holds the number, and skips once its send shows in the ledger', async () => {
    let acquires = 0;
    const { store, calls, ledger } = recordingStore({ held: () => ++acquires < 10 });
    const h = await harness({ partoo: { guard: { store } } });
    let reads = 0;
    const get = store.get;
    store.get = async (key) => {
      // The other worker records its send while this one waits (its second look at the ledger).
      if (++reads === 3) ledger.set(key, { invitationId: 'theirs', sentAt: h.mocks.clock.now() });
      return get(key);
    };
    const result = await h.partoo.reviewBooster.sendInvitation(input);
    expect(result).toMatchObject({ status: 'skipped', lastInvitation: { id: 'theirs' } });
    expect(h.requests).toHaveLength(0);
    // Two waits of 100 to 250 ms each (on the harness's clock, which records them), and no release of a lock it
    // never held.
    expect(h.sleeps).toHaveLength(2);
    for (const ms of h.sleeps) expect(ms >= 100 && ms < 250, `a wait of ${ms} ms`).toBe(true);
    expect(calls.filter((c) => c.startsWith('acquire'))).toHaveLength(2);
    expect(calls.some((c) => c.startsWith('release'))).toBe(false);
  });

  it('renews a lock while a slow send runs, at a third of its TTL', async () => {
    const { store, calls } = recordingStore({ extend: true });
    const h = await harness({ partoo: { guard: { store, lockTtlMs: 300 } } });
    h.setFault(async (req, forward) => {
      if (req.method === 'POST') await new Promise((r) => setTimeout(r, 450));
      return forward(req);
    });
    await h.partoo.reviewBooster.sendInvitation(input);
    const renewals = calls.filter((c) => c.startsWith('extend'));
    expect(renewals.length).toBeGreaterThanOrEqual(2);
    expect(renewals[0]).toBe(`extend ${KEY} 300 true`);
    // Renewals stop with the send.
    const after = calls.length;
    await new Promise((r) => setTimeout(r, 250));
    expect(calls.length).toBe(after);
  });

  it('a lock not taken because the store fails: the send goes on with the search, nothing to release', async () => {
    const { store, calls } = recordingStore();
    store.acquire = async () => {
      throw new Error('store down');
    };
    await captureWarnings(async (warnings) => {
      const h = await harness({ partoo: { guard: { store, storeTimeoutMs: 60 } } });
      expect((await h.partoo.reviewBooster.sendInvitation(input)).status).toBe('sent');
      expect(calls.some((c) => c.startsWith('release'))).toBe(false);
      expect(warnings.join('\n')).toContain('guard store failed (store down)');
    });
  });
});

describe('a ledger of the caller own that fails', () => {
  it('is reported once with its reason, the search guards meanwhile, and its return is reported too', async () => {
    let failing = true;
    const entries = new Map<string, LedgerEntry>();
    const ledger = {
      get: async (key: string) => {
        if (failing) throw new Error('ledger unreachable');
        return entries.get(key);
      },
      set: async (key: string, entry: LedgerEntry) => {
        if (failing) throw new Error('ledger unreachable');
        entries.set(key, entry);
      },
    };
    await captureWarnings(async (warnings) => {
      const h = await harness({ partoo: { guard: { ledger, storeTimeoutMs: 60 } } });
      expect((await h.partoo.reviewBooster.sendInvitation(input)).status).toBe('sent');
      expect((await h.partoo.reviewBooster.sendInvitation(input)).status).toBe('skipped');
      expect(h.posts()).toHaveLength(1);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain("guard store failed (ledger unreachable); checking with Partoo's search alone");
      failing = false;
      await h.partoo.reviewBooster.sendInvitation({ ...input, targetPhone: '+33601020305' });
      expect(warnings).toHaveLength(2);
      expect(warnings[1]).toContain('guard store answers again; locks and the shared ledger are back in use');
    });
  });

  it('a call that fails once and then answers within its deadline is ridden out: no warning', async () => {
    let failures = 1;
    const ledger = {
      get: async () => {
        if (failures-- > 0) throw new Error('blip');
        return undefined;
      },
      set: async () => {},
    };
    await captureWarnings(async (warnings) => {
      const h = await harness({ partoo: { guard: { ledger, storeTimeoutMs: 1_000 } } });
      expect((await h.partoo.reviewBooster.sendInvitation(input)).status).toBe('sent');
      expect(warnings).toEqual([]);
    });
  });

  it('the default in-memory ledger needs no deadline and never warns', async () => {
    await captureWarnings(async (warnings) => {
      const h = await harness();
      expect((await h.partoo.reviewBooster.sendInvitation(input)).status).toBe('sent');
      expect((await h.partoo.reviewBooster.sendInvitation(input)).status).toBe('skipped');
      expect(h.requests).toHaveLength(2);
      expect(warnings).toEqual([]);
    });
  });
});

describe('store calls under their deadline', () => {
  it('a store that answers in 20 ms, well within its deadline, is used: no warning, the ledger answers', async () => {
    const entries = new Map<string, LedgerEntry>();
    const slow = <T>(value: T) => new Promise<T>((r) => setTimeout(() => r(value), 20));
    const ledger = {
      get: (key: string) => slow(entries.get(key)),
      set: (key: string, entry: LedgerEntry) => slow(void entries.set(key, entry)),
    };
    await captureWarnings(async (warnings) => {
      const h = await harness({ partoo: { guard: { ledger, storeTimeoutMs: 500 } } });
      await h.partoo.reviewBooster.sendInvitation(input);
      expect(await h.partoo.reviewBooster.sendInvitation(input)).toMatchObject({ status: 'skipped' });
      // The second send was answered by the ledger: no search.
      expect(h.requests).toHaveLength(2);
      expect(warnings).toEqual([]);
    });
  });

  it('a store that rejects with no error at all still degrades to the search, saying so', async () => {
    const ledger = { get: () => Promise.reject(undefined), set: () => Promise.reject(null) };
    await captureWarnings(async (warnings) => {
      const h = await harness({ partoo: { guard: { ledger, storeTimeoutMs: 60 } } });
      expect((await h.partoo.reviewBooster.sendInvitation(input)).status).toBe('sent');
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain('guard store failed (undefined)');
    });
  });

  it('while the store is down, one call at a time tries it; the others go on without waiting for it', async () => {
    let reads = 0;
    const ledger = {
      get: () => (reads++, new Promise<undefined>(() => {})),
      set: () => new Promise<void>(() => {}),
    };
    await captureWarnings(async () => {
      const h = await harness({ partoo: { guard: { ledger, storeTimeoutMs: 500 } } });
      await h.partoo.reviewBooster.sendInvitation(input);
      reads = 0;
      const phones = ['+33601020311', '+33601020312', '+33601020313'];
      const results = await Promise.all(
        phones.map((targetPhone) => h.partoo.reviewBooster.sendInvitation({ ...input, targetPhone })),
      );
      expect(results.map((r) => r.status)).toEqual(['sent', 'sent', 'sent']);
      // Three sends read the ledger at the same moment: only one of them asked the dead store.
      expect(reads).toBe(1);
    });
  });

  it('a store that keeps failing at once is given up on with its own error, not a timeout', async () => {
    let calls = 0;
    const ledger = {
      get: async () => {
        calls++;
        throw new Error('connection refused');
      },
      set: async () => {},
    };
    await captureWarnings(async (warnings) => {
      const h = await harness({ partoo: { guard: { ledger, storeTimeoutMs: 200 } } });
      await h.partoo.reviewBooster.sendInvitation(input);
      expect(warnings[0]).toContain('guard store failed (connection refused)');
      // Tried again every 25 ms within its 200 ms: a few times, not once and not endlessly.
      expect(calls).toBeGreaterThan(1);
      expect(calls).toBeLessThanOrEqual(9);
    });
  });
});
