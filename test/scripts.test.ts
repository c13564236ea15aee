// pull and codegen refuse bad input and leave the snapshot and src/generated untouched.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TARGETS } from '../scripts/codegen-hashes.mjs';
import { pull } from '../scripts/pull-specs.js';
import { SPECS, SpecError } from '../scripts/spec-tools.js';
import { cleanUp, run } from './support/process.js';
import { ROOT, scratchProject, TSX } from './support/scratch-project.js';

let work: string;

/** A scratch copy of the project (node_modules linked), so the scripts can be run against broken specs. */
beforeAll(() => void (work = scratchProject('pas-scripts')));
afterAll(cleanUp);

const script = (name: string, ...args: string[]) =>
  run(process.execPath, [TSX, `scripts/${name}.ts`, ...args], { cwd: work });

// The two generated files come first: the codegen tests compare them alone.
const GENERATED = ['src/generated/partoo.ts', 'src/generated/argyle.ts'];
const FILES = [
  ...GENERATED,
  'openapi/partoo.yaml',
  'openapi/argyle-invites.yaml',
  'openapi/mock/partoo.yaml',
  'openapi/mock/argyle-invites.yaml',
];
const snapshot = () => [...FILES.map((f) => readFileSync(join(work, f), 'utf8')), existsSync(join(work, '.changeset'))];

const HEAD = 'openapi: 3.1.0\ninfo: {title: x, version: "1"}\n';
const BAD_INPUTS: Record<string, [string, RegExp]> = {
  'broken YAML': ['openapi: 3.1.0\ninfo: {title: x\n  version: 1', /not valid YAML/],
  'not OpenAPI': ['name: just some yaml\nitems: [1, 2]\n', /not an OpenAPI 3\.x document/],
  'Swagger 2.0': ['swagger: "2.0"\ninfo: {title: x, version: "1"}\npaths: {}\n', /Swagger 2\.0 document/],
  'Review Booster paths missing': [
    `${HEAD}paths:\n  /businesses:\n    get:\n      operationId: x\n` +
      '      responses:\n        "200": {description: ok}\n',
    /required paths missing: \/review_booster\/send_invitation/,
  ],
  'invalid OpenAPI structure': [
    `${HEAD}paths:\n  /review_booster/send_invitation:\n    post:\n      responses: 12\n`,
    /invalid OpenAPI/,
  ],
};

describe('npm run pull', () => {
  // In-process: a process per input would cost seconds each; the command's one-line contract is checked below.
  it.each(Object.entries(BAD_INPUTS))('refuses %s and touches nothing', async (_, [text, re]) => {
    const before = snapshot();
    writeFileSync(join(work, 'bad.yaml'), text);
    const refused = pull('partoo', join(work, 'bad.yaml'), work);
    await expect(refused).rejects.toBeInstanceOf(SpecError);
    await expect(refused).rejects.toThrow(re);
    expect(snapshot()).toEqual(before);
  });

  it('says why in one line on stderr, exits 1 and touches nothing', async () => {
    const before = snapshot();
    writeFileSync(join(work, 'bad.yaml'), BAD_INPUTS['broken YAML'][0]);
    const r = await script('pull-specs', '--from', 'bad.yaml');
    expect(r.code).toBe(1);
    const line = /^pull: bad\.yaml: not valid YAML .*left untouched$/;
    expect(r.err.trim().split('\n')).toEqual([expect.stringMatching(line)]);
    expect(snapshot()).toEqual(before);
  });

  it('fails clearly when the upstream URL cannot be reached', async () => {
    const before = snapshot();
    const r = await script('pull-specs', '--from', 'http://127.0.0.1:9/openapi.yaml');
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/cannot reach http:\/\/127\.0\.0\.1:9\/openapi\.yaml .*left untouched/);
    expect(snapshot()).toEqual(before);
  });
});

/** `npm run codegen` as package.json runs it: the hash check in plain Node, the generator through tsx if needed. */
const codegen = (...args: string[]) => run(process.execPath, ['scripts/codegen-fast.mjs', ...args], { cwd: work });

describe('npm run codegen', () => {
  it('runs the entry package.json names, whose targets are the specs spec-tools.ts knows', () => {
    const scripts = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts;
    expect(scripts.codegen).toBe('node scripts/codegen-fast.mjs');
    expect(TARGETS).toEqual(Object.values(SPECS).map(({ file, output }) => ({ file, output })));
  });

  it('--check answers an unchanged tree from the recorded hashes; a full run writes the same bytes', async () => {
    const check = await codegen('--check');
    expect(check.code).toBe(0);
    expect(check.out).toContain('2 generated files are current (recorded hashes match)');
    const r = await codegen();
    expect(r.code).toBe(0);
    expect(snapshot().slice(0, 2)).toEqual(GENERATED.map((f) => readFileSync(join(ROOT, f), 'utf8')));
  });

  it('--check names the stale file after one field of the Argyle spec changes', async () => {
    const file = join(work, 'openapi/argyle-invites.yaml');
    const original = readFileSync(file, 'utf8');
    const field = '        external_id:\n          type: ';
    writeFileSync(file, original.replace(`${field}string`, `${field}integer`));
    const r = await codegen('--check');
    writeFileSync(file, original);
    expect(r.code).toBe(1);
    expect(r.err).toContain('stale generated files: src/generated/argyle.ts');
  });

  it('--check names a generated file edited by hand below its header', async () => {
    const file = join(work, 'src/generated/partoo.ts');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace('sent_time?: string;', 'sent_time?: string | Date;'));
    const r = await codegen('--check');
    writeFileSync(file, original);
    expect(original).toContain('sent_time?: string;');
    expect(r.code).toBe(1);
    expect(r.err).toContain('stale generated files: src/generated/partoo.ts;');
  });

  it('writes nothing when a spec is broken', async () => {
    const file = join(work, 'openapi/argyle-invites.yaml');
    const original = readFileSync(file, 'utf8');
    const before = snapshot();
    writeFileSync(file, `${original}\n  broken: [`);
    const r = await codegen();
    writeFileSync(file, original);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/codegen: openapi\/argyle-invites\.yaml: not valid YAML.*nothing written/);
    expect(snapshot().slice(0, 2)).toEqual(before.slice(0, 2));
  });
});
