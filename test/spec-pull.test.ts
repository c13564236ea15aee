// `npm run pull` on documents made from our own snapshot by script: each change must land in the right class, the
// exit status and the drafted changeset must follow, and the tree must be left as documented. Most cases call
// pull() in-process on a scratch copy (a process per case would cost seconds each); the CLI's own contract (exit
// status, --json, one line when refused, the URL path) is checked through real processes.
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { pull } from '../scripts/pull-specs.js';
import { type SpecReport, renderReport } from '../scripts/spec-report.js';
import { syncOverlay } from '../scripts/overlay-sync.js';
import { applyOverlay } from '../src/testing/overlay.js';
import { cleanUp, run } from './support/process.js';
import { ROOT, scratchProject, TSX } from './support/scratch-project.js';

const SNAPSHOT = readFileSync(join(ROOT, 'openapi/partoo.yaml'), 'utf8');
const OVERLAY = readFileSync(join(ROOT, 'openapi/mock/partoo.yaml'), 'utf8');
const ARGYLE = readFileSync(join(ROOT, 'openapi/argyle-invites.yaml'), 'utf8');
let work: string;

beforeAll(() => {
  // What the pull's scratch check compiles and runs: the wrapper, its tests and examples, and their tsconfig.
  work = scratchProject('pas-pull', ['openapi', 'scripts', 'src', 'test', 'examples']);
  writeFileSync(join(work, 'tsconfig.json'), readFileSync(join(ROOT, 'tsconfig.json')));
});
afterAll(cleanUp);
beforeEach(() => {
  writeFileSync(join(work, 'openapi/partoo.yaml'), SNAPSHOT);
  writeFileSync(join(work, 'openapi/mock/partoo.yaml'), OVERLAY);
  writeFileSync(join(work, 'openapi/argyle-invites.yaml'), ARGYLE);
  rmSync(join(work, '.changeset'), { recursive: true, force: true });
});

const file = (f: string) => readFileSync(join(work, f), 'utf8');
const changesets = () => (existsSync(join(work, '.changeset')) ? readdirSync(join(work, '.changeset')) : []);

/** Writes the snapshot edited by `edit` (which must change it) and pulls it in-process. */
async function pullEdited(edit: (spec: string) => string): Promise<{ report: SpecReport; source: string }> {
  const source = edit(SNAPSHOT);
  expect(source).not.toBe(SNAPSHOT);
  writeFileSync(join(work, 'new.yaml'), source);
  // The classes are what these cases pin; the scratch check has its own cases (the CLI's below, the fixture's).
  return { report: await pull('partoo', join(work, 'new.yaml'), work, { check: false }), source };
}

/** The snapshot's `sent_time` in the search response, renamed the way the 2021 spec had it. */
const renameSentTime = (s: string) => s.replace(`${' '.repeat(28)}sent_time:`, `${' '.repeat(28)}sent-time:`);
/** Adds `value` after the enum item `after` (matched with its indentation and dash). */
const addEnumValue = (s: string, after: string, value: string) => {
  const indent = after.slice(0, after.indexOf('-'));
  return s.replace(`${after}\n`, `${after}\n${indent}- ${value}\n`);
};
const SEND = 'POST /review_booster/send_invitation';
const EXPEDITOR = '/review_booster/expeditor/{business_id}';

const removeBlock = (spec: string, start: string, next: string) => {
  const from = spec.indexOf(start);
  return spec.slice(0, from) + spec.slice(spec.indexOf(next, from));
};

