// Every secret a live client holds is registered here, so error text built from server bodies, URLs or
// causes can be scrubbed of it whatever the path it took. Each secret counts the clients holding it and leaves
// when the last is collected: a process that makes a client per tenant neither grows nor slows its redaction.
const secrets = new Map<string, number>();
/** The secrets as UTF-8 bytes, for scrubbing a body as it streams; rebuilt when the set changes. */
let encoded: Uint8Array[] | undefined;
const collected = new FinalizationRegistry<string[]>((held) => {
  for (const s of held) {
    const n = (secrets.get(s) ?? 1) - 1;
    if (n > 0) secrets.set(s, n);
    else secrets.delete(s);
  }
  encoded = undefined;
});
const REDACTED = '[redacted]';
const utf8 = new TextEncoder();

/** Every registered secret's UTF-8 bytes (scrubbed-response.ts scrubs bodies byte by byte). */
export const secretBytes = (): Uint8Array[] => (encoded ??= [...secrets.keys()].map((s) => utf8.encode(s)));
/** How deep a parsed body is kept; what lies deeper is redacted whole (its secrets still scrubbed from the rest). */
const MAX_DEPTH = 20;
const SECRET_KEYS = /^(user_token|authorization|x-apikey|api_?key(_secret)?|apiKeySecret|password)$/i;

/**
 * Registers secrets for as long as `owner` lives. The owner must be reachable from every request the client
 * can still make (the transport's options are: every running call holds them), or a secret could leave early.
 */
export function registerSecrets(owner: object, values: string[]) {
  // Tiny strings would shred ordinary text; a real key is never this short.
  const held = values.filter((v) => v.length >= 6);
  for (const s of held) secrets.set(s, (secrets.get(s) ?? 0) + 1);
  encoded = undefined;
  collected.register(owner, held);
}

/** test seam: whether a secret is registered now */
export const isRegistered = (value: string) => secrets.has(value);

/** Base64 of the UTF-8 bytes, as `Buffer` would give, with `btoa` (which every runtime has; `Buffer` only Node's). */
export const basicToken = (id: string, secret: string) =>
  btoa(String.fromCharCode(...new TextEncoder().encode(`${id}:${secret}`)));

/** Every registered secret in `text` replaced; nothing else touched. */
export function redactSecrets(text: string): string {
  let out = text;
  // Stryker disable next-line ConditionalExpression: includes() only skips work; split/join without s is a no-op
  for (const s of secrets.keys()) if (out.includes(s)) out = out.split(s).join(REDACTED);
  return out;
}

export function redactText(text: string): string {
  return redactSecrets(text).replace(/(Basic|Bearer)\s+[A-Za-z0-9+/=._-]{8,}/g, `$1 ${REDACTED}`);
}

/**
 * A deep copy of a parsed body with secret-named fields removed, and their values (a user_token, say)
 * scrubbed wherever else the same body quotes them, along with every registered secret.
 */
export function redactValue<T>(value: T): T {
  const local = new Set<string>();
  collectSecretFields(value, local);
  return scrub(value, local, 0);
}

/** Every string value of a secret-named field, at any depth (a loop, not recursion: no depth overflows it). */
function collectSecretFields(root: unknown, into: Set<string>) {
  const pending = [root];
  const seen = new Set<object>();
  while (pending.length) {
    const value = pending.pop();
    // Stryker disable next-line ConditionalExpression: a string's entries are its characters, none secret-named
    if (!value || typeof value !== 'object' || seen.has(value)) continue;
    seen.add(value);
    for (const [k, v] of Object.entries(value)) {
      if (SECRET_KEYS.test(k) && typeof v === 'string' && v.length >= 6) into.add(v);
      else pending.push(v);
    }
  }
}

function scrub<T>(value: T, local: Set<string>, depth: number): T {
  if (typeof value === 'string') {
    let text = redactText(value);
    // Stryker disable next-line ConditionalExpression: includes() only skips work; split/join without s is a no-op
    for (const s of local) if (text.includes(s)) text = text.split(s).join(REDACTED);
    return text as T;
  }
  if (!value || typeof value !== 'object') return value;
  // Deeper than any error body worth reading: dropped, rather than copied by a recursion without end.
  if (depth > MAX_DEPTH) return REDACTED as T;
  if (Array.isArray(value)) return value.map((v) => scrub(v, local, depth + 1)) as T;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value))
    out[k] = SECRET_KEYS.test(k) && v != null ? REDACTED : scrub(v, local, depth + 1);
  return out as T;
}
