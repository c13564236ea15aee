// The `partoo-argyle-sdk` command spawned as partners run it (bin/ runs the TypeScript source in a checkout),
// against the stateful mock on a real socket, with every accepted send's body recorded beside the mock's count.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createServer } from 'node:http';
import { createStatefulMocks, type StatefulMockOptions } from '../../src/testing/index.js';

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
  // A plain node:http server in front of the mock's fetch-style handler: the test's own, so it records
  // exactly what it needs (the accepted sends' bodies) without depending on the mock's socket layer.
  const server = createServer(async (req, res) => {
    requests++;
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
    const response = await mocks.partoo(
      new Request(`http://${req.headers.host}${req.url}`, { method: req.method, headers, body: text || undefined }),
    );
    if (req.method === 'POST' && req.url?.includes('/send_invitation') && response.ok)
      posts.push(JSON.parse(text) as SentBody);
    const answer = await response.text();
    res.writeHead(response.status, { 'content-type': response.headers.get('content-type') ?? 'application/json' });
    res.end(answer);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
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
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}

export type RecordingMock = Awaited<ReturnType<typeof startRecordingMock>>;

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  out: string;
  err: string;
}

/** Spawns the command; `env` adds to (or, with '', blanks) the parent's environment. */
export function spawnCli(args: string[], env: Record<string, string | undefined> = {}, cwd?: string) {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd,
    env: { ...process.env, PARTOO_BASE_URL: undefined, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  const done = new Promise<CliRun>((r) => child.once('exit', (code, signal) => r({ code, signal, out, err })));
  return { child, done };
}

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
 * Waits until the report holds `rows` row lines, polling every `pollMs`; gives up after `rowsBudget` rows'
 * worth of the run's own pace (`msPerRow`), so the bound follows the configuration rather than a guess.
 */
export async function waitForRows(file: string, rows: number, msPerRow: number, pollMs = 10) {
  const polls = Math.ceil((rows * msPerRow * 20 + 5_000) / pollMs);
  for (let i = 0; i < polls; i++) {
    if (rowsOf(file).length >= rows) return;
    await new Promise((r) => setTimeout(r, pollMs));
  }
  throw new Error(`the report ${file} did not reach ${rows} rows`);
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
  const runs: CliRun[] = [];
  const start = (args: string[], env: Record<string, string | undefined> = {}, cwd?: string) => {
    const spawned = spawnCli(['send', ...args], { PARTOO_API_KEY: mock.apiKey, ...env }, cwd);
    spawned.done.then((r) => runs.push(r));
    return spawned;
  };
  return {
    start,
    run: (args: string[], env?: Record<string, string | undefined>, cwd?: string) => start(args, env, cwd).done,
    /** the key, wherever it appears: in an output, or in a file under `dir` */
    leaks(dir: string): string[] {
      const found = runs.flatMap((r, i) =>
        [r.out, r.err].filter((t) => t.includes(SECRET_KEY)).map(() => `run ${i} output`),
      );
      const walk = (d: string): string[] =>
        readdirSync(d, { withFileTypes: true }).flatMap((e) =>
          e.isDirectory()
            ? walk(join(d, e.name))
            : readFileSync(join(d, e.name), 'latin1').includes(SECRET_KEY)
              ? [join(d, e.name)]
              : [],
        );
      runs.length = 0;
      return [...found, ...walk(dir)];
    },
  };
}
