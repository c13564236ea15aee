// `send` over exports as Excel, Google Sheets and CRMs write them, spawned for real against a mock that counts
// the SMS a number gets: each case gives the right SMS to the right number, or fails plainly, and never texts a
// number that is not in the phone column.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rowsOf, sendSetup, type RecordingMock, type SendCli } from '../support/cli.js';
import { cleanUp } from '../support/process.js';

let mock: RecordingMock;
let cli: SendCli;
let dir: string;
let n = 0;

beforeAll(async () => void ({ mock, cli, dir } = await sendSetup('pas-exports')));
afterAll(cleanUp);
beforeEach(() => mock.reset());
afterEach(() => expect(cli.leaks(dir)).toEqual([]));

const flags = ['--business', 'biz', '--content', 'Merci @link', '--requests-per-minute', '60000'];
const csvFile = (content: string | Uint8Array) => {
  const path = join(dir, `export-${++n}.csv`);
  writeFileSync(path, content);
  return path;
};
const send = (csv: string, ...more: string[]) =>
  cli.run(['--csv', csv, '--default-country', 'FR', '--base-url', mock.url, ...flags, ...more]);
const sentTo = () => mock.posts.map((p) => p.target_phone).sort();
const namesSent = () => mock.posts.map((p) => p.target_name).sort();

