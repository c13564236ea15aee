// Search and status: the read side of Review Booster, which the guard builds on.
import { unexpectedBody } from '../core/errors.js';
import { Paginated, RepeatDetector } from '../core/paginate.js';
import { unwrapOk, type OkBody, type PartooRequests } from './api.js';

/** The statuses Partoo's spec lists for an invitation's SMS. */
export type InvitationStatus = NonNullable<OkBody<'getReviewInvitationStatus'>['status']>;
/** Each status of the spec said final or not: a status the spec adds fails to compile here until it is sorted. */
type Finality = EveryStatus<{
  CREATED: false;
  SENT: false;
  FAILED_SEND: true;
  DELIVERED: true;
  FAILED_DELIVERY: true;
}>;
type EveryStatus<T extends Record<InvitationStatus, boolean>> = T;
/** The statuses an invitation ends in: nothing moves it further. */
export type FinalInvitationStatus = {
  [S in InvitationStatus]: Finality[S] extends true ? S : never;
}[InvitationStatus];
const FINAL_LIST = ['DELIVERED', 'FAILED_SEND', 'FAILED_DELIVERY'] as const satisfies readonly FinalInvitationStatus[];
/** `never` (and the set below fails to compile) while a final status is missing from FINAL_LIST. */
type AllFinalListed = FinalInvitationStatus extends (typeof FINAL_LIST)[number] ? FinalInvitationStatus : never;
const FINAL_STATUSES: ReadonlySet<InvitationStatus> = new Set<AllFinalListed>(FINAL_LIST);
export const isFinalStatus = (status: InvitationStatus): status is FinalInvitationStatus => FINAL_STATUSES.has(status);

export interface Invitation {
  id: string;
  userId: string | undefined;
  userName: string | undefined;
  /** an Invalid Date when Partoo gives no readable `sent_time` (optional in its spec) */
  sentAt: Date;
}
export interface InvitationPage {
  items: Invitation[];
  page: number;
  maxPage: number;
  count: number | undefined;
}

/** Partoo writes `2019-06-06 11:57:27.274725+00:00`: a space for the `T`, microseconds. */
export function parseSentTime(value: string | undefined): Date {
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(?:\.(\d+))?\s*(Z|[+-]\d{2}:?\d{2})?$/.exec(
    value?.trim() ?? '',
  );
  if (!m) return new Date(Number.NaN);
  const ms = (m[3] ?? '').padEnd(3, '0').slice(0, 3);
  return new Date(`${m[1]}T${m[2]}.${ms}${m[4] ?? 'Z'}`);
}

export function searchPages(
  api: PartooRequests,
  query: { business_id: string; target_phone: string; after?: number },
): Paginated<Invitation, InvitationPage> {
  return new Paginated(async function* () {
    const repeats = new RepeatDetector();
    for (let page = 1; ; page++) {
      // The spec lists no `page` parameter, yet the result is paged like Partoo's other searches,
      // which take a 1-based `page`: send it from page 2 on (see openapi/README.md).
      const params = page === 1 ? query : { ...query, page };
      const body = await unwrapOk(
        await api.GET('/review_booster/search-invitation', {
          params: { query: params as typeof query },
        }),
        'checkDuplicatedReviewInvitation',
      );
      // Without its list (optional in the spec) a page is not evidence of "no invitation", unless it says count 0.
      if (!Array.isArray(body.review_invitations) && body.count !== 0) {
        throw unexpectedBody('checkDuplicatedReviewInvitation', 'search response without review_invitations', body);
      }
      const items = (body.review_invitations ?? []).map((i): Invitation => ({
        id: i.id ?? '',
        userId: i.user_id,
        userName: i.user_name,
        sentAt: parseSentTime(i.sent_time),
      }));
      const maxPage = body.max_page ?? 1;
      if (items.length === 0) return;
      // A server that ignores `page` answers the first page again. The first page itself always counts,
      // however the server numbers it: the guard must see its invitations.
      if (
        (page > 1 && body.page !== undefined && body.page !== page) ||
        repeats.repeated(items.map((i) => i.id).join('\n'))
      )
        return;
      yield { items, page, maxPage, count: body.count };
      if (page >= maxPage) return;
    }
  });
}
