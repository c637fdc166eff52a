// The bearer token of a request, where Gravitee's JWT and OAuth2 plans look for it: the first
// `Authorization: Bearer …` header (scheme case-insensitive, RFC 6750 §2.1), else the
// `access_token` query parameter (RFC 6750 §2.3). An empty token is still a token: the plan sees a
// credential and refuses it, so a keyless plan is not chosen instead (Gravitee's plan selection).
import type { Exchange } from "../contract.ts";

const BEARER = /^bearer(?:\s+|$)/i;
const ACCESS_TOKEN_QUERY = "access_token";

export function bearerTokenOf(exchange: Exchange): string | undefined {
  const header = exchange.request.headers.authorization;
  for (const value of Array.isArray(header) ? header : header === undefined ? [] : [header]) {
    const scheme = BEARER.exec(value);
    if (scheme) return value.slice(scheme[0].length).trim();
  }
  const url = exchange.request.url ?? "";
  const q = url.indexOf("?");
  if (q < 0) return undefined;
  return new URLSearchParams(url.slice(q + 1)).get(ACCESS_TOKEN_QUERY) ?? undefined;
}

/** `propagateAuthHeader: false`: the backend never sees the client's credentials. */
export function removeAuthorizationUpstream(exchange: Exchange): void {
  exchange.upstreamHeaders.authorization = null;
}
