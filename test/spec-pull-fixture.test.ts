// `npm run pull` on Partoo's public 2021 spec (test/fixtures/partoo-2021.yaml, 82 operations), as a new user would
// try it: the scratch check refuses it, naming the wrapper lines it breaks with their cause, in a report that fits a
// screen, and writes nothing; --accept-breaking writes it with a major changeset carrying the same list. The same
// spec with today's Review Booster paths and servers spliced in pulls cleanly: every step of the check holds.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pull } from '../scripts/pull-specs.js';
import { type SpecReport, changesetText, renderReport } from '../scripts/spec-report.js';
import { docBlocks } from './support/doc-blocks.js';
import { cleanUp, run } from './support/process.js';
import { spliced } from './support/spliced-spec.js';
import { ROOT, scratchProject, TSX } from './support/scratch-project.js';

const FIXTURE = 'test/fixtures/partoo-2021.yaml';
const SNAPSHOT = readFileSync(join(ROOT, 'openapi/partoo.yaml'), 'utf8');
const OVERLAY = readFileSync(join(ROOT, 'openapi/mock/partoo.yaml'), 'utf8');
const GENERATED = readFileSync(join(ROOT, 'src/generated/partoo.ts'), 'utf8');
// A check generates, type-checks the project twice and starts a mock: minutes on a loaded machine.
const PULL_MS = 600_000;
let work: string;

function reset() {
  writeFileSync(join(work, 'openapi/partoo.yaml'), SNAPSHOT);
  writeFileSync(join(work, 'openapi/mock/partoo.yaml'), OVERLAY);
  writeFileSync(join(work, 'src/generated/partoo.ts'), GENERATED);
}

beforeAll(() => {
  work = scratchProject('pas-pull-2021', ['openapi', 'scripts', 'src', 'test', 'examples']);
  writeFileSync(join(work, 'tsconfig.json'), readFileSync(join(ROOT, 'tsconfig.json')));
});
afterAll(cleanUp);

const file = (f: string) => readFileSync(join(work, f), 'utf8');
const changesets = () => (existsSync(join(work, '.changeset')) ? readdirSync(join(work, '.changeset')) : []);

/** What the wrapper must find in a refused pull's list: the lines that named the lost labels and the renamed field. */
function expectNamedBreaks(report: SpecReport) {
  const breaks = report.check!.breaks;
  expect(breaks.length).toBeGreaterThan(0);
  for (const b of breaks) expect(b.at).toMatch(/^[\w./-]+\.(ts|yaml):\d+$/);
  expect(breaks).toContainEqual(
    expect.objectContaining({
      at: expect.stringMatching(/^src\/partoo\/.+\.ts:\d+$/),
      cause: 'POST /review_booster/send_invitation: operationId "sendReviewInvitation" removed',
      todo: expect.stringContaining("paths['/review_booster/send_invitation']['post']"),
    }),
  );
  expect(breaks).toContainEqual(
    expect.objectContaining({
      cause: 'GET /review_booster/search-invitation: response 200 review_invitations[].sent_time renamed to sent-time',
      todo: 'use sent-time where this line uses sent_time',
    }),
  );
}

describe('pull: the scratch check on one small edit', () => {
  it(
    'a rename the wrapper reads: refused, with the line, the cause and what to do; nothing written',
    async () => {
      reset();
      const renamed = SNAPSHOT.replace(`${' '.repeat(28)}sent_time:`, `${' '.repeat(28)}sent-time:`);
      expect(renamed).not.toBe(SNAPSHOT);
      writeFileSync(join(work, 'new.yaml'), renamed);
      const r = await run(process.execPath, [TSX, 'scripts/pull-specs.ts', '--from', 'new.yaml', '--json'], {
        cwd: work,
      });
      expect(r.code).toBe(5);
      const report = JSON.parse(r.out) as SpecReport;
      expect(report.written).toBe(false);
      expect(report.check!.breaks).toContainEqual(
        expect.objectContaining({
          at: expect.stringMatching(/^src\/partoo\/[\w/-]+\.ts:\d+$/),
          cause:
            'GET /review_booster/search-invitation: response 200 review_invitations[].sent_time renamed to sent-time',
          todo: 'use sent-time where this line uses sent_time',
        }),
      );
      expect(file('openapi/partoo.yaml')).toBe(SNAPSHOT);
      expect(changesets()).toEqual([]);
    },
    PULL_MS,
  );
});

