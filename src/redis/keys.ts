// Where the store keeps its keys. Every key of one store carries one hash tag, `{<prefix>}`, so every key a script
// touches (a number's lock and ledger entry, the store's epoch and fence) is in one hash slot, and a Redis Cluster
// runs the scripts unchanged. One tag for the whole store, rather than one per number: the epoch and fence are
// shared by every lock, so per-number tags would need an epoch and fence per slot and a fence on each of them
// after a restart; one slot serves far more than Partoo's 5 requests a second (a node runs ~100k scripts a second).

export interface KeyLayout {
  ledger(key: string): string[];
  lock(key: string): string[];
  /** epoch and fence, then the earlier epoch when the earlier layout is kept */
  epoch: string[];
}

/**
 * A prefix that already holds a `{tag}` is used as it is (its keys already shared a slot). Otherwise the keys are
 * `{prefix}…`; `legacy` also writes and honours the untagged names of earlier versions, for a single node where
 * workers of both may run during an upgrade.
 */
export function keyLayout(prefix: string, legacy: boolean): KeyLayout {
  const tagged = /\{[^}]+\}/.test(prefix);
  const body = prefix.replace(/:$/, '') || 'partoo-argyle-sdk';
  const base = tagged ? prefix : `{${body}}${prefix.endsWith(':') ? ':' : ''}`;
  const old = legacy && !tagged ? prefix : undefined;
  const both = (name: string) => (old === undefined ? [base + name] : [base + name, old + name]);
  return {
    ledger: (key) => both(`ledger:${key}`),
    lock: (key) => both(`lock:${key}`),
    epoch: [`${base}epoch`, `${base}fence`, ...(old === undefined ? [] : [`${old}epoch`])],
  };
}
