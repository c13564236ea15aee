// The `partoo-argyle-sdk` command spawned as partners run it (bin/ runs the TypeScript source in a checkout),
// against the stateful mock on a real socket, with every accepted send's body recorded beside the mock's count.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createStatefulMocks, type StatefulMockOptions } from '../../src/testing/index.js';
import { startFaultServer } from './fault-server.js';
import { closeOnCleanUp, start, tempDir, waitUntil, type Exit } from './process.js';

export const BIN = resolve(import.meta.dirname, '../../bin/partoo-argyle-sdk.mjs');

export interface SentBody {
  business_id: string;
  target_phone: string;
  target_name?: string;
  invite_content?: string;
}

/** A key shaped like a real one, so a test can look for it in every output and report. */
export const SECRET_KEY = 'pk_live_9f2c7e41a0b85d36e7c1';

export async function startRecordingMock(options: StatefulMockOptions = {}) {
  const mocks = await createStatefulMocks({ apiKey: SECRET_KEY, ...options });
  const posts: SentBody[] = [];
  let requests = 0;
  // The fault server with no fault planned is a plain HTTP front for the mock: the test's own, so it records
  // exactly what it needs (the accepted sends' bodies) without depending on the mock's socket layer.
  const server = await startFaultServer(
    async (request) => {
      requests++;
      const text = await request.clone().text();
      const response = await mocks.partoo(request);
      if (request.method === 'POST' && request.url.includes('/send_invitation') && response.ok)
        posts.push(JSON.parse(text) as SentBody);
      return response;
    },
    { slowMs: 0 },
  );
  return {
    url: server.url,
    apiKey: options.apiKey ?? SECRET_KEY,
    /** SMS the mock sent to one number of one business */
    sentCount: (business: string, phone: string) => mocks.partooState.sentCount(business, phone),
    /** the accepted sends' bodies, in order */
    posts,
    requests: () => requests,
    reset() {
      mocks.reset();
      posts.length = 0;
      requests = 0;
    },
    close: () => server.close(),
  };
}

export type RecordingMock = Awaited<ReturnType<typeof startRecordingMock>>;

/** Spawns the command; `env` adds to (or, with '', blanks) the parent's environment. */
export function spawnCli(args: string[], env: Record<string, string | undefined> = {}, cwd?: string) {
  return start(process.execPath, [BIN, ...args], { cwd, env: { PARTOO_BASE_URL: undefined, ...env } });
}

/** `send` over `csv` for business biz, national numbers read as French, against `baseUrl`. */
export const sendFlags = (csv: string, baseUrl: string) => [
  ...['--csv', csv, '--business', 'biz'],
  ...['--default-country', 'FR', '--base-url', baseUrl],
];

/** The report's lines; a torn last line (a killed run) is left out, as --resume leaves it. */
export function readReport(file: string): any[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .flatMap((l) => {
      try {
        return [JSON.parse(l)];
      } catch {
        return [];
      }
    });
}

export const rowsOf = (file: string) => readReport(file).filter((l) => typeof l.line === 'number');

/**
 * Waits until the report holds `rows` row lines, polling every `pollMs`; gives up after twenty times those rows'
 * worth of the run's own pace (`msPerRow`), so the bound follows the configuration rather than a guess, plus
 * 15 s for a process starting on a loaded machine.
 */
export async function waitForRows(file: string, rows: number, msPerRow: number, pollMs = 10) {
  const timeoutMs = rows * msPerRow * 20 + 15_000;
  await waitUntil(() => rowsOf(file).length >= rows, `the report ${file} did not reach ${rows} rows`, {
    timeoutMs,
    intervalMs: pollMs,
  });
}

/** A stable shuffle (a re-export in another order), seeded so a failure replays. */
export function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * `send` against a mock with its key in PARTOO_API_KEY; every run's output is kept so that a test file can
 * check, after each test, that the key never reached stdout, stderr or a file the command wrote.
 */
export function sendCli(mock: RecordingMock) {
  const runs: Exit[] = [];
  const startSend = (args: string[], env: Record<string, string | undefined> = {}, cwd?: string) => {
    const spawned = spawnCli(['send', ...args], { PARTOO_API_KEY: mock.apiKey, ...env }, cwd);
    void spawned.exited.then((r) => runs.push(r));
    return spawned;
  };
  return {
    start: startSend,
    run: (args: string[], env?: Record<string, string | undefined>, cwd?: string) => startSend(args, env, cwd).exited,
    /** the key, wherever it appears: in an output, or in a file under `dir` */
    leaks(dir: string): string[] {
      const found = runs.flatMap((r, i) =>
        [r.out, r.err].filter((t) => t.includes(SECRET_KEY)).map(() => `run ${i} output`),
      );
      const walk = (d: string): string[] =>
        readdirSync(d, { withFileTypes: true }).flatMap((e) => {
          const path = join(d, e.name);
          if (e.isDirectory()) return walk(path);
          return readFileSync(path, 'latin1').includes(SECRET_KEY) ? [path] : [];
        });
      runs.length = 0;
      return [...found, ...walk(dir)];
    },
  };
}

export type SendCli = ReturnType<typeof sendCli>;

/**
 * What each `send` test file starts with: a recording mock, `send` against it and a scratch folder, all closed
 * and removed by `cleanUp()` from ./process.js in the file's afterAll.
 */
export async function sendSetup(prefix: string, options: StatefulMockOptions = {}) {
  const mock = await startRecordingMock(options);
  closeOnCleanUp(mock.close);
  return { mock, cli: sendCli(mock), dir: tempDir(prefix) };
}
