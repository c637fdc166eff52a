// The client certificate of a request, read from the TLS connection it came on — never from a
// header: a client could send any header, and over clear text there is no certificate at all.
// Computed once per connection (HTTP/2 multiplexes many requests on one).
import { createHash, X509Certificate } from "node:crypto";
import type { Socket } from "node:net";
import { TLSSocket } from "node:tls";
import type { Exchange, GatewayRequest } from "../contract.ts";

export interface PeerCertificate {
  /** SHA-256 of the DER certificate; as lower-case hex it is the thumbprint subscriptions match. */
  readonly sha256: Buffer;
  readonly thumbprint: string;
  /** The TLS layer verified the chain against the configured client CA (SLUICE_TLS_CLIENT_CA). */
  readonly chainVerified: boolean;
  /** Not before / not after, in ms since the epoch. */
  readonly validFrom: number;
  readonly validTo: number;
}

const seen = new WeakMap<object, PeerCertificate | null>();

export function peerCertificateOf(exchange: Exchange): PeerCertificate | undefined {
  const socket = tlsSocketOf(exchange.request);
  if (!socket) return undefined;
  let known = seen.get(socket);
  if (known === undefined) {
    known = readCertificate(socket);
    seen.set(socket, known);
  }
  return known ?? undefined;
}

function tlsSocketOf(request: GatewayRequest): TLSSocket | undefined {
  const socket: Socket | undefined =
    "stream" in request ? (request.stream.session?.socket as Socket | undefined) : request.socket;
  return socket instanceof TLSSocket ? socket : undefined;
}

function readCertificate(socket: TLSSocket): PeerCertificate | null {
  const peer = socket.getPeerX509Certificate();
  if (!peer) return null;
  const sha256 = createHash("sha256").update(peer.raw).digest();
  return {
    sha256,
    thumbprint: sha256.toString("hex"),
    chainVerified: socket.authorized,
    validFrom: Date.parse(peer.validFrom),
    validTo: Date.parse(peer.validTo),
  };
}

/** The SHA-256 thumbprint (lower-case hex) of a PEM certificate, as subscriptions register them. */
export function thumbprintOf(pem: string): string {
  return createHash("sha256").update(new X509Certificate(pem).raw).digest("hex");
}
