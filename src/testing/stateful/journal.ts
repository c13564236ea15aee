// What a namespace's mock was asked and what it answered, for a test in any language to read back: method, path,
// status, time. Never a header value, a query or a body: those carry keys, Basic credentials, user tokens and
// phone numbers, and a journal is printed in CI logs.

/** One request as the journal keeps it. */
export interface JournalEntry {
  /** which API's server it reached */
  api: 'partoo' | 'argyle';
  /** the HTTP method, as sent */
  method: string;
  /** the path alone, without its query */
  path: string;
  /** the answer's status; 0 when the mock dropped the connection instead (a `reset` or `timeout` fault) */
  status: number;
  /** when it arrived, on its namespace's clock (ISO 8601) */
  time: string;
  /** the namespace that answered it: "default", or the `<name>` of a `mock-<name>` key */
  namespace: string;
  /** the queued fault it took, if any */
  fault?: string;
}

/** The newest entries a namespace's journal keeps; older ones are counted in `dropped`. */
export const JOURNAL_LIMIT = 500;

export class Journal {
  private entries: JournalEntry[] = [];
  private droppedCount = 0;

  record(entry: JournalEntry) {
    this.entries.push(entry);
    if (this.entries.length > JOURNAL_LIMIT) {
      this.entries.shift();
      this.droppedCount++;
    }
  }

  /** oldest first; `limit` keeps the newest that many */
  list(limit = JOURNAL_LIMIT): { requests: JournalEntry[]; dropped: number } {
    const n = Math.max(0, Math.min(limit, this.entries.length));
    return { requests: this.entries.slice(this.entries.length - n).map((e) => ({ ...e })), dropped: this.droppedCount };
  }

  clear() {
    this.entries = [];
    this.droppedCount = 0;
  }
}
