// pull and codegen refuse bad input and leave the snapshot and src/generated untouched.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '..');
let work: string;

/** A scratch copy of the project (node_modules linked), so the scripts can be run against broken specs. */
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'pas-scripts-'));
  for (const dir of ['openapi', 'scripts', 'src']) cpSync(join(ROOT, dir), join(work, dir), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(work, 'node_modules'));
  writeFileSync(join(work, 'package.json'), readFileSync(join(ROOT, 'package.json')));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function script(name: string, ...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), `scripts/${name}.ts`, ...args], { cwd: work });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

const snapshot = () => ['openapi/partoo.yaml', 'openapi/argyle-invites.yaml', 'src/generated/partoo.ts', 'src/generated/argyle.ts'].map((f) => readFileSync(join(work, f), 'utf8'));

const BAD_INPUTS: Record<string, [string, RegExp]> = {
  'broken YAML': ['openapi: 3.1.0\ninfo: {title: x\n  version: 1', /not valid YAML/],
  'not OpenAPI': ['name: just some yaml\nitems: [1, 2]\n', /not an OpenAPI 3\.x document/],
  'Swagger 2.0': ['swagger: "2.0"\ninfo: {title: x, version: "1"}\npaths: {}\n', /Swagger 2\.0 document/],
  'Review Booster paths missing': ['openapi: 3.1.0\ninfo: {title: x, version: "1"}\npaths:\n  /businesses:\n    get:\n      operationId: x\n      responses:\n        "200": {description: ok}\n', /required paths missing: \/review_booster\/send_invitation/],
  'invalid OpenAPI structure': ['openapi: 3.1.0\ninfo: {title: x, version: "1"}\npaths:\n  /review_booster/send_invitation:\n    post:\n      responses: 12\n', /invalid OpenAPI/],
};

describe('npm run pull', () => {
  it.each(Object.entries(BAD_INPUTS))('refuses %s with one clear line and touches nothing', async (_name, [text, message]) => {
    const before = snapshot();
    writeFileSync(join(work, 'bad.yaml'), text);
    const r = await script('pull-specs', '--from', 'bad.yaml');
    expect(r.code).not.toBe(0);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/left untouched/);
    expect(snapshot()).toEqual(before);
  });

  it('fails clearly when the upstream URL cannot be reached', async () => {
    const before = snapshot();
    const r = await script('pull-specs', '--from', 'http://127.0.0.1:9/openapi.yaml');
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/cannot reach http:\/\/127\.0\.0\.1:9\/openapi\.yaml .*left untouched/);
    expect(snapshot()).toEqual(before);
  });

  it('refuses a spec the mock overlay no longer applies to', async () => {
    const before = snapshot();
    const spec = readFileSync(join(work, 'openapi/partoo.yaml'), 'utf8').replace(/\n  \/review_booster\/expeditor\/\{business_id\}:[\s\S]*?(?=\n  \/review_booster\/invitation_status:)/, '');
    writeFileSync(join(work, 'new.yaml'), spec);
    const r = await script('pull-specs', '--from', 'new.yaml');
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/mock overlay .* no longer applies .*getReviewBoosterExpeditorName/);
    expect(snapshot()).toEqual(before);
  });

  it('accepts a valid spec and reports the operations added, removed and changed', async () => {
    const spec = readFileSync(join(work, 'openapi/partoo.yaml'), 'utf8')
      .replace('summary: Template for a user', 'summary: Template of a user')
      .replace('paths:\n', 'paths:\n  /businesses/{business_id}:\n    get:\n      operationId: getBusiness\n      parameters:\n        - {in: path, name: business_id, required: true, schema: {type: string}}\n      responses:\n        "200": {description: OK}\n');
    writeFileSync(join(work, 'new.yaml'), spec);
    const r = await script('pull-specs', '--from', 'new.yaml');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('added: 1\n  GET /businesses/{business_id}');
    expect(r.stdout).toContain('removed: 0');
    expect(r.stdout).toContain('changed: 1\n  GET /review_booster/template');
    expect(readFileSync(join(work, 'openapi/partoo.yaml'), 'utf8')).toBe(spec);
    cpSync(join(ROOT, 'openapi/partoo.yaml'), join(work, 'openapi/partoo.yaml'));
  });
});

describe('npm run codegen', () => {
  it('is current, and deterministic', async () => {
    expect((await script('codegen', '--check')).code).toBe(0);
    const r = await script('codegen');
    expect(r.code).toBe(0);
    expect(snapshot().slice(2)).toEqual(['src/generated/partoo.ts', 'src/generated/argyle.ts'].map((f) => readFileSync(join(ROOT, f), 'utf8')));
  });

  it('--check names the stale file after one field of the Argyle spec changes', async () => {
    const file = join(work, 'openapi/argyle-invites.yaml');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace('        external_id:\n          type: string', '        external_id:\n          type: integer'));
    const r = await script('codegen', '--check');
    writeFileSync(file, original);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('stale generated files: src/generated/argyle.ts');
  });

  it('writes nothing when a spec is broken', async () => {
    const file = join(work, 'openapi/argyle-invites.yaml');
    const original = readFileSync(file, 'utf8');
    const before = snapshot();
    writeFileSync(file, `${original}\n  broken: [`);
    const r = await script('codegen');
    writeFileSync(file, original);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/codegen: openapi\/argyle-invites\.yaml: not valid YAML.*nothing written/);
    expect(snapshot().slice(2)).toEqual(before.slice(2));
  });
});
