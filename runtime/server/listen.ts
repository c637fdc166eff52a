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
import { createServer as createTlsServer, type Server as TlsServer } from "node:tls";
import type { TlsSettings } from "./tls-settings.ts";

const PREFACE = Buffer.from("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n");

export type Handler = (
  req: IncomingMessage | Http2ServerRequest,
  res: ServerResponse | Http2ServerResponse,
) => void;
export type UpgradeHandler = (req: IncomingMessage, socket: Duplex, head: Buffer) => void;

export interface DualServer {
  net: NetServer;
  http1: Server;
  http2: ReturnType<typeof createHttp2Server>;
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
  return { net, http1, http2, sockets };
}

/**
 * HTTPS for the same servers (./tls-settings.ts): ALPN picks `h2` or `http/1.1` (RFC 7301), then the
 * decrypted connection goes to the HTTP/2 or HTTP/1.1 server the clear-text port uses, so requests,
 * upgrades and draining behave alike. A client certificate is requested but not required
 * (`rejectUnauthorized: false`): MTLS plans judge it (runtime/security/mtls.ts), other plans ignore it.
 */
export function createTlsListener(dual: DualServer, settings: TlsSettings): TlsServer {
  const server = createTlsServer(
    {
      ...secureContextOptions(settings),
      requestCert: true,
      rejectUnauthorized: false,
      ALPNProtocols: ["h2", "http/1.1"],
    },
    (socket) => {
      dual.sockets.add(socket as Socket);
      socket.once("close", () => dual.sockets.delete(socket as Socket));
      socket.on("error", () => socket.destroy());
      (socket.alpnProtocol === "h2" ? dual.http2 : dual.http1).emit("connection", socket);
    },
  );
  // A failed handshake (a port scanner, a client refusing our certificate) concerns that client only.
  server.on("tlsClientError", (_error, socket) => socket.destroy());
  return server;
}

/** The certificate, key and client CAs of the TLS listener (also for `setSecureContext` on renewal). */
export function secureContextOptions(settings: TlsSettings): { cert: Buffer; key: Buffer; ca?: Buffer } {
  return { cert: settings.cert, key: settings.key, ...(settings.ca ? { ca: settings.ca } : {}) };
}
