// Which column holds what, from the header as CRMs and spreadsheets write it: "Phone Number", "Téléphone",
// "Mobile", "Portable". Matched without case or accents. A mobile column wins over a generic phone one, since a CRM
// export with both puts the landline under Phone.
export type Field = 'phone' | 'fallbackPhone' | 'name' | 'content' | 'country';

/** "Téléphone portable" -> "telephone portable": lower case, no accents, one space between words. */
export const normalizeHeader = (cell: string) =>
  cell
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s_\-.]+/g, ' ')
    .trim();

const MOBILE = [
  'mobile',
  'mobile phone',
  'mobile number',
  'portable',
  'telephone portable',
  'cell',
  'cell phone',
  'gsm',
];
const PHONE = ['phone', 'phone number', 'telephone', 'tel', 'numero', 'numero de telephone', 'target phone'];
const ALIASES: Record<Exclude<Field, 'phone' | 'fallbackPhone'>, string[]> = {
  name: ['name', 'full name', 'customer name', 'nom', 'nom complet', 'target name'],
  content: ['content', 'message', 'invite content'],
  country: ['country', 'country code', 'pays'],
};

export const EXPECTED_COLUMNS = 'phone or mobile (required), name, content, country';

/** Column index of each field the file has. */
export type ColumnMap = Partial<Record<Field, number>>;

/** The column of the first name in `names` (most specific first) that the header has. */
const indexOf = (columns: string[], names: string[]) => {
  for (const name of names) {
    const i = columns.indexOf(name);
    if (i !== -1) return i;
  }
  return undefined;
};

/** The fields of a header (normalized cells); undefined when it names no phone column. */
export function columnMap(columns: string[], phoneColumn?: string): ColumnMap | undefined {
  const map: ColumnMap = {};
  for (const [field, names] of Object.entries(ALIASES)) {
    const i = indexOf(columns, names);
    if (i !== undefined) map[field as Field] = i;
  }
  if (phoneColumn !== undefined) {
    const i = indexOf(columns, [normalizeHeader(phoneColumn)]);
    return i === undefined ? undefined : { ...map, phone: i };
  }
  const mobile = indexOf(columns, MOBILE);
  const phone = indexOf(columns, PHONE);
  if (mobile === undefined && phone === undefined) return undefined;
  // The mobile column is read; a row whose mobile cell is empty falls back to the phone column.
  return mobile === undefined ? { ...map, phone } : { ...map, phone: mobile, fallbackPhone: phone };
}

/** Header cells no field reads, as written, for the note that says they are not read. */
export const unreadColumns = (cells: string[], map: ColumnMap) =>
  cells.filter((c, i) => c.trim() && !Object.values(map).includes(i));
