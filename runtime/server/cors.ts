// CORS as Gravitee's HTTP listener configures it (`listeners[].cors`, v2 `proxy.cors`), applied by
// the gateway before any entrypoint runs — one place for http-proxy and every message entrypoint.
// Gravitee's semantics (gravitee-apim-gateway, processor/cors): a preflight is an OPTIONS with
// `Origin` and `Access-Control-Request-Method`; it fails with 400 when the origin, the method or a
// requested header is not allowed, or when `allowMethods` is empty; an allowed origin is echoed
// (also for `*`). Sluice differs in one way, on purpose: a cross-origin request whose origin is
// refused is answered 403 before the entrypoint runs, because the browser discards its response —
// a long poll must not consume and acknowledge messages, a text/plain POST must not publish, for a
// page that never sees the result. See docs/message-apis.md "From the browser".
// https://fetch.spec.whatwg.org/#http-cors-protocol
import type { ApiType, GatewayRequest, GatewayResponse } from "../contract.ts";
import type { Cors } from "../spec-types/api-v4-definition.ts";

/** Exposed when the spec lists no `exposeHeaders`: the ids a front end reports with a bug. */
export const DEFAULT_EXPOSE_HEADERS = ["X-Gravitee-Request-Id", "X-Gravitee-Transaction-Id"] as const;

export type CorsVerdict =
  /** Not a cross-origin request (no Origin, or the gateway's own), or CORS left to the backend. */
  | { kind: "pass" }
  /** A cross-origin request from an allowed origin: the response headers are set. */
  | { kind: "allowed" }
  /** An accepted preflight: headers set; answer 200 (after the flows when runPolicies). */
  | { kind: "preflight"; runPolicies: boolean }
  /** Gravitee's 400 for a failed preflight, or Sluice's 403 for a refused request; no CORS headers. */
  | { kind: "refused"; status: 400 | 403; message: string; key: string; reason: string };

export class CorsPolicy {
  readonly enabled: boolean;
  private readonly origins: ReadonlySet<string>;
  private readonly patterns: readonly RegExp[];
  private readonly anyOrigin: boolean;
  private readonly methods: readonly string[];
  private readonly headers: ReadonlySet<string>;
  private readonly expose: readonly string[];

  private readonly settings: Cors | undefined;
  /** PROXY APIs without CORS leave it to the backend; message APIs have no backend to do it. */
  private readonly apiType: ApiType;

  constructor(settings: Cors | undefined, apiType: ApiType) {
    this.settings = settings;
    this.apiType = apiType;
    this.enabled = settings?.enabled === true;
    const allow = settings?.allowOrigin ?? [];
    this.anyOrigin = allow.includes("*");
    this.origins = new Set(allow.filter((o) => !isPattern(o)));
    this.patterns = allow.filter(isPattern).map((o) => new RegExp(`^(?:${o})$`));
    this.methods = (settings?.allowMethods ?? []).map((m) => m.toUpperCase());
    this.headers = new Set((settings?.allowHeaders ?? []).map((h) => h.toLowerCase()));
    this.expose = settings?.exposeHeaders ?? DEFAULT_EXPOSE_HEADERS;
  }

  /** Gravitee's isOriginAllowed: `*`, an exact origin (case-sensitive), or a whole-match pattern. */
  originAllowed(origin: string): boolean {
    if (!this.enabled) return false;
    return this.anyOrigin || this.origins.has(origin) || this.patterns.some((p) => p.test(origin));
  }

  /**
   * Whether a WebSocket handshake's Origin is acceptable (browsers do not apply CORS to WebSocket:
   * the server must check): no Origin (not a browser), the gateway's own, or a CORS origin.
   */
  webSocketOriginAllowed(request: GatewayRequest, allowList?: readonly string[]): boolean {
    const origin = header(request, "origin");
    if (origin === undefined || sameOrigin(request, origin)) return true;
    if (allowList) return allowList.includes("*") || allowList.includes(origin);
    // A proxied WebSocket without CORS: the backend checks Origin, as it would without a gateway.
    if (!this.enabled && this.apiType === "PROXY") return true;
    return this.originAllowed(origin);
  }

