// `tsx scripts/neutral-bundle.ts [entry…]`: the core and `./redis` bundled as a browser or a Worker without
// nodejs_compat would load them (esbuild `--platform=neutral`, no polyfill), failing on any Node built-in they
// import. Default entries are the built ones (run after `npm run build`); the test passes the sources.
import { builtinModules } from 'node:module';
import { relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Plugin } from 'esbuild';

export const DEFAULT_ENTRIES = ['dist/index.js', 'dist/redis/index.js'];

export interface NeutralBundle {
  entry: string;
  /** every Node built-in import, as `specifier (from file)` */
  nodeImports: string[];
  /** min+gz bytes of the entry chunk and what it imports statically (lazy chunks, e.g. phone metadata, excluded) */
  eagerBytes: number;
}

const BUILTINS = new Set(builtinModules);

export async function neutralBundle(entry: string): Promise<NeutralBundle> {
  const nodeImports: string[] = [];
  // A plugin rather than esbuild's own "Could not resolve": that stops at the first, and a bare `crypto` that a
  // package maps to a polyfill through `browser` fields would not be reported at all.
  const noNode: Plugin = {
    name: 'no-node-builtins',
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, (args) => {
        const bare = args.path.replace(/^node:/, '').split('/')[0]!;
        if (!args.path.startsWith('node:') && !BUILTINS.has(bare)) return undefined;
        nodeImports.push(`${args.path} (from ${relative(process.cwd(), args.importer)})`);
        return { path: args.path, external: true };
      });
    },
  };
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    // Neutral reads no main field by default; packages without `exports` need these to resolve at all.
    mainFields: ['module', 'main'],
    splitting: true,
    outdir: 'neutral-out',
    write: false,
    metafile: true,
    logLevel: 'silent',
    plugins: [noNode],
  });
  const outputs = result.metafile.outputs;
  const main = Object.keys(outputs).find((f) => outputs[f]!.entryPoint !== undefined)!;
  const eager = new Set([main]);
  for (const file of eager) {
    for (const imp of outputs[file]!.imports) if (imp.kind === 'import-statement' && !imp.external) eager.add(imp.path);
  }
  const bytes = new Map(result.outputFiles.map((f) => [relative(process.cwd(), f.path), f.contents]));
  const eagerBytes = [...eager].reduce((n, f) => n + gzipSync(bytes.get(f) ?? new Uint8Array()).length, 0);
  return { entry, nodeImports, eagerBytes };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const entries = process.argv.slice(2).length ? process.argv.slice(2) : DEFAULT_ENTRIES;
  let failed = false;
  for (const entry of entries) {
    const { nodeImports, eagerBytes } = await neutralBundle(entry);
    const size = `${(eagerBytes / 1024).toFixed(2)} kB`;
    console.log(`neutral bundle of ${entry} (min+gz, eager): ${size}; Node built-ins: ${nodeImports.length || 'none'}`);
    for (const imp of nodeImports) console.error(`  imports ${imp}`);
    failed ||= nodeImports.length > 0;
  }
  if (failed) {
    console.error(
      'neutral bundle: the core must run where only fetch and Web APIs exist ' +
        '(see docs/architecture.md, "The runtime seam")',
    );
    process.exit(1);
  }
}
