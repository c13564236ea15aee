import { createHash } from 'node:crypto';

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
    const digest = createHash('sha1').update(fingerprint).digest('base64');
    if (this.seen.has(digest)) return true;
    this.seen.add(digest);
    return false;
  }
}
