// `npm run bench -- --only mswColdStart`: the MSW handlers as a partner's test file meets them, in fresh
// processes, beside a bare msw handler, the stateful server and node's own start. The package's sides are bundled
// first (as the published build is) and answer the same spec-validated request, so the loader's cost and a control
// path's shortcut count for neither.
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { pairedRatio, type Row } from './row.js';

const ROOT = join(import.meta.dirname, '..');
const DIR = join(ROOT, 'node_modules', '.cache', 'bench-msw-cold-start');
const TEMPLATE = '/review_booster/template';

// Each child prints one JSON line: ms since its own start (performance's time origin) at each step.
const MSW = `const t0 = performance.now();
const { setupServer } = await import('msw/node');
const { createMockHandlers } = await import('./msw.mjs');
const imported = performance.now();
const mock = createMockHandlers();
const server = setupServer(...mock.handlers);
server.listen({ onUnhandledRequest: 'error' });
const res = await fetch(mock.partooUrl + '${TEMPLATE}', { headers: { 'x-APIKey': mock.partooApiKey } });
if (res.status !== 200) throw new Error('status ' + res.status);
console.log(JSON.stringify({ imported, first: performance.now() }));
server.close();`;
// The baseline: a bare msw handler answering the same path, as a partner would write one by hand, with \`http\`
// from where the ./msw entry takes it (msw/core/http: msw's index would add GraphQL's import to this side only).
const BARE = `const { setupServer } = await import('msw/node');
const { http } = await import('msw/core/http');
const imported = performance.now();
const json = { 'content-type': 'application/json' };
const answer = () => new Response(JSON.stringify({ id: 1, text: 'x' }), { headers: json });
const server = setupServer(http.get('https://api.partoo.co/v2${TEMPLATE}', answer));
server.listen({ onUnhandledRequest: 'error' });
const res = await fetch('https://api.partoo.co/v2${TEMPLATE}', { headers: { 'x-APIKey': 'k' } });
if (res.status !== 200) throw new Error('status ' + res.status);
console.log(JSON.stringify({ imported, first: performance.now() }));
server.close();`;
const SERVER = `const { startMockServers } = await import('./testing.mjs');
const imported = performance.now();
const mock = await startMockServers({ stateful: true });
const res = await fetch(mock.partooUrl + '${TEMPLATE}', { headers: { 'x-APIKey': mock.partooApiKey } });
if (res.status !== 200) throw new Error('status ' + res.status);
console.log(JSON.stringify({ imported, first: performance.now() }));
await mock.close();`;

// Node itself, spawned and printing its line: what every side pays before its first import.
const EMPTY = `console.log(JSON.stringify({ imported: performance.now(), first: performance.now() }));`;

/** ms from spawn to the child's line saying it had its 200, and the child's own import time. */
function run(file: string): Promise<{ total: number; imported: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [file], { cwd: DIR, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let total = 0;
    child.stdout.on('data', (d) => {
      out += d;
      if (!total && out.includes('"first"')) total = performance.now() - started;
    });
    child.stderr.on('data', (d) => (out += d));
    child.once('close', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('{"imported"'));
      if (code !== 0 || !line) return reject(new Error(`${file} exited ${code}: ${out.slice(-300)}`));
      resolve({ total, imported: JSON.parse(line).imported });
    });
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function mswColdStart(record: (r: Row) => void, smoke: boolean) {
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  try {
    await build({
      entryPoints: { msw: join(ROOT, 'src/msw/index.ts'), testing: join(ROOT, 'src/testing/index.ts') },
      outdir: DIR,
      bundle: true,
      splitting: true,
      platform: 'node',
      format: 'esm',
      outExtension: { '.js': '.mjs' },
      packages: 'external',
      logLevel: 'error',
    });
    writeFileSync(join(DIR, 'msw-first.mjs'), MSW);
    writeFileSync(join(DIR, 'server-first.mjs'), SERVER);
    writeFileSync(join(DIR, 'bare-first.mjs'), BARE);
    writeFileSync(join(DIR, 'empty.mjs'), EMPTY);
    const runs = smoke ? 3 : 7;
    const msw: { total: number; imported: number }[] = [];
    const server: { total: number; imported: number }[] = [];
    const bare: { total: number; imported: number }[] = [];
    const empty: number[] = [];
    // Interleaved, so a busy moment of the machine weighs on both sides alike.
    for (let i = 0; i < runs; i++) {
      msw.push(await run(join(DIR, 'msw-first.mjs')));
      server.push(await run(join(DIR, 'server-first.mjs')));
      bare.push(await run(join(DIR, 'bare-first.mjs')));
      empty.push((await run(join(DIR, 'empty.mjs'))).total);
    }
    const section = 'msw cold start';
    const note = `median of ${runs} fresh processes`;
    const mswMs = median(msw.map((r) => r.total));
    const serverMs = median(server.map((r) => r.total));
    const importMs = median(msw.map((r) => r.imported));
    record({ section, metric: `msw/node + ./msw entry, import (${note})`, value: importMs, unit: 'ms' });
    record({ section, metric: `createMockHandlers, spawn to first validated 200 (${note})`, value: mswMs, unit: 'ms' });
    const serverMetric = `startMockServers stateful, spawn to first validated 200 (${note})`;
    record({ section, metric: serverMetric, value: serverMs, unit: 'ms' });
    record({
      section,
      metric: `bare msw handler, spawn to first 200 (${note})`,
      value: median(bare.map((r) => r.total)),
      unit: 'ms',
    });
    // Budgets: the handlers' first answer within 1.5x of a bare msw handler's, and what they add to a test file that
    // uses msw below what the stateful server adds to one that does not (each over its own floor: msw's import, or
    // node's start). Their first answer itself is shown against the server's without a budget: the bare msw
    // handler's alone is above it (the row after), since msw/node's import costs more than the server's whole start,
    // so that line would measure msw, which no change here can reach. The smoke run holds looser lines.
    const totals = (rs: { total: number }[]) => rs.map((r) => r.total);
    const vsBare = pairedRatio(totals(msw), totals(bare));
    const bareLine = smoke ? 2 : 1.5;
    record({
      section,
      metric: `MSW handlers / bare msw handler (${vsBare.range})`,
      value: vsBare.value,
      unit: 'x',
      budget: `<= ${bareLine}`,
      ok: vsBare.value <= bareLine,
    });
    const added = pairedRatio(
      msw.map((r, i) => Math.max(r.total - bare[i].total, 0)),
      server.map((r, i) => Math.max(r.total - empty[i], 1)),
    );
    const addedLine = smoke ? 1.5 : 1;
    record({
      section,
      metric: `MSW handlers over a bare msw handler / stateful server over node's start (${added.range})`,
      value: added.value,
      unit: 'x',
      budget: `< ${addedLine}`,
      ok: added.value < addedLine,
    });
    const vsServer = pairedRatio(totals(msw), totals(server));
    record({ section, metric: `MSW handlers / stateful server (${vsServer.range})`, value: vsServer.value, unit: 'x' });
    const floor = pairedRatio(totals(bare), totals(server));
    record({ section, metric: `bare msw handler / stateful server (${floor.range})`, value: floor.value, unit: 'x' });
    record({ section, metric: `node's own start, spawn to first line (${note})`, value: median(empty), unit: 'ms' });
  } finally {
    rmSync(DIR, { recursive: true, force: true });
  }
}
