// Request and response headers across the proxy, as the real Gravitee gateway sends them (checked
// by test/differential/): hop-by-hop headers (RFC 9110 §7.6.1, including the names a Connection
// header lists) never cross it; `Accept-Encoding` follows the endpoint's `useCompression`; the
// gateway's request and transaction ids go upstream; nothing else is added. X-Forwarded-For/Proto/
// Host (de-facto standard) and Via (RFC 9110 §7.6.3), which Gravitee never adds, are appended only
// when SLUICE_FORWARDED_HEADERS=true. Built as a flat [name, value, …] list straight from
// rawHeaders: repeated headers keep their order and count, and no intermediate object is allocated
// on the hot path.
import type { Exchange, GatewayRequest } from "../../contract.ts";

/** Never forwarded in either direction (plus `host`, which is set explicitly). */
export const HOP_BY_HOP: ReadonlySet<string> = new Set([
  "connection",
  "keep-alive",
  "proxy-authenticate",
  "proxy-authorization",
  "proxy-connection",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
  "http2-settings",
]);

/** Request headers the gateway replaces with its own value (or, for `expect`, answers itself). */
const REPLACED = new Set(["host", "expect", "x-gravitee-request-id", "x-gravitee-transaction-id"]);

/** What Gravitee's endpoint client advertises when `useCompression` is on (its default). */
export const GATEWAY_ACCEPT_ENCODING = "deflate, gzip";

/**
 * `Accept-Encoding` upstream (Gravitee's HttpClientOptions): `gateway` — the gateway's own
 * `deflate, gzip`, and it decompresses the response (`useCompression`, the default); `client` — the
 * client's, untouched (`useCompression: false` with `propagateClientAcceptEncoding`); `none` —
 * removed, so the backend answers uncompressed (`useCompression: false`).
 */
export type AcceptEncoding = "gateway" | "client" | "none";

export interface ForwardSettings {
  /** host[:port] of the target, the Host sent upstream unless the client's is propagated. */
  readonly targetHost: string;
  readonly propagateClientHost: boolean;
  /** `sharedConfiguration.headers`, names lower-cased: added or overwritten. */
  readonly extra: ReadonlyArray<readonly [string, string]>;
  /** Keep `te: trailers` (HTTP/2 backends: gRPC needs it). */
  readonly keepTeTrailers: boolean;
  readonly acceptEncoding: AcceptEncoding;
  /** Append X-Forwarded-For/Proto/Host and Via (SLUICE_FORWARDED_HEADERS=true; Gravitee adds none). */
  readonly forwarded: boolean;
}

export function acceptEncodingOf(http: {
  useCompression?: boolean;
  propagateClientAcceptEncoding?: boolean;
}): AcceptEncoding {
  if (http.useCompression !== false) return "gateway";
  return http.propagateClientAcceptEncoding === true ? "client" : "none";
}

/** The upstream request's headers as a flat list; `host` is always the first pair. */
export function forwardHeaders(exchange: Exchange, settings: ForwardSettings): string[] {
  const req = exchange.request;
  const raw = req.rawHeaders;
  const overrides = exchange.upstreamHeaders;
  const overridden = hasKeys(overrides) || settings.extra.length > 0;
  const listed = connectionTokens(req);
  const clientHost = authority(req);
  const out: string[] = [
    "host",
    settings.propagateClientHost && clientHost ? clientHost : settings.targetHost,
  ];
  const forwarded = settings.forwarded;
  let forwardedFor: string | undefined;
  let via: string | undefined;
  let proto = false;
  let fwdHost = false;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!;
    if (name.charCodeAt(0) === 58 /* ':' pseudo-header */) continue;
    const lower = name.toLowerCase();
    const value = raw[i + 1]!;
    if (HOP_BY_HOP.has(lower)) {
      if (lower === "te" && settings.keepTeTrailers && value.trim() === "trailers")
        out.push("te", "trailers");
      continue;
    }
    if (REPLACED.has(lower)) continue;
    if (listed?.has(lower)) continue;
    if (lower === "accept-encoding" && settings.acceptEncoding !== "client") continue;
    if (overridden && (Object.hasOwn(overrides, lower) || settings.extra.some(([n]) => n === lower)))
      continue;
    if (forwarded) {
      if (lower === "x-forwarded-for") {
        forwardedFor = forwardedFor ? `${forwardedFor}, ${value}` : value;
        continue;
      }
      if (lower === "via") {
        via = via ? `${via}, ${value}` : value;
        continue;
      }
      if (lower === "x-forwarded-proto") proto = true;
      else if (lower === "x-forwarded-host") fwdHost = true;
    }
    out.push(name, value);
  }
  if (settings.acceptEncoding === "gateway" && !Object.hasOwn(overrides, "accept-encoding"))
    out.push("accept-encoding", GATEWAY_ACCEPT_ENCODING);
  if (forwarded) {
    const remote = req.socket.remoteAddress ?? "";
    out.push("x-forwarded-for", forwardedFor ? `${forwardedFor}, ${remote}` : remote);
    if (!proto) out.push("x-forwarded-proto", isEncrypted(req) ? "https" : "http");
    if (!fwdHost && clientHost) out.push("x-forwarded-host", clientHost);
    const hop = `${req.httpVersionMajor === 2 ? "2" : (req.httpVersion ?? "1.1")} sluice`;
    out.push("via", via ? `${via}, ${hop}` : hop);
  }
  out.push("x-gravitee-request-id", exchange.requestId, "x-gravitee-transaction-id", exchange.transactionId);
  for (const [name, value] of settings.extra) out.push(name, value);
  if (overridden) {
    for (const name in overrides) {
      const value = overrides[name];
      if (value === null || value === undefined) continue;
      if (name === "host") out[1] = value;
      else out.push(name, value);
    }
  }
  return out;
}

/**
 * Removes hop-by-hop headers from a backend's response headers, in place: the same list as on the
 * way up (HOP_BY_HOP), and the names the backend's Connection header lists.
 */
export function stripResponseHeaders(
  headers: Record<string, string | string[] | undefined>,
): Record<string, string | string[]> {
  const connection = headers.connection;
  if (connection !== undefined) {
    for (const token of String(connection).split(",")) delete headers[token.trim().toLowerCase()];
  }
  for (const name of HOP_BY_HOP) if (headers[name] !== undefined) delete headers[name];
  return headers as Record<string, string | string[]>;
}

/** A flat list as an object for node:http2 / node:http (repeated names become arrays). */
export function toObject(flat: readonly string[]): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (let i = 0; i < flat.length; i += 2) {
    const name = flat[i]!.toLowerCase();
    const value = flat[i + 1]!;
    const prev = out[name];
    out[name] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return out;
}

export function authority(req: GatewayRequest): string {
  return (req.headers.host ?? req.headers[":authority"] ?? "") as string;
}

function isEncrypted(req: GatewayRequest): boolean {
  return "encrypted" in req.socket && req.socket.encrypted === true;
}

/** Extra hop-by-hop names listed in the client's Connection header (rare: computed only then). */
function connectionTokens(req: GatewayRequest): Set<string> | undefined {
  const connection = req.headers.connection;
  if (connection === undefined) return undefined;
  const names = String(connection)
    .split(",")
    .map((t) => t.trim().toLowerCase())
    .filter((t) => t !== "" && t !== "close" && t !== "keep-alive" && t !== "upgrade");
  return names.length > 0 ? new Set(names) : undefined;
}

function hasKeys(record: Record<string, unknown>): boolean {
  for (const _ in record) return true;
  return false;
}
