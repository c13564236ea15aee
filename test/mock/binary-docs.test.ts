// What docs/mock-servers.md tells a partner without Node runs as written against the mock binary: the Python
// (standard library) and curl examples print what the page shows, under a PATH holding no `node`; the binary,
// docker and npx commands name what exists; the Dockerfile's paths are there once the binary is built.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STATIC_NPX } from '../../src/cli/mock.js';
import { OUTPUT } from '../../scripts/build-mock-binary.js';
import { docBlocks, expectPrinted, ROOT } from '../support/doc-blocks.js';
import { cleanUp, tempDir } from '../support/process.js';
import { buildOnce, findsNode, mockBinary, runBare, startBinary, toolsPath } from './binary-run.js';

const PAGE = 'docs/mock-servers.md';
const blocks = docBlocks(PAGE);
const block = (lang: string, tag = '') => {
  const found = blocks.filter((b) => b.lang === lang && b.tag === tag);
  expect(found, `${PAGE}: one \`\`\`${lang} ${tag} block`).toHaveLength(1);
  return found[0]!;
};
const file = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const lines = (code: string) =>
  code
    .replace(/\\\n\s*/g, '')
    .split('\n')
    .map((l) => l.replace(/#.*$/, '').trim())
    .filter(Boolean);

beforeAll(() => void buildOnce().catch(() => {}), 420_000);
afterAll(cleanUp);

describe('the Python and curl examples, against the binary with no node on PATH', () => {
  it.for<[string, string, string, string[]]>([
    ['python', '', 'docs/examples/mock-partner.py', ['python3']],
    ['sh', 'example', 'docs/examples/mock-curl.sh', ['sh', 'curl', 'sed']],
  ])(
    'the ```%s %s block is %s verbatim, and prints what the page shows',
    { timeout: 420_000 },
    async ([lang, tag, example, tools], ctx) => {
      const shown = block(lang, tag);
      expect(shown.code).toBe(file(example));
      expect(shown.prints, `${PAGE}:${shown.line} shows no output`).toBeDefined();
      const bin = await mockBinary(ctx);
      const { mock, ready } = await startBinary(bin, toolsPath([]));
      const path = toolsPath(tools);
      expect(await findsNode(path)).toBe(false);
      const exit = await runBare(path, [tools[0]!, join(ROOT, example)], {
        PARTOO_URL: ready.partooUrl,
        ARGYLE_URL: ready.argyleUrl,
      });
      expect(exit.err).toBe('');
      expect(exit.code).toBe(0);
      expectPrinted(exit.out, shown.prints!);
      await mock.stop();
    },
  );

  it('the ready file the page shows is the one the binary writes, on its default ports', async (ctx) => {
    const shown = JSON.parse(block('json', 'ready-file').code) as Record<string, string>;
    const { mock, ready } = await startBinary(await mockBinary(ctx), toolsPath([]));
    const port = (url: string) => new URL(url).port;
    const ports: Record<string, string> = { [port(ready.partooUrl)]: '4010', [port(ready.argyleUrl)]: '4011' };
    const onDefaults = Object.fromEntries(
      Object.entries(ready).map(([k, v]) => [k, v.replace(/:(\d+)/, (_: string, p: string) => `:${ports[p]}`)]),
    );
    expect(onDefaults).toEqual(shown);
    await mock.stop();
  });
});

describe('the commands the page gives', () => {
  it('```sh binary: the npm script exists and builds the file the second line runs, with those flags', async (ctx) => {
    const [build, start] = lines(block('sh', 'binary').code);
    expect(build).toBe('npm run build:mock-binary');
    expect(JSON.parse(file('package.json')).scripts['build:mock-binary']).toBe('tsx scripts/build-mock-binary.ts');
    const [bin, ...args] = start!.split(/\s+/);
    expect(bin).toBe(OUTPUT);
    const ready = join(tempDir('mock-binary-doc'), 'mock.json');
    const flags = args.map((a) => (a === 'mock.json' ? ready : a));
    const exe = await mockBinary(ctx);
    expect(exe).toBe(join(ROOT, bin!));
    const running = await startBinary(exe, toolsPath([]), flags);
    expect(existsSync(ready)).toBe(true);
    expect((await fetch(`${running.ready.partooUrl}/__mock/health`)).status).toBe(200);
    await running.mock.stop();
  });

  it('```sh npx: the stateful line alone, and the line static mode prints', () => {
    expect(lines(block('sh', 'npx').code)).toEqual(['npx partoo-argyle-sdk mock --stateful', STATIC_NPX]);
  });

  it('the Dockerfile, embedded: FROM a glibc base, COPY of the built file, an ENTRYPOINT that runs', async (ctx) => {
    const dockerfile = file('docs/examples/mock-binary.Dockerfile');
    expect(block('dockerfile').code).toBe(dockerfile);
    const instructions = lines(dockerfile).map((l) => l.split(/\s+/));
    const [from, copy, expose, entry] = ['FROM', 'COPY', 'EXPOSE', 'ENTRYPOINT'].map(
      (name) => instructions.filter((i) => i[0] === name).map((i) => i.slice(1))[0]!,
    );
    expect(from).toEqual(['debian:bookworm-slim']);
    const exe = await mockBinary(ctx);
    // The build context is the repository root (`docker build ... .` from there): COPY's source is the build's output.
    const [source, target] = copy!;
    expect(source).toBe(OUTPUT);
    expect(existsSync(join(ROOT, source!))).toBe(true);
    expect(statSync(join(ROOT, source!)).mode & 0o111).not.toBe(0);
    // Bun's linux-x64 executable asks for glibc's loader, which debian:bookworm-slim has (Alpine's musl has not).
    expect(readFileSync(exe).subarray(0, 4096).toString('latin1')).toContain('/lib64/ld-linux-x86-64.so.2');
    const command = JSON.parse(dockerfile.match(/^ENTRYPOINT (.*)$/m)![1]!) as string[];
    expect(entry![0]).toBe(`["${target}",`);
    expect(command[0]).toBe(target);
    // The entrypoint's flags as written (0.0.0.0 included), on free ports instead of the container's own.
    const running = await startBinary(exe, toolsPath([]), command.slice(1));
    const health = await fetch(`${running.ready.partooUrl}/__mock/health`);
    expect(await health.json()).toEqual({ status: 'ok' });
    await running.mock.stop();
    expect(expose).toEqual(['4010', '4011']);
  });

  it('```sh docker: builds that Dockerfile from the repository root, publishes the ports it exposes', () => {
    const [build, run] = lines(block('sh', 'docker').code);
    expect(build).toBe('docker build -f docs/examples/mock-binary.Dockerfile -t partoo-argyle-mock .');
    expect(existsSync(join(ROOT, 'docs/examples/mock-binary.Dockerfile'))).toBe(true);
    expect(run).toBe('docker run --rm -p 4010:4010 -p 4011:4011 partoo-argyle-mock');
  });
});
