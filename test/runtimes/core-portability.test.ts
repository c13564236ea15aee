// The core's portability rules (docs/architecture.md, "The runtime seam"), pinned in Node where they are cheap to
// check; the real runtimes run the packed tarball in runtimes.test.ts.
import { describe, expect, it } from 'vitest';
import { neutralBundle } from '../../scripts/neutral-bundle.js';
import { createArgyleClient, createPartooClient, ConfigurationError } from '../../src/index.js';
import { basicToken } from '../../src/core/redact.js';
import { RepeatDetector } from '../../src/core/paginate.js';

/** Runs `fn` with a global replaced; synchronous only, so nothing else runs while it is gone. */
function withGlobal<T>(name: string, value: unknown, fn: () => T): T {
  const saved = Object.getOwnPropertyDescriptor(globalThis, name);
  Object.defineProperty(globalThis, name, { value, configurable: true, writable: true });
  try {
    return fn();
  } finally {
    if (saved) Object.defineProperty(globalThis, name, saved);
    else delete (globalThis as Record<string, unknown>)[name];
  }
}

describe('the core bundled for a runtime with no Node built-ins (esbuild --platform=neutral)', () => {
  it('imports no node: module from the core entry or ./redis', async () => {
    for (const entry of ['src/index.ts', 'src/redis/index.ts']) {
      expect((await neutralBundle(entry)).nodeImports).toEqual([]);
    }
  });

  it('reports a Node built-in when one comes in, with the file that imports it', async () => {
    const { nodeImports } = await neutralBundle('test/runtimes/fixtures/imports-node-crypto.ts');
    expect(nodeImports).toEqual(['node:crypto (from test/runtimes/fixtures/imports-node-crypto.ts)']);
  });
});

describe('Web APIs only', () => {
  it("builds Argyle's Basic token from the UTF-8 bytes with btoa, where there is no Buffer", () => {
    const expected = Buffer.from('clé-id:sécret-✓').toString('base64');
    expect(withGlobal('Buffer', undefined, () => basicToken('clé-id', 'sécret-✓'))).toBe(expected);
  });

  it('calls fetch unbound: a Worker throws "Illegal invocation" when its this is another object', async () => {
    const thisSeen: unknown[] = [];
    const fetch = function (this: unknown) {
      thisSeen.push(this);
      return Promise.resolve(new Response('{"status":"SENT"}', { headers: { 'content-type': 'application/json' } }));
    };
    const options = { apiKey: 'portable-key', baseUrl: 'https://p.test/v2', fetch: fetch as typeof globalThis.fetch };
    const client = createPartooClient(options);
    await client.reviewBooster.getInvitationStatus('a');
    expect(thisSeen).toEqual([undefined]);
  });

  it('tells pages apart and spots a repeat without node:crypto', () => {
    const pages = new RepeatDetector();
    const seen = Array.from({ length: 2000 }, (_, i) => pages.repeated(`inv-${i}\ninv-${i + 1}`));
    expect(seen.filter(Boolean)).toEqual([]);
    expect(pages.repeated('inv-7\ninv-8')).toBe(true);
    // Same characters, another order: the lanes mix positions, not only contents.
    expect(pages.repeated('inv-8\ninv-7')).toBe(false);
  });
});

describe('environment variables where process.env is missing or guarded', () => {
  it('asks for the option by name where there is no process (a Worker without nodejs_compat)', () => {
    expect(() => withGlobal('process', undefined, () => createPartooClient({ fetch: globalThis.fetch }))).toThrow(
      /Missing apiKey: pass \{ apiKey \} or set the PARTOO_API_KEY environment variable/,
    );
  });

  it("turns a runtime's permission error (Deno's NotCapable) into a ConfigurationError naming the variable", () => {
    class NotCapable extends Error {
      override name = 'NotCapable';
    }
    const env = new Proxy(
      {},
      {
        get(_, name) {
          throw new NotCapable(`Requires env access to "${String(name)}", run again with the --allow-env flag`);
        },
      },
    );
    const error = withGlobal('process', { env }, () => {
      try {
        createArgyleClient({ fetch: globalThis.fetch });
      } catch (e) {
        return e;
      }
    });
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toBe(
      'Missing apiKeyId: pass { apiKeyId } or set the ARGYLE_API_KEY_ID environment variable ' +
        '(not readable: NotCapable; Deno needs --allow-env=ARGYLE_API_KEY_ID)',
    );
    // The cause is kept (as a scrubbed copy, like every cause an SdkError carries).
    expect((error as Error).cause).toMatchObject({ name: 'NotCapable', message: expect.stringMatching(/--allow-env/) });
  });
});
