// The first call of a fresh process, as a cron job or a serverless function meets it: import the built package
// (dist, as installed), make a client, and send one invitation or read one status against the stateful mock on
// loopback. Timed inside the child from just before its import, so Node's own start (the same for every side) is
// left out. Each baseline does the same work by hand with bare openapi-fetch in a fresh process (for a send:
// libphonenumber-js's parse, the search, then the POST); the sides take turns over the repetitions.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startMockServers } from '../src/testing/index.js';
import type { Row } from './row.js';

const ROOT = join(import.meta.dirname, '..');
let phoneSeq = 0;
// A number nobody was sent to in this run: a repeat would be skipped after one request, which is other work.
const nextPhone = () => `+3361${String(2_000_000 + phoneSeq++).padStart(7, '0')}`;

const sdkSend = (dist: string) => `
const { createPartooClient } = await import(${JSON.stringify(dist)});
const client = createPartooClient({ apiKey: env.KEY, baseUrl: env.URL, rateLimit: false });
const r = await client.reviewBooster.sendInvitation({ businessId: 'bench-biz', targetPhone: env.PHONE });
if (r.status !== 'sent') throw new Error('not sent: ' + r.status);`;

const sdkStatus = (dist: string) => `
const { createPartooClient } = await import(${JSON.stringify(dist)});
const client = createPartooClient({ apiKey: env.KEY, baseUrl: env.URL, rateLimit: false });
await client.reviewBooster.getInvitationStatus(env.INVITATION);`;

const BARE_SEND = `
const [{ default: createClient }, { parsePhoneNumberWithError }] = await Promise.all([
  import('openapi-fetch'), import('libphonenumber-js/max'),
]);
const phone = parsePhoneNumberWithError(env.PHONE).number;
const api = createClient({ baseUrl: env.URL, headers: { 'x-APIKey': env.KEY } });
const query = { business_id: 'bench-biz', target_phone: phone };
const found = await api.GET('/review_booster/search-invitation', { params: { query } });
if (found.error || found.data.review_invitations.length) throw new Error('search failed or found one');
const body = { business_id: 'bench-biz', target_phone: phone };
const sent = await api.POST('/review_booster/send_invitation', { body });
if (sent.error) throw new Error('POST failed');`;

const BARE_STATUS = `
const { default: createClient } = await import('openapi-fetch');
const api = createClient({ baseUrl: env.URL, headers: { 'x-APIKey': env.KEY } });
const r = await api.GET('/review_booster/invitation_status', { params: { query: { invitation_id: env.INVITATION } } });
if (r.error) throw new Error('GET failed');`;

/** Runs `body` in a fresh Node process; returns the ms from before its first import to the end of its call. */
function timeChild(body: string, env: Record<string, string>): Promise<number> {
  const code = `const env = process.env; const t0 = performance.now();${body}
process.stdout.write(JSON.stringify({ ms: performance.now() - t0 }));`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', code], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.once('error', reject);
    child.once('close', (code) => {
      if (code === 0) resolve((JSON.parse(out) as { ms: number }).ms);
      else reject(new Error(`first-call child exited ${code}: ${out.slice(-400)}`));
    });
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * `compareDist`: another build of the package (e.g. the previous commit's, built to a folder inside the checkout)
 * whose first calls run as a third side, for a before/after figure.
 */
export async function firstCall(record: (r: Row) => void, smoke: boolean, compareDist?: string) {
  if (!existsSync(join(ROOT, 'dist/index.js'))) {
    record({ section: 'first call', metric: 'not measured: run `npm run build` first', value: 0, unit: '' });
    return;
  }
  const mock = await startMockServers({ stateful: true });
  try {
    const env = { KEY: mock.partooApiKey, URL: mock.partooUrl };
    const seeded = await mock.partooClient().reviewBooster.sendInvitation({
      businessId: 'bench-biz',
      targetPhone: nextPhone(),
    });
    const invitation = seeded.status === 'sent' ? seeded.invitationId : '';
    const dist = join(ROOT, 'dist/index.js');
    const sides = {
      send: { sdk: sdkSend(dist), bare: BARE_SEND, before: compareDist && sdkSend(join(ROOT, compareDist)) },
      status: { sdk: sdkStatus(dist), bare: BARE_STATUS, before: compareDist && sdkStatus(join(ROOT, compareDist)) },
    };
    const reps = smoke ? 3 : 9;
    for (const [what, side] of Object.entries(sides)) {
      const ms: Record<string, number[]> = { sdk: [], bare: [], before: [] };
      for (let rep = 0; rep < reps; rep++) {
        const order = (['sdk', 'bare', 'before'] as const).filter((s) => side[s]);
        // Rotated each repetition, so no side always runs first (the disk cache warms for whoever follows).
        for (let i = 0; i < order.length; i++) {
          const name = order[(i + rep) % order.length];
          ms[name].push(await timeChild(side[name] as string, { ...env, PHONE: nextPhone(), INVITATION: invitation }));
        }
      }
      const label = what === 'send' ? 'first guarded send' : 'first getInvitationStatus';
      record({
        section: 'first call',
        metric: `${label}, fresh process (median of ${reps})`,
        value: median(ms.sdk),
        unit: 'ms',
      });
      const ratios = ms.sdk.map((v, i) => v / ms.bare[i]);
      const range = `range ${Math.min(...ratios).toFixed(2)}-${Math.max(...ratios).toFixed(2)}`;
      record({
        section: 'first call',
        metric: `${label} / the same by hand with bare openapi-fetch, fresh processes (median; ${range})`,
        value: median(ratios),
        unit: 'x',
      });
      if (compareDist) {
        const vsBefore = ms.sdk.map((v, i) => v / ms.before[i]);
        const spread = `${Math.min(...vsBefore).toFixed(2)}-${Math.max(...vsBefore).toFixed(2)}`;
        record({
          section: 'first call',
          metric: `${label}: this build / ${compareDist} (median; range ${spread})`,
          value: median(vsBefore),
          unit: 'x',
        });
      }
    }
  } finally {
    await mock.close();
  }
}
