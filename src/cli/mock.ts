// `partoo-argyle-sdk mock`: both mock servers for partners' integration tests, on fixed ports by default.
import { rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { parseArgs } from 'node:util';
import { startMockServers, type MockServerOptions, type MockServers } from '../testing/index.js';
import { watchRunner } from '../testing/watchdog.js';

/** What static mode needs beside this package, as one line that runs it (npx installs both for the run). */
export const PRISM_PACKAGE = '@stoplight/prism-cli@5.14.2';
export const STATIC_NPX = `npx -p partoo-argyle-sdk -p ${PRISM_PACKAGE} partoo-argyle-sdk mock`;

/** Why it stopped, for a script that reads the exit status (signals are a stop that was asked for). */
export const MOCK_EXIT = {
  /** SIGINT, SIGTERM or SIGHUP */
  stopped: 0,
  /** it could not start: Prism missing (static mode) or not answering, a ready file it cannot write */
  cannotRun: 1,
  /** bad flags or a taken port */
  usage: 2,
  /** the process that started it is gone (the chain's root under npx/sh -c, or its parent) */
  runnerExited: 4,
  /** stdin was a pipe and was closed */
  stdinClosed: 5,
} as const;

export function mockUsage(command = 'partoo-argyle-sdk mock'): string {
  return `Usage: ${command} [options]

Starts mock servers for Partoo Review Booster and Argyle invites.

Options:
  --stateful                 remember sends, page searches, move statuses on a controllable clock
  --port-partoo <n>          default 4010
  --port-argyle <n>          default 4011
  --host <addr>              default 127.0.0.1
  --latency-ms <n>           (stateful) delay every response
  --fail-rate <0..1>         (stateful) answer this share of requests with a 500
  --seed <n>                 (stateful) the fail rate's seed: the same seed fails the same requests
  --rate-limit-per-minute <n> (stateful) answer 429 with Retry-After past this rate
  --ready-file <path>        once both answer, write their URLs and credentials there as JSON

Both modes check each API's credentials (printed below once started) and serve Partoo's paths with or
without /v2. Static mode runs Prism: ${STATIC_NPX}

Control endpoints, on either server (static mode: the clock only):
  GET /__mock/health   GET /__mock/time   POST /__mock/advance-time {"ms": 864000000}   POST /__mock/reset
In a query, write + as %2B (target_phone=%2B33601020304).

It stops, and its exit status says why: 0 on Ctrl-C, SIGTERM or SIGHUP; 4 when the process that started it
is gone (under npx: the one that ran npx); 5 when its stdin, a pipe, is closed. 1: it could not start;
2: bad flags or a taken port.`;
}

export const MOCK_USAGE = mockUsage();

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

/** Where the mock runs: the `partoo-argyle-sdk mock` command (default), or the binary, which carries no Prism. */
export interface MockCommand {
  /** the name --help shows */
  name?: string;
  /** why static mode cannot run here; undefined when it can */
  noStatic?: string;
}

/** The mock binary's refusal of static mode: it names the flag to add and the line that runs static mode. */
export const BINARY_NO_STATIC =
  "this binary runs the stateful mock only: add --stateful. The static mock (Prism serving the specs' " +
  `examples) runs on Node: ${STATIC_NPX}`;

/** Static mode on Node: Prism must be installed beside this package, or the user gets the line that brings it. */
function checkPrismInstalled() {
  try {
    createRequire(import.meta.url).resolve('@stoplight/prism-cli/package.json');
  } catch {
    throw new MockNeedsPrism(
      `the static mock runs Prism, which is not installed. Run it with:\n  ${STATIC_NPX}\n` +
        `or add --stateful (it needs no other package), or in a project: npm install --save-dev ${PRISM_PACKAGE}`,
    );
  }
}

/** Static mode without Prism: the CLI exits 1 (MOCK_EXIT.cannotRun) on it. */
export class MockNeedsPrism extends Error {}

function parseMockArgs(args: string[]) {
  return parseArgs({
    args,
    options: {
      stateful: { type: 'boolean', default: false },
      'port-partoo': { type: 'string', default: '4010' },
      'port-argyle': { type: 'string', default: '4011' },
      host: { type: 'string', default: '127.0.0.1' },
      'latency-ms': { type: 'string' },
      'fail-rate': { type: 'string' },
      seed: { type: 'string' },
      'rate-limit-per-minute': { type: 'string' },
      'ready-file': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  }).values;
}

async function startFromFlags(values: ReturnType<typeof parseMockArgs>, command: MockCommand) {
  const host = values.host!;
  if (!values.stateful && command.noStatic) throw new MockUsageError(command.noStatic);
  const options: MockServerOptions = {
    stateful: values.stateful,
    host,
    portPartoo: number(values['port-partoo'], '--port-partoo', 0, 65535),
    portArgyle: number(values['port-argyle'], '--port-argyle', 0, 65535),
    latencyMs: number(values['latency-ms'], '--latency-ms', 0, 600_000),
    failRate: number(values['fail-rate'], '--fail-rate', 0, 1),
    seed: number(values.seed, '--seed', 0, 2 ** 32 - 1),
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
  if (!values.stateful) checkPrismInstalled();
  return startMockServers(options);
}

export async function mock(args: string[], command: MockCommand = {}) {
  const values = parseMockArgs(args);
  if (values.help) return void console.log(mockUsage(command.name));
  const mocks = await startFromFlags(values, command);
  console.log(`Partoo mock:  ${mocks.partooUrl}   (x-APIKey: ${mocks.partooApiKey})`);
  console.log(`Argyle mock:  ${mocks.argyleUrl}   (Basic ${mocks.argyleApiKeyId}:${mocks.argyleApiKeySecret})`);
  let stopping = false;
  const stop = async (why: string, status: number) => {
    if (stopping) return;
    stopping = true;
    // The terminal or pipe may be gone with the parent: a failed write must not cut the shutdown short.
    process.stdout.on('error', () => {});
    console.log(`${why}: stopping`);
    await mocks.close();
    process.exit(status);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => void stop(signal, MOCK_EXIT.stopped));
  }
  // Watched from the start, so a runner that dies while the ready file is written still frees the ports.
  watchRunner((why) => void stop(why, why === 'stdin closed' ? MOCK_EXIT.stdinClosed : MOCK_EXIT.runnerExited));
  try {
    if (values['ready-file']) await writeReadyFile(values['ready-file'], mocks);
  } catch (e) {
    await mocks.close();
    throw e;
  }
  console.log(`ready: ${values.stateful ? 'stateful' : 'static (Prism)'} mocks listening; Ctrl-C to stop`);
}
