// `npm run docs` (typedoc) is the reference for ./testing and ./msw. The checker below finds an export, or any
// member of one (an options or result interface's, a class's, an inline object's), left without a doc comment: shown
// on two fixtures, then run over both entries, which must leave nothing unsaid. The reference links no source file
// (the package ships none of src/).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanUp, run, tempDir } from '../support/process.js';
import { ROOT } from '../support/scratch-project.js';

interface Reflection {
  name: string;
  kind: number;
  comment?: unknown;
  signatures?: Reflection[];
  getSignature?: Reflection;
  children?: Reflection[];
  sources?: unknown[];
  type?: { type: string; declaration?: Reflection };
}

const KIND = { constructor: 512, reference: 4194304 } as const;

const said = (r: Reflection) => Boolean(r.comment || r.signatures?.some((s) => s.comment) || r.getSignature?.comment);
/** An interface's or class's members, or those of the object type a property or type alias spells out inline. */
const membersOf = (r: Reflection) => r.children ?? r.type?.declaration?.children ?? [];

/**
 * `module.export` and `module.Type.member` (`module.Type.member.inner` for an inline object) for each export and
 * each member of one left unsaid, and how many were checked. Inherited members count where they are listed: a
 * comment on the interface they come from is what typedoc shows there.
 */
function unsaid(modules: Reflection[]): { missing: string[]; checked: number } {
  const missing: string[] = [];
  let checked = 0;
  const check = (name: string, r: Reflection) => {
    checked++;
    if (!said(r)) missing.push(name);
    // a class's constructor is said by the class's own comment
    for (const p of membersOf(r)) if (p.kind !== KIND.constructor) check(`${name}.${p.name}`, p);
  };
  for (const m of modules) {
    for (const e of m.children ?? []) {
      // a re-export of another entry's type is checked where it is declared
      if (e.kind !== KIND.reference) check(`${m.name}.${e.name}`, e);
    }
  }
  return { missing, checked };
}

const fixture = (name: string) => {
  const found = modules.filter((m) => m.name.includes(name));
  expect(found).toHaveLength(1);
  return unsaid(found).missing.map((s) => s.slice(s.indexOf('.') + 1));
};

let dir: string;
let modules: Reflection[] = [];
let raw = '';
beforeAll(async () => {
  dir = tempDir('pas-typedoc');
  const json = join(dir, 'api.json');
  // The project's typedoc.json, as `npm run docs` reads it, over the two entries and the fixtures. Its tsconfig holds
  // src only (a test file's type error does not stop the reference), so the fixtures are read with the whole
  // project's; typedoc takes a tsconfig from its options file only. Type errors are tsc's to report, not this test's.
  const options = join(dir, 'typedoc.json');
  const project = JSON.parse(readFileSync(join(ROOT, 'typedoc.json'), 'utf8')) as object;
  writeFileSync(options, JSON.stringify({ ...project, tsconfig: join(ROOT, 'tsconfig.json') }));
  const r = await run(
    process.execPath,
    [
      join(ROOT, 'node_modules/typedoc/bin/typedoc'),
      ...['--entryPoints', 'src/testing/index.ts', '--entryPoints', 'src/msw/index.ts'],
      ...['--entryPoints', 'test/mock/fixtures/undocumented-export.ts'],
      ...['--entryPoints', 'test/mock/fixtures/undocumented-member.ts', '--options', options],
      ...['--json', json, '--out', join(dir, 'html'), '--skipErrorChecking', '--logLevel', 'Error'],
    ],
    { cwd: ROOT, timeoutMs: 240_000 },
  );
  if (r.code !== 0) throw new Error(`typedoc exited ${r.code}: ${r.err || r.out}`);
  raw = readFileSync(json, 'utf8');
  modules = (JSON.parse(raw) as Reflection).children ?? [];
}, 250_000);
afterAll(cleanUp);

describe('reference docs of ./testing and ./msw', () => {
  it('finds what the fixtures leave unsaid, and only that', () => {
    expect(fixture('undocumented-export')).toEqual(['SomeOptions.unsaid', 'undocumented']);
    expect(fixture('undocumented-member').sort()).toEqual([
      'Child.inheritedUnsaid',
      'Klass.unsaidGetter',
      'Klass.unsaidMethod',
      'Shape.nested.unsaid',
    ]);
  });

  it('leaves no export of ./testing or ./msw, nor any member of one, unsaid', () => {
    const entries = modules.filter((m) => /(^|\/)(testing|msw)$/.test(m.name));
    expect(entries.map((m) => m.name).sort()).toEqual(['src/msw', 'src/testing']);
    const { missing, checked } = unsaid(entries);
    expect(missing).toEqual([]);
    // Both entries were read whole: their exports and the members of each.
    expect(checked).toBeGreaterThan(200);
  });

  it('links no source file: the package ships dist/, not src/', () => {
    expect(raw).not.toContain('"sources"');
    expect(JSON.parse(readFileSync(join(ROOT, 'typedoc.json'), 'utf8'))).toMatchObject({ disableSources: true });
  });
});