describe('pull: what changed, field by field', () => {
  it('a response field the wrapper reads, renamed: breaking for the SDK, exit 4, a major changeset', async () => {
    const { report, source } = await pullEdited(renameSentTime);
    const sdk = report.changes.filter((c) => c.sdkBreaking);
    expect(sdk.map((c) => [c.operation, c.text])).toEqual([
      ['GET /review_booster/search-invitation', 'response 200 review_invitations[].sent_time renamed to sent-time'],
    ]);
    expect(report.exitCode).toBe(4);
    expect(report.bump).toBe('major');
    expect(file('openapi/partoo.yaml')).toBe(source);
    expect(changesets()).toEqual([report.changeset!.replace('.changeset/', '')]);
    const note = file(report.changeset!);
    expect(note.startsWith('---\n"partoo-argyle-sdk": major\n---\n')).toBe(true);
    expect(note).toContain('review_invitations[].sent_time renamed to sent-time');
    expect(file('openapi/mock/partoo.yaml')).toBe(OVERLAY);
  });

  it('a request body field the wrapper sends, removed: breaking for the SDK, exit 4, major', async () => {
    // The property and the example that uses it (a spec whose example breaks its schema is refused).
    const { report } = await pullEdited((s) =>
      removeBlock(s, '                invite_content:\n', '                force:\n').replace(
        /\n {18}invite_content: Hello.*/,
        '',
      ),
    );
    expect(report.changes.filter((c) => c.sdkBreaking).map((c) => [c.operation, c.section, c.field, c.kind])).toEqual([
      [SEND, 'body', 'invite_content', 'breaking'],
    ]);
    expect(report.exitCode).toBe(4);
    expect(report.bump).toBe('major');
    expect(file(report.changeset!)).toContain('body invite_content removed');
  });

  it('an operation added: non-breaking, exit 0, a minor changeset', async () => {
    const operation = [
      '  /businesses/{business_id}:',
      '    get:',
      '      operationId: getBusiness',
      '      parameters:',
      '        - {in: path, name: business_id, required: true, schema: {type: string}}',
      '      responses:',
      '        "200": {description: OK}',
    ];
    const { report } = await pullEdited((s) => s.replace('paths:\n', `paths:\n${operation.join('\n')}\n`));
    expect(report.operations.added).toEqual(['GET /businesses/{business_id}']);
    expect(report.changes.map((c) => [c.kind, c.operation, c.text])).toEqual([
      ['non-breaking', 'GET /businesses/{business_id}', 'operation added'],
    ]);
    expect(report.exitCode).toBe(0);
    expect(report.bump).toBe('minor');
    expect(file(report.changeset!).startsWith('---\n"partoo-argyle-sdk": minor\n---\n')).toBe(true);
  });

  it('an enum value added to a request field: non-breaking (even on a field the wrapper sends), exit 0', async () => {
    const { report } = await pullEdited((s) => addEnumValue(s, '                    - "False"', '"Auto"'));
    expect(report.changes).toMatchObject([
      {
        kind: 'non-breaking',
        operation: SEND,
        text: 'body force: enum value "Auto" added',
        sdkField: `${SEND} body.force`,
        sdkBreaking: false,
      },
    ]);
    expect(report.exitCode).toBe(0);
    expect(report.bump).toBe('patch');
  });

  it('an enum value added to a response field the wrapper reads: breaking for the SDK (not in its union)', async () => {
    const { report } = await pullEdited((s) => addEnumValue(s, '                      - FAILED_DELIVERY', 'EXPIRED'));
    expect(report.changes).toMatchObject([
      { kind: 'breaking', text: 'response 200 status: enum value "EXPIRED" added', sdkBreaking: true },
    ]);
    expect(report.exitCode).toBe(4);
  });

  it('a changed sandbox host is breaking for the SDK; OpenAPI 3.1 -> 3.0 is informational', async () => {
    const { report } = await pullEdited((s) =>
      s
        .replace('https://api.sandbox.partoo.co/v2', 'https://sandbox.partoo.co/v2')
        .replace('openapi: 3.1.0', 'openapi: 3.0.3'),
    );
    expect(report.changes.map((c) => [c.kind, c.sdkBreaking, c.text])).toEqual([
      ['informational', false, 'openapi: "3.1.0" -> "3.0.3"'],
      ['breaking', true, 'servers.1.url: "https://api.sandbox.partoo.co/v2" -> "https://sandbox.partoo.co/v2"'],
    ]);
    expect(report.exitCode).toBe(4);
  });

  it('a removed response field the wrapper does not read: breaking for raw .api users only, exit 3', async () => {
    const kept = '                  status:\n                    type: string\n';
    const field = '                  invitation_id:\n                    $ref: "#/components/schemas/InvitationId"\n';
    const { report } = await pullEdited((s) => s.replace(field + kept, kept));
    const breaking = report.changes.filter((c) => c.kind === 'breaking');
    expect(breaking.map((c) => [c.operation, c.text, c.sdkBreaking])).toEqual([
      ['GET /review_booster/invitation_status', 'response 200 invitation_id removed', false],
    ]);
    expect(report.exitCode).toBe(3);
    expect(report.bump).toBe('major');
  });
});

