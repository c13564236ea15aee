// Settling what an earlier run left undecided: a send that may have gone out (its outcome unknown, or in flight
// when the process died) is searched for before it is sent again. The search waits first: a POST the dead
// process wrote may still be travelling, and lands at most a settle time after the report's last write.
import { systemRuntime } from '../core/runtime.js';
import type { EarlierReport, ReportLine } from './report.js';
import type { PartooClient as Client } from '../partoo/client.js';

/** As the client's own default: a request may still be travelling this long after its sender gave up. */
export const DEFAULT_SETTLE_MS = 30_000;

export interface Settler {
  /** true when the search settled the number (found, or failed: then recorded as unknown); false: send it */
  settle(line: number, e164: string, since: Date): Promise<boolean>;
}

/** The wait left until the sends in flight at the report's last write have landed, in ms. */
export function settleWaitMs(report: EarlierReport, settleMs: number, now: number): number {
  const last = report.lastWrittenAt?.getTime() ?? 0;
  return Math.max(0, last + settleMs - now);
}

export function createSettler(opts: {
  client: Client;
  business: string;
  report: EarlierReport;
  settleMs: number;
  signal: AbortSignal;
  record(line: ReportLine): void;
}): Settler {
  let waited: Promise<void> | undefined;
  const wait = () => (waited ??= settleWait(opts));
  return {
    async settle(line, e164, since) {
      await wait();
      return foundBySearch(opts, line, e164, since);
    },
  };
}

async function settleWait(opts: { report: EarlierReport; settleMs: number; signal: AbortSignal }) {
  const ms = settleWaitMs(opts.report, opts.settleMs, systemRuntime.now());
  if (ms === 0) return;
  const { inFlight, file } = opts.report;
  const what = inFlight
    ? `${inFlight} send(s) were in flight when the run writing ${file} stopped`
    : 'a send may have gone out';
  console.error(
    `note: ${what}; waiting ${Math.ceil(ms / 1000)} s (--settle-ms from the report's last write) for them to ` +
      'land, then searching Partoo for them before sending anything to those numbers',
  );
  // Interrupted, the run stops taking rows: the caller sees the signal and sends nothing more.
  await systemRuntime.sleep(ms, opts.signal).catch(() => undefined);
}

/** A search that fails leaves the outcome unknown: recorded as such, and not sent. */
async function foundBySearch(
  opts: { client: Client; business: string; record(line: ReportLine): void; signal: AbortSignal },
  line: number,
  e164: string,
  since: Date,
): Promise<boolean> {
  if (opts.signal.aborted) return true;
  let found: { id: string } | undefined;
  try {
    found = await firstInvitation(opts.client, opts.business, e164, since);
  } catch (e) {
    const { name, message } = e as Error;
    const error = { name, message, outcomeUnknown: true as const, since: since.toISOString() };
    opts.record({ line, phone: e164, status: 'failed', error });
    return true;
  }
  if (!found) return false;
  opts.record({ line, phone: e164, status: 'skipped', lastInvitationId: found.id, settledBy: 'search' });
  return true;
}

async function firstInvitation(client: Client, businessId: string, targetPhone: string, after: Date) {
  const invitations = client.reviewBooster.searchInvitations({ businessId, targetPhone, after });
  for await (const invitation of invitations) return invitation;
  return undefined;
}
