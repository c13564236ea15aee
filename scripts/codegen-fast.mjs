// `npm run codegen [-- --check]`. With --check, a tree whose generated files carry the hashes of the current specs,
// generator and bodies is answered here, in plain Node, in a few milliseconds; anything else (a changed spec, a hand
// edit, a new generator, or a real run) goes to scripts/codegen.ts, loaded through tsx, with the same exit statuses.
import { TARGETS, generatorHash, isCurrent } from './codegen-hashes.mjs';

const args = process.argv.slice(2);
if (args.includes('--check')) {
  const generator = generatorHash();
  if (TARGETS.every((t) => isCurrent('.', t, generator))) {
    console.log(`codegen --check: ${TARGETS.length} generated files are current (recorded hashes match)`);
    process.exit(0);
  }
}
const { tsImport } = await import('tsx/esm/api');
const { main } = await tsImport('./codegen.ts', import.meta.url);
await main(args);