describe('send over real exports', () => {
  it('a note with line breaks holding a number: only the phone column is texted, the note is not a row', async () => {
    const csv = csvFile(
      'phone,name,notes\n0601020321,Ada,"Rappeler son mari au\n0611223344\navant 18h"\n0601020322,Bob,\n',
    );
    const dry = await send(csv, '--dry-run');
    expect(dry.code).toBe(0);
    expect(rowsOf(`${csv}.dry-run.jsonl`).map((l) => l.phone)).toEqual(['+33601020321', '+33601020322']);
    const r = await send(csv);
    expect(r.code).toBe(0);
    expect(sentTo()).toEqual(['+33601020321', '+33601020322']);
    expect(mock.sentCount('biz', '+33611223344')).toBe(0);
  });

  it('CR-only line ends (Excel for Mac), and a lone CR in an LF file, lose no row', async () => {
    const mac = csvFile('phone,name\r0601020351,"Ada"\r0601020352,Bob\r');
    expect((await send(mac)).out).toContain('2 sent, 0 skipped, 0 failed');
    const mixed = csvFile('phone,name\n0601020353,Cy\r0601020354,Di\n0601020355,Ed\n');
    expect((await send(mixed)).out).toContain('3 sent, 0 skipped, 0 failed');
    expect(sentTo()).toEqual(['+33601020351', '+33601020352', '+33601020353', '+33601020354', '+33601020355']);
  });

  it('windows-1252 is decoded by its own table: ’ € œ “ ” Ž arrive as written', async () => {
    // Text as ASCII strings, and windows-1252's own bytes for ’ (92) œ (9C) “ (93) € (80) ” (94) Ž (8E).
    const parts = [
      'phone;name\r\n0601020361;N',
      0x92,
      'Diaye\r\n0601020362;Marie C',
      0x9c,
      'ur ',
      0x93,
      0x80,
      0x94,
      0x8e,
    ];
    const bytes = parts.flatMap((p) => (typeof p === 'number' ? [p] : [...p].map((c) => c.charCodeAt(0))));
    const csv = csvFile(Uint8Array.from([...bytes, 0x0d, 0x0a]));
    const r = await send(csv, '--encoding', 'windows-1252', '--strip-non-ascii');
    expect(r.code).toBe(0);
    expect(namesSent()).toEqual(['Marie C\u0153ur \u201c\u20ac\u201d\u017d', 'N\u2019Diaye']);
  });

  it('a UTF-8 file given --encoding windows-1252 is refused: it would garble every accent; nothing sent', async () => {
    const r = await send(csvFile('phone,name\n0601020371,Hélène\n'), '--encoding', 'windows-1252');
    expect(r.code).toBe(2);
    expect(r.err).toContain('is UTF-8 text, not windows-1252: leave --encoding out');
    expect(mock.requests()).toBe(0);
  });

  it('a file cut inside a UTF-8 character is named as cut short, not as another encoding', async () => {
    const whole = Buffer.from('phone,name\n0601020381,Ada\n0601020382,Hélène');
    // Cut between the two bytes of the è: the last byte left starts a character that never ends.
    const r = await send(csvFile(whole.subarray(0, whole.length - 3)));
    expect(r.code).toBe(2);
    expect(r.err).toContain('ends in the middle of a utf-8 character: the file is cut short');
    expect(r.err).not.toContain('windows-1252');
    expect(mock.requests()).toBe(0);
  });

  it('an Excel workbook or a web page under a .csv name is named as such', async () => {
    const xlsx = await send(csvFile(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00])));
    expect(xlsx.code).toBe(2);
    expect(xlsx.err).toContain('is an Excel workbook (XLSX), not a CSV: save it as "CSV UTF-8"');
    const xls = await send(csvFile(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])));
    expect(xls.err).toContain('is an Excel 97-2003 workbook (XLS)');
    const html = await send(csvFile('<!DOCTYPE html><html><table><tr><td>phone</td></tr></table></html>'));
    expect(html.err).toContain('is an HTML or XML page, not a CSV');
    expect(mock.requests()).toBe(0);
  });

  it("a country column is each row's country; an empty cell falls back to --default-country", async () => {
    const csv = csvFile(
      'phone,name,country\n0470123456,Anke,BE\n0791234567,Beat,ch\n0612345678,Noor,NL\n0612345678,Amine,MA\n' +
        '0601020391,Claire,\n',
    );
    const r = await send(csv);
    expect(r.code).toBe(0);
    expect(sentTo()).toEqual(['+212612345678', '+31612345678', '+32470123456', '+33601020391', '+41791234567']);
    expect(mock.sentCount('biz', '+33470123456') + mock.sentCount('biz', '+33791234567')).toBe(0);
  });

  it('a country cell that is not an ISO alpha-2 code fails its row; nothing is sent for it', async () => {
    const csv = csvFile('phone,country\n0470123456,Belgium\n0601020392,FR\n');
    const r = await send(csv);
    expect(r.code).toBe(3);
    const failed = rowsOf(`${csv}.report.jsonl`).find((l) => l.status === 'failed');
    expect(failed?.error.message).toContain('the country cell "Belgium" is not an ISO 3166 alpha-2 country code');
    expect(sentTo()).toEqual(['+33601020392']);
  });

  it('Phone and Mobile columns: the mobile is texted, the landline never; a landline alone is refused', async () => {
    const csv = csvFile('Full Name,Phone,Mobile\nAda,0140000001,0601020393\nBob,0601020394,\nCy,0140000002,\n');
    const r = await send(csv);
    expect(r.code).toBe(3);
    expect(sentTo()).toEqual(['+33601020393', '+33601020394']);
    expect(namesSent()).toEqual(['Ada', 'Bob']);
    const failed = rowsOf(`${csv}.report.jsonl`).filter((l) => l.status === 'failed');
    expect(failed.map((l) => l.line)).toEqual([4]);
    expect(failed[0].error.message).toContain('+33140000002 is a landline');
  });

  it('headers are matched without case or accents; --phone-column names one explicitly', async () => {
    expect((await send(csvFile('Téléphone;Nom\n0601020395;Zoé\n'))).code).toBe(0);
    expect(
      (await send(csvFile('Work,Numéro client\n0140000003,0601020396\n'), '--phone-column', 'numero client')).code,
    ).toBe(0);
    expect(sentTo()).toEqual(['+33601020395', '+33601020396']);
    expect(namesSent()).toEqual(['Zoé', undefined]);
  });

  it('a resume reads the column the run was told to read; another --phone-column is refused', async () => {
    const csv = csvFile('Work,Client\n0601020381,0601020397\n');
    const report = join(dir, `phone-column-${n}.jsonl`);
    expect((await send(csv, '--phone-column', 'client', '--report', report)).code).toBe(0);
    // Rows appended to the export: the resume takes the column from the report, not the default (none here).
    writeFileSync(csv, 'Work,Client\n0601020381,0601020397\n0601020382,0601020398\n');
    const other = await cli.run(['--resume', report, '--phone-column', 'work']);
    expect(other.code).toBe(2);
    expect(other.err).toContain('--phone-column');
    expect((await cli.run(['--resume', report])).code).toBe(0);
    expect(sentTo()).toEqual(['+33601020397', '+33601020398']);
  });

  it('a US number typed FIXED_LINE_OR_MOBILE is sent', async () => {
    expect((await send(csvFile('phone\n+1 212 736 1234\n'))).code).toBe(0);
    expect(sentTo()).toEqual(['+12127361234']);
  });
});
