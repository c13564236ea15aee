// The mock binary (`npm run build:mock-binary`) runs the stateful scenario with no `node` anywhere on its PATH:
// send, the 10-day 400, DELIVERED once the clock moves, Argyle's invites, and the error bodies the partner page
// lists. It stops with its runner as the CLI does, and refuses static mode with the line that runs it.
import { readFileSync, readlinkSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MOCK_EXIT, STATIC_NPX } from '../../src/cli/mock.js';
import { RECENTLY_INVITED } from '../../src/testing/api-errors.js';
import { cleanUp } from '../support/process.js';
import { buildOnce, findsNode, mockBinary, startBinary, toolsPath, runBare, type Ready } from './binary-run.js';
import { FREE_WITHIN_MS, killRunner, ROOT } from './chain.js';

const BUILD_MS = 420_000;
beforeAll(() => void buildOnce().catch(() => {}), BUILD_MS);
afterAll(cleanUp);

const basic = (r: Ready) => `Basic ${Buffer.from(`${r.argyleApiKeyId}:${r.argyleApiKeySecret}`).toString('base64')}`;
async function call(url: string, init: RequestInit & { headers?: Record<string, string> } = {}) {
  const res = await fetch(url, { ...init, headers: { 'content-type': 'application/json', ...init.headers } });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
}
const sendBody = JSON.stringify({ business_id: 'b1', target_phone: '+33601020304', invite_content: 'Hi @link' });

