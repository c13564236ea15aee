// `npx partoo-argyle-sdk mock --stateful` with nothing but the package and its own dependencies installed (what
// npx fetches): it starts and serves. Static mode there stops before any Prism, printing the one line that
// brings Prism along; that line names this package's bin and the Prism pin it declares, and runs as printed.
import { cpSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { MOCK_EXIT, STATIC_NPX } from '../../src/cli/mock.js';
import { START_TIMEOUT_MS } from '../../src/testing/prism.js';
import { spawnCli } from '../support/cli.js';
import { cleanUp, run, start, tempDir, waitUntil } from '../support/process.js';
import { ROOT } from './chain.js';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  bin: Record<string, string>;
  dependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
};
afterAll(cleanUp);

/** The package's dependencies and theirs, as npm installs them for `npx partoo-argyle-sdk`: no dev, no peer. */
function installedByNpx(): string[] {
  const seen = new Set<string>();
  const queue = Object.keys(pkg.dependencies);
  while (queue.length) {
    const name = queue.shift()!;
    const manifest = join(ROOT, 'node_modules', name, 'package.json');
    if (seen.has(name) || !existsSync(manifest)) continue;
    seen.add(name);
    const { dependencies = {}, optionalDependencies = {} } = JSON.parse(readFileSync(manifest, 'utf8'));
    queue.push(...Object.keys({ ...dependencies, ...optionalDependencies }));
  }
  return [...seen];
}

/** This checkout's source in a folder whose node_modules holds only what npx would install beside it. */
function npxInstall(): { dir: string; cli: (args: string[]) => [string, string[]] } {
  const dir = tempDir('npx-one-package');
  for (const part of ['src', 'openapi', 'package.json']) cpSync(join(ROOT, part), join(dir, part), { recursive: true });
  for (const name of installedByNpx()) {
    mkdirSync(join(dir, 'node_modules', name, '..'), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules', name), join(dir, 'node_modules', name));
  }
  writeFileSync(join(dir, 'run.mjs'), "import { main } from './src/cli.ts';\nawait main(process.argv.slice(2));\n");
  // The TypeScript source runs through tsx from this checkout, loaded by path: the folder itself has none.
  const tsx = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/esm/index.mjs')).href;
  return { dir, cli: (args) => [process.execPath, ['--import', tsx, join(dir, 'run.mjs'), ...args]] };
}

describe('npx partoo-argyle-sdk mock, as npx installs it', () => {
  const install = npxInstall();

  it('installs neither Prism, msw, ioredis nor a validator package', () => {
    const names = installedByNpx();
    expect(names).toContain('yaml');
    for (const other of [...Object.keys(pkg.peerDependencies), 'ajv', 'tsx']) expect(names).not.toContain(other);
  });

  it('--stateful starts and serves with no second package', async () => {
    const ready = join(install.dir, 'ready.json');
    const [command, args] = install.cli(['mock', '--stateful', '--port-partoo', '0', '--port-argyle', '0']);
    const mock = start(command, [...args, '--ready-file', ready], { cwd: install.dir });
    try {
      await waitUntil(() => existsSync(ready), 'the ready file', { timeoutMs: 30_000 });
      const { partooV2Url, partooApiKey } = JSON.parse(readFileSync(ready, 'utf8')) as Record<string, string>;
      const sent = await fetch(`${partooV2Url}/review_booster/send_invitation`, {
        method: 'POST',
        headers: { 'x-APIKey': partooApiKey!, 'content-type': 'application/json' },
        body: JSON.stringify({ business_id: 'b', target_phone: '+33601020304' }),
      });
      expect(sent.status).toBe(200);
    } finally {
      await mock.stop();
    }
    expect((await mock.exited).code).toBe(MOCK_EXIT.stopped);
  }, 60_000);

  it('static mode stops before starting anything, printing the one line that brings Prism', async () => {
    const [command, args] = install.cli(['mock', '--port-partoo', '0', '--port-argyle', '0']);
    const exit = await run(command, args, { cwd: install.dir, timeoutMs: 30_000 });
    expect(exit.code).toBe(MOCK_EXIT.cannotRun);
    expect(exit.err).toContain(`Run it with:\n  ${STATIC_NPX}\n`);
    expect(exit.err).toContain('or add --stateful');
    expect(exit.out).not.toContain('ready:');
  }, 60_000);
});

describe('the printed npx line', () => {
  const [npx, ...words] = STATIC_NPX.split(' ');
  const packages: string[] = [];
  while (words[0] === '-p') packages.push(words.splice(0, 2)[1]!);

  it('installs this package and the Prism CLI at the version it declares, then runs its bin', () => {
    expect(npx).toBe('npx');
    const [prismName, prismVersion] = packages[1]!.split(/(?<=.)@/);
    expect(packages[0]).toBe('partoo-argyle-sdk');
    expect(pkg.peerDependencies[prismName!]).toBe(prismVersion);
    expect(words).toEqual([Object.keys(pkg.bin)[0], 'mock']);
  });

  it(
    'runs static mode once both are installed (this checkout has Prism)',
    async () => {
      const cli = spawnCli([...words.slice(1), '--port-partoo', '0', '--port-argyle', '0']);
      try {
        expect(await cli.waitFor(/ready:/, 3 * START_TIMEOUT_MS)).toContain('ready: static (Prism) mocks listening');
      } finally {
        await cli.stop();
      }
    },
    4 * START_TIMEOUT_MS,
  );
});
