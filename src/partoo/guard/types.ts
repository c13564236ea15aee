// The duplicate guard's public types, in one place: its options, what a send returns, and what a ledger or a shared
// store must offer. src/index.ts and partoo-argyle-sdk/redis re-export them from here.

export interface GuardOptions {
  /** days between two SMS to one number; Partoo's own rule is 10 */
  windowDays?: number;
  /**
   * What decides a send to a number the ledger does not know. `'search-first'` (default): Partoo's search, then the
   * POST only when it shows nothing (2 requests an SMS). `'send-first'`: the POST at once, and the search only when
   * Partoo refuses it (1 request an SMS): the one-SMS promise then rests on Partoo's own 10-day rule, which this
   * package models but cannot test against Partoo. A window over 10 days, or `force`, always searches first.
   */
  check?: GuardCheck;
  /** what this client sent recently, so a repeat costs no request; default in memory, `false` turns it off */
  ledger?: GuardLedger | false;
  /**
   * A store shared by several workers (e.g. `redisGuardStore` from `partoo-argyle-sdk/redis`): its ledger replaces
   * the in-memory one, and a short lock per number makes workers take turns. If it fails, the guard goes on
   * with Partoo's search alone, and says so once.
   */
  store?: GuardStore;
  /** how long a worker may hold a number's lock before another may take it, default 60000 */
  lockTtlMs?: number;
  /**
   * After a send whose outcome is unknown (a timeout, a connection lost after the request was written, a 5xx),
   * how long to wait, counted from when the client gave up, before the search that decides whether to send
   * again: a request the client abandoned may still be travelling. Default: the larger of `timeoutMs` and 30000.
   */
  settleMs?: number;
  /**
   * With `force: true`, Partoo's own 10-day rule is off, so nothing refuses a second POST if the first one lands
   * after the deciding search. `false` (default): such a send ends in `ConnectionError { outcomeUnknown: true }`
   * instead; `true`: it is sent again, accepting a possible double SMS.
   */
  resendUnknown?: boolean;
  /** a deadline for each call to `store`, default 500 ms; past it the send goes on with Partoo's search alone */
  storeTimeoutMs?: number;
}

/** The order in which the guard checks a number its ledger does not know. */
export type GuardCheck = 'search-first' | 'send-first';

export type SendResult =
  | { status: 'sent'; invitationId: string; targetPhone: string }
  | {
      status: 'skipped';
      reason: 'recently_invited';
      targetPhone: string;
      lastInvitation: { id: string; sentAt: Date };
      nextAllowedAt: Date;
    };

export type SkippedResult = Extract<SendResult, { status: 'skipped' }>;

export interface LedgerEntry {
  invitationId: string;
  sentAt: Date;
}

/** Where the guard remembers sends; the in-memory one is the default, a shared store can back it. */
export interface GuardLedger {
  get(key: string): Promise<LedgerEntry | undefined> | LedgerEntry | undefined;
  /** `ttlMs`: how long the entry matters (until the window ends) */
  set(key: string, entry: LedgerEntry, ttlMs: number): Promise<void> | void;
}

/**
 * What must be shared between workers: the ledger of recent sends and a short lock per (business, number). The
 * guard may call an operation again when a call failed (its answer may have been lost on the way back), so each
 * must be safe to repeat: `acquire` answers true when `owner` already holds the lock.
 */
export interface GuardStore extends GuardLedger {
  /** Takes the lock on `key` for `owner` during `ttlMs`; false while another owner holds it. */
  acquire(key: string, owner: string, ttlMs: number): Promise<boolean> | boolean;
  /** Releases the lock if, and only if, `owner` still holds it. */
  release(key: string, owner: string): Promise<void> | void;
  /**
   * Sets the lock's TTL to `ttlMs` again if, and only if, `owner` still holds it. With it, a live owner keeps
   * its lock however long its send takes, and only a crashed owner's lock expires; without it, a send slower
   * than the TTL can lose its lock to another worker.
   */
  extend?(key: string, owner: string, ttlMs: number): Promise<boolean> | boolean;
  /**
   * Records `entry` as `set` does and releases the lock if `owner` still holds it, in one round trip. Without it
   * the guard calls `set`, then `release`.
   */
  recordAndRelease?(key: string, entry: LedgerEntry, ttlMs: number, owner: string): Promise<void> | void;
}