describe('the mock binary, with no node on PATH', () => {
  it(
    'serves send, the 10-day 400, DELIVERED after the clock moves, and Argyle invites',
    async (ctx) => {
      const bin = await mockBinary(ctx);
      const path = toolsPath([]);
      expect(await findsNode(path)).toBe(false);
      const { mock, ready } = await startBinary(bin, path);
      // The process serving is the binary itself, not a node it started.
      expect(readlinkSync(`/proc/${mock.child.pid}/exe`)).toBe(realpathSync(bin));
      const key = { 'x-APIKey': ready.partooApiKey };
      const sent = await call(`${ready.partooV2Url}/review_booster/send_invitation`, {
        method: 'POST',
        headers: key,
        body: sendBody,
      });
      expect(sent).toMatchObject({ status: 200, body: { status: 'success' } });
      // The same number again, on the base URL without /v2: the same API, Partoo's 400.
      const repeat = await call(`${ready.partooUrl}/review_booster/send_invitation`, {
        method: 'POST',
        headers: key,
        body: sendBody,
      });
      expect([repeat.status, repeat.body]).toEqual([400, RECENTLY_INVITED]);
      const status = () =>
        call(`${ready.partooV2Url}/review_booster/invitation_status?invitation_id=${sent.body.invitation_id}`, {
          headers: key,
        });
      expect((await status()).body.status).toBe('CREATED');
      const moved = await call(`${ready.partooUrl}/__mock/advance-time`, { method: 'POST', body: '{"ms": 2000}' });
      expect(moved.body).toMatchObject({ offsetMs: 2000 });
      expect((await status()).body).toEqual({ invitation_id: sent.body.invitation_id, status: 'DELIVERED' });
      const pages: number[] = [];
      for (let url: string | null = `${ready.argyleUrl}/v2/invites?limit=2`; url;) {
        const page = await call(url, { headers: { authorization: basic(ready) } });
        expect(page.status).toBe(200);
        pages.push(page.body.results.length);
        url = page.body.next;
        if (url) expect(url.startsWith(`${ready.argyleUrl}/v2/invites?`)).toBe(true);
      }
      expect(pages).toEqual([2, 2, 1]);
      const stopped = await mock.stop();
      expect(stopped.code).toBe(MOCK_EXIT.stopped);
    },
    BUILD_MS,
  );

  it('answers the 400, 401, 429 and 500 bodies docs/mock-servers.md lists, for each API', async (ctx) => {
    const bin = await mockBinary(ctx);
    const table = errorTable();
    const { mock, ready } = await startBinary(bin, toolsPath([]), ['--rate-limit-per-minute', '2']);
    const partoo = (init: { headers?: Record<string, string>; method?: string; body?: string } = {}) =>
      call(`${ready.partooV2Url}/review_booster/send_invitation`, {
        method: 'POST',
        body: sendBody,
        ...init,
        headers: { 'x-APIKey': ready.partooApiKey, ...init.headers },
      });
    const argyle = (auth = basic(ready)) => call(`${ready.argyleUrl}/v2/invites`, { headers: { authorization: auth } });
    // Each case on an emptied mock: a reset also restarts the rate counter.
    const fresh = () => call(`${ready.partooUrl}/__mock/reset`, { method: 'POST' });
    const seen: Record<string, [unknown, unknown]> = {};
    await fresh();
    await partoo();
    seen['400, 10-day rule'] = [(await partoo()).body, undefined];
    await fresh();
    seen['401'] = [
      (await partoo({ headers: { 'x-APIKey': 'wrong' } })).body,
      (await argyle('Basic d3Jvbmc6a2V5')).body,
    ];
    await fresh();
    await Promise.all([partoo(), partoo(), argyle(), argyle()]);
    const [limitedP, limitedA] = await Promise.all([partoo(), argyle()]);
    expect([limitedP.status, limitedA.status]).toEqual([429, 429]);
    expect(Number(limitedP.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(limitedA.headers.get('retry-after'))).toBeGreaterThan(0);
    seen['429'] = [limitedP.body, limitedA.body];
    await fresh();
    for (const url of [ready.partooUrl, ready.argyleUrl]) {
      expect((await call(`${url}/__mock/faults`, { method: 'POST', body: '{"fault": "500"}' })).status).toBe(200);
    }
    seen['500'] = [(await partoo()).body, (await argyle()).body];
    expect(seen).toEqual(table);
    await mock.stop();
  });

  it('without --stateful it exits 2 and names the line that runs the static mock', async (ctx) => {
    const bin = await mockBinary(ctx);
    const exit = await runBare(toolsPath([]), [bin, '--port-partoo', '0', '--port-argyle', '0']);
    expect(exit.code).toBe(MOCK_EXIT.usage);
    expect(exit.err).toContain('add --stateful');
    expect(exit.err).toContain(STATIC_NPX);
    const version = await runBare(toolsPath([]), [bin, '--version']);
    expect(version.out.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
  });
});

describe.runIf(process.platform === 'linux')('the mock binary ends with its runner', () => {
  it('runner -> sh -c -> binary: SIGKILL the runner, both ports free within 2 s, exit 4', async (ctx) => {
    const end = await killRunner([await mockBinary(ctx), '--stateful'], 'ignore');
    expect(end.freeAfterMs).toBeLessThan(FREE_WITHIN_MS);
    expect(end.status).toBe(MOCK_EXIT.runnerExited);
    expect(end.left).toEqual([]);
  }, 60_000);

  it('stdin a pipe the runner holds: closed by its death, exit 5', async (ctx) => {
    const end = await killRunner([await mockBinary(ctx), '--stateful'], 'pipe');
    expect(end.freeAfterMs).toBeLessThan(FREE_WITHIN_MS);
    expect(end.status).toBe(MOCK_EXIT.stdinClosed);
  }, 60_000);
});

/** The page's error table: row label -> [Partoo's body, Argyle's body or undefined], each cell's JSON parsed. */
function errorTable(): Record<string, [unknown, unknown]> {
  const page = readFileSync(join(ROOT, 'docs/mock-servers.md'), 'utf8');
  const section = page.slice(page.indexOf('## Error bodies'), page.indexOf('\n## ', page.indexOf('## Error bodies')));
  const rows: Record<string, [unknown, unknown]> = {};
  for (const line of section.split('\n').filter((l) => /^\| (400|401|429|500)/.test(l))) {
    const [label, partoo, argyle] = line.split(' | ').map((c) => c.replace(/^\|\s*|\s*\|?$/g, '').trim());
    const parse = (cell = '') => (cell ? JSON.parse(cell.replace(/^`|`$/g, '')) : undefined);
    rows[label!] = [parse(partoo), parse(argyle)];
  }
  expect(Object.keys(rows).sort()).toEqual(['400, 10-day rule', '401', '429', '500']);
  return rows;
}
