// When the specs' validators cannot load (no @stoplight/prism-http), createMockHandlers still returns at once;
// `ready` and every request say why, and nothing is left as an unhandled rejection (vitest fails on one).
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';

vi.mock('../../src/testing/validator.js', () => ({
  createSpecValidator: async () => {
    throw new Error('The stateful mock needs @stoplight/prism-http: npm install --save-dev @stoplight/prism-http');
  },
}));
const { createMockHandlers } = await import('../../src/msw/index.js');
const { startMockServers } = await import('../../src/testing/index.js');

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

it('says so from ready and from a request; an unused mock leaves no unhandled rejection', async () => {
  createMockHandlers(); // never awaited, never asked
  const mock = createMockHandlers();
  await expect(mock.ready).rejects.toThrow(/needs @stoplight\/prism-http/);
  server.use(...mock.handlers);
  const res = await fetch(`${mock.partooUrl}/review_booster/template`, { headers: { 'x-APIKey': mock.partooApiKey } });
  expect(res.status).toBe(500);
  expect(await res.text()).toContain('needs @stoplight/prism-http');
  // The HTTP mock refuses to start, as before, with the same reason.
  await expect(startMockServers({ stateful: true })).rejects.toThrow(/needs @stoplight\/prism-http/);
  await new Promise((r) => setTimeout(r, 50));
});
