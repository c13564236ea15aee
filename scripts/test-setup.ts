// `npm run test:setup`: what the tests that `npm test` would otherwise skip need, installed where this machine
// allows: the runtimes and compilers of test/runtimes/ from the npm registry (into a cache outside the
// repository), and redis-server through apt-get when it is missing and apt-get can run (as root).
import { spawnSync } from 'node:child_process';
import { installRuntime, RUNTIMES, type RuntimeName } from './install-runtimes.js';

function redisServer(): string {
  if (spawnSync('redis-server', ['--version']).status === 0) return 'redis-server: installed';
  if (spawnSync('apt-get', ['--version']).status !== 0)
    return 'redis-server: missing; install it with your package manager';
  const sudo = process.getuid?.() === 0 ? [] : ['sudo', '-n'];
  const apt = (args: string[]) =>
    spawnSync(sudo[0] ?? 'apt-get', [...sudo.slice(1), ...(sudo.length ? ['apt-get'] : []), ...args], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    }).status === 0;
  if (apt(['update', '-qq']) && apt(['install', '-y', '-qq', 'redis-server'])) return 'redis-server: installed now';
  return 'redis-server: apt-get install redis-server failed (it needs root, or sudo without a password)';
}

let missing = 0;
for (const name of Object.keys(RUNTIMES) as RuntimeName[]) {
  const installed = await installRuntime(name);
  if ('missing' in installed) missing++;
  console.log(`${name} (${RUNTIMES[name].pkg}): ${'bin' in installed ? 'ready' : installed.missing}`);
}
const redis = redisServer();
if (!redis.includes('installed')) missing++;
console.log(redis);
process.exit(missing ? 1 : 0);
