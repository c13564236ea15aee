// `npm run smoke:pack`: the packed tarball, installed into a fresh project, works from ESM, from CommonJS, as a
// command, and as a partner's stateful mock (`partoo-argyle-sdk/testing`). Run after `npm run build`.
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startMockServers } from '../src/testing/index.js';

const root = resolve(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'pas-pack-'));
const mock = await startMockServers({ stateful: true });
try {
  const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', work], { cwd: root, encoding: 'utf8' })
    .trim()
    .split('\n')
    .pop()!;
  writeFileSync(join(work, 'package.json'), JSON.stringify({ name: 'smoke', private: true }));
  // With the optional peer a partner installs for the stateful mock, at the version the package asks for: its
  // dependencies resolve as a partner's would, without this repository's lockfile or overrides.
  const { peerDependencies } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const prismHttp = `@stoplight/prism-http@${peerDependencies['@stoplight/prism-http']}`;
  // msw at the version this repository tests, for the ./msw entry (another optional peer).
  const msw = `msw@${JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).devDependencies.msw}`;
  const flags = ['--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'];
  execFileSync('npm', ['install', ...flags, join(work, tarball), prismHttp, msw], { cwd: work, stdio: 'inherit' });
  const call = (load: string) => `
    ${load}
    const client = createPartooClient({ apiKey: process.env.KEY, baseUrl: process.env.URL });
    client.reviewBooster.sendInvitation({ businessId: 'smoke', targetPhone: process.env.PHONE }).then((r) => {
      if (r.status !== 'sent' || typeof isSdkError !== 'function') throw new Error('unexpected ' + JSON.stringify(r));
      console.log(process.env.KIND + ': ' + r.status + ' ' + r.targetPhone);
    });`;
  writeFileSync(join(work, 'esm.mjs'), call(`import { createPartooClient, isSdkError } from 'partoo-argyle-sdk';`));
  writeFileSync(
    join(work, 'cjs.cjs'),
    call(`const { createPartooClient, isSdkError } = require('partoo-argyle-sdk');`),
  );
  for (const [kind, file, phone] of [
    ['ESM', 'esm.mjs', '+33601020301'],
    ['CJS', 'cjs.cjs', '+33601020302'],
  ]) {
    // Asynchronous: the mock answers from this process's event loop.
    const { stdout } = await promisify(execFile)(process.execPath, [file], {
      cwd: work,
      env: { ...process.env, KEY: mock.partooApiKey, URL: mock.partooUrl, PHONE: phone, KIND: kind },
    });
    process.stdout.write(stdout);
    if (mock.sentCount('smoke', phone) !== 1) throw new Error(`${kind}: the mock did not record the send`);
  }
  // The installed command runs the built CLI (the package ships no src/): one row sent from a CSV.
  writeFileSync(join(work, 'rows.csv'), 'phone,name\n+33601020303,Ada\n');
  const { stdout } = await promisify(execFile)(
    join(work, 'node_modules/.bin/partoo-argyle-sdk'),
    ['send', '--csv', 'rows.csv', '--business', 'smoke', '--base-url', mock.partooUrl],
    {
      cwd: work,
      env: { ...process.env, PARTOO_API_KEY: mock.partooApiKey },
    },
  );
  if (!stdout.includes('1 sent, 0 skipped, 0 failed') || mock.sentCount('smoke', '+33601020303') !== 1)
    throw new Error(`CLI: unexpected output ${stdout}`);
  console.log('CLI: 1 sent from a CSV');
  // A partner's integration test: the stateful mock started from the installed package (specs and overlays
  // shipped inside it), a send, then a skip on the repeat.
  writeFileSync(
    join(work, 'partner.mjs'),
    `import { createPartooClient } from 'partoo-argyle-sdk';
    import { startMockServers } from 'partoo-argyle-sdk/testing';
    const mock = await startMockServers({ stateful: true });
    try {
      const partoo = createPartooClient({ apiKey: mock.partooApiKey, baseUrl: mock.partooUrl, now: () => mock.now() });
      const input = { businessId: 'partner', targetPhone: '+33601020304', inviteContent: 'Thanks! @link' };
      const first = await partoo.reviewBooster.sendInvitation(input);
      const results = [first, await partoo.reviewBooster.sendInvitation(input)].map((r) => r.status);
      const sent = mock.sentCount('partner', '+33601020304');
      if (results.join() !== 'sent,skipped' || sent !== 1) throw new Error('unexpected ' + results);
      console.log('partner: stateful mock from the installed package: ' + results.join(', then '));
    } finally {
      await mock.close();
    }`,
  );
  process.stdout.write((await promisify(execFile)(process.execPath, ['partner.mjs'], { cwd: work })).stdout);
  // The ./msw entry, from ESM and from CommonJS: MSW handlers on production's URLs, a send then a skip on the
  // repeat, and a wrong key's 401, with nothing let through to the network.
  const mswPartner = (load: string) => `${load}
    const mock = createMockHandlers();
    const server = setupServer(...mock.handlers);
    server.listen({ onUnhandledRequest: 'error' });
    const partoo = mock.partooClient();
    const input = { businessId: 'msw', targetPhone: '+33601020305', inviteContent: 'Thanks! @link' };
    (async () => {
      const results = [];
      for (let i = 0; i < 2; i++) results.push((await partoo.reviewBooster.sendInvitation(input)).status);
      const template = 'https://api.partoo.co/v2/review_booster/template';
      const denied = await fetch(template, { headers: { 'x-APIKey': 'wrong' } });
      const seen = results.join(', then ') + ', a wrong key ' + denied.status;
      const sent = mock.sentCount('msw', '+33601020305');
      if (seen !== 'sent, then skipped, a wrong key 401' || sent !== 1) throw new Error(seen + ', ' + sent + ' sent');
      console.log(process.argv[2] + ': MSW handlers from the installed package: ' + seen);
      server.close();
    })();`;
  const esm = `import { setupServer } from 'msw/node';
    import { createMockHandlers } from 'partoo-argyle-sdk/msw';`;
  const cjs = `const { setupServer } = require('msw/node');
    const { createMockHandlers } = require('partoo-argyle-sdk/msw');`;
  writeFileSync(join(work, 'msw.mjs'), mswPartner(esm));
  writeFileSync(join(work, 'msw.cjs'), mswPartner(cjs));
  for (const [file, kind] of [
    ['msw.mjs', 'msw ESM'],
    ['msw.cjs', 'msw CJS'],
  ])
    process.stdout.write((await promisify(execFile)(process.execPath, [file, kind], { cwd: work })).stdout);
  console.log('pack smoke: the tarball works from ESM, CommonJS, its command, its testing and msw entries');
} finally {
  await mock.close();
  rmSync(work, { recursive: true, force: true });
}
