// openapi/mock-control.yaml describes every control endpoint the mock answers, no more, and the mock serves it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CONTROL_ENDPOINTS } from '../../src/testing/control.js';
import { startMockServers, type MockServers } from '../../src/testing/index.js';
import { ROOT } from '../support/doc-blocks.js';

const FILE = join(ROOT, 'openapi/mock-control.yaml');
const spec = YAML.parse(readFileSync(FILE, 'utf8'));
let mock: MockServers;
beforeAll(async () => {
  mock = await startMockServers({ stateful: true });
});
afterAll(() => mock.close());

it('names exactly the endpoints the mock answers', () => {
  const described = Object.entries(spec.paths as Record<string, object>).flatMap(([path, item]) =>
    Object.keys(item)
      .filter((k) => ['get', 'post', 'put', 'patch', 'delete'].includes(k))
      .map((m) => `${m.toUpperCase()} ${path}`),
  );
  expect(described.sort()).toEqual([...CONTROL_ENDPOINTS].sort());
});

it('is served at GET /__mock/openapi.yaml on both servers, byte for byte', async () => {
  for (const url of [mock.partooUrl, mock.argyleUrl]) {
    const res = await fetch(`${url}/__mock/openapi.yaml`);
    expect(res.headers.get('content-type')).toBe('application/yaml');
    expect(await res.text()).toBe(readFileSync(FILE, 'utf8'));
  }
});

it('every endpoint it names is answered (none falls through to a 404 for an unknown route)', async () => {
  const unknown = await fetch(`${mock.partooUrl}/__mock/nothing-here`);
  expect(unknown.status).toBe(404);
  for (const endpoint of CONTROL_ENDPOINTS) {
    const [method, path] = endpoint.split(' ');
    const base = path.startsWith('/__mock/argyle/') ? mock.argyleUrl : mock.partooUrl;
    const res = await fetch(`${base}${path.replace('{id}', 'no-such-invite')}`, {
      method,
      body: method === 'POST' ? '{}' : undefined,
    });
    // 400 and 404 here are the endpoint's own answers to an empty body or an unknown invite, in their words.
    const text = await res.text();
    expect(text, endpoint).not.toBe(JSON.stringify({ errors: { json: 'Resource not found' } }));
    expect(text, endpoint).not.toBe(JSON.stringify({ detail: 'Not found.' }));
  }
});
