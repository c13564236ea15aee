// One workerd process serving the bundled Worker on a free loopback port, asked once to run the smoke.
import { writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { freePort, start } from '../support/process.js';

// Pinned, and no later than the binary's own date (workerd refuses a compatibility date it does not know yet).
const COMPATIBILITY_DATE = '2026-01-01';

export async function runInWorkerd(bin: string, workerFile: string, nodejsCompat: boolean, config: object) {
  const port = await freePort();
  const capnp = join(dirname(workerFile), `workerd-${nodejsCompat ? 'compat' : 'plain'}.capnp`);
  // workerd's default outbound refuses loopback; this network service lets the Worker reach the mock on 127.0.0.1.
  writeFileSync(
    capnp,
    `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [ (name = "main", worker = .worker), (name = "loopback", network = (allow = ["local"])) ],
  sockets = [ (name = "http", address = "127.0.0.1:${port}", http = (), service = "main") ],
);
const worker :Workerd.Worker = (
  modules = [ (name = "worker.js", esModule = embed "${basename(workerFile)}") ],
  compatibilityDate = "${COMPATIBILITY_DATE}",
  compatibilityFlags = [${nodejsCompat ? '"nodejs_compat"' : ''}],
  globalOutbound = "loopback",
);
`,
  );
  const workerd = start(bin, ['serve', capnp]);
  try {
    await workerd.waitForPort(port, 15_000);
    const request = { method: 'POST', body: JSON.stringify(config), signal: AbortSignal.timeout(30_000) };
    const answer = await fetch(`http://127.0.0.1:${port}/`, request);
    return { result: await answer.json(), stderr: workerd.err() };
  } finally {
    await workerd.stop();
  }
}
