// The docs stay true: every ```ts block of README and docs/ runs, as written, against the stateful mock, and where a
// page shows what a block prints (a ```text block right after it), the output is compared. Production URLs are
// routed to the mock by the fetch below; the keys come from the environment, as the docs say.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { startMockServers, type MockServers } from '../src/testing/index.js';
import { docBlocks, expectPrinted, ROOT, type DocBlock } from './support/doc-blocks.js';
import { asRequest } from './support/request.js';

const DIR = join(ROOT, 'test-results', 'docs-examples');
const docsPages = readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md'));
const PAGES = ['README.md', ...docsPages.map((f) => `docs/${f}`)];
const blocks = PAGES.flatMap((page) => docBlocks(page));
const label = (b: DocBlock) => `${b.file}:${b.line}`;

let mock: MockServers;
const realFetch = globalThis.fetch;
const saved = { ...process.env };

/** Partoo's and Argyle's production and sandbox hosts, answered by the mock. */
function routedFetch(): typeof fetch {
  const routes: [RegExp, string][] = [
    [/^https:\/\/api(\.sandbox)?\.partoo\.co/, mock.partooUrl],
    [/^https:\/\/api(-sandbox)?\.argyle\.com/, mock.argyleUrl],
  ];
  return async (raw: RequestInfo | URL, init?: RequestInit) => {
    const input = asRequest(raw, init);
    for (const [pattern, target] of routes) {
      if (!pattern.test(input.url)) continue;
      const headers = new Headers(input.headers);
      headers.set('x-forwarded-host', new URL(input.url).host);
      const body = input.body ? await input.arrayBuffer() : undefined;
      const { method, signal, redirect } = input;
      return realFetch(new Request(input.url.replace(pattern, target), { method, headers, body, signal, redirect }));
    }
    if (/^http:\/\/127\.0\.0\.1:/.test(input.url)) return realFetch(input);
    throw new Error(`a docs example tried to reach ${input.url}`);
  };
}

beforeAll(async () => {
  mock = await startMockServers({ stateful: true, sentAfterMs: 20, deliveredAfterMs: 20 });
  process.env.PARTOO_API_KEY = mock.partooApiKey;
  process.env.ARGYLE_API_KEY_ID = mock.argyleApiKeyId;
  process.env.ARGYLE_API_KEY_SECRET = mock.argyleApiKeySecret;
  process.env.REDIS_URL = inject('redisUrl');
  if (process.env.REDIS_URL) {
    // The Redis examples run against the suite's Redis as against one the store has known all along: on an
    // empty one, its first lock waits one lockTtlMs (60 s), as docs/redis.md says.
    const { Redis } = await import('ioredis');
    const redis = new Redis(process.env.REDIS_URL);
    // Under both layouts: the tagged one (every client) and the untagged one a single-node ioredis store also keeps.
    await redis.mset('{reviews}:epoch', 'known', 'reviews:epoch', 'known');
    redis.disconnect();
  }
  globalThis.fetch = routedFetch();
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
});

afterAll(async () => {
  globalThis.fetch = realFetch;
  process.env = saved;
  await mock?.close();
});

async function logsOf(block: DocBlock): Promise<string> {
  const file = join(DIR, `${block.file.replace(/[/.]/g, '_')}-${block.line}.ts`);
  writeFileSync(file, block.code);
  const logs: string[] = [];
  const spy = vi.spyOn(console, 'log').mockImplementation((...args) => void logs.push(format(...args)));
  try {
    await import(file);
  } finally {
    spy.mockRestore();
  }
  return logs.join('\n');
}

const runnable = blocks.filter((b) => b.lang === 'ts');

describe('docs examples', () => {
  it('README and docs/ have TypeScript examples to run', () => expect(runnable.length).toBeGreaterThanOrEqual(10));

  for (const block of runnable) {
    it(`${label(block)} runs`, async (ctx) => {
      if (/ioredis|from 'redis'|partoo-argyle-sdk\/redis/.test(block.code) && !inject('redisUrl')) {
        if (process.env.REQUIRE_REDIS === '1') throw new Error('this example needs Redis, and none is available');
        ctx.skip('needs redis-server (npm run test:setup installs it)');
      }
      mock.reset();
      const printed = await logsOf(block);
      if (block.prints !== undefined) return expectPrinted(printed, block.prints);
      expect(printed.length, 'an example with no output shown must still print something').toBeGreaterThan(0);
      expect(printed).not.toMatch(/undefined|NaN|Invalid Date/);
    });
  }
});

describe('every other block is checked by a test', () => {
  const tests = readdirSync(join(ROOT, 'test'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('docs-examples.test.ts'))
    .map((f) => readFileSync(join(ROOT, 'test', f), 'utf8'));
  const readBy = (page: string) => tests.some((t) => t.includes(`docBlocks('${page}')`));
  const examples = readdirSync(join(ROOT, 'examples'), { recursive: true, encoding: 'utf8' })
    .filter((f) => !f.includes('node_modules') && /\.(ts|mjs|cjs|js)$/.test(f))
    .map((f) => readFileSync(join(ROOT, 'examples', f), 'utf8'));

  it.each(blocks.filter((b) => b.lang !== 'ts').map((b) => [label(b), b] as const))('%s', (where, block) => {
    // A text block after no example is a figure (a diagram, a file's shape), not output to compare.
    if (block.lang === 'text') return;
    if (block.lang === 'typescript' || block.lang === 'javascript') {
      // A whole file to copy: it is one of examples/, which this suite runs as it is.
      return expect(examples, `${where} is not a file of examples/`).toContain(block.code);
    }
    if (block.tag === 'install') return expectInstallable(where, block.code);
    expect(readBy(block.file), `${where} (${block.lang}): no test reads ${block.file} with docBlocks()`).toBe(true);
  });
});

describe('what the docs name exists', () => {
  // A guarantee cites the test that holds it; a renamed or deleted test must not leave the citation behind.
  const named = PAGES.flatMap((page) =>
    [
      ...readFileSync(join(ROOT, page), 'utf8').matchAll(/`((?:test|scripts|examples|src|openapi|bench)\/[^`\s*]+)`/g),
    ].map((m) => [page, m[1] as string] as const),
  );
  it.each(named)('%s names %s', (_page, path) => expect(existsSync(join(ROOT, path))).toBe(true));
});

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  name: string;
  scripts: Record<string, string>;
  devDependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
};

/** An install command names packages this project declares, at the versions it declares, and scripts it has. */
function expectInstallable(where: string, code: string): void {
  for (const line of code.split('\n').map((l) => l.replace(/#.*$/, '').trim())) {
    const run = /^npm run (\S+)/.exec(line);
    if (run) expect(pkg.scripts, `${where}: npm run ${run[1]}`).toHaveProperty([run[1] as string]);
    if (!/^npm (install|i) /.test(line)) continue;
    for (const spec of line
      .split(/\s+/)
      .slice(2)
      .filter((w) => !w.startsWith('-'))) {
      const [, name = '', version] = /^(@?[^@]+)(?:@(.+))?$/.exec(spec) ?? [];
      if (name === pkg.name) continue;
      const declared = pkg.peerDependencies[name] ?? pkg.devDependencies[name];
      expect(declared, `${where}: ${name} is not a dependency of this project`).toBeDefined();
      if (version) expect(`${pkg.peerDependencies[name]} ${pkg.devDependencies[name]}`).toContain(version);
    }
  }
}
