// A Redis Cluster of a test's own: 3 masters on free loopback ports, each with a third of the 16384 slots, joined
// with CLUSTER MEET; stopped by PID whatever happens to the test.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { ownRedis, type OwnRedis } from './redis-server.js';

export interface OwnCluster {
  nodes: { host: string; port: number }[];
  stop(): Promise<void>;
}

const SLOTS = 16384;

export async function ownCluster(masters = 3): Promise<OwnCluster> {
  // Each node writes its cluster state to a file of its own: a temp folder, removed on stop.
  const dir = mkdtempSync(join(tmpdir(), 'redis-cluster-'));
  const servers: OwnRedis[] = [];
  const stop = async () => {
    await Promise.all(servers.map((s) => s.stop()));
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    for (let i = 0; i < masters; i++) {
      const file = join(dir, `nodes-${i}.conf`);
      servers.push(await ownRedis(['--cluster-enabled', 'yes', '--cluster-config-file', file, '--dir', dir]));
    }
    const admins = servers.map((s) => new Redis(s.port, '127.0.0.1', { lazyConnect: false }));
    try {
      await Promise.all(
        admins.map((a, i) =>
          a.call(
            'CLUSTER',
            'ADDSLOTSRANGE',
            Math.floor((i * SLOTS) / masters),
            Math.floor(((i + 1) * SLOTS) / masters) - 1,
          ),
        ),
      );
      for (const s of servers.slice(1)) await admins[0].call('CLUSTER', 'MEET', '127.0.0.1', s.port);
      await until(async () => {
        const infos = await Promise.all(admins.map((a) => a.call('CLUSTER', 'INFO') as Promise<string>));
        return infos.every((i) => /cluster_state:ok/.test(i) && new RegExp(`cluster_known_nodes:${masters}`).test(i));
      });
    } finally {
      for (const a of admins) a.disconnect();
    }
  } catch (e) {
    await stop();
    throw e;
  }
  return { nodes: servers.map((s) => ({ host: '127.0.0.1', port: s.port })), stop };
}

async function until(ok: () => Promise<boolean>, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error(`cluster not ready within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
