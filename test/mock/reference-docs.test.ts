// `npm run docs` (typedoc) is the reference for ./testing and ./msw. The checker below finds an export, or a member
// of an entry function's options or result, left without a doc comment (shown on a fixture); the reference links
// no source file (the package ships none of src/).
import { readFileSync } from 'node:fs';
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

const KIND = { module: 2, reference: 4194304 } as const;
/** What the three entry functions take and give: each of their members is documented too. */
const MEMBERS_DOCUMENTED = [
  'MockServerOptions',
  'StatefulMockOptions',
  'MockHandlerOptions',
  'MockOrigins',
  'MockServers',
  'MockHandlers',
  'ConnectedMocks',
  'MockConnection',
  'MockClients',
  'SomeOptions',
];

const said = (r: Reflection) => Boolean(r.comment || r.signatures?.some((s) => s.comment) || r.getSignature?.comment);

/** `module.export` and `module.Type.member` for each export, and each member of the types above, left unsaid. */
function unsaid(modules: Reflection[]): string[] {
  const missing: string[] = [];
  for (const m of modules) {
    for (const e of m.children ?? []) {
      // a re-export of another entry's type is checked where it is declared
      if (e.kind === KIND.reference) continue;
      if (!said(e)) missing.push(`${m.name}.${e.name}`);
      if (!MEMBERS_DOCUMENTED.includes(e.name)) continue;
      const members = e.children ?? e.type?.declaration?.children ?? [];
      for (const p of members) if (!said(p)) missing.push(`${m.name}.${e.name}.${p.name}`);
    }
  }
  return missing;
}

let dir: string;
let modules: Reflection[] = [];
let raw = '';
beforeAll(async () => {
  dir = tempDir('pas-typedoc');
  const json = join(dir, 'api.json');
  // The project's typedoc.json, as `npm run docs` reads it, over the two entries and the fixture; type errors are
  // tsc's to report, not this test's.
  const r = await run(
    process.execPath,
    [
      join(ROOT, 'node_modules/typedoc/bin/typedoc'),
      ...['--entryPoints', 'src/testing/index.ts', '--entryPoints', 'src/msw/index.ts'],
      ...['--entryPoints', 'test/mock/fixtures/undocumented-export.ts'],
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
  it('finds what the fixture leaves unsaid, and only that', () => {
    const fixture = modules.filter((m) => m.name.includes('undocumented-export'));
    expect(fixture).toHaveLength(1);
    expect(unsaid(fixture).map((s) => s.slice(s.indexOf('.') + 1))).toEqual(['SomeOptions.unsaid', 'undocumented']);
  });

  it('links no source file: the package ships dist/, not src/', () => {
    expect(raw).not.toContain('"sources"');
    expect(JSON.parse(readFileSync(join(ROOT, 'typedoc.json'), 'utf8'))).toMatchObject({ disableSources: true });
  });
});
