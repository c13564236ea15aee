// The store's Lua scripts. Each names every key it touches, and all of one call's keys share a hash slot (see
// keys.ts), so a Redis Cluster runs them as a single node does. KEYS beyond the first few are the layout of
// earlier versions, passed only on a single node while workers of both versions may run side by side: a lock is
// taken and released under both names, a send recorded under both, so neither version sends what the other holds.

// Reads the ledger entry, under the earlier name too while it may be there.
export const GET = `
local v = redis.call('get', KEYS[1])
if not v and KEYS[2] then v = redis.call('get', KEYS[2]) end
return v`;

export const SET = `
redis.call('set', KEYS[1], ARGV[1], 'PX', ARGV[2])
if KEYS[2] then redis.call('set', KEYS[2], ARGV[1], 'PX', ARGV[2]) end
return 1`;

// A Redis that restarted without persistence (or was flushed) has forgotten every lock, while their owners' POSTs
// may still be in flight. The epoch key is what tells: written once and never expiring, it is missing only from
// a Redis that lost its memory. Then no lock is granted for one lock TTL (the "delayed restart" of Redis's own
// distributed-lock notes): the owners that were sending finish and record first. An epoch under the earlier name
// (KEYS[5]) shows the memory was kept: an upgrade costs no fence. A call tried again after a lost answer finds
// the lock already its own. Returns 1 locked, 0 held by another, -1 fenced.
export const ACQUIRE = `
if redis.call('exists', KEYS[2]) == 0 then
  redis.call('set', KEYS[2], ARGV[3])
  if not (KEYS[5] and redis.call('exists', KEYS[5]) == 1) then
    redis.call('set', KEYS[3], ARGV[3], 'PX', ARGV[2])
    return -1
  end
end
if redis.call('exists', KEYS[3]) == 1 then return -1 end
if KEYS[4] then
  local other = redis.call('get', KEYS[4])
  if other and other ~= ARGV[1] then return 0 end
end
local mine = redis.call('get', KEYS[1]) == ARGV[1]
if mine then
  redis.call('pexpire', KEYS[1], ARGV[2])
elseif not redis.call('set', KEYS[1], ARGV[1], 'PX', ARGV[2], 'NX') then
  return 0
end
if KEYS[4] then redis.call('set', KEYS[4], ARGV[1], 'PX', ARGV[2]) end
return 1`;

// Record and release in one round trip; the release stays owner-only.
export const RECORD_AND_RELEASE = `
redis.call('set', KEYS[1], ARGV[1], 'PX', ARGV[2])
if KEYS[3] then redis.call('set', KEYS[3], ARGV[1], 'PX', ARGV[2]) end
for i = 2, 4, 2 do
  if KEYS[i] and redis.call('get', KEYS[i]) == ARGV[3] then redis.call('del', KEYS[i]) end
end
return 1`;

// Only the owner may release: compare and delete in one step, so a lock that expired and was taken by another
// worker is never released by the first.
export const RELEASE = `
for i = 1, #KEYS do
  if redis.call('get', KEYS[i]) == ARGV[1] then redis.call('del', KEYS[i]) end
end
return 1`;

// Likewise for renewal: a worker whose lock expired and went to another must not extend the new owner's.
export const EXTEND = `
if redis.call('get', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('pexpire', KEYS[1], ARGV[2])
if KEYS[2] and redis.call('get', KEYS[2]) == ARGV[1] then redis.call('pexpire', KEYS[2], ARGV[2]) end
return 1`;
