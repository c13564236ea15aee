// `npm run codegen` writes src/generated/*.ts from the committed specs; `-- --check` only compares. Reached through
// scripts/codegen-fast.mjs, which answers a --check on an unchanged tree from the recorded hashes alone.
// The only writer of src/generated/: same input, same bytes, so the full check is a plain string compare.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import openapiTS, { astToString } from 'openapi-typescript';
import { generatorHash, withHeader } from './codegen-hashes.mjs';
import { SPECS, SpecError, validateSpec } from './spec-tools.js';

export async function generate(file: string, requiredPaths: string[]): Promise<string> {
  const source = readFileSync(file, 'utf8');
  const doc = await validateSpec(source, file, requiredPaths);
  const ast = await openapiTS(doc as never, { alphabetize: true, silent: true });
  return withHeader(file, source, generatorHash(), astToString(ast));
}

export async function main(args: string[]) {
  const check = args.includes('--check');
  const outputs: { path: string; text: string }[] = [];
  try {
    for (const target of Object.values(SPECS)) {
      outputs.push({ path: target.output, text: await generate(target.file, target.requiredPaths) });
    }
  } catch (e) {
    // Nothing is written unless every spec generated: a half-updated src/generated is worse than a stale one.
    console.error(`codegen: ${e instanceof SpecError ? e.message : (e as Error).message}; nothing written`);
    process.exit(1);
  }
  if (check) {
    const stale = outputs
      .filter((o) => !existsSync(o.path) || readFileSync(o.path, 'utf8') !== o.text)
      .map((o) => o.path);
    if (stale.length) {
      console.error(`codegen --check: stale generated files: ${stale.join(', ')}; run \`npm run codegen\``);
      process.exit(1);
    }
    console.log(`codegen --check: ${outputs.length} generated files are current (regenerated and compared)`);
    return;
  }
  for (const o of outputs) {
    writeFileSync(`${o.path}.tmp`, o.text);
    renameSync(`${o.path}.tmp`, o.path);
    console.log(`wrote ${o.path}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main(process.argv.slice(2));
