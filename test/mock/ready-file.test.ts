// Scripting the CLI mock without reading its banner: --ready-file says where it listens and with which keys, once
// it answers; GET /__mock/health answers on both servers.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { createPartooClient } from '../../src/index.js';
import { spawnCli } from '../support/cli.js';
import { cleanUp, tempDir, waitUntil } from '../support/process.js';

afterAll(cleanUp);

it('--ready-file holds the URLs and credentials once both answer; /__mock/health answers', async () => {
  const file = join(tempDir('mock-ready'), 'ready.json');
  const cli = spawnCli(['mock', '--stateful', '--port-partoo', '0', '--port-argyle', '0', '--ready-file', file]);
  try {
    await waitUntil(() => existsSync(file), 'the ready file', { timeoutMs: 20_000 });
    const ready = JSON.parse(readFileSync(file, 'utf8'));
    expect(Object.keys(ready).sort()).toEqual(
      ['argyleApiKeyId', 'argyleApiKeySecret', 'argyleUrl', 'partooApiKey', 'partooUrl', 'partooV2Url'].sort(),
    );
    expect(ready.partooV2Url).toBe(`${ready.partooUrl}/v2`);
    for (const url of [ready.partooUrl, ready.argyleUrl]) {
      const res = await fetch(`${url}/__mock/health`);
      expect([res.status, await res.json()]).toEqual([200, { status: 'ok' }]);
    }
    const partoo = createPartooClient({ apiKey: ready.partooApiKey, baseUrl: ready.partooV2Url, rateLimit: false });
    const sent = await partoo.reviewBooster.sendInvitation({ businessId: 'b', targetPhone: '+33601020304' });
    expect(sent.status).toBe('sent');
  } finally {
    await cli.stop();
  }
  expect((await cli.exited).code).toBe(0);
});
