// Static mocks: Prism itself, serving the spec with the mock examples merged in, request validation on.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { freePort } from './ports.js';
import { systemNowMs } from './stateful/clock.js';
import { loadMockSpec, type SpecName } from './specs.js';
import { spawnTied } from './watchdog.js';

export interface PrismServer {
  url: string;
  close(): Promise<void>;
}

export const START_TIMEOUT_MS = 15_000;
const START_ATTEMPTS = 3;

function prismEntry(): string {
  const require = createRequire(import.meta.url);
  let pkg: string;
  try {
    pkg = require.resolve('@stoplight/prism-cli/package.json');
  } catch {
    throw new Error('The static mock needs @stoplight/prism-cli: npm install --save-dev @stoplight/prism-cli@5.14.2');
  }
  return join(dirname(pkg), (require(pkg) as { bin: { prism: string } }).bin.prism);
}

/** Starts Prism for one spec on a free port; retries the spawn when Prism never answers. */
export async function startPrism(name: SpecName, options: { host?: string; port?: number } = {}): Promise<PrismServer> {
  const host = options.host ?? '127.0.0.1';
  const dir = mkdtempSync(join(tmpdir(), `prism-${name}-`));
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(loadMockSpec(name)));
  const entry = prismEntry();
  let lastError: Error | undefined;
  for (let attempt = 0; attempt < (options.port ? 1 : START_ATTEMPTS); attempt++) {
    const port = options.port ?? (await freePort(host));
    // Tied to this process: Prism and its folder go when we do, even if close() is never called.
    const child = spawnTied(entry, ['mock', file, '-h', host, '-p', String(port), '--errors', '-v', 'warn'], dir);
    try {
      await waitUntilListening(child, `http://${host}:${port}`);
      let closed: Promise<void> | undefined;
      return {
        url: `http://${host}:${port}`,
        close: () => (closed ??= stop(child).finally(() => rmSync(dir, { recursive: true, force: true }))),
      };
    } catch (e) {
      lastError = e as Error;
      await stop(child);
    }
  }
  rmSync(dir, { recursive: true, force: true });
  throw new Error(`Prism (${name}) did not start: ${lastError?.message}`);
}

async function waitUntilListening(child: ChildProcess, url: string) {
  let output = '';
  child.stdout!.on('data', (d) => (output = (output + d).slice(-4000)));
  child.stderr!.on('data', (d) => (output = (output + d).slice(-4000)));
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) =>
      reject(new Error(`exited with code ${code}: ${output.trim().split('\n').slice(-3).join(' | ')}`)),
    ),
  );
  exited.catch(() => {});
  const deadline = systemNowMs() + START_TIMEOUT_MS;
  while (systemNowMs() < deadline) {
    const up = await Promise.race([
      fetch(url, { signal: AbortSignal.timeout(500) }).then(
        () => true,
        () => false,
      ),
      exited,
    ]);
    if (up) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no answer on ${url} within ${START_TIMEOUT_MS} ms`);
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 3000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
