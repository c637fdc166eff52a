// The API traffic port speaks HTTP/1.1 and HTTP/2 with prior knowledge (h2c) on one clear-text
// port (SPEC.md §4), so gRPC clients use the same port as everyone else. Node has no single server
// for both, so a TCP server peeks at the first bytes of each connection: the HTTP/2 connection
// preface goes to the http2 server, anything else to the http server.
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import {
  createServer as createHttp2Server,
  type Http2ServerRequest,
  type Http2ServerResponse,
} from "node:http2";
import { createServer as createNetServer, type Server as NetServer, type Socket } from "node:net";
import type { Duplex } from "node:stream";

const PREFACE = Buffer.from("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n");

/**
 * `Expect: 100-continue` (RFC 9110 §10.1.1): Node would answer `100 Continue` at once. The gateway
 * sends it only when something first reads the body — the endpoint streaming it upstream, or a
 * policy that needs it — so a request refused by routing, plan security or a policy gets its final
 * answer without the client ever sending the body, as behind Gravitee (which forwards the
 * expectation to the backend).
 */
function continueOnFirstRead(req: IncomingMessage, res: ServerResponse): void {
  const read = req._read;
  req._read = function (this: IncomingMessage, size: number) {
    req._read = read;
    if (!res.headersSent) res.writeContinue();
    return read.call(this, size);
  };
}

export type Handler = (
  req: IncomingMessage | Http2ServerRequest,
  res: ServerResponse | Http2ServerResponse,
) => void;
export type UpgradeHandler = (req: IncomingMessage, socket: Duplex, head: Buffer) => void;

export interface DualServer {
  net: NetServer;
  http1: Server;
  /** Sockets currently open, for draining on shutdown. */
  sockets: Set<Socket>;
}

export function createDualServer(handler: Handler, onUpgrade: UpgradeHandler): DualServer {
  const http1 = createHttpServer({ keepAliveTimeout: 65_000, requestTimeout: 0 }, handler);
  http1.on("upgrade", onUpgrade);
  http1.on("checkContinue", (req: IncomingMessage, res: ServerResponse) => {
    continueOnFirstRead(req, res);
    handler(req, res);
  });
  const http2 = createHttp2Server({}, handler);
  const sockets = new Set<Socket>();
  const net = createNetServer({ noDelay: true }, (socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
    socket.once("readable", () => {
      const head: Buffer | null =
        socket.read(Math.min(PREFACE.length, socket.readableLength)) ?? socket.read();
      if (head) socket.unshift(head);
      const isH2 =
        head !== null &&
        head.length >= 3 &&
        PREFACE.subarray(0, Math.min(head.length, PREFACE.length)).equals(
          head.subarray(0, Math.min(head.length, PREFACE.length)),
        );
      (isH2 ? http2 : http1).emit("connection", socket);
    });
    socket.on("error", () => socket.destroy());
  });
  return { net, http1, sockets };
}