describe('pull from the 2021 spec', () => {
  it(
    'refuses: exit 5, nothing written, the wrapper lines it breaks with their cause, under 60 lines',
    async () => {
      reset();
      const r = await run(process.execPath, [TSX, 'scripts/pull-specs.ts', '--from', FIXTURE], { cwd: work });
      expect(r.code).toBe(5);
      const lines = r.out.trimEnd().split('\n');
      expect(lines.length).toBeLessThan(60);
      expect(r.out).toMatch(/Breaks the scratch check found, nothing written: \d+/);
      expect(r.out).toMatch(/\n {2}src\/partoo\/[\w/-]+\.ts:\d+: TS\d+ /);
      expect(r.out).toContain(
        'cause: POST /review_booster/send_invitation: operationId "sendReviewInvitation" removed',
      );
      // Long prose is summarised, never dumped.
      expect(Math.max(...lines.map((l) => l.length))).toBeLessThan(200);
      expect(r.out).toMatch(/descriptions and summaries changed on \d+ operations or the document, \d+ lines/);
      expect(file('openapi/partoo.yaml')).toBe(SNAPSHOT);
      expect(file('openapi/mock/partoo.yaml')).toBe(OVERLAY);
      expect(file('src/generated/partoo.ts')).toBe(GENERATED);
      expect(changesets()).toEqual([]);
      // docs/regenerating.md shows a refusal: its cause and do lines are what this one printed.
      const shown = docBlocks('docs/regenerating.md')
        .find((b) => b.lang === 'text')!
        .code.split('\n');
      for (const l of shown.filter((x) => /^\s+(cause|do): /.test(x))) expect(lines).toContain(l);
    },
    PULL_MS,
  );

  it(
    '--accept-breaking writes it whole, with a major changeset of under 60 lines listing the same breaks',
    async () => {
      reset();
      const report = await pull('partoo', join(work, FIXTURE), work, { acceptBreaking: true });
      expect(report.exitCode).toBe(5);
      expect(report.written).toBe(true);
      expectNamedBreaks(report);
      expect(file('openapi/partoo.yaml')).toBe(readFileSync(join(ROOT, FIXTURE), 'utf8'));
      expect(file('src/generated/partoo.ts')).not.toBe(GENERATED);
      const note = file(report.changeset!);
      expect(note.startsWith('---\n"partoo-argyle-sdk": major\n---\n')).toBe(true);
      expect(note.split('\n').length).toBeLessThan(60);
      expect(note).toContain('written anyway (--accept-breaking)');
      expect(note).toBe(changesetText(report));
      // The examples upstream gives that break their own schema are named, with the rule they break.
      expect(report.invalidExamples).toContainEqual(
        expect.objectContaining({
          operation: 'PUT /api_keys/{api_key_id}',
          violation: expect.stringContaining('yyyy'),
        }),
      );
      expect(renderReport(report)).toContain('Upstream examples that break their own schema');
    },
    PULL_MS,
  );
});

describe('docs/regenerating.md', () => {
  it('names only npm scripts the project has, and flags pull and codegen take', () => {
    const scripts = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts as Record<string, string>;
    const sources = ['pull-specs.ts', 'codegen.ts'].map((f) => readFileSync(join(ROOT, 'scripts', f), 'utf8'));
    const sh = docBlocks('docs/regenerating.md').filter((b) => b.lang === 'sh');
    expect(sh.length).toBeGreaterThan(0);
    for (const block of sh) {
      for (const [, name] of block.code.matchAll(/npm run (\S+)/g)) expect(Object.keys(scripts)).toContain(name);
      const npmLines = block.code.split('\n').filter((l) => l.startsWith('npm run'));
      for (const [flag] of npmLines.join('\n').matchAll(/--[a-z][\w-]*/g)) {
        expect(sources.some((src) => src.includes(flag.slice(2)))).toBe(true);
      }
    }
  });
});

describe('pull from the 2021 spec with today’s Review Booster spliced in', () => {
  it(
    'pulls cleanly: generates, type-checks, lints and passes the send, skip, status and search, then writes it',
    async () => {
      reset();
      const source = spliced();
      writeFileSync(join(work, 'spliced.yaml'), source);
      const report = await pull('partoo', join(work, 'spliced.yaml'), work);
      expect(report.check!.breaks).toEqual([]);
      expect(report.check!.steps.map((s) => [s.name, s.ok])).toEqual([
        ['generate', true],
        ['type-check src/, test/, examples/', true],
        ['lint the overlay', true],
        ['send, skip, status, search', true],
      ]);
      expect(report.changes.filter((c) => c.sdkBreaking)).toEqual([]);
      expect(report.written).toBe(true);
      expect(file('openapi/partoo.yaml')).toBe(source);
      expect(file('src/generated/partoo.ts')).toContain('"/business/search"');
      expect(renderReport(report).split('\n').length).toBeLessThan(60);
    },
    PULL_MS,
  );
});
