// Clients made by the mock are made for tests: no client-side limiter between a test and its mock, unless asked.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startMockServers, type MockServers } from '../../src/testing/index.js';

let mock: MockServers;
beforeAll(async () => {
  mock = await startMockServers({ stateful: true });
});
afterAll(() => mock?.close());

const send = (client: ReturnType<MockServers['partooClient']>, i: number) =>
  client.reviewBooster.sendInvitation({ businessId: 'b', targetPhone: `+336010200${String(i).padStart(2, '0')}` });

it('partooClient() sends 20 invitations without waiting on a limiter', async () => {
  const client = mock.partooClient();
  const started = performance.now();
  for (let i = 0; i < 20; i++) expect((await send(client, i)).status).toBe('sent');
  expect(mock.sentCount('b', '+33601020019')).toBe(1);
  // The default 300/min limiter spaces these 40 requests (a search and a POST each) over about 7 s.
  expect(performance.now() - started).toBeLessThan(5_000);
});

it('a test that asks for the limiter gets it', async () => {
  mock.reset();
  const client = mock.partooClient({ rateLimit: { requestsPerMinute: 60 } });
  const started = performance.now();
  for (let i = 0; i < 3; i++) await send(client, i);
  // 60 a minute: one a second after the first; 3 sends (each a search and a POST) cannot take under 2 s.
  expect(performance.now() - started).toBeGreaterThanOrEqual(1_900);
});
