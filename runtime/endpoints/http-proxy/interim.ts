// Interim (1xx) answers a backend sends before its final one. RFC 9110 §15.2: "A client MUST be
// able to parse one or more 1xx responses received prior to a final response, even if the client
// does not expect one." undici's HTTP/1.1 parser consumes 102 and 103 but destroys the connection
// on a `100 Continue` (client-h1.js onHeadersComplete; nodejs/undici#197, open in undici 7 and 8),
// because it never sends `Expect: 100-continue` itself. Some backends send 100 anyway (RFC 2068
// allowed it on every POST and PUT), and the gateway answered them 502.
//
// The fix keeps undici's own parser (llhttp finds where each message ends) and hands it a 100 as
// another interim status: undici then skips it like a 103 and waits for the final answer, and
// handlers see an interim status (< 200) they ignore. Gravitee's HTTP client (Vert.x) consumes
// interim answers too; none is forwarded to the client.
//
// undici does not export its parser: the wrapper below reaches it through the first socket a
// connector hands undici (undici attaches the parser while the connect callback runs) and wraps
// its prototype once, for every undici client in the process. Should a later undici move it, the
// wrapper does nothing and test/hostile's "100 Continue then 200" rows fail.
import { buildConnector } from "undici";

/** The status a 100 reaches undici's parser as: interim, and no status undici treats specially. */
const INTERIM = 199;

type HeadersComplete = (status: number, upgrade: boolean, keepAlive: boolean) => number;

let patched = false;

function patchParserOf(socket: object): void {
  patched = true;
  const key = Object.getOwnPropertySymbols(socket).find((s) => s.description === "parser");
  const parser = key ? (socket as Record<symbol, unknown>)[key] : undefined;
  const proto = parser
    ? (Object.getPrototypeOf(parser) as { onHeadersComplete?: HeadersComplete })
    : undefined;
  const original = proto?.onHeadersComplete;
  if (!proto || typeof original !== "function") return;
  proto.onHeadersComplete = function (this: unknown, status, upgrade, keepAlive) {
    return original.call(this, status === 100 ? INTERIM : status, upgrade, keepAlive);
  };
}

/**
 * undici's connector for these options, such that the HTTP/1.1 connections it opens consume an
 * unasked `100 Continue` like any other interim answer.
 */
export function interimTolerantConnector(options: buildConnector.BuildOptions): buildConnector.connector {
  const connect = buildConnector(options);
  return (opts, callback) =>
    connect(opts, (error, socket) => {
      // undici's callback attaches its parser to the socket before it returns.
      (callback as (e: Error | null, s: typeof socket) => void)(error, socket);
      if (!patched && socket) patchParserOf(socket);
    });
}
