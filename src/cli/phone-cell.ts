// One number per phone cell. A CRM export may put two in one cell ("0612345609;0612345610"): sending to the
// first alone would hide the second, so such a cell fails its row, naming the numbers found.
import { findPhoneNumbersInText, type CountryCode } from 'libphonenumber-js/max';

const SEPARATORS = /[;,|/\n]|\s+(?:et|and|ou|or)\s+/i;
const digits = (s: string) => s.replace(/\D/g, '').length;

/** The numbers in a cell holding more than one, or undefined for a cell holding at most one. */
export function severalNumbers(cell: string, defaultCountry: string | undefined): string[] | undefined {
  // A separator between two runs of digits long enough to be numbers; findPhoneNumbersInText alone misses
  // "0612345609;0612345610" (it reads one number there).
  const parts = cell
    .split(SEPARATORS)
    .map((p) => p.trim())
    .filter((p) => digits(p) >= 6);
  if (parts.length > 1) return parts;
  // One number has at most 15 digits (16 with a trunk 0): fewer cannot hold two, and the search costs ~50 µs a row.
  if (digits(cell) <= 16) return undefined;
  const found = findPhoneNumbersInText(cell, defaultCountry as CountryCode | undefined);
  return found.length > 1 ? found.map((f) => f.number.number) : undefined;
}
