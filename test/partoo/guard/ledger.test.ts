// The default ledger on its own: what it remembers, for how long, and how much. The client re-checks the window
// when it reads an entry, which would hide a ledger that never forgets; these tests do not go through it.
import { describe, expect, it } from 'vitest';
import { DEFAULT_LEDGER_ENTRIES, MemoryLedger } from '../../../src/partoo/guard/ledger.js';

const entry = (id: string) => ({ invitationId: id, sentAt: new Date(0) });

describe('the in-memory ledger', () => {
  it('answers with an entry until its TTL ends, and forgets it from that moment', () => {
    let now = 1_000;
    const ledger = new MemoryLedger(10, () => now);
    ledger.set('k', entry('inv-1'), 500);
    now = 1_499;
    expect(ledger.get('k')).toEqual(entry('inv-1'));
    now = 1_500;
    expect(ledger.get('k')).toBeUndefined();
    // Forgotten, not merely hidden: the memory is given back.
    expect(ledger.size).toBe(0);
    expect(ledger.get('never-set')).toBeUndefined();
  });

  it('a new entry for a key replaces the old one and its expiry', () => {
    let now = 0;
    const ledger = new MemoryLedger(10, () => now);
    ledger.set('k', entry('old'), 100);
    ledger.set('k', entry('new'), 1_000);
    now = 500;
    expect(ledger.get('k')).toEqual(entry('new'));
    expect(ledger.size).toBe(1);
  });

  it('holds at most 20,000 entries by default, dropping the oldest first', () => {
    const ledger = new MemoryLedger(undefined, () => 0);
    expect(DEFAULT_LEDGER_ENTRIES).toBe(20_000);
    for (let i = 0; i <= DEFAULT_LEDGER_ENTRIES; i++) ledger.set(`k${i}`, entry(`inv-${i}`), 60_000);
    expect(ledger.size).toBe(20_000);
    expect(ledger.get('k0')).toBeUndefined();
    expect(ledger.get('k1')).toEqual(entry('inv-1'));
    expect(ledger.get(`k${DEFAULT_LEDGER_ENTRIES}`)).toEqual(entry(`inv-${DEFAULT_LEDGER_ENTRIES}`));
  });

  it('a key written again moves to the back of the line', () => {
    const ledger = new MemoryLedger(2, () => 0);
    ledger.set('a', entry('a'), 1_000);
    ledger.set('b', entry('b'), 1_000);
    ledger.set('a', entry('a2'), 1_000);
    ledger.set('c', entry('c'), 1_000);
    expect(ledger.get('b')).toBeUndefined();
    expect(ledger.get('a')).toEqual(entry('a2'));
    expect(ledger.get('c')).toEqual(entry('c'));
  });
});
