import { describe, expect, it } from 'vitest';
import { ConfigurationError, ValidationError } from '../../src/index.js';
import { ARGYLE_URL, harness } from '../support/harness.js';

describe('argyle.invites.list', () => {
  it('follows `next` over three pages of the seeded invites', async () => {
    const h = await harness();
    const pages = [];
    for await (const page of h.argyle.invites.list({ limit: 2 }).pages()) pages.push(page.items.length);
    expect(pages).toEqual([2, 2, 1]);
    expect(h.requests.map((r) => r.query.get('cursor') === null)).toEqual([true, false, false]);
    const all = await h.argyle.invites.list({ limit: 2 }).toArray();
    expect(all).toHaveLength(5);
    expect(all[0].createdAt).toBeInstanceOf(Date);
  });

  it('encodes a status array as status=a,b and keeps it on later pages', async () => {
    const h = await harness();
    await h.argyle.invites.list({ status: ['sent', 'initiated'], limit: 2 }).toArray();
    expect(new URL(`http://x${h.requests[0].path}?${h.requests[0].query}`).searchParams.get('status')).toBe(
      'sent,initiated',
    );
    expect(h.requests.every((r) => r.query.get('status') === 'sent,initiated')).toBe(true);
  });

  it('refuses a `next` on another origin before any request to it', async () => {
    const h = await harness();
    h.setFault(
      async () =>
        new Response(
          JSON.stringify({ next: 'https://evil.example/v2/invites?cursor=x', previous: null, results: [] }),
          { status: 200 },
        ),
    );
    const walk = h.argyle.invites.list().toArray();
    await expect(walk).rejects.toBeInstanceOf(ConfigurationError);
    await expect(h.argyle.invites.list().toArray()).rejects.toThrow(/not the configured https:\/\/argyle\.test/);
    expect(h.requests.every((r) => !r.headers.get('host')?.includes('evil'))).toBe(true);
    expect(h.requests).toHaveLength(2);
  });

  it('goes on past an empty page that has a cursor, and stops when a cursor repeats', async () => {
    const h = await harness();
    let n = 0;
    h.setFault(async () => {
      n++;
      const body =
        n === 1
          ? { next: `${ARGYLE_URL}/v2/invites?cursor=b`, previous: null, results: [] }
          : { next: `${ARGYLE_URL}/v2/invites?cursor=b`, previous: null, results: [] };
      return new Response(JSON.stringify(body), { status: 200 });
    });
    expect(await h.argyle.invites.list().toArray()).toEqual([]);
    expect(h.requests).toHaveLength(2);
  });

  it('validates limit, status and replyTo before any request', async () => {
    const h = await harness();
    for (const bad of [
      { limit: 0 },
      { limit: 201 },
      { limit: 1.5 },
      { status: ['nope'] },
      { status: 'sent' },
      { replyTo: 'not-an-email' },
    ]) {
      expect(() => h.argyle.invites.list(bad as never)).toThrow(ValidationError);
    }
    expect(h.requests).toHaveLength(0);
  });
});
