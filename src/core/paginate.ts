/** `for await (const item of list)` walks every item; `list.pages()` yields whole pages. */
export class Paginated<TItem, TPage extends { items: TItem[] }> implements AsyncIterable<TItem> {
  constructor(private readonly walk: () => AsyncGenerator<TPage, void, undefined>) {}
  pages(): AsyncGenerator<TPage, void, undefined> {
    return this.walk();
  }
  async *[Symbol.asyncIterator](): AsyncGenerator<TItem, void, undefined> {
    for await (const page of this.walk()) yield* page.items;
  }
  /** Every item in one array; for bounded lists only. */
  async toArray(): Promise<TItem[]> {
    const out: TItem[] = [];
    for await (const item of this) out.push(item);
    return out;
  }
}

/**
 * Guards a page walk against servers that never end: a page whose fingerprint was already seen
 * means the server is repeating itself, and the walk stops there.
 */
export class RepeatDetector {
  // Hashes, not the pages: memory stays a few bytes a page however long the walk.
  private readonly seen = new Set<string>();
  repeated(fingerprint: string): boolean {
    const digest = hash64(fingerprint);
    if (this.seen.has(digest)) return true;
    this.seen.add(digest);
    return false;
  }
}

/**
 * Two 32-bit multiply-xor lanes and the length: synchronous plain JavaScript, where `node:crypto` exists only on
 * Node and Web Crypto's digest is asynchronous. Not cryptographic, nor need it be: it spots a server repeating
 * itself, and a server that wants a walk to end simply sends no `next`; a walk needs about 2^32 pages for a collision.
 */
function hash64(text: string): string {
  let a = 0;
  let b = 0;
  for (let i = 0; i < text.length; i++) {
    a = Math.imul(a ^ text.charCodeAt(i), 0x9e3779b1);
    b = Math.imul(b ^ text.charCodeAt(i), 0x85ebca77) ^ (b >>> 15);
  }
  return `${a}.${b}.${text.length}`;
}
