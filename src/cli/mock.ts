// `partoo-argyle-sdk mock`: both mock servers for partners' integration tests, on fixed ports by default.
import { rename, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { parseArgs } from 'node:util';
import { startMockServers, type MockServerOptions, type MockServers } from '../testing/index.js';
import { watchParent } from '../testing/watchdog.js';

export const MOCK_USAGE = `Usage: partoo-argyle-sdk mock [options]

Starts mock servers for Partoo Review Booster and Argyle invites.

Options:
  --stateful                 remember sends, page searches, move statuses on a controllable clock
  --port-partoo <n>          default 4010
  --port-argyle <n>          default 4011
  --host <addr>              default 127.0.0.1
  --latency-ms <n>           (stateful) delay every response
  --fail-rate <0..1>         (stateful) answer this share of requests with a 500
  --rate-limit-per-minute <n> (stateful) answer 429 with Retry-After past this rate
  --ready-file <path>        once both answer, write their URLs and credentials there as JSON

Both modes check each API's credentials (printed below once started) and serve Partoo's paths with or
without /v2. It stops on Ctrl-C, SIGTERM or SIGHUP, and when the process that started it is gone.

Control endpoints, on either server (static mode: the clock only):
  GET /__mock/health   GET /__mock/time   POST /__mock/advance-time {"ms": 864000000}   POST /__mock/reset
In a query, write + as %2B (target_phone=%2B33601020304).`;

/** Bad flags or a taken port: the CLI exits 2 on it. */
export class MockUsageError extends Error {}

function number(value: string | undefined, flag: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || n > max) {
    throw new MockUsageError(`${flag} must be a number from ${min} to ${max}, not "${value}"`);
  }
  return n;
}

function portFree(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createServer();
    s.once('error', () => resolve(false));
    s.listen(port, host, () => s.close(() => resolve(true)));
  });
}

/**
 * The URLs and credentials, once both mocks answer their health check, written whole (a temporary file renamed
 * into place), so a script polling for the file never reads half of it.
 */
async function writeReadyFile(path: string, mocks: MockServers) {
  for (const url of [mocks.partooUrl, mocks.argyleUrl]) {
    const res = await fetch(`${url}/__mock/health`);
    if (!res.ok) throw new Error(`mock at ${url} answered its health check with ${res.status}`);
  }
  const partooV2Url = `${mocks.partooUrl}/v2`;
  const text = `${JSON.stringify({ ...mocks.connection, partooV2Url }, null, 2)}\n`;
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, text);
  await rename(tmp, path);
}

export async function mock(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      stateful: { type: 'boolean', default: false },
      'port-partoo': { type: 'string', default: '4010' },
      'port-argyle': { type: 'string', default: '4011' },
      host: { type: 'string', default: '127.0.0.1' },
      'latency-ms': { type: 'string' },
      'fail-rate': { type: 'string' },
      'rate-limit-per-minute': { type: 'string' },
      'ready-file': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return void console.log(MOCK_USAGE);
  const host = values.host!;
  const options: MockServerOptions = {
    stateful: values.stateful,
    host,
    portPartoo: number(values['port-partoo'], '--port-partoo', 0, 65535),
    portArgyle: number(values['port-argyle'], '--port-argyle', 0, 65535),
    latencyMs: number(values['latency-ms'], '--latency-ms', 0, 600_000),
    failRate: number(values['fail-rate'], '--fail-rate', 0, 1),
    rateLimitPerMinute: number(values['rate-limit-per-minute'], '--rate-limit-per-minute', 1, 1_000_000),
  };
  for (const [flag, port] of [
    ['--port-partoo', options.portPartoo],
    ['--port-argyle', options.portArgyle],
  ] as const) {
    if (port && !(await portFree(host, port))) {
      throw new MockUsageError(`port ${port} on ${host} is already in use (${flag}); pick another port`);
    }
  }
  const mocks = await startMockServers(options);
  console.log(`Partoo mock:  ${mocks.partooUrl}   (x-APIKey: ${mocks.partooApiKey})`);
  console.log(`Argyle mock:  ${mocks.argyleUrl}   (Basic ${mocks.argyleApiKeyId}:${mocks.argyleApiKeySecret})`);
  if (values['ready-file']) await writeReadyFile(values['ready-file'], mocks);
  console.log(`ready: ${values.stateful ? 'stateful' : 'static (Prism)'} mocks listening; Ctrl-C to stop`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    // The terminal or pipe may be gone with the parent: a failed write must not cut the shutdown short.
    process.stdout.on('error', () => {});
    console.log(`${signal}: stopping`);
    await mocks.close();
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void stop(signal));
  // `npx` runs this under `sh -c`; a SIGTERM to npx ends the shell without passing it on, which would leave
  // the ports held by an orphan. Whoever started the mock is gone: stop too.
  watchParent(() => void stop('parent exited'));
}
