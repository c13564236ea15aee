// The bad-input corpus: wrong values and wrong types (from plain-JS callers), each a typed ValidationError that
// names the field, and not one request sent.
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/index.js';
import { harness } from '../support/harness.js';

type H = Awaited<ReturnType<typeof harness>>;
const ok = { businessId: 'biz', targetPhone: '+33601020304' };
const send = (input: unknown) => (h: H) => h.partoo.reviewBooster.sendInvitation(input as never);
const list = (input: unknown) => async (h: H) => h.argyle.invites.list(input as never).toArray();
const invite = (input: unknown) => (h: H) => h.argyle.invites.send(input as never);
const person = { firstName: 'Ada', lastName: 'Lovelace' };

export const CORPUS: [string, string, (h: H) => Promise<unknown>][] = [
  ['empty object', 'businessId', send({})],
  ['null input', 'input', send(null)],
  ['a string as input', 'input', send('+33601020304')],
  ['an array as input', 'input', send([ok])],
  ['empty businessId', 'businessId', send({ ...ok, businessId: '' })],
  ['whitespace businessId', 'businessId', send({ ...ok, businessId: '   ' })],
  ['numeric businessId', 'businessId', send({ ...ok, businessId: 42 })],
  ['missing targetPhone', 'targetPhone', send({ businessId: 'biz' })],
  ['empty targetPhone', 'targetPhone', send({ ...ok, targetPhone: '' })],
  ['whitespace targetPhone', 'targetPhone', send({ ...ok, targetPhone: ' \t ' })],
  ['letters as a phone', 'targetPhone', send({ ...ok, targetPhone: 'abcdefgh' })],
  ['too short a phone', 'targetPhone', send({ ...ok, targetPhone: '+331' })],
  ['too long a phone', 'targetPhone', send({ ...ok, targetPhone: '+33601020304050607080' })],
  ['national phone without defaultCountry', 'targetPhone', send({ ...ok, targetPhone: '0601020304' })],
  ['unknown country code', 'targetPhone', send({ ...ok, targetPhone: '+999601020304' })],
  ['letters inside a phone', 'targetPhone', send({ ...ok, targetPhone: '+33 6 AB 02 03 04' })],
  ['phone as a number', 'targetPhone', send({ ...ok, targetPhone: 33601020304 })],
  ['phone as an object', 'targetPhone', send({ ...ok, targetPhone: { number: '+33601020304' } })],
  ['targetName of 256 characters', 'targetName', send({ ...ok, targetName: 'x'.repeat(256) })],
  ['targetName as a number', 'targetName', send({ ...ok, targetName: 7 })],
  ['inviteContent of 287 characters', 'inviteContent', send({ ...ok, inviteContent: `@link ${'a'.repeat(281)}` })],
  ['inviteContent without @link', 'inviteContent', send({ ...ok, inviteContent: 'Thanks for your visit!' })],
  ['inviteContent with accents', 'inviteContent', send({ ...ok, inviteContent: 'Merci beaucoup, à bientôt @link' })],
  ['inviteContent with an emoji', 'inviteContent', send({ ...ok, inviteContent: 'Thanks 🙏 @link' })],
  ['empty inviteContent', 'inviteContent', send({ ...ok, inviteContent: '' })],
  ['inviteContent as a number', 'inviteContent', send({ ...ok, inviteContent: 286 })],
  ['force as the string "True"', 'force', send({ ...ok, force: 'True' })],
  ['force as 1', 'force', send({ ...ok, force: 1 })],
  ['stripNonAscii as "yes"', 'stripNonAscii', send({ ...ok, stripNonAscii: 'yes' })],
  ['an unknown field (templateId)', 'templateId', send({ ...ok, templateId: 31 })],
  [
    'search with an invalid Date',
    'after',
    async (h) => h.partoo.reviewBooster.searchInvitations({ ...ok, after: new Date('nope') }).toArray(),
  ],
  [
    'search with after as a timestamp',
    'after',
    async (h) => h.partoo.reviewBooster.searchInvitations({ ...ok, after: 1559148288 as never }).toArray(),
  ],
  [
    'search without businessId',
    'businessId',
    async (h) => h.partoo.reviewBooster.searchInvitations({ targetPhone: '+33601020304' } as never).toArray(),
  ],
  [
    'search with a broken phone',
    'targetPhone',
    async (h) => h.partoo.reviewBooster.searchInvitations({ ...ok, targetPhone: '06' }).toArray(),
  ],
  ['status of an empty id', 'invitationId', (h) => h.partoo.reviewBooster.getInvitationStatus('')],
  ['status of undefined', 'invitationId', (h) => h.partoo.reviewBooster.getInvitationStatus(undefined as never)],
  ['status of a number', 'invitationId', (h) => h.partoo.reviewBooster.getInvitationStatus(42 as never)],
  ['wait with intervalMs 0', 'intervalMs', (h) => h.partoo.reviewBooster.waitForFinalStatus('id', { intervalMs: 0 })],
  [
    'wait with a negative timeout',
    'timeoutMs',
    (h) => h.partoo.reviewBooster.waitForFinalStatus('id', { timeoutMs: -5 }),
  ],
  ['Argyle limit 0', 'limit', list({ limit: 0 })],
  ['Argyle limit 201', 'limit', list({ limit: 201 })],
  ['Argyle limit as a string', 'limit', list({ limit: '10' })],
  ['Argyle unknown status', 'status', list({ status: ['unknown'] })],
  ['Argyle status not an array', 'status', list({ status: 'sent' })],
  ['Argyle replyTo not an email', 'replyTo', list({ replyTo: 'not-an-email' })],
  ['Argyle invite without names', 'firstName', invite({ email: 'a@example.com' })],
  ['Argyle invite without email or phone', 'email', invite(person)],
  ['Argyle invite with a broken email', 'email', invite({ ...person, email: 'ada@' })],
  ['Argyle invite with a whitespace phone only', 'phoneNumber', invite({ ...person, phoneNumber: '   ' })],
  ['Argyle invite with an empty flowId', 'flowId', invite({ ...person, email: 'a@example.com', flowId: '' })],
  ['Argyle flowItems not an array', 'flowItems', invite({ ...person, email: 'a@example.com', flowItems: 'item_1' })],
  ['Argyle ddsConfig as an array', 'ddsConfig', invite({ ...person, email: 'a@example.com', ddsConfig: [] })],
  ['Argyle id not a UUID', 'id', (h) => h.argyle.invites.get('0424137bc-edc5-35de-c1b5-1c3cddb4b227')],
  ['Argyle empty id', 'id', (h) => h.argyle.invites.revoke('')],
];

describe(`bad input: ${CORPUS.length} kinds, each a ValidationError and 0 requests`, () => {
  it.each(CORPUS)('%s', async (_name, field, call) => {
    const h = await harness();
    let error: unknown;
    try {
      await call(h);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => i.field)).toContain(field);
    expect((error as ValidationError).message).toContain(field === 'input' ? 'input' : field);
    expect(h.requests).toHaveLength(0);
  });
});
