// libphonenumber-js metadata is large: it is imported on first use, keeping it off the core import path.
import type { CountryCode } from 'libphonenumber-js';

type Lib = typeof import('./phone-lib.js');
let lib: Promise<Lib> | undefined;
const load = () => (lib ??= import('./phone-lib.js'));

export type PhoneResult = { ok: true; e164: string } | { ok: false; rule: string; message: string };

/** Parses a phone number to E.164; national numbers need `defaultCountry`. */
export async function toE164(input: string, defaultCountry: string | undefined): Promise<PhoneResult> {
  const { parsePhoneNumberFromString, isSupportedCountry } = await load();
  const text = input.trim();
  if (defaultCountry !== undefined && !isSupportedCountry(defaultCountry)) {
    return {
      ok: false,
      rule: 'defaultCountry',
      message: `defaultCountry ${JSON.stringify(defaultCountry)} is not an ISO 3166-1 alpha-2 country code`,
    };
  }
  if (!text.startsWith('+') && !text.startsWith('00') && !defaultCountry) {
    return {
      ok: false,
      rule: 'country',
      message:
        `targetPhone ${JSON.stringify(input)} has no +country prefix; ` +
        "pass it in E.164 (e.g. +33601020304) or set the client's defaultCountry",
    };
  }
  const parsed = parsePhoneNumberFromString(
    text.startsWith('00') ? `+${text.slice(2)}` : text,
    defaultCountry as CountryCode | undefined,
  );
  if (!parsed || !parsed.isValid()) {
    return {
      ok: false,
      rule: 'phone',
      message:
        `targetPhone ${JSON.stringify(input)} is not a valid phone number` +
        (defaultCountry ? ` (default country ${defaultCountry})` : ''),
    };
  }
  return { ok: true, e164: parsed.number };
}
