// createMockHandlers' own promises: startMockServers' names, production's URLs or given origins, nothing
// let through to the network, clients that follow MSW's fetch, and an entry that loads no Prism CLI.
import { build } from 'esbuild';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { createMockHandlers, type MockHandlers } from '../../src/msw/index.js';
import { startMockServers, type MockServers } from '../../src/testing/index.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const invitation = { businessId: 'b', targetPhone: '+33601020304', inviteContent: 'Thanks @link' };

describe('createMockHandlers', () => {
  it("has startMockServers' names and controls, less close() and the Argyle lifecycle controls", async () => {
    expectTypeOf<Exclude<keyof MockServers, keyof MockHandlers>>().toEqualTypeOf<'close' | 'argyle'>();
    const http = await startMockServers({ stateful: true });
    try {
      const msw = createMockHandlers();
      const names = (o: object, drop: string[]) =>
        Object.keys(o)
          .filter((k) => !drop.includes(k))
          .sort();
      expect(names(msw, ['handlers', 'ready'])).toEqual(names(http, ['close', 'argyle']));
      expect(msw.connection).toEqual({ ...http.connection, partooUrl: msw.partooUrl, argyleUrl: msw.argyleUrl });
    } finally {
      await http.close();
    }
  });

  it("answers on production's base URLs by default: a client with no baseUrl reaches it", async () => {
    const mock = createMockHandlers();
    server.use(...mock.handlers);
    expect([mock.partooUrl, mock.argyleUrl]).toEqual(['https://api.partoo.co/v2', 'https://api.argyle.com']);
    const { createPartooClient } = await import('../../src/index.js');
    const partoo = createPartooClient({ apiKey: mock.partooApiKey, now: () => mock.now() });
    expect((await partoo.reviewBooster.sendInvitation(invitation)).status).toBe('sent');
    expect(mock.sentCount('b', '+33601020304')).toBe(1);
  });

  it('answers on given origins, and only there', async () => {
    const mock = createMockHandlers({ partooUrl: 'http://partoo.test/v2/', argyleUrl: 'http://argyle.test' });
    server.use(...mock.handlers);
    expect([mock.partooUrl, mock.argyleUrl]).toEqual(['http://partoo.test/v2', 'http://argyle.test']);
    expect((await mock.partooClient().reviewBooster.sendInvitation(invitation)).status).toBe('sent');
    const pages = [];
    for await (const page of mock.argyleClient().invites.list({ limit: 3 }).pages()) pages.push(page.items.length);
    expect(pages).toEqual([3, 2]);
    // Production is not mocked now: onUnhandledRequest 'error' turns the request into a failed fetch.
    await expect(fetch('https://api.partoo.co/v2/review_booster/template')).rejects.toThrow();
  });

  it('refuses a base URL whose path the engine would answer 404 on, and one origin for both APIs', () => {
    expect(() => createMockHandlers({ partooUrl: 'http://partoo.test/api' })).toThrow(/path "\(none\)" or "\/v2"/);
    expect(() => createMockHandlers({ argyleUrl: 'http://argyle.test/v2' })).toThrow(/argyleUrl .* path "\(none\)"/);
    expect(() => createMockHandlers({ argyleUrl: 'argyle.test' })).toThrow(/absolute http\(s\) URL/);
    expect(() => createMockHandlers({ partooUrl: 'http://x.test', argyleUrl: 'http://x.test' })).toThrow(/two origins/);
  });

  it("answers an unknown path on its origin with the API's 404, never the network", async () => {
    const mock = createMockHandlers();
    server.use(...mock.handlers);
    const res = await fetch('https://api.argyle.com/v2/nothing-here');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ detail: 'Not found.' });
  });

  it("gives clients made before listen() MSW's fetch, and forgets their ledgers on reset()", async () => {
    const mock = createMockHandlers();
    const other = setupServer(...mock.handlers);
    server.close();
    const partoo = mock.partooClient();
    other.listen({ onUnhandledRequest: 'error' });
    try {
      expect((await partoo.reviewBooster.sendInvitation(invitation)).status).toBe('sent');
      expect((await partoo.reviewBooster.sendInvitation(invitation)).status).toBe('skipped');
      mock.reset();
      expect(mock.sentCount('b', '+33601020304')).toBe(0);
      expect((await partoo.reviewBooster.sendInvitation(invitation)).status).toBe('sent');
    } finally {
      other.close();
      server.listen({ onUnhandledRequest: 'error' });
    }
  });

  it('leaves handlers added later in front: a test can still override one answer', async () => {
    const mock = createMockHandlers();
    server.use(...mock.handlers);
    const template = 'https://api.partoo.co/v2/review_booster/template';
    server.use(http.get(template, () => HttpResponse.json({}, { status: 503 })));
    const res = await fetch(template, {
      headers: { 'x-APIKey': mock.partooApiKey },
    });
    expect(res.status).toBe(503);
  });
});

describe('the partoo-argyle-sdk/msw entry', () => {
  it("bundles without Prism's CLI, node:http or a child process", async () => {
    const result = await build({
      entryPoints: [new URL('../../src/msw/index.ts', import.meta.url).pathname],
      bundle: true,
      write: false,
      metafile: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    const imports = Object.values(result.metafile.inputs).flatMap((i) => i.imports.map((x) => x.path));
    expect(inputs).toContain('src/testing/stateful/partoo.ts');
    expect(inputs.filter((f) => /prism\.ts|http\.ts|static-front|watchdog/.test(f))).toEqual([]);
    expect(imports.filter((p) => /prism-cli|child_process|^node:http$|^http$/.test(p))).toEqual([]);
  });
});
