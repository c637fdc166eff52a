// The API traffic port speaks HTTP/1.1 and HTTP/2 with prior knowledge (h2c) on one clear-text
// port (docs/contract.md §4), so gRPC clients use the same port as everyone else. Node has no single server
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
