// `send --verbose` and PARTOO_ARGYLE_SDK_LOG: why each row was sent or skipped, on stderr, with masked numbers;
// stdout keeps its summary, and without either the guard's decisions are not printed.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sendSetup, type RecordingMock, type SendCli } from '../support/cli.js';
import { cleanUp } from '../support/process.js';

let mock: RecordingMock;
let cli: SendCli;
let dir: string;

beforeAll(async () => void ({ mock, cli, dir } = await sendSetup('pas-verbose')));
afterAll(cleanUp);
afterEach(() => expect(cli.leaks(dir)).toEqual([]));

describe('send: what the SDK decided, on stderr', () => {
  const csv = () => {
    const file = join(dir, `rows-${Math.random().toString(36).slice(2)}.csv`);
    writeFileSync(file, 'phone,name\n+33601029901,Ada\n+33601029901,Ada again\n');
    return file;
  };
  const args = (file: string) => [
    '--csv',
    file,
    '--business',
    'biz',
    '--base-url',
    mock.url,
    '--report',
    `${file}.jsonl`,
  ];

  it('--verbose: one line per decision with its reason, numbers masked', async () => {
    mock.reset();
    const r = await cli.run([...args(csv()), '--verbose']);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/partoo-argyle-sdk: sendInvitation sent \(posted\)/);
    expect(r.err).not.toContain('+33601029901');
    expect(r.out).toContain('1 sent');
  });

  it('PARTOO_ARGYLE_SDK_LOG=debug adds each HTTP attempt; without it nothing of the kind is printed', async () => {
    mock.reset();
    const debug = await cli.run(args(csv()), { PARTOO_ARGYLE_SDK_LOG: 'debug' });
    expect(debug.err).toMatch(/GET \S*\/review_booster\/search-invitation: 200 in \d+ ms/);
    mock.reset();
    const quiet = await cli.run(args(csv()));
    expect(quiet.code).toBe(0);
    expect(quiet.err).not.toMatch(/sendInvitation|search-invitation/);
  });
});
