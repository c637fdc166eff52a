// RFC 7662 token introspection through a resource of type `oauth2` (Gravitee's generic OAuth2
// authorization server resource, its configuration keys and defaults): the token goes as a query
// parameter (default), a header or a form field; the client authenticates with HTTP Basic
// (RFC 6749 §2.3.1) unless `useClientAuthorizationHeader` is false. Results are cached until the
// token's `exp`, at most MAX_TTL_MS, at most MAX_ENTRIES tokens, and concurrent requests with one
// token share one call. An answer that is not 200 with a JSON object, a refused connection or a
// timeout is "unavailable" (the plan answers 503); `active` must be present and true (RFC 7662 §2.2).
import type { ResourceInfo } from "../contract.ts";
import { EnvError } from "../env.ts";
import { BoundedCache } from "./bounded-cache.ts";

export interface Introspection {
  readonly active: boolean;
  readonly clientId: string | undefined;
  readonly scopes: readonly string[];
  readonly user: string | undefined;
  /** The response body as the server sent it (Gravitee's `oauth.payload` attribute is this text). */
  readonly payload: string;
}

/** The authorization server could not answer (Gravitee's OAUTH2_SERVER_UNAVAILABLE). */
export class IntrospectionUnavailable extends Error {}

export interface Introspector {
  introspect(token: string): Promise<Introspection>;
}

const MAX_ENTRIES = 10_000;
/** A revoked token stops working within this time even when its `exp` is later. */
const MAX_TTL_MS = 5 * 60_000;
/** How long an inactive token's answer is kept (a client retrying a bad token costs one call a minute). */
const INACTIVE_TTL_MS = 60_000;

interface Settings {
  url: string;
  method: "GET" | "POST";
  authorization: { name: string; value: string } | undefined;
  token: { query?: string; header?: string; form?: string };
  userClaim: string;
  scopeSeparator: string;
  timeoutMs: number;
}

