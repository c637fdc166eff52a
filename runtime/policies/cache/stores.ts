// The cache resources the `cache` policy stores in: `cache` (in memory, Gravitee's default
// resource, bounded by `maxEntriesLocalHeap`, lru-cache) and `cache-redis` (node-redis, one client
// per resource of an API). One store per API and resource name, shared by the API's cache steps.
import { LRUCache } from "lru-cache";
import { createClient } from "redis";
import type { ApiInfo, ConnectorContext, ResourceInfo } from "../../contract.ts";

export interface CacheStore {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, ttlSeconds: number): Promise<void>;
  close(): Promise<void>;
}

const stores = new WeakMap<ApiInfo, Map<string, CacheStore>>();

/** The store of the API's resource `name`, or why there is none. */
export function cacheStore(ctx: ConnectorContext, name: string): CacheStore | string {
  const resource = ctx.resource?.(name);
  if (!resource) return `the API has no enabled resource named \`${name}\``;
  let byName = stores.get(ctx.api);
  if (!byName) {
    byName = new Map();
    stores.set(ctx.api, byName);
  }
  const existing = byName.get(name);
  if (existing) return existing;
  const store =
    resource.type === "cache"
      ? memoryStore(resource)
      : resource.type === "cache-redis"
        ? redisStore(resource, ctx)
        : `resource \`${name}\` is a \`${resource.type}\`, not a cache (\`cache\` or \`cache-redis\`)`;
  if (typeof store !== "string") byName.set(name, store);
  return store;
}

const num = (v: unknown, fallback: number): number =>
  typeof v === "number" && Number.isFinite(v) ? v : fallback;

function memoryStore(resource: ResourceInfo): CacheStore {
  const c = resource.configuration;
  const idle = num(c.timeToIdleSeconds, 0);
  const cache = new LRUCache<string, string>({
    max: Math.max(1, num(c.maxEntriesLocalHeap, 1000)),
    // Time to idle: an entry read is kept that much longer (never past its own time to live).
    ...(idle > 0 ? { ttl: idle * 1000, updateAgeOnGet: true } : {}),
  });
  return {
    get: async (key) => cache.get(key),
    set: async (key, value, ttlSeconds) => {
      cache.set(key, value, ttlSeconds > 0 ? { ttl: ttlSeconds * 1000 } : {});
    },
    close: async () => cache.clear(),
  };
}

function redisStore(resource: ResourceInfo, ctx: ConnectorContext): CacheStore {
  const c = resource.configuration;
  const standalone = (c.standalone ?? {}) as { host?: string; port?: number };
  const timeout = num(c.timeout, 2000);
  const client = createClient({
    socket: {
      host: standalone.host ?? "localhost",
      port: standalone.port ?? 6379,
      connectTimeout: timeout,
      ...(c.useSsl === true ? { tls: true as const } : {}),
      reconnectStrategy: (retries: number) => Math.min(50 * 2 ** Math.min(retries, 5), 1000),
    },
    ...(typeof c.password === "string" && c.password !== "" ? { password: c.password } : {}),
    disableOfflineQueue: true,
  });
  let warned = false;
  client.on("error", (error: Error) => {
    if (!warned)
      ctx.log.warn("cache-redis unreachable: responses are not cached", {
        resource: resource.name,
        error: error.message,
      });
    warned = true;
  });
  client.on("ready", () => {
    warned = false;
  });
  const connecting = client.connect().catch(() => undefined);
  const prefix = `sluice:cache:${ctx.api.id}:${resource.name}:`;
  const bounded = async <T>(work: () => Promise<T>): Promise<T> => {
    await Promise.race([connecting, new Promise((r) => setTimeout(r, timeout).unref())]);
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        work(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`Redis did not answer in ${timeout} ms`)), timeout);
        }),
      ]);
    } finally {
      clearTimeout(timer);
    }
  };
  const resourceTtl = num(c.timeToLiveSeconds, 0);
  return {
    get: (key) => bounded(async () => (await client.get(prefix + key)) ?? undefined),
    set: (key, value, ttlSeconds) =>
      bounded(async () => {
        const ttl = ttlSeconds > 0 ? ttlSeconds : resourceTtl;
        await client.set(prefix + key, value, ttl > 0 ? { expiration: { type: "EX", value: ttl } } : {});
      }),
    close: async () => {
      client.destroy();
    },
  };
}
