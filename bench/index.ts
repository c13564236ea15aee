// `npm run bench` (full, writes bench/RESULTS.md) or `npm run bench -- --smoke` (seconds, for CI).
// Every budget is a ratio or a count measured in this run, never an absolute time.
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { createServer } from 'node:http';
import os from 'node:os';
import createClient from 'openapi-fetch';
import { createPartooClient } from '../src/index.js';
import type { paths } from '../src/generated/partoo.js';
import { createStatefulMocks, startMockServers } from '../src/testing/index.js';
import { startPrism } from '../src/testing/prism.js';
import { mockColdStart } from './cold-start.js';
import { mswColdStart } from './msw-cold-start.js';
import { firstCall } from './first-call.js';
import { smsRate } from './sms-rate.js';
import { redisCluster } from './redis-cluster.js';
import { generate } from '../scripts/codegen.js';
import { SPECS } from '../scripts/spec-tools.js';
import { pairedRatio, type Row } from './row.js';

const SMOKE = process.argv.includes('--smoke');
// The clients call their fetch as `globalThis.fetch` is called: a URL and an init, or a Request.
const urlOf = (input: RequestInfo | URL) => (input instanceof Request ? input.url : String(input));
// `-- --only firstCall --compare-dist <folder>/index.js`: another build's first calls beside this one's.
const compareArg = process.argv.indexOf('--compare-dist');
const compareDist = compareArg > 0 ? process.argv[compareArg + 1] : undefined;
const BASE = 'https://partoo.bench/v2';

const rows: Row[] = [];
const record = (r: Row) => (rows.push(r), r);
const fmt = (n: number) => {
  if (Math.abs(n) >= 100) return n.toFixed(0);
  return Math.abs(n) >= 1 ? n.toFixed(2) : n.toFixed(4);
};

// 1. Per-call overhead. Every side of a ratio does the same thing (one status GET, its JSON read), and the sides
// run interleaved (see `interleaved`), so a busy moment weighs on all of them alike. Figures are the median of the
// repetitions, ratios taken within a repetition; the range of the ratios is printed beside them.
type Op = () => Promise<unknown>;
/**
 * Per repetition, every side runs in small batches taking turns (the order rotated each round and each
 * repetition) until the repetition's time is spent: on a shared machine the load changes faster than a
 * one-second block per side, and the sides must meet the same load. Returns each side's mean µs per repetition.
 */
async function interleaved(ops: Record<string, Op>, reps: number, time: number, warmupTime: number) {
  const names = Object.keys(ops);
  const batch = 20;
  const runBatch = async (op: Op) => {
    const started = performance.now();
    for (let i = 0; i < batch; i++) await op();
    return performance.now() - started;
  };
  const warmEnd = performance.now() + warmupTime;
  while (performance.now() < warmEnd) for (const name of names) await runBatch(ops[name]);
  const means: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let rep = 0; rep < reps; rep++) {
    const spent: Record<string, number> = Object.fromEntries(names.map((n) => [n, 0]));
    let rounds = 0;
    for (const end = performance.now() + time * names.length; performance.now() < end; rounds++) {
      for (let i = 0; i < names.length; i++) {
        const name = names[(i + rep + rounds) % names.length];
        spent[name] += await runBatch(ops[name]);
      }
    }
    for (const name of names) means[name].push((spent[name] * 1000) / (rounds * batch));
  }
  return means;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function ratioRow(
  means: Record<string, number[]>,
  side: string,
  base: string,
  metric: string,
  line?: { budget: string; limit: number },
) {
  const ratios = means[side].map((v, i) => v / means[base][i]);
  const value = median(ratios);
  const range = `range ${fmt(Math.min(...ratios))}-${fmt(Math.max(...ratios))} over ${ratios.length} repetitions`;
  record({
    section: 'per call',
    metric: `${metric} (median; ${range})`,
    value,
    unit: 'x',
    ...(line && { budget: line.budget, ok: value <= line.limit }),
  });
}

