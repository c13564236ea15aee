// `npm run size`: the min+gz size of what importing the package loads, and proof that libphonenumber-js's metadata
// stays off that path (it is a lazy chunk), checked after `npm run build`.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';

// A ceiling that catches a regression users would feel in a bundle (a dependency pulled onto the import path by
// mistake), not a target to chase: the core import within 25 kB min+gz, and libphonenumber-js's metadata off it.
export const CORE_CEILING_BYTES = 25 * 1024;

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
  // Dynamic imports are entry points of their own chunks: the user's entry is the one built from `entry`.
  const main = Object.keys(outputs).find((f) => outputs[f].entryPoint === relative(process.cwd(), entry))!;
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
  console.log(`core import (min+gz): ${kb(core)} (ceiling ${kb(CORE_CEILING_BYTES)})`);
  console.log(
    `  bundled, { createPartooClient } alone: ${kb(partooOnly)}; { createArgyleClient } alone: ${kb(argyleOnly)}`,
  );
  console.log(`lazy chunks (phone metadata, loaded on first phone check): ${kb(lazy)}`);
  console.log(`libphonenumber-js on the core import path: ${phoneOnCorePath ? 'YES' : 'no'}`);
  const over = [
    core > CORE_CEILING_BYTES && `the core import is over its ceiling by ${kb(core - CORE_CEILING_BYTES)}`,
    phoneOnCorePath && 'phone metadata is on the core path',
  ].filter(Boolean);
  if (over.length) {
    console.error(`size: ${over.join('; ')}`);
    process.exit(1);
  }
}
