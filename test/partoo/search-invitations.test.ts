import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/index.js';
import { parseSentTime } from '../../src/partoo/invitations.js';
import { BIZ, harness } from '../support/harness.js';

const searchBody = (page: number, maxPage: number, ids: string[]) =>
  JSON.stringify({
    page,
    max_page: maxPage,
    count: 99,
    review_invitations: ids.map((id) => ({
      id,
      user_id: 'u',
      user_name: 'n',
      sent_time: '2026-11-20 11:57:27.274725+00:00',
    })),
  });

describe('searchInvitations', () => {
  it('walks every page, sending `page` from the second on, and parses sent_time', async () => {
    const h = await harness();
    for (let i = 0; i < 65; i++) await h.sendElsewhere('+33601020304');
    const items = await h.partoo.reviewBooster
      .searchInvitations({ businessId: BIZ, targetPhone: '+33601020304' })
      .toArray();
    expect(items).toHaveLength(65);
    expect(new Set(items.map((i) => i.id)).size).toBe(65);
    expect(items[0].sentAt).toBeInstanceOf(Date);
    expect(h.requests.map((r) => r.query.get('page'))).toEqual([null, '2', '3']);
    const pages = [];
    for await (const page of h.partoo.reviewBooster
      .searchInvitations({ businessId: BIZ, targetPhone: '+33601020304' })
      .pages())
      pages.push(page.items.length);
    expect(pages).toEqual([30, 30, 5]);
  });

  it('sends `after` as unix seconds', async () => {
    const h = await harness();
    await h.partoo.reviewBooster
      .searchInvitations({ businessId: BIZ, targetPhone: '+33601020304', after: new Date('2026-01-01T00:00:00Z') })
      .toArray();
    expect(h.requests[0].query.get('after')).toBe(String(Date.parse('2026-01-01T00:00:00Z') / 1000));
  });

  it('stops when the server repeats a page, or ignores `page`', async () => {
    const h = await harness();
    h.setFault(
      async () =>
        new Response(searchBody(1, 1000, ['a', 'b']), { status: 200, headers: { 'content-type': 'application/json' } }),
    );
    const items = await h.partoo.reviewBooster
      .searchInvitations({ businessId: BIZ, targetPhone: '+33601020304' })
      .toArray();
    expect(items.map((i) => i.id)).toEqual(['a', 'b']);
    expect(h.requests).toHaveLength(2);
  });

  it('stops on a page that repeats with the right page number', async () => {
    const h = await harness();
    let page = 0;
    h.setFault(async () => new Response(searchBody(++page, 1000, ['same']), { status: 200 }));
    expect(
      await h.partoo.reviewBooster.searchInvitations({ businessId: BIZ, targetPhone: '+33601020304' }).toArray(),
    ).toHaveLength(1);
    expect(h.requests).toHaveLength(2);
  });

  it('stops on an empty page', async () => {
    const h = await harness();
    let page = 0;
    h.setFault(async () => new Response(searchBody(++page, 10, page === 1 ? ['a'] : []), { status: 200 }));
    expect(
      await h.partoo.reviewBooster.searchInvitations({ businessId: BIZ, targetPhone: '+33601020304' }).toArray(),
    ).toHaveLength(1);
    expect(h.requests).toHaveLength(2);
  });

  it('validates before any request', async () => {
    const h = await harness();
    expect(() =>
      h.partoo.reviewBooster.searchInvitations({
        businessId: '',
        targetPhone: '+33601020304',
        after: new Date('nope'),
      }),
    ).toThrow(ValidationError);
    await expect(
      h.partoo.reviewBooster.searchInvitations({ businessId: BIZ, targetPhone: 'abc' }).toArray(),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(h.requests).toHaveLength(0);
  });

  it('parses Partoo sent_time variants', () => {
    expect(parseSentTime('2019-06-06 11:57:27.274725+00:00').toISOString()).toBe('2019-06-06T11:57:27.274Z');
    expect(parseSentTime('2019-06-06 11:57:27+02:00').toISOString()).toBe('2019-06-06T09:57:27.000Z');
    expect(parseSentTime('2019-06-06T11:57:27Z').toISOString()).toBe('2019-06-06T11:57:27.000Z');
    expect(Number.isNaN(parseSentTime('yesterday').getTime())).toBe(true);
  });
});
