// Bulk sending: a bounded pool pulling inputs lazily (a 100k-row stream stays flat in memory), yielding one
// outcome per input, never throwing for one bad row.
import { isSdkError, SdkError } from '../core/errors.js';
import type { SendResult } from './guard/types.js';

export type BulkOutcome<I> =
  (SendResult & { index: number; input: I }) | { status: 'failed'; index: number; input: I; error: SdkError };

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

/** What the pool and the consumer share: outcomes ready to yield, and who waits on whom. */
interface Pool<I> {
  ready: BulkOutcome<I>[];
  progress: BulkProgress;
  /** wakes the consumer when an outcome is ready or the pool ends */
  wake?: () => void;
  /** workers held until the consumer catches up */
  drainWaiters: (() => void)[];
  stopped: boolean;
  next: number;
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
  const pool: Pool<I> = {
    ready: [],
    progress: { done: 0, sent: 0, skipped: 0, failed: 0 },
    drainWaiters: [],
    stopped: false,
    next: 0,
  };
  let finished = false;
  let failure: unknown;
  let pulling: Promise<unknown> = Promise.resolve();
  const pull = () => (pulling = pulling.then(() => iterator.next())) as Promise<IteratorResult<I>>;
  const workers = Array.from({ length: concurrency }, () => worker(pool, pull, options, send, concurrency * 4));
  const all = Promise.all(workers).then(
    () => void (finished = true),
    (e) => void ((failure = e), (finished = true)),
  );
  all.finally(() => pool.wake?.());
  try {
    for (;;) {
      if (pool.ready.length) {
        yield pool.ready.shift()!;
        if (pool.ready.length < concurrency * 4) resumeAll(pool);
        continue;
      }
      if (finished) break;
      await new Promise<void>((r) => (pool.wake = r));
      pool.wake = undefined;
    }
  } finally {
    // A consumer that breaks out early stops the pool from taking more inputs.
    pool.stopped = true;
    resumeAll(pool);
  }
  // The source itself failed (a stream error): that is the caller's, not a row's.
  if (failure) throw failure;
}

/** Lets every worker held by backpressure go on. */
function resumeAll(pool: Pool<unknown>) {
  for (const resume of pool.drainWaiters.splice(0)) resume();
}

async function worker<I>(
  pool: Pool<I>,
  pull: () => Promise<IteratorResult<I>>,
  options: BulkOptions,
  send: (input: I) => Promise<SendResult>,
  maxReady: number,
) {
  while (!options.signal?.aborted && !pool.stopped) {
    const item = await pull();
    if (item.done || options.signal?.aborted || pool.stopped) return;
    const outcome = await outcomeOf(pool.next++, item.value, send);
    const { progress } = pool;
    progress.done++;
    progress[outcome.status === 'failed' ? 'failed' : outcome.status]++;
    options.onProgress?.({ ...progress });
    pool.ready.push(outcome);
    pool.wake?.();
    // Backpressure: a consumer slower than the senders holds the pool, not an ever-growing queue.
    if (pool.ready.length >= maxReady) await new Promise<void>((r) => pool.drainWaiters.push(r));
  }
}

/** Whatever a row threw, as the typed error the outcome promises; anything else is kept as its `cause`. */
function asSdkError(error: unknown): SdkError {
  if (isSdkError(error)) return error;
  const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return new SdkError(`sending this row failed unexpectedly (${what})`, { cause: error });
}

/** One row's outcome: its result, or its error; a row never throws. */
async function outcomeOf<I>(index: number, input: I, send: (input: I) => Promise<SendResult>): Promise<BulkOutcome<I>> {
  try {
    return { ...(await send(input)), index, input };
  } catch (error) {
    return { status: 'failed', index, input, error: asSdkError(error) };
  }
}
