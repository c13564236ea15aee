// SMS a minute inside Partoo's limit of 300 requests a minute, for each order of the guard's check: a batch of new
// numbers (pass 1), then the same numbers from another client whose ledger does not know them (pass 2: another
// worker, or this one restarted, texted them within the window). Against the stateful mock over HTTP, with the
// client's own limit at 300 a minute. The limiter's waits run on a clock that skips them (each wait recorded and
// added to the time): a minute of limit costs no minute of bench, and the figure is what the limit allows, loopback
// latency included. `npx tsx bench/sms-rate.ts [--smoke]` runs it alone.
import { systemRuntime, type Runtime } from '../src/core/runtime.js';
import { createPartooClientWith } from '../src/partoo/client.js';
import type { GuardCheck } from '../src/partoo/guard/types.js';
import { startMockServers } from '../src/testing/index.js';
import type { Row } from './row.js';

const LIMIT = 300;

/** The system's clock, but a sleep returns at once and moves this clock forward by as much. */
function skippingClock(): Runtime {
  let skipped = 0;
  return {
    ...systemRuntime,
    now: () => systemRuntime.now() + skipped,
    sleep: async (ms, signal) => {
      if (signal?.aborted) throw signal.reason;
      skipped += ms;
    },
  };
}

interface Pass {
  numbers: number;
  sms: number;
  requests: number;
  minutes: number;
}

async function pass(url: string, apiKey: string, check: GuardCheck, phones: string[]): Promise<Pass> {
  let requests = 0;
  const counting = ((input: RequestInfo | URL, init?: RequestInit) => (requests++, fetch(input, init))) as typeof fetch;
  const runtime = skippingClock();
  const client = createPartooClientWith(
    { apiKey, baseUrl: url, fetch: counting, rateLimit: { requestsPerMinute: LIMIT }, guard: { check } },
    runtime,
  );
  const inputs = phones.map((targetPhone) => ({ businessId: 'bench-business', targetPhone }));
  const started = runtime.now();
  let sms = 0;
  for await (const outcome of client.reviewBooster.sendInvitations(inputs, { concurrency: 8 })) {
    if (outcome.status === 'failed') throw outcome.error;
    if (outcome.status === 'sent') sms++;
  }
  return { numbers: phones.length, sms, requests, minutes: (runtime.now() - started) / 60_000 };
}

export async function smsRate(record: (row: Row) => unknown, smoke: boolean): Promise<void> {
  const n = smoke ? 60 : 300;
  const mock = await startMockServers({ stateful: true });
  try {
    const rate: Record<GuardCheck, number> = { 'search-first': 0, 'send-first': 0 };
    for (const check of ['search-first', 'send-first'] as const) {
      mock.reset();
      const phones = Array.from({ length: n }, (_, i) => `+336${String(10_000_000 + i).padStart(8, '0')}`);
      const first = await pass(mock.partooUrl, mock.partooApiKey, check, phones);
      const second = await pass(mock.partooUrl, mock.partooApiKey, check, phones);
      rate[check] = first.sms / first.minutes;
      rows(record, check, first, second, smoke);
    }
    const ratio = rate['send-first'] / rate['search-first'];
    record({
      section: 'sms-rate',
      metric: 'send-first against search-first, SMS a minute on new numbers (same run)',
      value: Number(ratio.toFixed(2)),
      unit: 'x',
      budget: smoke ? undefined : '>= 1.9',
      ok: smoke ? undefined : ratio >= 1.9,
    });
  } finally {
    await mock.close();
  }
}

function rows(record: (row: Row) => unknown, check: GuardCheck, first: Pass, second: Pass, smoke: boolean) {
  const perMinute = first.sms / first.minutes;
  const floor = check === 'send-first' ? 0.93 * LIMIT : undefined;
  const row = (metric: string, value: number, unit: string, budget?: string, ok?: boolean) =>
    record({ section: 'sms-rate', metric: `${check}, ${metric}`, value: Number(value.toFixed(2)), unit, budget, ok });
  row(
    `new numbers (${first.numbers}): SMS a minute at ${LIMIT} requests a minute`,
    perMinute,
    'SMS/min',
    floor && !smoke ? `>= ${floor}` : undefined,
    floor && !smoke ? perMinute >= floor : undefined,
  );
  row(
    'new numbers: requests per SMS',
    first.requests / first.sms,
    'requests',
    check === 'send-first' ? '= 1' : '= 2',
    first.requests === first.sms * (check === 'send-first' ? 1 : 2),
  );
  // Texted by another client: nothing is sent, so the cost is counted per number rather than per SMS.
  row(`numbers texted by another client (${second.numbers}): SMS sent`, second.sms, 'SMS', '= 0', second.sms === 0);
  row(
    'numbers texted by another client: requests per number',
    second.requests / second.numbers,
    'requests',
    '<= 2',
    second.requests <= 2 * second.numbers,
  );
  row('numbers texted by another client: numbers decided a minute', second.numbers / second.minutes, 'numbers/min');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const printed: Row[] = [];
  await smsRate((r) => printed.push(r), process.argv.includes('--smoke'));
  for (const r of printed) {
    let verdict = '';
    if (r.ok !== undefined) verdict = r.ok ? ' ok' : ' MISSED';
    console.log(`${r.metric}: ${r.value} ${r.unit}${r.budget ? ` (${r.budget})` : ''}${verdict}`);
  }
}
