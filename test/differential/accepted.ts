// The differences between Sluice and the real Gravitee gateway that are intended: each one is an
// entry of docs/gravitee-differences.md (the `id` is its heading's anchor) with the reason. The
// differential suite fails on every difference not matched here.
import type { Difference } from "./compare.ts";

export interface AcceptedDifference {
  /** The anchor of the entry in docs/gravitee-differences.md. */
  readonly id: string;
  /** Matches Difference.field. */
  readonly field: RegExp;
  /** Matches the request's name; every request when absent. */
  readonly requests?: RegExp;
  /** Matches the Gravitee side's value, when only some values are accepted. */
  readonly gravitee?: RegExp;
  /** Matches the Sluice side's value. */
  readonly sluice?: RegExp;
}

const ABSENT = /^\(absent\)$/;

export const ACCEPTED: readonly AcceptedDifference[] = [
  // Sluice's own responses carry Date (RFC 9110 §6.6.1); Gravitee's errors have none.
  { id: "date-on-errors", field: /^response\.header\.date$/, gravitee: ABSENT, sluice: /^<http-date>$/ },
  // Connection management of the client's own connection (hop-by-hop): Sluice's Node server states
  // its keep-alive; Gravitee relays the backend's, or closes after a 502/504.
  { id: "client-connection", field: /^response\.header\.connection$/, sluice: /^keep-alive$/ },
  { id: "client-connection", field: /^response\.header\.keep-alive$/, sluice: /^timeout=\d+$/ },
  // undici states HTTP/1.1's default `Connection: keep-alive` on every upstream request.
  {
    id: "upstream-connection",
    field: /^upstream\.header\.connection$/,
    gravitee: ABSENT,
    sluice: /^keep-alive$/,
  },
  // Headers a Connection header names are hop-by-hop (RFC 9110 §7.6.1): Gravitee forwards them.
  {
    id: "connection-listed-headers",
    field: /^(upstream\.header\.x-hop-a|response\.header\.x-hop)$/,
    sluice: ABSENT,
  },
  // The query string goes upstream byte for byte; Gravitee rebuilds it (groups repeated names,
  // drops an empty `?`), which breaks signed URLs.
  { id: "query-verbatim", field: /^upstream\.target$/, requests: /^basic (query|empty query)$/ },
  // A bodyless POST/PUT/PATCH goes upstream with Content-Length: 0; Gravitee sends an empty
  // chunked body.
  {
    id: "bodyless-content-length",
    field: /^upstream\.(framing|header\.(transfer-encoding|content-length))$/,
    requests: /^basic (POST|PUT|PATCH)$/,
  },
  // transform-headers' whitelist keeps the body's framing and the gateway's tracing ids; Gravitee's
  // removes Content-Length / Transfer-Encoding (the body is lost) and the request/transaction ids.
  {
    id: "whitelist-keeps-framing",
    field:
      /^(upstream\.(framing|body|header\.(content-length|x-gravitee-(request|transaction)-id))|response\.header\.x-gravitee-(request|transaction)-id)$/,
    requests: /^headers whitelist/,
  },
  // `Expect: 100-continue` is answered by Sluice once the body is read; undici cannot send Expect.
  {
    id: "expect-continue",
    field: /^upstream\.header\.expect$/,
    gravitee: /^100-continue$/,
    sluice: ABSENT,
  },
  // Sluice normalises the path as Gravitee 4.13 does by default (`//` is `/`); 4.10.9 keeps it, so
  // its backend sees `//` and its EQUALS flows miss.
  {
    id: "path-normalisation",
    field: /^(upstream\.(target|header\.x-admin(-slash)?-exact)|response\.(body|header\.content-length))$/,
    requests: /^paths \/admin\/\/$/,
  },
];

export function acceptedBy(request: string, difference: Difference): AcceptedDifference | undefined {
  return ACCEPTED.find(
    (a) =>
      a.field.test(difference.field) &&
      (a.requests?.test(request) ?? true) &&
      (a.gravitee?.test(difference.gravitee) ?? true) &&
      (a.sluice?.test(difference.sluice) ?? true),
  );
}
