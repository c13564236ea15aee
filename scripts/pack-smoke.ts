// `npm run smoke:pack`: the packed tarball, installed into a fresh project, works from ESM, from CommonJS and
// as a command, against the stateful mock. Run after `npm run build`.
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startMockServers } from '../src/testing/index.js';

const root = resolve(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'pas-pack-'));
const mock = await startMockServers({ stateful: true });
try {
  const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', work], { cwd: root, encoding: 'utf8' }).trim().split('\n').pop()!;
  writeFileSync(join(work, 'package.json'), JSON.stringify({ name: 'smoke', private: true }));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', join(work, tarball)], { cwd: work, stdio: 'inherit' });
  const call = (load: string) => `
    ${load}
    const client = createPartooClient({ apiKey: process.env.KEY, baseUrl: process.env.URL });
    client.reviewBooster.sendInvitation({ businessId: 'smoke', targetPhone: process.env.PHONE }).then((r) => {
      if (r.status !== 'sent' || typeof isSdkError !== 'function') throw new Error('unexpected ' + JSON.stringify(r));
      console.log(process.env.KIND + ': ' + r.status + ' ' + r.targetPhone);
    });`;
  writeFileSync(join(work, 'esm.mjs'), call(`import { createPartooClient, isSdkError } from 'partoo-argyle-sdk';`));
  writeFileSync(join(work, 'cjs.cjs'), call(`const { createPartooClient, isSdkError } = require('partoo-argyle-sdk');`));
  for (const [kind, file, phone] of [['ESM', 'esm.mjs', '+33601020301'], ['CJS', 'cjs.cjs', '+33601020302']]) {
    // Asynchronous: the mock answers from this process's event loop.
    const { stdout } = await promisify(execFile)(process.execPath, [file], { cwd: work, env: { ...process.env, KEY: mock.partooApiKey, URL: mock.partooUrl, PHONE: phone, KIND: kind } });
    process.stdout.write(stdout);
    if (mock.sentCount('smoke', phone) !== 1) throw new Error(`${kind}: the mock did not record the send`);
  }
  // The installed command runs the built CLI (the package ships no src/): one row sent from a CSV.
  writeFileSync(join(work, 'rows.csv'), 'phone,name\n+33601020303,Ada\n');
  const { stdout } = await promisify(execFile)(join(work, 'node_modules/.bin/partoo-argyle-sdk'), ['send', '--csv', 'rows.csv', '--business', 'smoke', '--base-url', mock.partooUrl], {
    cwd: work,
    env: { ...process.env, PARTOO_API_KEY: mock.partooApiKey },
  });
  if (!stdout.includes('1 sent, 0 skipped, 0 failed') || mock.sentCount('smoke', '+33601020303') !== 1) throw new Error(`CLI: unexpected output ${stdout}`);
  console.log('CLI: 1 sent from a CSV');
  console.log('pack smoke: the tarball works from ESM, CommonJS and its command');
} finally {
  await mock.close();
  rmSync(work, { recursive: true, force: true });
}
