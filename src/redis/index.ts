// `import { redisGuardStore } from 'partoo-argyle-sdk/redis'`: the guard's shared store and the fleet's rate limit
// on Redis, over the client users already have. Imports no Redis client.
export { redisGuardStore, type RedisGuardStore, type RedisGuardStoreOptions } from './store.js';
export {
  fromNodeRedis,
  fromUpstash,
  type AnyRedisClient,
  type NodeRedisLike,
  type RedisLike,
  type RedisStoreClient,
  type UpstashLike,
} from './client.js';
export type { StoreCheck } from './check.js';
export { redisRateLimiter, type RedisRateLimiterOptions } from './rate-limit.js';
export type { RateLimiter } from '../core/rate-limit.js';
export type { GuardStore } from '../partoo/guard/lock-loop.js';
export type { LedgerEntry } from '../partoo/guard/ledger.js';