  /** Decides a request and sets the CORS response headers it gets. */
  apply(request: GatewayRequest, response: GatewayResponse): CorsVerdict {
    const origin = header(request, "origin");
    if (origin === undefined) return { kind: "pass" };
    const method = header(request, "access-control-request-method");
    const preflight = request.method === "OPTIONS" && method !== undefined;
    if (!preflight && sameOrigin(request, origin)) return { kind: "pass" };
    if (!this.enabled) {
      if (this.apiType === "PROXY") return { kind: "pass" };
      return refused(403, `CORS is not enabled on this API; origin '${origin}' is refused`);
    }
    if (!this.originAllowed(origin)) {
      return preflight
        ? preflightFailed(`Origin '${origin}' is not allowed`)
        : refused(403, `Origin '${origin}' is not allowed`);
    }
    if (preflight) return this.preflight(request, response, origin, method);
    response.setHeader("access-control-allow-origin", origin);
    response.setHeader("vary", "Origin");
    if (this.settings?.allowCredentials) response.setHeader("access-control-allow-credentials", "true");
    if (this.expose.length > 0) response.setHeader("access-control-expose-headers", this.expose.join(", "));
    return { kind: "allowed" };
  }

  private preflight(
    request: GatewayRequest,
    response: GatewayResponse,
    origin: string,
    method: string,
  ): CorsVerdict {
    if (this.methods.length > 0 && !this.methods.includes(method.trim()))
      return preflightFailed(`Request method '${method}' is not allowed`);
    const asked = splitList(header(request, "access-control-request-headers"));
    if (this.headers.size > 0 && !this.headers.has("*") && !asked.every((h) => this.headers.has(h)))
      return preflightFailed(`Request headers '${asked.join(",")}' are not valid`);
    if (this.methods.length === 0)
      return preflightFailed("CORS configuration invalid, allowMethods cannot be empty");
    if (this.settings?.allowCredentials) response.setHeader("access-control-allow-credentials", "true");
    response.setHeader("access-control-allow-origin", origin);
    response.setHeader("vary", "Origin");
    const maxAge = this.settings?.maxAge ?? -1;
    if (maxAge > -1) response.setHeader("access-control-max-age", String(maxAge));
    response.setHeader("access-control-allow-methods", this.methods.join(", "));
    if (this.settings?.allowHeaders)
      response.setHeader("access-control-allow-headers", this.settings.allowHeaders.join(", "));
    return { kind: "preflight", runPolicies: this.settings?.runPolicies === true };
  }
}

/** Response headers of the CORS protocol: a backend's are replaced by the gateway's when it applies CORS. */
export function isCorsResponseHeader(name: string): boolean {
  return name.startsWith("access-control-");
}

/** Gravitee compiles an allowOrigin entry as a pattern when it has `(`, `[` or `*` (other than `*` alone). */
function isPattern(entry: string): boolean {
  return entry !== "*" && /[([*]/.test(entry);
}

function preflightFailed(reason: string): CorsVerdict {
  return { kind: "refused", status: 400, message: "Bad Request", key: "CORS_PREFLIGHT_FAILED", reason };
}

function refused(status: 403, reason: string): CorsVerdict {
  return { kind: "refused", status, message: "Forbidden", key: "CORS_ORIGIN_NOT_ALLOWED", reason };
}

function header(request: GatewayRequest, name: string): string | undefined {
  const v = request.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function splitList(value: string | undefined): string[] {
  if (!value) return [];
  return value
    .split(",")
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s.length > 0);
}

/** The Origin names the host the request was sent to (the scheme is not compared: TLS may end before). */
function sameOrigin(request: GatewayRequest, origin: string): boolean {
  const host = header(request, "host") ?? header(request, ":authority");
  if (!host) return false;
  try {
    return new URL(origin).host === new URL(`http://${host}`).host;
  } catch {
    return false;
  }
}
