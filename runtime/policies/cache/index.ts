// `cache`: answers a request from the API's cache resource when it holds the response, and else
// calls the endpoint and stores its response (2xx only) — Gravitee's cache policy, as an invoker
// around the endpoint, so the response phase runs on a cached response as on a fresh one. Clients
// may skip the cache with `X-Gravitee-Cache: BY_PASS` (or `?cache=BY_PASS`), or refresh the entry
// with `REFRESH`. A cache that fails (Redis unreachable) is skipped: the endpoint answers.
// https://documentation.gravitee.io/apim/policies/cache
import { Readable } from "node:stream";
import type { Exchange, UpstreamResponse } from "../../contract.ts";
import { definePolicy } from "../../define.ts";
import type { CachePolicyConfiguration } from "../../spec-types/api-v4-definition.ts";
import { render, type Templated } from "../lib/el.ts";
import { type CacheStore, cacheStore } from "./stores.ts";

export type CacheConfig = Omit<CachePolicyConfiguration, "key"> & { key?: Templated };

interface Entry {
  status: number;
  headers: Record<string, string | string[]>;
  body: string;
}

/** Hop-by-hop and per-response headers a stored response does not replay. */
const NOT_STORED = new Set(["connection", "keep-alive", "transfer-encoding", "date", "set-cookie"]);

export const connector = definePolicy<CacheConfig>({
  id: "cache",
  create(config, ctx) {
    const found = cacheStore(ctx, config.cacheName);
    if (typeof found === "string") throw new Error(`cache policy: ${found}`);
    const store: CacheStore = found;
    const methods = new Set(config.methods ?? ["GET", "OPTIONS", "HEAD"]);
    const keyOf = (exchange: Exchange): string => {
      const el = exchange.el();
      const application =
        config.scope === "API"
          ? ""
          : String(el.context.attributes.application ?? exchange.clientIdentifier ?? "");
      const custom = config.key === undefined ? "" : render(config.key, el);
      const target = custom !== "" ? custom : (exchange.request.url ?? "");
      return `${application}|${exchange.request.method ?? ""}|${target}`;
    };
    const action = (exchange: Exchange): string | undefined => {
      const header = exchange.request.headers["x-gravitee-cache"];
      if (typeof header === "string") return header.toUpperCase();
      const query = new URL(exchange.request.url ?? "/", "http://x").searchParams.get("cache");
      return query?.toUpperCase();
    };
    return {
      async onRequest(exchange) {
        if (!methods.has((exchange.request.method ?? "GET") as never)) return;
        const act = action(exchange);
        if (act === "BY_PASS") return;
        const key = keyOf(exchange);
        if (act !== "REFRESH") {
          const hit = await store.get(key).catch(() => undefined);
          if (hit !== undefined) {
            const entry = JSON.parse(hit) as Entry;
            exchange.invoker = async () => ({
              status: entry.status,
              headers: entry.headers,
              body: Readable.from([Buffer.from(entry.body, "base64")]),
            });
            return;
          }
        }
        const previous = exchange.invoker;
        exchange.invoker = async (current, endpoint): Promise<UpstreamResponse> => {
          const upstream = await (previous ? previous(current, endpoint) : endpoint());
          if (upstream.status < 200 || upstream.status >= 300) return upstream;
          const chunks: Buffer[] = [];
          for await (const chunk of upstream.body) chunks.push(Buffer.from(chunk as Buffer));
          const body = Buffer.concat(chunks);
          const ttl =
            (config.useResponseCacheHeaders && ttlFromHeaders(upstream.headers)) ||
            config.timeToLiveSeconds ||
            600;
          const headers: Record<string, string | string[]> = {};
          for (const [name, value] of Object.entries(upstream.headers))
            if (!NOT_STORED.has(name.toLowerCase())) headers[name] = value;
          const entry: Entry = { status: upstream.status, headers, body: body.toString("base64") };
          await store.set(key, JSON.stringify(entry), ttl).catch((error: unknown) => {
            ctx.log.warn("cache: response not stored", { error: String(error) });
          });
          return { ...upstream, body: Readable.from([body]) };
        };
      },
      close: () => store.close(),
    };
  },
});

/** Seconds from `Cache-Control` (`s-maxage`, then `max-age`) or `Expires`; undefined without. */
function ttlFromHeaders(headers: Record<string, string | string[]>): number | undefined {
  const get = (name: string) => {
    const found = Object.entries(headers).find(([k]) => k.toLowerCase() === name)?.[1];
    return Array.isArray(found) ? found.join(",") : found;
  };
  const control = get("cache-control");
  if (control) {
    const directive = (name: string) => new RegExp(`(?:^|[,\\s])${name}=(\\d+)`, "i").exec(control)?.[1];
    const seconds = directive("s-maxage") ?? directive("max-age");
    if (seconds !== undefined) return Number(seconds);
  }
  const expires = get("expires");
  if (expires) {
    const at = Date.parse(expires);
    if (Number.isFinite(at)) return Math.max(0, Math.round((at - Date.now()) / 1000));
  }
  return undefined;
}
