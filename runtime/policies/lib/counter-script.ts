// The atomic fixed-window counter every gateway sharing one Redis runs (Gravitee's Redis rate-limit
// repository does the same with its own script): add the weight to the window's key and, when the
// key has no expiry yet (a new window), give it the window's length. Returns the count and the
// milliseconds left in the window, so every replica reports the same reset time.
// https://redis.io/docs/latest/develop/interact/programmability/eval-intro/
export const COUNTER_SCRIPT = `local count = redis.call('INCRBY', KEYS[1], ARGV[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  ttl = tonumber(ARGV[2])
end
return {count, ttl}`;