describe('pull --spec argyle', () => {
  it("a field the wrapper reads, dropped from Argyle's invite: breaking for the SDK wherever returned", async () => {
    const edited = ARGYLE.replace('user, user_token, email', 'user, email').replace(/\n {8}user_token:\n.*\n.*/, '');
    expect(edited).not.toBe(ARGYLE);
    writeFileSync(join(work, 'new-argyle.yaml'), edited);
    const report = await pull('argyle', join(work, 'new-argyle.yaml'), work, { check: false });
    const removed = report.changes.filter((c) => c.sdkBreaking && /user_token removed$/.test(c.text));
    expect(removed.map((c) => `${c.operation}: ${c.text}`)).toEqual([
      'GET /v2/invites: response 200 results[].user_token removed',
      'GET /v2/invites/{id}: response 200 user_token removed',
      'POST /v2/invites: response 200 user_token removed',
      'POST /v2/invites/{id}: response 200 user_token removed',
      'POST /v2/invites/{id}/revoke: response 200 user_token removed',
    ]);
    expect(report.exitCode).toBe(4);
    expect(report.changeset).toMatch(/^\.changeset\/spec-argyle-\d{4}-\d{2}-\d{2}\.md$/);
    expect(file('openapi/argyle-invites.yaml')).toBe(edited);
    expect(file('openapi/partoo.yaml')).toBe(SNAPSHOT);
  });
});

describe('pull: the mock overlay never blocks a refresh', () => {
  it('operations the overlay names are gone: the refresh succeeds and their entries are reported dropped', async () => {
    const { report, source } = await pullEdited((s) =>
      removeBlock(s, `  ${EXPEDITOR}:\n`, '  /review_booster/invitation_status:\n'),
    );
    expect(report.overlay.dropped).toEqual([
      { entry: 'getReviewBoosterExpeditorName', reason: `operation GET ${EXPEDITOR} is gone` },
      { entry: 'setReviewBoosterExpeditorName', reason: `operation POST ${EXPEDITOR} is gone` },
    ]);
    expect(report.operations.removed).toEqual([`GET ${EXPEDITOR}`, `POST ${EXPEDITOR}`]);
    expect(report.exitCode).toBe(3);
    expect(file('openapi/partoo.yaml')).toBe(source);
    // Only the two entries left the overlay: comments, flow style and every other example are kept as written.
    const overlay = file('openapi/mock/partoo.yaml');
    expect(overlay).toBe(OVERLAY.slice(0, OVERLAY.indexOf('  getReviewBoosterExpeditorName:\n')));
    expect(() => applyOverlay(YAML.parse(source), YAML.parse(overlay))).not.toThrow();
  });

  it('an operationId the SDK names, renamed on its method and path: SDK-breaking; the overlay follows', async () => {
    const { report, source } = await pullEdited((s) => s.replace('Id: sendReviewInvitation', 'Id: sendInvitation'));
    expect(report.overlay).toMatchObject({
      renamed: [{ from: 'sendReviewInvitation', to: 'sendInvitation', operation: SEND }],
      dropped: [],
    });
    expect(report.changes.map((c) => [c.kind, c.sdkBreaking, c.text])).toEqual([
      ['informational', true, 'operationId: "sendReviewInvitation" -> "sendInvitation"'],
    ]);
    expect(report.exitCode).toBe(4);
    expect(report.bump).toBe('major');
    expect(file('openapi/mock/partoo.yaml')).toBe(OVERLAY.replace('  sendReviewInvitation:\n', '  sendInvitation:\n'));
    const merged = applyOverlay(YAML.parse(source), YAML.parse(file('openapi/mock/partoo.yaml')));
    const response = merged.paths['/review_booster/send_invitation'].post.responses['400'];
    expect(Object.keys(response.content['application/json'].examples)).toContain('recently-invited');
  });

  it(
    'examples a changed schema no longer accepts: ' +
      'the refresh goes on and the report says the overlay needs an edit',
    async () => {
      const id = '    InvitationId:\n      description: invitation id\n      type: ';
      const { report } = await pullEdited((s) =>
        s.replace(`${id}string`, `${id}integer`).replace(/\n {6}example: d3d8c966.*/, ''),
      );
      expect(report.overlay.problem).toContain('openapi/partoo.yaml + openapi/mock/partoo.yaml: invalid OpenAPI');
      expect(report.overlay.problem).toContain('examples/delivered/value/invitation_id');
      expect(report.exitCode).toBe(4);
      expect(renderReport(report)).toContain('Mock overlay openapi/mock/partoo.yaml needs an edit (lint:specs fails)');
    },
  );

  it('examples for a status the overlay adds itself (429) stay; for a status nobody documents, they go', () => {
    const entry = '  checkDuplicatedReviewInvitation:\n';
    const extra =
      "    '429':\n      limited:\n        value: {errors: {json: Too many requests}}\n" +
      "    '418':\n      teapot:\n        value: {}\n";
    const spec = YAML.parse(SNAPSHOT);
    const sync = syncOverlay(OVERLAY.replace(entry, entry + extra), spec, spec);
    expect(sync.dropped).toEqual([
      { entry: 'checkDuplicatedReviewInvitation 418', reason: 'the spec no longer documents this status' },
    ]);
    expect(sync.text).toBe(OVERLAY.replace(entry, entry + extra.slice(0, extra.indexOf("    '418'"))));
  });

  it('an operation that lost its operationId: SDK-breaking, its entry dropped with the reason', async () => {
    const { report } = await pullEdited((s) => s.replace('      operationId: sendReviewInvitation\n', ''));
    expect(report.changes.filter((c) => c.sdkBreaking).map((c) => c.text)).toEqual([
      'operationId "sendReviewInvitation" removed',
    ]);
    expect(report.overlay.dropped).toEqual([
      { entry: 'sendReviewInvitation', reason: `${SEND} has no operationId in the new spec (entries are keyed by it)` },
    ]);
    expect(file('openapi/mock/partoo.yaml')).not.toContain('sendReviewInvitation');
  });
});

