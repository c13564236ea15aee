// The CLI mock stops when whoever started it is gone, however it was started: under `sh -c` as npm runs it,
// under a real `npx`, with stdin a pipe or /dev/null; and it keeps running while its runner lives, stdin on
// /dev/null as CI steps and `cmd &` give it. The exit status says which of these ended it.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MOCK_EXIT } from '../../src/cli/mock.js';
import { isWrapper, PARENT_POLL_MS } from '../../src/testing/watchdog.js';
import { BIN } from '../support/cli.js';
import { cleanUp, start, tempDir, waitUntil } from '../support/process.js';
import { alive, descendants, FREE_WITHIN_MS, killRunner, partnerProject } from './chain.js';

const linux = process.platform === 'linux';
const CLI = [process.execPath, BIN, 'mock', '--stateful'];
afterAll(cleanUp);

describe('what counts as a wrapper between the runner and the mock', () => {
  it.each([
    [['sh', '-c', 'partoo-argyle-sdk mock'], true],
    [['/bin/dash', '-c', 'x'], true],
    // npm sets its title: /proc shows one string, padded
    [['npm exec partoo-argyle-sdk mock --stateful          '], true],
    [['npx', 'partoo-argyle-sdk', 'mock'], true],
    [['/usr/bin/node', '/usr/lib/node_modules/npm/bin/npx-cli.js', 'partoo-argyle-sdk'], true],
    [['node', '/usr/lib/node_modules/npm/bin/npm-cli.js', 'exec'], true],
    // a script is a runner: it is what the mock serves
    [['bash', 'ci.sh'], false],
    [['sh'], false],
    [['node', '/work/node_modules/vitest/vitest.mjs', 'run'], false],
    [['/usr/bin/python3', '-m', 'pytest'], false],
    [['npm-check'], false],
    [[], false],
  ])('%j: %s', (argv, wrapper) => expect(isWrapper(argv)).toBe(wrapper));
});

describe.runIf(linux)('the mock ends with its runner', () => {
  it('runner -> sh -c -> mock, stdin /dev/null: SIGKILL the runner, both ports free within 2 s, exit 4', async () => {
    const end = await killRunner(CLI, 'ignore');
    expect(end.freeAfterMs).toBeLessThan(FREE_WITHIN_MS);
    expect(end.status).toBe(MOCK_EXIT.runnerExited);
    expect(end.left).toEqual([]);
  }, 60_000);

  it('runner -> sh -c -> mock, stdin a pipe the runner holds: closed by its death, exit 5', async () => {
    const end = await killRunner(CLI, 'pipe');
    expect(end.freeAfterMs).toBeLessThan(FREE_WITHIN_MS);
    expect(end.status).toBe(MOCK_EXIT.stdinClosed);
    expect(end.left).toEqual([]);
  }, 60_000);

  it('runner -> npx -> sh -c -> mock: SIGKILL the runner, ports free within 2 s, npm and sh gone', async () => {
    const project = partnerProject();
    const end = await killRunner(['npx', '--offline', 'partoo-argyle-sdk', 'mock', '--stateful'], 'ignore', project);
    expect(end.freeAfterMs).toBeLessThan(FREE_WITHIN_MS);
    expect(end.status).toBe(MOCK_EXIT.runnerExited);
    expect(end.left).toEqual([]);
  }, 60_000);

  it('stdin on /dev/null, `cmd &` from a live script: keeps running, then SIGTERM ends it with 0', async () => {
    const dir = tempDir('chain-bg');
    const ready = join(dir, 'ready.json');
    const status = join(dir, 'status');
    const line = `"$@" & wait $!; echo $? > "${status}"`;
    const args = [...CLI.slice(1), '--port-partoo', '0', '--port-argyle', '0', '--ready-file', ready];
    const script = start('sh', ['-c', line, 'sh', CLI[0]!, ...args]);
    await waitUntil(() => existsSync(ready), 'the ready file', { timeoutMs: 30_000 });
    const { partooUrl } = JSON.parse(readFileSync(ready, 'utf8')) as { partooUrl: string };
    // Many times the watch's poll: a mock that mistook /dev/null for a closed pipe would be gone by now.
    await new Promise((r) => setTimeout(r, 10 * PARENT_POLL_MS));
    expect((await fetch(`${partooUrl}/__mock/health`)).status).toBe(200);
    const [mockPid] = descendants(script.child.pid!).filter((p) =>
      readFileSync(`/proc/${p}/cmdline`, 'utf8').includes('mock'),
    );
    process.kill(mockPid!, 'SIGTERM');
    await waitUntil(() => existsSync(status) && readFileSync(status, 'utf8').trim() !== '', 'the mock status');
    expect(Number(readFileSync(status, 'utf8'))).toBe(MOCK_EXIT.stopped);
    expect(alive(mockPid!)).toBe(false);
    expect((await script.exited).code).toBe(0);
  }, 60_000);
});