export function createIntrospector(resource: ResourceInfo, where: string): Introspector {
  const settings = settingsOf(resource, where);
  const cache = new BoundedCache<Introspection>(MAX_ENTRIES);
  const pending = new Map<string, Promise<Introspection>>();

  const call = async (token: string): Promise<Introspection> => {
    const url = new URL(settings.url);
    if (settings.token.query) url.searchParams.set(settings.token.query, token);
    const headers: Record<string, string> = { accept: "application/json" };
    if (settings.authorization) headers[settings.authorization.name] = settings.authorization.value;
    if (settings.token.header) headers[settings.token.header] = token;
    let body: URLSearchParams | undefined;
    if (settings.token.form) body = new URLSearchParams({ [settings.token.form]: token });
    let response: Response;
    let text: string;
    try {
      response = await fetch(url, {
        method: settings.method,
        headers,
        ...(body ? { body } : {}),
        redirect: "manual",
        signal: AbortSignal.timeout(settings.timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      throw new IntrospectionUnavailable(`introspection failed: ${causeOf(error)}`);
    }
    if (response.status !== 200)
      throw new IntrospectionUnavailable(`introspection answered ${response.status}`);
    let payload: unknown;
    try {
      payload = JSON.parse(text);
    } catch {
      throw new IntrospectionUnavailable("introspection answered with something that is not JSON");
    }
    if (payload === null || typeof payload !== "object" || Array.isArray(payload))
      throw new IntrospectionUnavailable("introspection answered with something that is not a JSON object");
    return readIntrospection(payload as Record<string, unknown>, text, settings);
  };

  return {
    introspect(token) {
      const cached = cache.get(token, Date.now());
      if (cached) return Promise.resolve(cached);
      let running = pending.get(token);
      if (!running) {
        running = call(token)
          .then((result) => {
            remember(cache, token, result, Date.now());
            return result;
          })
          .finally(() => pending.delete(token));
        pending.set(token, running);
      }
      return running;
    },
  };
}

function remember(
  cache: BoundedCache<Introspection>,
  token: string,
  result: Introspection,
  now: number,
): void {
  const exp = result.active ? expiryOf(result.payload) : undefined;
  const ttl = result.active
    ? Math.min(MAX_TTL_MS, exp === undefined ? MAX_TTL_MS : exp - now)
    : INACTIVE_TTL_MS;
  cache.set(token, result, now + ttl, now);
}

function expiryOf(payload: string): number | undefined {
  const exp = (JSON.parse(payload) as { exp?: unknown }).exp;
  return typeof exp === "number" ? exp * 1000 : undefined;
}

function readIntrospection(
  payload: Record<string, unknown>,
  text: string,
  settings: Settings,
): Introspection {
  const exp = payload.exp;
  // An "active" token whose exp has passed is not active (a server clock behind ours, a stale cache).
  const active = payload.active === true && !(typeof exp === "number" && exp * 1000 <= Date.now());
  const clientId =
    typeof payload.client_id === "string" && payload.client_id !== "" ? payload.client_id : undefined;
  const user = payload[settings.userClaim];
  return {
    active,
    clientId,
    scopes: scopesOf(payload, settings.scopeSeparator),
    user: typeof user === "string" ? user : undefined,
    payload: text,
  };
}

/** `scope` (a string, RFC 7662 §2.2) or the legacy `scp` (a string or a list), as Gravitee reads them. */
function scopesOf(payload: Record<string, unknown>, separator: string): string[] {
  for (const value of [payload.scope, payload.scp]) {
    if (typeof value === "string") return value.split(separator).filter((s) => s !== "");
    if (Array.isArray(value)) return value.filter((s): s is string => typeof s === "string");
  }
  return [];
}

function settingsOf(resource: ResourceInfo, where: string): Settings {
  if (resource.type !== "oauth2")
    throw new EnvError(
      `${where}: resource \`${resource.name}\` is of type \`${resource.type}\`; OAUTH2 plans need a resource of type \`oauth2\` (a generic OAuth2 authorization server)`,
    );
  const c = resource.configuration;
  const text = (key: string, fallback?: string): string | undefined => {
    const value = c[key];
    return typeof value === "string" && value !== "" ? value : fallback;
  };
  const flag = (key: string, fallback: boolean): boolean =>
    typeof c[key] === "boolean" ? (c[key] as boolean) : fallback;
  const endpoint = text("introspectionEndpoint");
  if (!endpoint)
    throw new EnvError(`${where}: resource \`${resource.name}\` has no \`introspectionEndpoint\``);
  // Gravitee: a relative endpoint is appended to `authorizationServerUrl`.
  const base = text("authorizationServerUrl");
  const url = /^https?:\/\//i.test(endpoint)
    ? endpoint
    : `${base?.replace(/\/+$/, "") ?? ""}/${endpoint.replace(/^\/+/, "")}`;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== "http:" && parsed.protocol !== "https:") throw new Error();
  } catch {
    throw new EnvError(
      `${where}: resource \`${resource.name}\`: the introspection endpoint ${JSON.stringify(url)} is not an http(s) URL`,
    );
  }
  const method = (text("introspectionEndpointMethod", "GET") ?? "GET").toUpperCase();
  if (method !== "GET" && method !== "POST")
    throw new EnvError(
      `${where}: resource \`${resource.name}\`: introspectionEndpointMethod must be GET or POST`,
    );
  const clientId = text("clientId", "") ?? "";
  const clientSecret = text("clientSecret", "") ?? "";
  const form = (s: string) => new URLSearchParams({ s }).toString().slice(2);
  const authorization = flag("useClientAuthorizationHeader", true)
    ? {
        name: text("clientAuthorizationHeaderName", "Authorization") ?? "Authorization",
        value: `${(text("clientAuthorizationHeaderScheme", "Basic") ?? "Basic").trim()} ${Buffer.from(`${form(clientId)}:${form(clientSecret)}`).toString("base64")}`,
      }
    : undefined;
  const token: Settings["token"] = {};
  if (flag("tokenIsSuppliedByQueryParam", true))
    token.query = text("tokenQueryParamName", "token") ?? "token";
  if (flag("tokenIsSuppliedByHttpHeader", false)) {
    const header = text("tokenHeaderName");
    if (!header)
      throw new EnvError(
        `${where}: resource \`${resource.name}\`: tokenIsSuppliedByHttpHeader needs tokenHeaderName`,
      );
    token.header = header;
  }
  if (flag("tokenIsSuppliedByFormUrlEncoded", false) && method === "POST")
    token.form = text("tokenFormUrlEncodedName", "token") ?? "token";
  if (!token.query && !token.header && !token.form)
    throw new EnvError(
      `${where}: resource \`${resource.name}\` sends the token nowhere (query, header or POST form)`,
    );
  const http = (c.http ?? {}) as Record<string, unknown>;
  const timeout = (key: string, fallback: number) =>
    typeof http[key] === "number" && (http[key] as number) > 0 ? (http[key] as number) : fallback;
  return {
    url,
    method,
    authorization,
    token,
    userClaim: text("userClaim", "sub") ?? "sub",
    scopeSeparator: typeof c.scopeSeparator === "string" && c.scopeSeparator !== "" ? c.scopeSeparator : " ",
    timeoutMs: timeout("connectTimeout", 5_000) + timeout("readTimeout", 10_000),
  };
}

function causeOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: unknown }).cause;
  return cause instanceof Error ? `${error.message} (${cause.message})` : error.message;
}
