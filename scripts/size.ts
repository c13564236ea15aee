// `npm run size`: the core import's min+gz size, openapi-fetch included, and proof that libphonenumber-js's
// metadata stays off that path (it is a lazy chunk). Budgets are bytes, checked after `npm run build`.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';

// The target is 8 kB; the wrapper measured 11.2 kB at the first build (see the packaging issue note), so the
// budget holds a ratchet instead: it fails on growth nobody decided on, not on the known gap. Raised from 11.5
// to 11.6 kB for the guard's handling of answers it cannot read (11.41 -> 11.57 kB), then to 11.65 kB for the
// lock check before a shared-store POST (11.59 -> 11.62 kB; the check itself lives in the lazy lock chunk),
// then to 11.75 kB for secrets that leave the redaction registry with their client (11.63 -> 11.70 kB; it grew
// with every key a process ever saw), then to 12.6 kB (11.70 -> 12.50 kB) for: `.api` results scrubbed of echoed
// secrets with a typed error for a non-JSON success, the guard's settle time and resendUnknown (the store deadline
// itself loads only with a store), and 401 messages that name the key's option and variable; then to 13.6 kB
// (12.69 -> 13.50 kB) for the log: levels, a redacting and masking record builder, the guard's reasons. Down to
// 12.35 kB (13.50 -> 12.25 kB) once the send path (input rules, guard, ledger, decisions) loads with the first send;
// then 12.6 kB (12.25 -> 12.57 kB) for a span per public operation (the OpenTelemetry API itself is not bundled),
// then 13.4 kB (12.57 -> 13.29 kB) for a record and a span per HTTP attempt, and the log on the Argyle client too,
// then 13.45 kB (13.34 -> 13.39 kB) for connection errors naming their host and the batch concurrency check,
// then 13.95 kB (13.40 -> 13.90 kB) for the transport as composable layers with the typed request path beside it
// (src/core/attempt.ts, request.ts, lazyApi); down to 12.55 kB (13.90 -> 12.50 kB) once the wrapper's operations
// call request.ts and `.api` loads openapi-fetch with its first call.
export const CORE_BUDGET_TARGET_BYTES = 8 * 1024;
export const CORE_BUDGET_BYTES = 12.55 * 1024;

const gz = (file: string) => gzipSync(readFileSync(file)).length;

/** Bundles one entry as a Node user's import would load it: the entry chunk and what it imports statically. */
async function bundle(entry: string, outdir: string) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'node',
    splitting: true,
    outdir,
    metafile: true,
    write: true,
    logLevel: 'silent',
  });
  const outputs: Metafile['outputs'] = result.metafile!.outputs;
  const main = Object.keys(outputs).find((f) => outputs[f].entryPoint !== undefined)!;
  const eager = new Set<string>([main]);
  for (const file of eager)
    for (const imp of outputs[file].imports) if (imp.kind === 'import-statement' && !imp.external) eager.add(imp.path);
  const lazy = Object.keys(outputs).filter((f) => !eager.has(f) && f.endsWith('.js'));
  return { outputs, eager: [...eager], lazy };
}

export async function measure() {
  const outdir = mkdtempSync(join(tmpdir(), 'pas-size-'));
  try {
    const { outputs, eager, lazy } = await bundle('dist/index.js', join(outdir, 'all'));
    const phoneOnCorePath = eager.some((f) =>
      Object.keys(outputs[f].inputs).some((i) => i.includes('libphonenumber-js')),
    );
    // What a bundler user pays for one client: the named import alone, tree-shaken.
    const alone = async (name: string) => {
      const entry = join(outdir, `${name}.js`);
      writeFileSync(entry, `export { ${name} } from ${JSON.stringify(join(process.cwd(), 'dist/index.js'))};`);
      return sum((await bundle(entry, join(outdir, name))).eager);
    };
    return {
      core: sum(eager),
      lazy: sum(lazy),
      phoneOnCorePath,
      partooOnly: await alone('createPartooClient'),
      argyleOnly: await alone('createArgyleClient'),
    };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

const sum = (files: string[]) => files.reduce((n, f) => n + gz(f), 0);

if (import.meta.url === `file://${process.argv[1]}`) {
  const { core, lazy, phoneOnCorePath, partooOnly, argyleOnly } = await measure();
  const kb = (n: number) => `${(n / 1024).toFixed(2)} kB`;
  const budget = `budget ${kb(CORE_BUDGET_BYTES)}; target ${kb(CORE_BUDGET_TARGET_BYTES)}`;
  console.log(`core import (min+gz, openapi-fetch included): ${kb(core)} (${budget})`);
  console.log(
    `  bundled, { createPartooClient } alone: ${kb(partooOnly)}; { createArgyleClient } alone: ${kb(argyleOnly)}`,
  );
  console.log(`lazy chunks (phone metadata, loaded on first phone check): ${kb(lazy)}`);
  console.log(`libphonenumber-js on the core import path: ${phoneOnCorePath ? 'YES' : 'no'}`);
  if (core > CORE_BUDGET_BYTES || phoneOnCorePath) {
    const phone = phoneOnCorePath ? ', and phone metadata is on the core path' : '';
    console.error(`size: over budget by ${kb(core - CORE_BUDGET_BYTES)}${phone}`);
    process.exit(1);
  }
}
