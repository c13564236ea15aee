// The rules a send's input must pass before anything is requested, at their edges: Partoo's 286 characters, what
// counts as ASCII, what stripping leaves, and the body each accepted input becomes.
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/index.js';
import { BIZ, harness } from '../support/harness.js';

const PHONE = '+33601020304';
const LINK = ' @link';
const issuesOf = (error: unknown) =>
  error instanceof ValidationError ? error.issues.map((i) => `${i.field}:${i.rule}`) : error;

describe('inviteContent', () => {
  it('of exactly 286 characters is sent; of 287 is refused, saying how long it was', async () => {
    const h = await harness({ partoo: { guard: false } });
    const longest = `${'a'.repeat(286 - LINK.length)}${LINK}`;
    await expect(
      h.partoo.reviewBooster.sendInvitation({ businessId: BIZ, targetPhone: PHONE, inviteContent: longest }),
    ).resolves.toMatchObject({ status: 'sent' });
    expect(h.posts()[0].body.invite_content).toBe(longest);
    const error = await h.partoo.reviewBooster
      .sendInvitation({ businessId: BIZ, targetPhone: PHONE, inviteContent: `a${longest}` })
      .catch((e) => e);
    expect(issuesOf(error)).toEqual(['inviteContent:maxLength']);
    expect(error.message).toContain('inviteContent must be at most 286 characters (got 287)');
    expect(h.posts()).toHaveLength(1);
  });

  it('is measured after stripping: 290 characters of which 5 are stripped fit', async () => {
    const h = await harness({ partoo: { guard: false } });
    const content = `${'é'.repeat(5)}${'a'.repeat(285 - LINK.length)}${LINK}`;
    expect(content).toHaveLength(290);
    await expect(
      h.partoo.reviewBooster.sendInvitation({
        businessId: BIZ,
        targetPhone: PHONE,
        inviteContent: content,
        stripNonAscii: true,
      }),
    ).resolves.toMatchObject({ status: 'sent' });
    expect(h.posts()[0].body.invite_content).toBe(content.slice(5));
  });

  it('keeps DEL (0x7f), the last ASCII character, and refuses 0x80, naming each character once', async () => {
    const h = await harness({ partoo: { guard: false } });
    await expect(
      h.partoo.reviewBooster.sendInvitation({ businessId: BIZ, targetPhone: PHONE, inviteContent: `a\x7fb${LINK}` }),
    ).resolves.toMatchObject({ status: 'sent' });
    expect(h.posts()[0].body.invite_content).toBe(`a\x7fb${LINK}`);
    const error = await h.partoo.reviewBooster
      .sendInvitation({ businessId: BIZ, targetPhone: PHONE, inviteContent: `\x80 é é \x80${LINK}` })
      .catch((e) => e);
    expect(issuesOf(error)).toEqual(['inviteContent:ascii']);
    expect(error.message).toContain(
      'inviteContent has non-ASCII characters Partoo would remove: "\x80", "é" (pass stripNonAscii: true to drop them)',
    );
    expect(h.posts()).toHaveLength(1);
  });

  it('stripNonAscii drops only the non-ASCII characters, and content that is all ASCII is sent as it is', async () => {
    const h = await harness({ partoo: { guard: false } });
    await h.partoo.reviewBooster.sendInvitation({
      businessId: BIZ,
      targetPhone: PHONE,
      inviteContent: `Çà\x7f va${LINK}`,
      stripNonAscii: true,
    });
    await h.partoo.reviewBooster.sendInvitation({
      businessId: BIZ,
      targetPhone: '+33601020305',
      inviteContent: `Plain${LINK}`,
      stripNonAscii: true,
    });
    expect(h.posts().map((p) => p.body.invite_content)).toEqual([`\x7f va${LINK}`, `Plain${LINK}`]);
  });

  it('must contain @link, and must be a string', async () => {
    const h = await harness({ partoo: { guard: false } });
    const noLink = await h.partoo.reviewBooster
      .sendInvitation({ businessId: BIZ, targetPhone: PHONE, inviteContent: 'Thanks! @lin k' })
      .catch((e) => e);
    expect(issuesOf(noLink)).toEqual(['inviteContent:link']);
    expect(noLink.message).toContain('inviteContent must contain @link (where Partoo puts the review link)');
    const notText = await h.partoo.reviewBooster
      .sendInvitation({ businessId: BIZ, targetPhone: PHONE, inviteContent: 42 as never })
      .catch((e) => e);
    expect(issuesOf(notText)).toEqual(['inviteContent:type']);
    expect(notText.message).toContain('inviteContent must be a string, not number');
    expect(h.requests).toHaveLength(0);
  });
});

describe('the body of an accepted send', () => {
  it('has only the fields given: no target_name, invite_content or force unless asked', async () => {
    const h = await harness({ partoo: { guard: false } });
    await h.partoo.reviewBooster.sendInvitation({ businessId: BIZ, targetPhone: PHONE });
    await h.partoo.reviewBooster.sendInvitation({ businessId: BIZ, targetPhone: '+33601020305', force: false });
    await h.partoo.reviewBooster.sendInvitation({
      businessId: BIZ,
      targetPhone: '+33601020306',
      targetName: '',
      inviteContent: `Hi${LINK}`,
      force: true,
    });
    expect(h.posts().map((p) => p.body)).toEqual([
      { business_id: BIZ, target_phone: PHONE },
      { business_id: BIZ, target_phone: '+33601020305' },
      { business_id: BIZ, target_phone: '+33601020306', target_name: '', invite_content: `Hi${LINK}`, force: 'True' },
    ]);
  });

  it('refuses a force or stripNonAscii that is not a boolean, and a targetName over 255 characters', async () => {
    const h = await harness({ partoo: { guard: false } });
    const error = await h.partoo.reviewBooster
      .sendInvitation({
        businessId: BIZ,
        targetPhone: PHONE,
        targetName: 'n'.repeat(256),
        force: 1 as never,
        stripNonAscii: 'yes' as never,
      })
      .catch((e) => e);
    expect(issuesOf(error)).toEqual(['targetName:maxLength', 'force:type', 'stripNonAscii:type']);
    await expect(
      h.partoo.reviewBooster.sendInvitation({ businessId: BIZ, targetPhone: PHONE, targetName: 'n'.repeat(255) }),
    ).resolves.toMatchObject({ status: 'sent' });
  });
});
