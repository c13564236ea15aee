// Numbers no SMS reaches. libphonenumber's full metadata types each number by its country's numbering plan: a
// landline (a CRM's "Phone" column) or a premium, toll-free or shared-cost line is refused with its reason,
// rather than sent an SMS that never arrives. Types that may be mobile (FIXED_LINE_OR_MOBILE in the US and
// Canada), VoIP, personal numbers and numbers the plan does not type are sent.
import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

const NO_SMS: Record<string, string> = {
  FIXED_LINE: 'a landline',
  PREMIUM_RATE: 'a premium-rate line',
  TOLL_FREE: 'a toll-free line',
  SHARED_COST: 'a shared-cost line',
  VOICEMAIL: 'a voicemail access number',
  UAN: 'a company switchboard number',
  PAGER: 'a pager',
};

/** Why no SMS reaches this E.164 number, or undefined when one may. */
export function whyNoSms(e164: string): string | undefined {
  const type = parsePhoneNumberFromString(e164)?.getType();
  const what = type && NO_SMS[type];
  return what && `${e164} is ${what} (by its country's numbering plan): no SMS reaches it; give a mobile number`;
}

/** A row's country cell as a country code, or why it is not one; empty means the --default-country. */
export function rowCountry(
  cell: string | undefined,
  fallback: string | undefined,
): { ok: string | undefined } | { error: string } {
  if (cell === undefined || !cell.trim()) return { ok: fallback };
  const code = cell.trim().toUpperCase();
  if (/^[A-Z]{2}$/.test(code) && isSupportedCountry(code as CountryCode)) return { ok: code };
  return { error: `the country cell ${JSON.stringify(cell)} is not an ISO 3166 alpha-2 country code (FR, BE, CH...)` };
}
