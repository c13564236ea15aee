// The validators both modes use are compiled from the specs the mocks serve: the committed module must be what the
// generator writes from today's specs, and the static examples must word Partoo's rules as the mocks do.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generate, OUTPUT } from '../../scripts/build-mock-validators.js';
import { PARTOO_RULES, RECENTLY_INVITED } from '../../src/testing/api-errors.js';
import { requestValidator } from '../../src/testing/request-validator.js';
import { loadMockSpec } from '../../src/testing/specs.js';

describe('compiled request validators', () => {
  it('are current with openapi/ (else: npx tsx scripts/build-mock-validators.ts)', async () => {
    expect(readFileSync(OUTPUT, 'utf8') === (await generate()), `${OUTPUT} is stale`).toBe(true);
  }, 60_000);

  it('route every operation of both specs, and tell a wrong method from an unknown path', () => {
    for (const api of ['partoo', 'argyle'] as const) {
      const v = requestValidator(api);
      for (const [path, item] of Object.entries<any>(loadMockSpec(api).paths)) {
        for (const method of ['get', 'post', 'put', 'delete', 'patch'].filter((m) => item[m])) {
          const concrete = path.replace(/\{[^}]+\}/g, '6f1c2a9e-0000-4c3b-9d2e-000000000001');
          expect(v.route(method, concrete)?.iid).toBe(item[method].operationId);
        }
      }
    }
    const partoo = requestValidator('partoo');
    expect(partoo.route('DELETE', '/review_booster/template')).toBeUndefined();
    expect(partoo.methods('/review_booster/template').sort()).toEqual(['GET', 'POST']);
    expect(partoo.methods('/review_booster/nothing')).toEqual([]);
  });

  it("word a missing field in each API's words, and coerce query strings but never body values", () => {
    const partoo = requestValidator('partoo');
    const send = partoo.route('POST', '/review_booster/send_invitation')!;
    expect(partoo.checkRequest(send, { method: 'POST', path: '/review_booster/send_invitation', body: {} })).toEqual(
      expect.arrayContaining([{ path: ['body', 'business_id'], message: 'Missing data for required field.' }]),
    );
    const numeric = { business_id: 'b', target_phone: 33601020304 };
    const path = '/review_booster/send_invitation';
    expect(partoo.checkRequest(send, { method: 'POST', path, body: numeric })).toEqual([
      { path: ['body', 'target_phone'], message: 'must be string' },
    ]);
    const argyle = requestValidator('argyle');
    const list = argyle.route('GET', '/v2/invites')!;
    const check = (query: Record<string, string | string[]>) =>
      argyle.checkRequest(list, { method: 'GET', path: '/v2/invites', query });
    expect(check({ limit: '5', status: 'sent,revoked' })).toEqual([]);
    expect(check({ status: ['sent', 'initiated'] })).toEqual([]);
    expect(check({ status: 'sent,lost' })).not.toEqual([]);
    expect(check({ limit: 'ten' })).not.toEqual([]);
  });

  it("static mode's examples carry the mocks' wording of Partoo's rules", () => {
    const examples =
      loadMockSpec('partoo').paths['/review_booster/send_invitation'].post.responses['400'].content['application/json']
        .examples;
    expect(examples['recently-invited'].value).toEqual(RECENTLY_INVITED);
    expect(examples['missing-link'].value).toEqual({ errors: { json: { invite_content: [PARTOO_RULES.link] } } });
    const template =
      loadMockSpec('partoo').paths['/review_booster/template'].post.responses['400'].content['application/json']
        .examples;
    expect(template['missing-url'].value).toEqual({ errors: { json: { text: [PARTOO_RULES.url] } } });
  });
});
