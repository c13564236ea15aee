// The packed tarball's core on the real runtimes (README "Runtimes"): a guarded send, the skip a second client
// finds through Partoo's search, a status, Argyle's list over pages, an Argyle webhook checked by the runtime's Web
// Crypto (and a tampered one refused), a 401 with no secret in it, a validation error and a missing key, each
// against the stateful mock running here in Node. A runtime that cannot be installed is skipped with the reason,
// except under CI=true, where that fails.
import { createHmac } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { startMockServers, type MockServers } from '../../src/testing/index.js';
import { installRuntime, type RuntimeName } from '../../scripts/install-runtimes.js';
import { runOk } from '../support/process.js';
import { installTarball, type InstalledTarball } from './tarball.js';
import { runInWorkerd } from './workerd.js';

// First run: the runtime's download and install; later runs find it in the cache and take a second or two.
const PER_RUNTIME_MS = 300_000;

let mock: MockServers;
let tarball: InstalledTarball;

beforeAll(async () => {
  [mock, tarball] = await Promise.all([startMockServers({ stateful: true }), installTarball()]);
}, 180_000);

afterAll(async () => {
  tarball?.remove();
  await mock?.close();
});

async function runtime(name: RuntimeName, ctx: TestContext): Promise<string> {
  const installed = await installRuntime(name);
  if ('bin' in installed) return installed.bin;
  if (process.env.CI === 'true') throw new Error(`${name} is required in CI: ${installed.missing}`);
  // The reporter does not print a skip's note: the reason goes to stderr, beside the test's name.
  console.warn(`skipped ${name}: ${installed.missing}`);
  ctx.skip(`${name} not installed: ${installed.missing}`);
  throw new Error('unreachable');
}

let phones = 0;
function smokeConfig(label: string) {
  const { connection } = mock;
  return {
    ...connection,
    businessId: `runtime-${label}`,
    phone: `+3360102${String(4000 + phones++)}`,
    webhook: signedWebhook(`webhook-secret-${label}`),
  };
}

/** An event signed as Argyle signs one (HMAC-SHA512, hex, of the raw body), by Node's own crypto here. */
function signedWebhook(secret: string) {
  const body = JSON.stringify({ event: 'accounts.connected', name: 'smoke', data: { user: USER, account: 'acc-1' } });
  return { body, secret, signature: createHmac('sha512', secret).update(body).digest('hex') };
}
const USER = '018051aa-f7a9-a0db-2f38-6cfa325e9d69';

/** Everything the smoke reports must hold, whatever the runtime; the mock agrees on what was sent. */
async function expectCoreWorks(config: ReturnType<typeof smokeConfig>, result: any, output: string) {
  expect(result).toMatchObject({
    webhook: {
      event: 'accounts.connected',
      user: USER,
      tampered: { name: 'WebhookVerificationError', sdk: true, leaksKey: false },
    },
    sent: 'sent',
    second: 'skipped',
    status: 'CREATED',
    rawApi: { bare: 'CREATED', watched: 'CREATED', seen: [{ isRequest: true, hasKey: false }] },
    unauthorized: { name: 'AuthenticationError', sdk: true, leaksKey: false },
    invalid: { name: 'ValidationError', sdk: true, leaksKey: false },
    missingKey: { name: 'ConfigurationError', message: expect.stringContaining('PARTOO_API_KEY') },
  });
  expect(mock.sentCount(config.businessId, config.phone)).toBe(1);
  // Every page full but the last, and together every invite the mock holds.
  const pages: number[] = result.argylePages;
  const total = (await mock.argyleClient().invites.list({ limit: 200 }).toArray()).length;
  expect(pages.length).toBeGreaterThan(1);
  expect(pages.slice(0, -1).every((n) => n === 2) && pages.at(-1)! >= 1).toBe(true);
  expect(pages.reduce((a, b) => a + b, 0)).toBe(total);
  for (const secret of [config.partooApiKey, config.argyleApiKeyId, config.argyleApiKeySecret, config.webhook.secret]) {
    expect(output).not.toContain(secret);
  }
}

/** Node, Bun and Deno run the same script from the installed package; keys reach it as an argument, not env. */
async function runScript(bin: string, args: string[], config: object) {
  const keys = { PARTOO_API_KEY: undefined, ARGYLE_API_KEY_ID: undefined, ARGYLE_API_KEY_SECRET: undefined };
  const env = { DENO_DIR: join(tarball.dir, '.deno'), DENO_NO_UPDATE_CHECK: '1', ...keys };
  const argv = [...args, 'run-smoke.mjs', JSON.stringify(config)];
  const { out, err } = await runOk(bin, argv, { cwd: tarball.dir, env, timeoutMs: 60_000 });
  return { result: JSON.parse(out.trim().split('\n').pop()!), output: out + err };
}

describe('the packed core on each runtime', () => {
  // The Node running the tests (CI's is Node 20, the oldest `engines` allows): nothing to install.
  it(
    `Node ${process.versions.node.split('.')[0]} (the Node running the tests)`,
    async () => {
      const config = smokeConfig('node-here');
      const { result, output } = await runScript(process.execPath, [], config);
      await expectCoreWorks(config, result, output);
    },
    PER_RUNTIME_MS,
  );

  for (const [name, tag] of [
    ['Node 22', 'node22'],
    ['Bun', 'bun'],
  ] as const) {
    it(
      name,
      async (ctx) => {
        const bin = await runtime(name, ctx);
        const config = smokeConfig(tag);
        const { result, output } = await runScript(bin, [], config);
        await expectCoreWorks(config, result, output);
      },
      PER_RUNTIME_MS,
    );
  }

  it(
    'Deno, allowed the mock hosts only (no --allow-env, --allow-read or --allow-sys)',
    async (ctx) => {
      const bin = await runtime('Deno', ctx);
      const config = smokeConfig('deno');
      const hosts = [config.partooUrl, config.argyleUrl].map((u) => new URL(u).host).join(',');
      const { result, output } = await runScript(bin, ['run', `--allow-net=${hosts}`], config);
      await expectCoreWorks(config, result, output);
      // Deno's own NotCapable, reported as the SDK's error that names the variable and the flag.
      expect(result.missingKey.message).toContain('(not readable: NotCapable; Deno needs --allow-env=PARTOO_API_KEY)');
    },
    PER_RUNTIME_MS,
  );

  for (const nodejsCompat of [false, true]) {
    it(
      `Cloudflare workerd, ${nodejsCompat ? 'with' : 'without'} nodejs_compat`,
      async (ctx) => {
        const bin = await runtime('workerd', ctx);
        const config = smokeConfig(`workerd-${nodejsCompat ? 'compat' : 'plain'}`);
        const { result, stderr } = await runInWorkerd(bin, tarball.workerFile, nodejsCompat, config);
        await expectCoreWorks(config, result, JSON.stringify(result) + stderr);
      },
      PER_RUNTIME_MS,
    );
  }
});
