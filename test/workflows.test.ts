// The workflows in .github/workflows/ pass actionlint, and the linter as wired in .ci/run does fail on the typos it
// is there for: an unknown context property, an unknown action input.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '..');
const scratch = mkdtempSync(join(tmpdir(), 'pas-workflows-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function lint(...files: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['scripts/lint-workflows.mjs', ...files], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('workflow lint', () => {
  it('passes ci.yml, release.yml and spec-sync.yml', async () => {
    const r = await lint();
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('3 workflows, 0 problems');
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
    expect(r.stderr).toMatch(/property "evnt" is not defined/);
    expect(r.stderr).toMatch(/input "fetch-depht" is not defined in action "actions\/checkout@v4"/);
  });
});
