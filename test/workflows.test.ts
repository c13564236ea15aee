// The workflows in .github/workflows/ pass actionlint, and the linter as wired in .ci/run does fail on the typos it
// is there for: an unknown context property, an unknown action input.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanUp, run, tempDir } from './support/process.js';
import { ROOT } from './support/scratch-project.js';

// Made in beforeAll, not at import: `vitest list` imports the file and runs no afterAll.
let scratch: string;
beforeAll(() => void (scratch = tempDir('pas-workflows')));
afterAll(cleanUp);

const lint = (...files: string[]) => run(process.execPath, ['scripts/lint-workflows.mjs', ...files], { cwd: ROOT });

describe('workflow lint', () => {
  it('passes ci.yml, release.yml and spec-sync.yml', async () => {
    const r = await lint();
    expect(r.err).toBe('');
    expect(r.out).toContain('3 workflows, 0 problems');
    expect(r.code).toBe(0);
  });

  it('fails on a misspelt context property and on an unknown action input', async () => {
    const file = join(scratch, 'ci.yml');
    const ci = readFileSync(join(ROOT, '.github/workflows/ci.yml'), 'utf8');
    const checkout = '      - uses: actions/checkout@v4\n';
    const broken = ci
      .replace('group: ci-${{ github.ref }}', 'group: ci-${{ github.evnt }}')
      .replace(checkout, `${checkout}        with:\n          fetch-depht: 0\n`);
    expect(broken).not.toBe(ci);
    writeFileSync(file, broken);
    const r = await lint(file);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/property "evnt" is not defined/);
    expect(r.err).toMatch(/input "fetch-depht" is not defined in action "actions\/checkout@v4"/);
  });
});
