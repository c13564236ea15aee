// Mock start-up as a partner meets it: each run in a fresh process (a second start in a warm process once
// stood in for this and hid a stateful mock slower than Prism). The package's code is bundled first, as the
// published build is, so the TypeScript loader's own cost does not count against either side.
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';
import { freePort } from '../src/testing/ports.js';
import { START_TIMEOUT_MS } from '../src/testing/prism.js';
import { loadMockSpec } from '../src/testing/specs.js';
import { pairedRatio, type Row } from './row.js';

const ROOT = join(import.meta.dirname, '..');
// Inside the checkout, so the bundles resolve their dependencies and the openapi/ folder as installed code does.
const DIR = join(ROOT, 'node_modules', '.cache', 'bench-cold-start');
const POLL_MS = 10;

/**
 * Spawns `node ...args` and returns the ms from spawn until `url(stdout)` answers 200, or, when `url` gives
 * true, until the process itself printed that it got one.
 */
async function spawnToFirst200(
  args: string[],
  url: (stdout: string) => string | boolean | undefined,
  headers = {},
): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let closed = false; // its output read to the end, not just exited
  child.once('close', () => (closed = true));
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  try {
    while (performance.now() - started < START_TIMEOUT_MS) {
      const target = url(out);
      if (closed && target !== true) throw new Error(`exited ${child.exitCode}: ${out.slice(-300)}`);
      if (target === true) return performance.now() - started;
      if (typeof target === 'string') {
        const status = await fetch(target, { headers }).then(
          (r) => (r.body?.cancel(), r.status),
          () => 0,
        );
        if (status === 200) return performance.now() - started;
      }
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
    throw new Error(`no 200 within ${START_TIMEOUT_MS} ms: ${out.slice(-300)}`);
  } finally {
    await new Promise<void>((done) => {
      if (closed) return done();
      child.once('close', () => done());
      child.kill('SIGKILL');
    });
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function mockColdStart(record: (r: Row) => void, smoke: boolean) {
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  try {
    await build({
      entryPoints: { testing: join(ROOT, 'src/testing/index.ts'), cli: join(ROOT, 'src/cli.ts') },
      outdir: DIR,
      bundle: true,
      platform: 'node',
      format: 'esm',
      outExtension: { '.js': '.mjs' },
      packages: 'external',
      logLevel: 'error',
    });
    // In-process: import + start + first 200, as a partner's test file pays it.
    const inProcess = join(DIR, 'in-process.mjs');
    writeFileSync(
      inProcess,
      `const { startMockServers } = await import('./testing.mjs');
const mock = await startMockServers({ stateful: true });
const res = await fetch(mock.partooUrl + '/__mock/time');
console.log('first ' + res.status);
await mock.close();`,
    );
    // What bin/partoo-argyle-sdk.mjs does in an installed package: import the built CLI, call main().
    writeFileSync(
      join(DIR, 'bin.mjs'),
      `const cli = await import('./cli.mjs');\nawait cli.main(process.argv.slice(2));\n`,
    );
    const specFile = join(DIR, 'partoo.json');
    writeFileSync(specFile, JSON.stringify(loadMockSpec('partoo')));
    const require = createRequire(import.meta.url);
    const prismPkg = require.resolve('@stoplight/prism-cli/package.json');
    const prismEntry = join(dirname(prismPkg), (require(prismPkg) as { bin: { prism: string } }).bin.prism);

    const runs = smoke ? 3 : 7;
    const times: Record<'inProcess' | 'cli' | 'prism', number[]> = { inProcess: [], cli: [], prism: [] };
    // Interleaved, so a busy moment of the machine weighs on every side alike.
    for (let i = 0; i < runs; i++) {
      times.inProcess.push(await spawnToFirst200([inProcess], (out) => out.includes('first 200')));
      const cliArgs = [join(DIR, 'bin.mjs'), 'mock', '--stateful', '--port-partoo', '0', '--port-argyle', '0'];
      times.cli.push(
        await spawnToFirst200(cliArgs, (out) => /Partoo mock:\s+(\S+)/.exec(out)?.[1]?.concat('/__mock/time')),
      );
      const port = await freePort();
      const prismArgs = [prismEntry, 'mock', specFile, '-h', '127.0.0.1', '-p', String(port), '--errors', '-v', 'warn'];
      const prismUrl = `http://127.0.0.1:${port}/review_booster/template`;
      times.prism.push(await spawnToFirst200(prismArgs, () => prismUrl, { 'x-APIKey': 'bench' }));
    }
    const [inProcessMs, cliMs, prismMs] = [median(times.inProcess), median(times.cli), median(times.prism)];
    const section = 'mock cold start';
    const note = `median of ${runs} fresh processes`;
    record({ section, metric: `Prism CLI, spawn to first 200 (one API; ${note})`, value: prismMs, unit: 'ms' });
    record({ section, metric: `stateful mock CLI, spawn to first 200 (both APIs; ${note})`, value: cliMs, unit: 'ms' });
    record({
      section,
      metric: `startMockServers stateful, node start + import + first 200 (${note})`,
      value: inProcessMs,
      unit: 'ms',
    });
    const paired = pairedRatio(times.cli, times.prism);
    const ratio = paired.value;
    // The claim is the full run's (7 fresh processes on a quiet machine); CI's smoke run, 3 processes beside
    // everything else CI starts, only checks that the mock stays well ahead of Prism.
    const limit = smoke ? 0.8 : 0.5;
    record({
      section,
      metric: `stateful mock CLI / Prism CLI (${paired.range})`,
      value: ratio,
      unit: 'x',
      budget: smoke ? '<= 0.8 (smoke; full run: <= 0.5)' : '<= 0.5',
      ok: ratio <= limit,
    });
    const own = pairedRatio(times.inProcess, times.prism);
    record({
      section,
      metric: `startMockServers stateful / Prism CLI (${own.range})`,
      value: own.value,
      unit: 'x',
    });
  } finally {
    rmSync(DIR, { recursive: true, force: true });
  }
}