async function perCall() {
  // The built package, as users run it (the TypeScript loader wraps every closure of src/ in a naming helper,
  // a cost no user pays); src/ only when nothing is built, said in the rows.
  const fromDist = existsSync('dist/index.js');
  const built: typeof import('../src/index.js') = fromDist
    ? await import(join(process.cwd(), 'dist/index.js'))
    : await import('../src/index.js');
  const from = fromDist ? 'dist' : 'src via tsx: run `npm run build` for the figures users get';
  const body = JSON.stringify({ invitation_id: 'd3d8c966-0356-4ec0-baae-13ec3622ebc2', status: 'DELIVERED' });
  const memFetch = async (_: Request) =>
    new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
  const reps = SMOKE ? 3 : 5;
  const query = { invitation_id: 'x' };
  const sides = (fetchImpl: typeof fetch | undefined, baseUrl: string): Record<string, Op> => {
    const bare = createClient<paths>({ baseUrl, fetch: fetchImpl });
    // The client-wide rate limit is off here: it would measure Partoo's 300/min, not the wrapper's cost.
    const wrapper = built.createPartooClient({ apiKey: 'bench-key-123', baseUrl, fetch: fetchImpl, rateLimit: false });
    return {
      'bare openapi-fetch': () =>
        bare.GET('/review_booster/invitation_status', { params: { query }, headers: { 'x-APIKey': 'k' } }),
      'wrapper getInvitationStatus': () => wrapper.reviewBooster.getInvitationStatus('x'),
      '.api.GET': () => wrapper.api.GET('/review_booster/invitation_status', { params: { query } }),
    };
  };

  const memory = await interleaved(
    {
      'raw fetch': async () => {
        const res = await memFetch(new Request(`${BASE}/review_booster/invitation_status?invitation_id=x`));
        await res.json();
      },
      ...sides(memFetch as typeof fetch, BASE),
    },
    reps,
    SMOKE ? 100 : 1000,
    SMOKE ? 30 : 200,
  );
  for (const [name, values] of Object.entries(memory))
    record({ section: 'per call', metric: `${name}, in memory (median; ${from})`, value: median(values), unit: 'µs' });
  // Ceilings that catch a regression, not targets. In memory, where fetch costs nothing, the wrapper's fixed work
  // shows whole: the copy of each attempt's Request that carries the credentials (about 20 us), the body scrubbed
  // as it flows (about 30 us) and the caller's abort heard by the attempt (about 6 us) put it near 2.7x bare
  // openapi-fetch; a ceiling of 3.5x fails on one more Request or stream per call. Over a socket, which is what a
  // user meets, the ceiling is 2x (measured 1.2-1.5x). The smoke run in CI only catches rot (a several-fold
  // regression): its short samples beside CI's other work are noisy.
  const gate = (limit: number) => ({
    budget: SMOKE ? `<= 5 (smoke; full run: <= ${limit.toFixed(2)})` : `<= ${limit.toFixed(2)}`,
    limit: SMOKE ? 5 : limit,
  });
  const bareSide = 'bare openapi-fetch';
  const wrapperSide = 'wrapper getInvitationStatus';
  ratioRow(memory, wrapperSide, bareSide, 'getInvitationStatus / bare openapi-fetch, in memory', gate(3.5));
  ratioRow(memory, '.api.GET', bareSide, '.api.GET / bare openapi-fetch, in memory', gate(3.5));
  ratioRow(memory, bareSide, 'raw fetch', 'bare openapi-fetch / raw fetch, in memory');

  // The same calls over a real loopback socket, where the fixed cost meets an actual round trip.
  const server = createServer((_, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(body));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/v2`;
  try {
    const net = await interleaved(sides(undefined, url), reps, SMOKE ? 100 : 1000, SMOKE ? 30 : 200);
    for (const [name, values] of Object.entries(net))
      record({ section: 'per call', metric: `${name}, loopback (median)`, value: median(values), unit: 'µs' });
    ratioRow(net, wrapperSide, bareSide, 'getInvitationStatus / bare openapi-fetch, loopback', gate(2));
    ratioRow(net, '.api.GET', bareSide, '.api.GET / bare openapi-fetch, loopback', gate(2));
  } finally {
    server.close();
  }
}

// 2. Requests per guarded send, per skip, per repeat in the same client.
async function requestCounts() {
  const mocks = await createStatefulMocks();
  let count = 0;
  const counting = (async (input: RequestInfo | URL, init?: RequestInit) => (
    count++,
    mocks.partoo(input, init)
  )) as typeof fetch;
  const make = () =>
    createPartooClient({
      apiKey: 'mock-partoo-api-key',
      baseUrl: BASE,
      fetch: counting,
      rateLimit: false,
      now: () => mocks.clock.now(),
    });
  const a = make();
  const input = { businessId: 'b', targetPhone: '+33601020304' };
  const measure = async (f: () => Promise<unknown>) => {
    count = 0;
    await f();
    return count;
  };
  const send = await measure(() => a.reviewBooster.sendInvitation(input));
  const repeat = await measure(() => a.reviewBooster.sendInvitation(input));
  const skip = await measure(() => make().reviewBooster.sendInvitation(input));
  record({
    section: 'requests',
    metric: 'per guarded send',
    value: send,
    unit: 'requests',
    budget: '= 2',
    ok: send === 2,
  });
  record({
    section: 'requests',
    metric: 'per skip (another client)',
    value: skip,
    unit: 'requests',
    budget: '= 1',
    ok: skip === 1,
  });
  record({
    section: 'requests',
    metric: 'per repeat, same client (ledger)',
    value: repeat,
    unit: 'requests',
    budget: '= 0',
    ok: repeat === 0,
  });
}

// 3. The paginator over 100k invitations in 500 pages, served on the fly so only the client holds pages.
async function paginator() {
  const pages = SMOKE ? 50 : 500;
  const perPage = 200;
  const page = (n: number) =>
    JSON.stringify({
      page: n,
      max_page: pages,
      count: pages * perPage,
      review_invitations: Array.from({ length: perPage }, (_, i) => ({
        id: `inv-${n}-${i}-${'x'.repeat(24)}`,
        user_id: 'u',
        user_name: 'User',
        sent_time: '2026-11-20 11:57:27.274725+00:00',
      })),
    });
  const memFetch = async (input: RequestInfo | URL) =>
    new Response(page(Number(new URL(urlOf(input)).searchParams.get('page') ?? 1)), { status: 200 });
  const client = createPartooClient({
    apiKey: 'bench-key-123',
    baseUrl: BASE,
    fetch: memFetch as typeof fetch,
    rateLimit: false,
  });
  const forceGc = (globalThis as { gc?: () => void }).gc;
  // A collection, then a turn of the event loop, then another: what a collection frees behind a FinalizationRegistry
  // (undici's, one entry per Request made with a signal) is released only in a task after it. An in-memory walk
  // never yields to a task on its own, which a walk over a network does on every page.
  const gc = forceGc && (async () => (forceGc(), await new Promise((r) => setTimeout(r, 1)), forceGc()));
  const search = () => client.reviewBooster.searchInvitations({ businessId: 'b', targetPhone: '+33601020304' });
  // Warm up first: the first search loads the phone metadata, which is not the walk's to account for.
  await search().pages().next();
  // The yardstick for "about one page": twenty pages of parsed items held at once, divided by twenty.
  await gc?.();
  const before1 = process.memoryUsage().heapUsed;
  const held = [];
  for (let i = 0; i < 20; i++) held.push((await search().pages().next()).value!.items);
  await gc?.();
  const pageBytes = (process.memoryUsage().heapUsed - before1) / held.length;
  held.length = 0;
  // Timed on its own, without the forced collections of the heap walk below.
  let timedItems = 0;
  const started = performance.now();
  for await (const inv of search()) if (inv.id) timedItems++;
  const elapsed = performance.now() - started;
  // The baseline is taken inside the walk, with its first page in hand and its code already compiled (heapUsed
  // counts code too); what the walk holds later beyond that is what the bound is about.
  let base = 0;
  let peak = -Infinity;
  let earlyPeak = -Infinity;
  let items = 0;
  for await (const p of search().pages()) {
    items += p.items.length;
    if (gc && (p.page === 1 || p.page % 5 === 0)) {
      await gc();
      if (p.page === 1) base = process.memoryUsage().heapUsed;
      else peak = Math.max(peak, process.memoryUsage().heapUsed - base);
      if (p.page <= pages / 4) earlyPeak = peak;
    }
  }
  record({
    section: 'paginator',
    metric: `items walked (${pages} pages)`,
    value: items,
    unit: 'items',
    budget: `= ${pages * perPage}`,
    ok: items === pages * perPage,
  });
  record({ section: 'paginator', metric: 'time per item', value: (elapsed * 1000) / timedItems, unit: 'µs' });
  if (gc) {
    record({ section: 'paginator', metric: 'one page of items, on the heap', value: pageBytes / 1024, unit: 'KiB' });
    record({ section: 'paginator', metric: 'peak heap growth after the first page', value: peak / 1024, unit: 'KiB' });
    // Shown signed above (below zero: the walk later held less than at its first page); bounded below here.
    // Retaining the walk would hold `pages` yardsticks; a page in flight (bytes, text, JSON and items at once)
    // and GC noise are a few. The bound is on growth beyond the first page, in pages.
    const growth = Math.max(0, peak) / Math.max(1, pageBytes);
    const heapLine = SMOKE ? 20 : 8;
    record({
      section: 'paginator',
      metric: 'peak heap growth / one page of items',
      value: growth,
      unit: 'x',
      budget: `<= ${heapLine} (retaining all: ${pages})`,
      ok: growth <= heapLine,
    });
    const trend = Math.max(0, peak) / Math.max(pageBytes, earlyPeak);
    record({ section: 'paginator', metric: 'peak growth, whole walk / first quarter', value: trend, unit: 'x' });
  } else {
    record({ section: 'paginator', metric: 'heap growth: not measured (run with --expose-gc)', value: 0, unit: '' });
  }
}

// 4. Bulk against the stateful mock at 300/min, on the mock's clock so minutes pass at once.
async function bulk() {
  const mocks = await createStatefulMocks({ rateLimitPerMinute: 300 });
  const statuses: number[] = [];
  const client = createPartooClient({
    apiKey: 'mock-partoo-api-key',
    baseUrl: BASE,
    now: () => mocks.clock.now(),
    fetch: (async (input: RequestInfo | URL, init?: RequestInit) => {
      const res = await mocks.partoo(input, init);
      statuses.push(res.status);
      return res;
    }) as typeof fetch,
    rateLimitClock: { now: () => mocks.clock.nowMs(), sleep: async (ms: number) => mocks.clock.advance(ms) },
  } as never);
  const n = SMOKE ? 150 : 1000;
  const start = mocks.clock.nowMs();
  const inputs = Array.from({ length: n }, (_, i) => ({
    businessId: 'b',
    targetPhone: `+336${String(10000000 + i).padStart(8, '0')}`,
  }));
  let sent = 0;
  for await (const o of client.reviewBooster.sendInvitations(inputs, { concurrency: 8 }))
    if (o.status === 'sent') sent++;
  const minutes = (mocks.clock.nowMs() - start) / 60_000;
  const share = statuses.length / minutes / 300;
  record({ section: 'bulk', metric: `${n} sends: sent`, value: sent, unit: 'sends', budget: `= ${n}`, ok: sent === n });
  record({
    section: 'bulk',
    metric: 'sustained rate / 300 per minute',
    value: share,
    unit: 'x',
    budget: '>= 0.95',
    ok: share >= 0.95,
  });
  const limited = statuses.filter((s) => s === 429).length;
  record({
    section: 'bulk',
    metric: '429s reaching the client',
    value: limited,
    unit: 'responses',
    budget: '= 0',
    ok: limited === 0,
  });
}

// 5. Codegen, and the mocks' start-up.
async function toolsAndMocks() {
  let t = performance.now();
  const outputs = await Promise.all(Object.values(SPECS).map((s) => generate(s.file, s.requiredPaths)));
  record({ section: 'codegen', metric: 'generate both specs', value: performance.now() - t, unit: 'ms' });
  t = performance.now();
  await Promise.all(Object.values(SPECS).map((s) => generate(s.file, s.requiredPaths)));
  record({
    section: 'codegen',
    metric: 'generate again (warm, as --check does)',
    value: performance.now() - t,
    unit: 'ms',
  });
  void outputs;

  // `npm run codegen -- --check` on this unchanged tree, whole process as CI and users type it (npm's own start
  // included): the hash path against the full check it stands in for (tsx, openapi-typescript, compare), also
  // through npm. A ratio near 1 means the hash path stopped answering and every check regenerates.
  const wholeProcess = (command: string, args: string[]) => {
    const started = performance.now();
    const run = spawnSync(command, args, { stdio: 'ignore' });
    if (run.status !== 0) throw new Error(`bench: ${command} ${args.join(' ')} exited ${run.status}`);
    return performance.now() - started;
  };
  // In turns, one pair a repetition, so both sides meet the same moments of the machine.
  const hashRuns: number[] = [];
  const fullRuns: number[] = [];
  for (let i = 0; i < (SMOKE ? 3 : 7); i++) {
    hashRuns.push(wholeProcess('npm', ['run', '--silent', 'codegen', '--', '--check']));
    fullRuns.push(wholeProcess('npm', ['exec', '--offline', '--', 'tsx', 'scripts/codegen.ts', '--check']));
  }
  const check = pairedRatio(hashRuns, fullRuns);
  const section = 'codegen';
  const unit = 'ms';
  record({
    section,
    metric: 'npm run codegen -- --check, unchanged tree, whole process',
    value: median(hashRuns),
    unit,
  });
  record({
    section,
    metric: 'full check (generator run), whole process via npm (median)',
    value: median(fullRuns),
    unit,
  });
  const ok = check.value <= 0.25;
  const metric = `hash check / full check (${check.range})`;
  record({ section, metric, value: check.value, unit: 'x', budget: '<= 0.25', ok });

  const stateful: number[] = [];
  const prismStarts: number[] = [];
  for (let i = 0; i < 3; i++) {
    t = performance.now();
    await (await startMockServers({ stateful: true })).close();
    stateful.push(performance.now() - t);
    t = performance.now();
    await (await startPrism('partoo')).close();
    prismStarts.push(performance.now() - t);
  }
  const warm = pairedRatio(stateful, prismStarts);
  // Warm: modules already loaded by this process. For orientation only; the cold figures are mockColdStart's.
  record({
    section: 'mock',
    metric: 'stateful mock start, warm process (both APIs)',
    value: median(stateful),
    unit: 'ms',
  });
  record({ section: 'mock', metric: 'Prism CLI start, tied child (one API)', value: median(prismStarts), unit: 'ms' });
  record({
    section: 'mock',
    metric: `warm stateful start / Prism start, not the cold start (${warm.range})`,
    value: warm.value,
    unit: 'x',
  });
}

// 6. The stateful mock's throughput on loopback (search + send mix), beside a bare node:http JSON server.
async function mockThroughput() {
  const total = SMOKE ? 300 : 4000;
  const concurrency = 16;
  const drive = async (url: (i: number) => [string, RequestInit]) => {
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < total) {
          const [u, init] = url(next++);
          await (await fetch(u, init)).arrayBuffer();
        }
      }),
    );
    return total / ((performance.now() - started) / 1000);
  };
  const bareServer = createServer((_, res) =>
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end('{"page":1,"max_page":1,"count":0,"review_invitations":[]}'),
  );
  await new Promise<void>((r) => bareServer.listen(0, '127.0.0.1', () => r()));
  const bareUrl = `http://127.0.0.1:${(bareServer.address() as { port: number }).port}`;
  const mock = await startMockServers({ stateful: true });
  const headers = { 'x-apikey': mock.partooApiKey, 'content-type': 'application/json' };
  let sequence = 0;
  const mix = (i: number): [string, RequestInit] => {
    const phone = String(10000000 + sequence++);
    return i % 2
      ? [`${mock.partooUrl}/review_booster/search-invitation?business_id=b&target_phone=%2B336${phone}`, { headers }]
      : [
          `${mock.partooUrl}/review_booster/send_invitation`,
          { method: 'POST', headers, body: JSON.stringify({ business_id: 'b', target_phone: `+336${phone}` }) },
        ];
  };
  // In turns, one pair a repetition: the machine's busy moments weigh on both servers alike.
  const bareRates: number[] = [];
  const mockRates: number[] = [];
  for (let rep = 0; rep < 3; rep++) {
    bareRates.push(await drive(() => [`${bareUrl}/`, {}]));
    mockRates.push(await drive(mix));
  }
  bareServer.close();
  const bareRate = median(bareRates);
  const mockRate = median(mockRates);
  await mock.close();
  record({ section: 'mock', metric: 'bare node:http JSON server', value: bareRate, unit: 'req/s' });
  record({ section: 'mock', metric: 'stateful mock, search+send mix', value: mockRate, unit: 'req/s' });
  // The ceiling is on the share of a bare server in the same run, not on req/s, which follow the machine's load. The
  // mock checks each request against the spec and keeps state; at a fifth of a bare server it still answers a
  // partner suite's parallel workers faster than they send (measured near 0.4x).
  const share = pairedRatio(mockRates, bareRates);
  record({
    section: 'mock',
    metric: `stateful mock / bare server (${share.range})`,
    value: share.value,
    unit: 'x',
    budget: SMOKE ? undefined : '>= 0.2',
    ok: SMOKE ? undefined : share.value >= 0.2,
  });
}

// 7. Cold import and sizes (of the built package).
async function importAndSize() {
  if (!existsSync('dist/index.js')) {
    record({ section: 'import', metric: 'not measured: run `npm run build` first', value: 0, unit: '' });
    return;
  }
  const runs = SMOKE ? 3 : 15;
  const time = (code: string) => {
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      spawnSync(process.execPath, ['--input-type=module', '-e', code]);
      samples.push(performance.now() - t);
    }
    return samples.sort((a, b) => a - b)[Math.floor(runs / 2)];
  };
  const empty = time('');
  const core = time(`await import(${JSON.stringify(`${process.cwd()}/dist/index.js`)})`);
  const fetchOnly = time(`await import('openapi-fetch')`);
  record({ section: 'import', metric: 'node start, empty module (median)', value: empty, unit: 'ms' });
  record({ section: 'import', metric: "cold import('partoo-argyle-sdk') - empty", value: core - empty, unit: 'ms' });
  record({ section: 'import', metric: "cold import('openapi-fetch') - empty", value: fetchOnly - empty, unit: 'ms' });
  const { measure, CORE_CEILING_BYTES } = await import('../scripts/size.js');
  const size = await measure();
  record({
    section: 'import',
    metric: 'core import, min+gz',
    value: size.core / 1024,
    unit: 'kB',
    budget: `<= ${CORE_CEILING_BYTES / 1024}`,
    ok: size.core <= CORE_CEILING_BYTES,
  });
  record({
    section: 'import',
    metric: 'bundled { createPartooClient } alone, min+gz',
    value: size.partooOnly / 1024,
    unit: 'kB',
  });
  record({
    section: 'import',
    metric: 'bundled { createArgyleClient } alone, min+gz',
    value: size.argyleOnly / 1024,
    unit: 'kB',
  });
  record({
    section: 'import',
    metric: 'lazy phone-metadata chunk, min+gz',
    value: size.lazy / 1024,
    unit: 'kB',
    budget: 'off the core path',
    ok: !size.phoneOnCorePath,
  });
}

