// Bulk sending: a bounded pool pulling inputs lazily (a 100k-row stream stays flat in memory), yielding one
// outcome per input, never throwing for one bad row.
import type { SendResult } from './guard/guarded-send.js';

export type BulkOutcome<I> =
  (SendResult & { index: number; input: I }) | { status: 'failed'; index: number; input: I; error: Error };

export interface BulkProgress {
  done: number;
  sent: number;
  skipped: number;
  failed: number;
}

export interface BulkOptions {
  /** sends in flight at once, default 4 */
  concurrency?: number;
  /** stops taking new inputs; sends already in flight finish and are yielded */
  signal?: AbortSignal;
  onProgress?: (progress: BulkProgress) => void;
}

export async function* runBulk<I>(
  inputs: Iterable<I> | AsyncIterable<I>,
  options: BulkOptions,
  send: (input: I) => Promise<SendResult>,
): AsyncGenerator<BulkOutcome<I>, void, undefined> {
  // Checked by the caller before this chunk loads (see ReviewBooster.sendInvitations).
  const concurrency = options.concurrency ?? 4;
  const iterator =
    Symbol.asyncIterator in inputs ? inputs[Symbol.asyncIterator]() : (inputs as Iterable<I>)[Symbol.iterator]();
  const progress: BulkProgress = { done: 0, sent: 0, skipped: 0, failed: 0 };
  const ready: BulkOutcome<I>[] = [];
  let wake: (() => void) | undefined;
  const drainWaiters: (() => void)[] = [];
  let finished = false;
  let failure: unknown;
  let stopped = false;
  let next = 0;
  let pulling: Promise<unknown> = Promise.resolve();
  const pull = () => (pulling = pulling.then(() => iterator.next())) as Promise<IteratorResult<I>>;

  async function worker() {
    while (!options.signal?.aborted && !stopped) {
      const item = await pull();
      if (item.done || options.signal?.aborted || stopped) return;
      const index = next++;
      let outcome: BulkOutcome<I>;
      try {
        outcome = { ...(await send(item.value)), index, input: item.value };
      } catch (error) {
        outcome = {
          status: 'failed',
          index,
          input: item.value,
          error: error instanceof Error ? error : new Error(String(error)),
        };
      }
      progress.done++;
      progress[outcome.status === 'failed' ? 'failed' : outcome.status]++;
      options.onProgress?.({ ...progress });
      ready.push(outcome);
      wake?.();
      // Backpressure: a consumer slower than the senders holds the pool, not an ever-growing queue.
      if (ready.length >= concurrency * 4) await new Promise<void>((r) => drainWaiters.push(r));
    }
  }

  const pool = Promise.all(Array.from({ length: concurrency }, worker)).then(
    () => void (finished = true),
    (e) => void ((failure = e), (finished = true)),
  );
  pool.finally(() => wake?.());
  try {
    for (;;) {
      if (ready.length) {
        yield ready.shift()!;
        if (ready.length < concurrency * 4) for (const resume of drainWaiters.splice(0)) resume();
        continue;
      }
      if (finished) break;
      await new Promise<void>((r) => (wake = r));
      wake = undefined;
    }
  } finally {
    // A consumer that breaks out early stops the pool from taking more inputs.
    stopped = true;
    for (const resume of drainWaiters.splice(0)) resume();
  }
  // The source itself failed (a stream error): that is the caller's, not a row's.
  if (failure) throw failure;
}
