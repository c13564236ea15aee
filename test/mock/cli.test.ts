// The CLI as partners run it: spawned, read until ready, used, and stopped by a signal.
import { createServer } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { createPartooClient } from '../../src/index.js';
import { START_TIMEOUT_MS } from '../../src/testing/prism.js';
import { spawnCli } from '../support/cli.js';
import { cleanUp } from '../support/process.js';

// Two Prism processes start side by side, each bounded by START_TIMEOUT_MS (a loaded CI machine needs it).
const STATIC_START_MS = 2 * START_TIMEOUT_MS + 5_000;
/** The stateful mocks start no Prism: ready within seconds even on a loaded machine. */
const READY_MS = 15_000;
afterAll(cleanUp);

describe('npx partoo-argyle-sdk mock', () => {
  it('starts both stateful mocks, serves, and stops cleanly on SIGTERM', async () => {
    const cli = spawnCli(['mock', '--stateful', '--port-partoo', '0', '--port-argyle', '0']);
    try {
      const out = await cli.waitFor(/ready:/, READY_MS);
      expect(out).toContain('ready: stateful mocks listening');
      const partooUrl = /Partoo mock:\s+(\S+)/.exec(out)![1];
      expect(/Argyle mock:\s+(\S+)/.exec(out)![1]).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const client = createPartooClient({ apiKey: 'mock-partoo-api-key', baseUrl: partooUrl });
      expect((await client.reviewBooster.sendInvitation({ businessId: 'b', targetPhone: '+33601020304' })).status).toBe(
        'sent',
      );
      expect((await fetch(`${partooUrl}/__mock/advance-time`, { method: 'POST', body: '{"ms": 1000}' })).status).toBe(
        200,
      );
    } finally {
      await cli.stop();
    }
    const exit = await cli.exited;
    expect(exit.signal).toBe(null);
    expect(exit.code).toBe(0);
    expect(exit.out).toContain('SIGTERM: stopping');
  });

  it('exits non-zero with a clear message when a port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const port = (blocker.address() as { port: number }).port;
    try {
      const exit = await spawnCli(['mock', '--stateful', '--port-partoo', String(port), '--port-argyle', '0']).exited;
      expect(exit.code).not.toBe(0);
      expect(exit.err).toContain(`port ${port} on 127.0.0.1 is already in use (--port-partoo)`);
    } finally {
      blocker.close();
    }
  });

  it('rejects bad flags with usage status 2', async () => {
    const exit = await spawnCli(['mock', '--fail-rate', '3']).exited;
    expect(exit.code).toBe(2);
    expect(exit.err).toContain('--fail-rate must be a number from 0 to 1, not "3"');
  });
});

describe('startMockServers() static mode (Prism)', () => {
  it(
    'serves the spec examples with security enforced',
    async () => {
      const { startMockServers } = await import('../../src/testing/index.js');
      const mock = await startMockServers();
      try {
        const client = createPartooClient({ apiKey: mock.partooApiKey, baseUrl: mock.partooUrl });
        expect(await client.reviewBooster.getInvitationStatus('d3d8c966-0356-4ec0-baae-13ec3622ebc2')).toBe(
          'DELIVERED',
        );
        expect((await fetch(`${mock.partooUrl}/review_booster/template`)).status).toBe(401);
        // Prism keeps no state, but the clock is the mocks' own in both modes: clients on it see days pass.
        const before = mock.now().getTime();
        mock.advanceTime(86_400_000);
        expect(mock.now().getTime() - before).toBeGreaterThanOrEqual(86_400_000);
        expect(() => mock.sentCount('b', '+33601020304')).toThrow(/needs startMockServers\(\{ stateful: true \}\)/);
      } finally {
        await mock.close();
      }
    },
    STATIC_START_MS,
  );
});