describe('pull: the command', () => {
  const cli = (...args: string[]) => run(process.execPath, [TSX, 'scripts/pull-specs.ts', ...args], { cwd: work });

  // The successful fetch runs the scratch check (generate, type-check, the wrapper against the mock): minutes.
  it(
    'fetches from a URL, and fails with one line on an HTTP error, writing nothing',
    { timeout: 600_000 },
    async () => {
      const served = SNAPSHOT.replace('summary: Template for a user', 'summary: Template of a user');
      const server = createServer((req, res) =>
        req.url === '/openapi.yaml' ? res.end(served) : res.writeHead(404, 'Not Found').end(),
      );
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
      const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
      try {
        const missing = await cli('--from', `${base}/gone.yaml`);
        expect(missing.code).toBe(1);
        expect(missing.err.trim().split('\n')).toEqual([
          `pull: ${base}/gone.yaml: HTTP 404 Not Found; openapi/partoo.yaml left untouched`,
        ]);
        expect(file('openapi/partoo.yaml')).toBe(SNAPSHOT);
        expect(changesets()).toEqual([]);
        const ok = await cli('--from', `${base}/openapi.yaml`);
        expect(ok.err).toBe('');
        expect(ok.code).toBe(0);
        // A summary change is summarised, never dumped: the report stays one screen.
        expect(ok.out).toContain('descriptions and summaries changed on 1 operations or the document, 1 lines');
        expect(file('openapi/partoo.yaml')).toBe(served);
      } finally {
        server.close();
      }
    },
  );

  it('an unchanged spec: exit 0, "No API change.", no file written', async () => {
    mkdirSync(join(work, '.changeset'));
    const r = await cli('--from', 'openapi/partoo.yaml');
    expect(r.code).toBe(0);
    expect(r.out).toContain('No API change.');
    expect(changesets()).toEqual([]);
    expect(file('openapi/partoo.yaml')).toBe(SNAPSHOT);
  });
});