// 9. The CSV command over a 100k-row file streamed from disk: the heap while it runs, against a minimal
// loopback Partoo (the mock's spec validation would measure Prism, not the stream). Several minutes at
// Partoo's real limit would be hours, so the command's limit is lifted here.
async function csvStream() {
  const { send } = await import('../src/cli/send.js');
  const rowsN = SMOKE ? 2_000 : 100_000;
  const dir = mkdtempSync(join(os.tmpdir(), 'pas-csv-bench-'));
  const csv = join(dir, 'rows.csv');
  const out = createWriteStream(csv);
  out.write('phone,name\n');
  for (let i = 0; i < rowsN; i++)
    if (!out.write(`+336${String(40_000_000 + i)},Customer ${i}\n`)) await once(out, 'drain');
  out.end();
  await once(out, 'close');
  // The server runs in its own process, so the heap and the time measured are the command's alone.
  const serverCode = `
    let n = 0;
    const server = require('node:http').createServer((req, res) => {
      const body = req.method === 'POST'
        ? { invitation_id: '00000000-0000-4000-8000-' + String(++n).padStart(12, '0') }
        : { page: 1, max_page: 1, count: 0, review_invitations: [] };
      req.resume();
      req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body)));
    });
    server.listen(0, '127.0.0.1', () => console.log(server.address().port));`;
  const { spawn } = await import('node:child_process');
  const server = spawn(process.execPath, ['-e', serverCode], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [port] = (await once(server.stdout!, 'data')) as [Buffer];
  const baseUrl = `http://127.0.0.1:${port.toString().trim()}`;
  const gc = (globalThis as { gc?: () => void }).gc;
  const [quiet, quietError] = [console.log, console.error];
  process.env.PARTOO_API_KEY = 'bench-csv-key';
  try {
    const run = async (extra: string[]) => {
      const samples: { t: number; heap: number }[] = [];
      const sample = () => {
        gc?.();
        samples.push({ t: performance.now(), heap: process.memoryUsage().heapUsed });
      };
      const t = performance.now();
      sample();
      // The smoke run lasts about two seconds, so it samples more often to put samples in every window.
      const sampler = setInterval(sample, SMOKE ? 100 : 500);
      console.log = console.error = () => {}; // its summary and plain progress lines
      try {
        await send([
          '--csv',
          csv,
          '--business',
          'bench',
          '--base-url',
          baseUrl,
          '--requests-per-minute',
          '1000000',
          '--concurrency',
          '8',
          '--report',
          join(dir, 'report.jsonl'),
          ...extra,
        ]);
      } finally {
        [console.log, console.error] = [quiet, quietError];
        clearInterval(sampler);
      }
      sample(); // so the second half always holds a sample, as the first quarter holds the opening one
      const end = performance.now();
      // Flat means the second half of the run holds no more than its first quarter did (by then the phone
      // metadata is loaded and the code compiled); the peak against the start is shown beside it.
      const at = (from: number, to: number) =>
        Math.max(...samples.filter((x) => x.t >= t + from * (end - t) && x.t <= t + to * (end - t)).map((x) => x.heap));
      return {
        peak: at(0, 1) - samples[0].heap,
        lateGrowth: at(0.5, 1) - at(0, 0.25),
        usPerRow: ((end - t) * 1000) / rowsN,
      };
    };
    const dry = await run(['--dry-run']);
    const sent = await run([]);
    const mb = (b: number) => b / 2 ** 20;
    // Holding the rows would cost ~30 MB for 100k; the default ledger of recent sends is capped at 20,000 (~7 MB).
    const flatLine = SMOKE ? 4 : 2;
    for (const [name, r] of [
      ['--dry-run', dry],
      ['send', sent],
    ] as const) {
      record({ section: 'csv', metric: `${name} over ${rowsN} rows: time per row`, value: r.usPerRow, unit: 'µs' });
      record({
        section: 'csv',
        metric: `${name}: peak heap growth (metadata${name === 'send' ? ', ledger' : ''} included)`,
        value: mb(r.peak),
        unit: 'MB',
        budget: '<= 16',
        ok: !gc || mb(r.peak) <= 16,
      });
      record({
        section: 'csv',
        metric: `${name}: heap growth, second half over first quarter`,
        value: mb(r.lateGrowth),
        unit: 'MB',
        budget: `<= ${flatLine}`,
        ok: !gc || mb(r.lateGrowth) <= flatLine,
      });
    }
  } finally {
    delete process.env.PARTOO_API_KEY;
    server.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}

// 8. The guard's added cost with a Redis store on loopback, against the in-memory ledger.
async function redisGuard() {
  let url = process.env.REDIS_URL;
  let child: import('node:child_process').ChildProcess | undefined;
  if (!url && spawnSync('redis-server', ['--version']).status === 0) {
    const { freePort } = await import('../src/testing/ports.js');
    const port = await freePort();
    child = (await import('node:child_process')).spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
    url = `redis://127.0.0.1:${port}`;
    for (
      let i = 0;
      i < 100 && spawnSync('redis-cli', ['-p', String(port), 'ping'], { encoding: 'utf8' }).stdout?.trim() !== 'PONG';
      i++
    )
      await new Promise((r) => setTimeout(r, 50));
  }
  if (!url) {
    record({ section: 'redis', metric: 'not measured: no REDIS_URL and no redis-server', value: 0, unit: '' });
    return;
  }
  const { Redis } = await import('ioredis');
  const { redisGuardStore } = await import('../src/redis/index.js');
  const redis = new Redis(url);
  try {
    await redis.flushdb();
    // An emptied Redis fences every lock for one TTL (it may have lost locks whose POSTs are in flight); the bench
    // measures sends on a Redis the store has known all along.
    for (const prefix of ['bench-warm:', 'bench:', 'bench-workers:']) await redis.set(`${prefix}epoch`, 'known');
    const mocks = await createStatefulMocks();
    const n = SMOKE ? 100 : 1000;
    const timeSends = async (guard: object, offset: number, count = n) => {
      const client = createPartooClient({
        apiKey: 'mock-partoo-api-key',
        baseUrl: BASE,
        fetch: mocks.partoo as typeof fetch,
        rateLimit: false,
        now: () => mocks.clock.now(),
        guard,
      } as never);
      const t = performance.now();
      for (let i = 0; i < count; i++)
        await client.reviewBooster.sendInvitation({
          businessId: 'b',
          targetPhone: `+336${String(20000000 + offset + i)}`,
        });
      return ((performance.now() - t) * 1000) / count;
    };
    // Warmed first, so neither side pays for loading the phone metadata or compiling the send path.
    await timeSends({}, 3 * n, 50);
    await timeSends({ store: redisGuardStore(redis, { prefix: 'bench-warm:' }) }, 4 * n, 50);
    // In turns, a block of each side per repetition (the order swapped each time), every send to a new number.
    const reps = 5;
    const block = n / reps;
    const memory: number[] = [];
    const shared: number[] = [];
    const store = { store: redisGuardStore(redis, { prefix: 'bench:' }) };
    for (let rep = 0; rep < reps; rep++) {
      const inMemory = () => timeSends({}, 2 * rep * block, block).then((us) => memory.push(us));
      const onRedis = () => timeSends(store, (2 * rep + 1) * block, block).then((us) => shared.push(us));
      if (rep % 2) await onRedis().then(inMemory);
      else await inMemory().then(onRedis);
    }
    const ratio = pairedRatio(shared, memory);
    record({ section: 'redis', metric: 'guarded send, in-memory ledger (median)', value: median(memory), unit: 'µs' });
    record({
      section: 'redis',
      metric: 'guarded send, Redis store on loopback (median)',
      value: median(shared),
      unit: 'µs',
    });
    record({ section: 'redis', metric: `Redis store / in-memory (${ratio.range})`, value: ratio.value, unit: 'x' });
    // Counted apart from the timed sends: MONITOR slows the server it watches.
    const sends = 20;
    const trips = (await clientCommands(redis, () => timeSends(store, 5 * n, sends))) / sends;
    record({
      section: 'redis',
      metric: `round trips per guarded send, one at a time (commands sent to Redis, MONITOR, over ${sends} sends)`,
      value: trips,
      unit: '',
      budget: '<= 3',
      ok: trips <= 3,
    });
    await sharedLimiter(redis);
    await fourWorkers(url);
  } finally {
    await redis.quit();
    child?.kill('SIGTERM');
  }
}

/** The commands clients sent to Redis while `run` ran; the commands its scripts ran inside Redis are not counted. */
async function clientCommands(redis: import('ioredis').Redis, run: () => Promise<unknown>): Promise<number> {
  const monitor = await redis.duplicate().monitor();
  let count = 0;
  monitor.on('monitor', (_time: string, args: string[], source: string) => {
    if (source !== 'lua' && args[0]?.toLowerCase() !== 'monitor') count++;
  });
  try {
    await run();
    // MONITOR's report of the last command can trail its answer.
    await new Promise((r) => setTimeout(r, 200));
  } finally {
    monitor.disconnect();
  }
  return count;
}

/**
 * What a request pays to draw from the fleet's limit on Redis instead of the client's own bucket: both at a limit
 * too high to ever wait, interleaved over repetitions; round trips counted by Redis itself (commandstats).
 */
async function sharedLimiter(redis: import('ioredis').Redis) {
  const { redisRateLimiter } = await import('../src/redis/index.js');
  const { TokenBucket } = await import('../src/core/rate-limit.js');
  const RPM = 1_000_000;
  const local = new TokenBucket(RPM, { now: Date.now, sleep: async () => {} });
  const shared = redisRateLimiter(redis, { requestsPerMinute: RPM, key: 'bench-limiter' });
  const n = SMOKE ? 200 : 2_000;
  const timeTakes = async (limiter: { take(): Promise<void> }) => {
    const t = performance.now();
    for (let i = 0; i < n; i++) await limiter.take();
    return ((performance.now() - t) * 1000) / n;
  };
  const evalCalls = async () => Number(/cmdstat_eval:calls=(\d+)/.exec(await redis.info('commandstats'))?.[1] ?? 0);
  await timeTakes(shared);
  const localTimes: number[] = [];
  const sharedTimes: number[] = [];
  const before = await evalCalls();
  for (let rep = 0; rep < 5; rep++) {
    localTimes.push(await timeTakes(local));
    sharedTimes.push(await timeTakes(shared));
  }
  const tripsPerTake = ((await evalCalls()) - before) / (5 * n);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  record({
    section: 'redis',
    metric: 'rate limit, client bucket: one take (median of 5)',
    value: median(localTimes),
    unit: 'µs',
  });
  record({
    section: 'redis',
    metric: 'rate limit, shared on Redis: one take (median of 5)',
    value: median(sharedTimes),
    unit: 'µs',
  });
  record({
    section: 'redis',
    metric: 'shared limiter round trips a request',
    value: tripsPerTake,
    unit: '',
    budget: '= 1',
    ok: Math.round(tripsPerTake * 100) === 100,
  });
}

/**
 * 4 worker processes sharing one Redis guard store and one rate limit on Redis (README, "Many workers") against
 * the stateful mock's 300 requests a minute. Real time: the full run takes a minute; the smoke run a few seconds
 * at a limit 12 times higher, where the one-second burst weighs more.
 */
async function fourWorkers(redisUrl: string) {
  const scale = SMOKE ? 12 : 1;
  const limit = 300 * scale;
  const durationMs = 60_000 / scale;
  const mock = await startMockServers({ stateful: true, rateLimitPerMinute: limit });
  try {
    const { spawn } = await import('node:child_process');
    const startAt = Date.now() + 3_000; // every worker loaded and connected before the first request
    const tallies = await Promise.all(
      [0, 1, 2, 3].map(
        (worker) =>
          new Promise<{
            sent: number;
            skipped: number;
            failed: number;
            rateLimitedToCaller: number;
            answered429: number;
            endedAt: number;
          }>((resolve, reject) => {
            const env = {
              ...process.env,
              REDIS_URL: redisUrl,
              PARTOO_URL: mock.partooUrl,
              PARTOO_KEY: mock.partooApiKey,
              RPM: String(limit),
              START_AT: String(startAt),
              DURATION_MS: String(durationMs),
              WORKER: String(worker),
            };
            const child = spawn(process.execPath, ['--import', 'tsx', 'bench/worker.ts'], {
              env,
              stdio: ['ignore', 'pipe', 'inherit'],
            });
            let out = '';
            child.stdout.on('data', (d) => (out += d));
            child.on('exit', (code) =>
              code === 0
                ? resolve(JSON.parse(out.trim().split('\n').pop()!))
                : reject(new Error(`bench worker ${worker} exited with ${code}`)),
            );
          }),
      ),
    );
    const sum = (k: Exclude<keyof (typeof tallies)[number], 'endedAt'>) => tallies.reduce((n, t) => n + t[k], 0);
    // Fresh numbers only, so every send is a search and a POST.
    const spentMs = Math.max(...tallies.map((t) => t.endedAt)) - startAt;
    const rate = (2 * sum('sent')) / (limit * (spentMs / 60_000));
    record({
      section: 'workers',
      metric: `4 workers sharing ${limit}/min on Redis, ${durationMs / 1000} s: sent`,
      value: sum('sent'),
      unit: 'sends',
    });
    // The full run is the claim; the smoke run's 5 s depend on how fast 4 processes start beside CI's other work.
    const floor = SMOKE ? 0.6 : 0.95;
    const budget = SMOKE ? '>= 0.6 (smoke, burst included; full run: >= 0.95)' : '>= 0.95';
    record({
      section: 'workers',
      metric: `sustained rate / ${limit} per minute`,
      value: rate,
      unit: 'x',
      budget,
      ok: rate >= floor,
    });
    record({
      section: 'workers',
      metric: '429s answered by the mock (retried)',
      value: sum('answered429'),
      unit: 'responses',
    });
    record({
      section: 'workers',
      metric: '429s or failures reaching the callers',
      value: sum('failed'),
      unit: 'sends',
      budget: '= 0',
      ok: sum('failed') === 0,
    });
  } finally {
    await mock.close();
  }
}

// `-- --only perCall,bulk` runs some sections while working on them; such a run never writes RESULTS.md.
const sections = {
  perCall,
  requestCounts,
  paginator,
  bulk,
  csvStream,
  toolsAndMocks,
  firstCall: () => firstCall(record, SMOKE, compareDist),
  mockColdStart: () => mockColdStart(record, SMOKE),
  mswColdStart: () => mswColdStart(record, SMOKE),
  mockThroughput,
  importAndSize,
  redisGuard,
  redisCluster: () => redisCluster(record, SMOKE),
  smsRate: () => smsRate(record, SMOKE),
};
const onlyArg = process.argv.indexOf('--only');
const only = onlyArg > 0 ? (process.argv[onlyArg + 1] ?? '').split(',') : undefined;
const unknown = only?.filter((name) => !(name in sections)) ?? [];
if (unknown.length || only?.length === 0) {
  console.error(
    `bench: --only takes a comma-separated list of ${Object.keys(sections).join(', ')}; ` +
      `not ${unknown.join(', ') || 'nothing'}`,
  );
  process.exit(2);
}
for (const [name, run] of Object.entries(sections)) if (!only || only.includes(name)) await run();

function verdict(ok: boolean | undefined): string {
  if (ok === undefined) return '';
  return ok ? 'ok' : 'MISSED';
}
const table = rows.map((r) => ({
  section: r.section,
  metric: r.metric,
  value: `${fmt(r.value)} ${r.unit}`.trim(),
  budget: r.budget ?? '',
  result: verdict(r.ok),
}));
console.table(table);
const failed = rows.filter((r) => r.ok === false);
const cpu = `${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores`;
const memory = `${(os.totalmem() / 2 ** 30).toFixed(0)} GiB`;
const machine = `${cpu}, ${memory}, ${os.platform()} ${os.release()}, Node ${process.version}`;
const partial = only ? `partial (${only.join(', ')})` : 'full';
const mode = SMOKE ? 'smoke' : partial;
writeFileSync(
  'bench/results.json',
  `${JSON.stringify({ mode, date: new Date().toISOString(), machine, rows }, null, 2)}\n`,
);
if (mode === 'full') {
  const md = [
    '# Benchmark results',
    '',
    `Full run of \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}. Machine: ${machine}.`,
    'Budgets are ratios or counts measured in the same run; absolute times are for orientation only.',
    '',
    '| section | metric | value | budget | result |',
    '| --- | --- | --- | --- | --- |',
    ...table.map((r) => `| ${r.section} | ${r.metric} | ${r.value} | ${r.budget} | ${r.result} |`),
    '',
  ].join('\n');
  writeFileSync('bench/RESULTS.md', md);
}
console.log(
  failed.length
    ? `bench: ${failed.length} budget(s) missed: ${failed.map((f) => f.metric).join('; ')}`
    : 'bench: every budget met',
);
process.exit(failed.length ? 1 : 0);
