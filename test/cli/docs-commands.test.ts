// docs/bulk-sending.md's commands, run as written (npx partoo-argyle-sdk is this checkout's command) in a folder
// holding an invitations.csv, against a mock that counts the SMS: the dry run sends nothing, the run sends each
// number once, and the resume sends none again.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docBlocks } from '../support/doc-blocks.js';
import { sendSetup, type RecordingMock, type SendCli } from '../support/cli.js';
import { cleanUp } from '../support/process.js';

let mock: RecordingMock;
let cli: SendCli;
let dir: string;

beforeAll(async () => void ({ mock, cli, dir } = await sendSetup('pas-docs-send')));
afterAll(cleanUp);

/** Each command of the page's sh blocks: continuation lines joined, comments dropped, split into words. */
function commands(): string[][] {
  const sh = docBlocks('docs/bulk-sending.md').filter((b) => b.lang === 'sh' && b.tag !== 'install');
  const lines = sh.flatMap((b) => b.code.replace(/\\\n\s*/g, ' ').split('\n'));
  return lines
    .map((l) => l.replace(/\s+#.*$/, '').trim())
    .filter(Boolean)
    .map((l) => [...l.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? ''));
}

describe('docs/bulk-sending.md', () => {
  it('its commands run as written: a dry run, a run, a resume; one SMS a number', async () => {
    const all = commands();
    expect(all.length).toBeGreaterThanOrEqual(3);
    writeFileSync(join(dir, 'invitations.csv'), 'phone,name\n0601020304,Ada\n06 01 02 03 05,Bob\n0601020304,Ada\n');
    const exits = [];
    for (const words of all) {
      expect(words.slice(0, 2)).toEqual(['npx', 'partoo-argyle-sdk']);
      exits.push(await cli.run(words.slice(3), { PARTOO_BASE_URL: mock.url }, dir));
      expect(words[2]).toBe('send');
    }
    expect(exits.map((e) => e.code)).toEqual(exits.map(() => 0));
    expect(readFileSync(join(dir, 'invitations.csv.dry-run.jsonl'), 'utf8')).toContain('"would_send"');
    expect(mock.sentCount('5409c35a97bbc544d8e26737', '+33601020304')).toBe(1);
    expect(mock.sentCount('5409c35a97bbc544d8e26737', '+33601020305')).toBe(1);
    expect(mock.posts).toHaveLength(2);
    expect(cli.leaks(dir)).toEqual([]);
  });
});
