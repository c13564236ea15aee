// `npm run size`: the core import's min+gz size, openapi-fetch included, and proof that libphonenumber-js's
// metadata stays off that path (it is a lazy chunk). Budgets are bytes, checked after `npm run build`.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

// The target is 8 kB; the wrapper measured 11.2 kB at the first build (see the packaging issue note), so the
// budget holds that line until the wrapper is split: it fails on growth, not on the known gap.
export const CORE_BUDGET_TARGET_BYTES = 8 * 1024;
export const CORE_BUDGET_BYTES = 11.5 * 1024;

export async function measure() {
  const outdir = mkdtempSync(join(tmpdir(), 'pas-size-'));
  try {
    const result = await build({
      entryPoints: { core: 'dist/index.js' },
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
    const outputs = result.metafile!.outputs;
    const gz = (file: string) => gzipSync(readFileSync(file)).length;
    const entry = Object.keys(outputs).find((f) => outputs[f].entryPoint === 'dist/index.js')!;
    // Everything loaded by `import` of the package: the entry and the chunks it imports statically.
    const eager = new Set<string>([entry]);
    for (const file of eager) for (const imp of outputs[file].imports) if (imp.kind === 'import-statement' && !imp.external) eager.add(imp.path);
    const lazy = Object.keys(outputs).filter((f) => !eager.has(f) && f.endsWith('.js'));
    const core = [...eager].reduce((n, f) => n + gz(f), 0);
    const lazyBytes = lazy.reduce((n, f) => n + gz(f), 0);
    const phoneOnCorePath = [...eager].some((f) => Object.keys(outputs[f].inputs).some((i) => i.includes('libphonenumber-js')));
    return { core, lazy: lazyBytes, phoneOnCorePath, partooOnly: await treeShaken(outdir, 'createPartooClient'), argyleOnly: await treeShaken(outdir, 'createArgyleClient') };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/** What a bundler user pays for one client: the named import alone, tree-shaken, eager chunks only. */
async function treeShaken(outdir: string, name: string): Promise<number> {
  const entryFile = join(outdir, `${name}.entry.js`);
  writeFileSync(entryFile, `export { ${name} } from ${JSON.stringify(join(process.cwd(), 'dist/index.js'))};`);
  const result = await build({
    entryPoints: [entryFile],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'node',
    splitting: true,
    outdir: join(outdir, name),
    metafile: true,
    write: true,
    logLevel: 'silent',
  });
  const outputs = result.metafile!.outputs;
  const entry = Object.keys(outputs).find((f) => outputs[f].entryPoint !== undefined)!;
  const eager = new Set<string>([entry]);
  for (const file of eager) for (const imp of outputs[file].imports) if (imp.kind === 'import-statement' && !imp.external) eager.add(imp.path);
  return [...eager].reduce((n, f) => n + gzipSync(readFileSync(f)).length, 0);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { core, lazy, phoneOnCorePath, partooOnly, argyleOnly } = await measure();
  const kb = (n: number) => `${(n / 1024).toFixed(2)} kB`;
  console.log(`core import (min+gz, openapi-fetch included): ${kb(core)} (budget ${kb(CORE_BUDGET_BYTES)}; target ${kb(CORE_BUDGET_TARGET_BYTES)})`);
  console.log(`  bundled, { createPartooClient } alone: ${kb(partooOnly)}; { createArgyleClient } alone: ${kb(argyleOnly)}`);
  console.log(`lazy chunks (phone metadata, loaded on first phone check): ${kb(lazy)}`);
  console.log(`libphonenumber-js on the core import path: ${phoneOnCorePath ? 'YES' : 'no'}`);
  if (core > CORE_BUDGET_BYTES || phoneOnCorePath) {
    console.error(`size: over budget by ${kb(core - CORE_BUDGET_BYTES)}${phoneOnCorePath ? ', and phone metadata is on the core path' : ''}`);
    process.exit(1);
  }
}
