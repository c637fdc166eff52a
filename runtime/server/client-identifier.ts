// The client identifier (docs/contract.md §4; Gravitee's SubscriptionProcessor, run once per exchange right
// after plan selection). It names "one client" for everything that consumes per client: message
// endpoints derive the Kafka consumer group, the MQTT 5 shared subscription and the RabbitMQ queue
// from it (runtime/message/consumer-name.ts), so two clients each get every message while the
// connections of one client share the work.
//
// - computed: the subscription id when the plan has subscriptions; on a keyless plan the SHA-256
//   (hex) of the remote address as Gravitee's Vert.x request prints it (Java's host form).
// - the client may send `X-Gravitee-Client-Identifier` (header, else a query parameter of that
//   name, as Gravitee): the response echoes the value sent, and the identifier becomes
//   `<sent>-<computed>`, unless the value sent already is the computed one or ends with
//   `-<computed>` (a client echoing back what it was given keeps its identity).
// - without a value sent, the response carries the computed identifier.
//
// Two deliberate differences from Gravitee, both invisible in headers: Gravitee also keeps a sent
// value verbatim when it ends with the request's transaction id — which the client chooses too, so
// a client could join another client's (or another subscription's) consumer group and read its
// messages; here the computed part always ends the identifier. And a plan that has no
// subscription to show (there is none in Gravitee) falls back to the remote address's hash, not to
// the transaction id. A sent value that is not printable ASCII or longer than 256 characters is
// ignored (it could not be echoed in a header).
import { hash } from "node:crypto";
import type { Exchange } from "../contract.ts";

export const CLIENT_IDENTIFIER_HEADER = "x-gravitee-client-identifier";
/** The query parameter Gravitee reads when the header is absent (case-sensitive, as Vert.x). */
const CLIENT_IDENTIFIER_PARAMETER = "X-Gravitee-Client-Identifier";
const MAX_SENT_LENGTH = 256;
const PRINTABLE = /^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/;

export interface ClientIdentity {
  /** What the response's `X-Gravitee-Client-Identifier` says. */
  readonly header: string;
  /** The identifier consumption is keyed by. */
  readonly id: string;
}

/**
 * The remote address as Gravitee's `request.remoteAddress()` gives it: Java's
 * `InetAddress.getHostAddress()` without the zone — IPv4-mapped IPv6 addresses as IPv4, other
 * IPv6 addresses as eight uncompressed hexadecimal groups (`0:0:0:0:0:0:0:1`).
 */
export function javaHostAddress(address: string): string {
  const zone = address.indexOf("%");
  const bare = zone >= 0 ? address.slice(0, zone) : address;
  if (!bare.includes(":")) return bare;
  const mapped = /^(?:0{0,4}:){0,5}:?ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  if (mapped) return mapped[1]!;
  const [head = "", tail] = bare.split("::");
  const groups = (s: string): string[] => (s === "" ? [] : s.split(":"));
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  const toHex = (parts: string[]): string[] =>
    parts.flatMap((p) => {
      if (!p.includes(".")) return [p];
      const [a, b, c, d] = p.split(".").map(Number) as [number, number, number, number];
      return [((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
    });
  const l = toHex(left);
  const r = toHex(right);
  const zeros = tail === undefined ? [] : new Array<string>(Math.max(0, 8 - l.length - r.length)).fill("0");
  return [...l, ...zeros, ...r].map((g) => Number.parseInt(g, 16).toString(16)).join(":");
}

/** Hashes of recent remote addresses: the identifier is computed on every exchange. */
const addressHashes = new Map<string, string>();
const ADDRESS_CACHE_SIZE = 4096;

function hashAddress(address: string): string {
  let digest = addressHashes.get(address);
  if (digest === undefined) {
    digest = hash("sha256", javaHostAddress(address), "hex");
    if (addressHashes.size >= ADDRESS_CACHE_SIZE) addressHashes.clear();
    addressHashes.set(address, digest);
  }
  return digest;
}

function sentValue(exchange: Exchange): string | undefined {
  const request = exchange.request;
  let value: string | string[] | undefined = request.headers[CLIENT_IDENTIFIER_HEADER];
  if (Array.isArray(value)) value = value[0];
  if (value === undefined) {
    const url = request.url ?? "";
    const q = url.indexOf("?");
    if (q >= 0 && url.includes(CLIENT_IDENTIFIER_PARAMETER, q)) {
      value = new URLSearchParams(url.slice(q + 1)).get(CLIENT_IDENTIFIER_PARAMETER) ?? undefined;
    }
  }
  if (value === undefined) return undefined;
  return value.length <= MAX_SENT_LENGTH && PRINTABLE.test(value) ? value : undefined;
}

/** The client identity of an exchange whose plan was selected (exchange.subscription set, if any). */
export function identifyClient(exchange: Exchange): ClientIdentity {
  const computed = exchange.subscription?.id ?? hashAddress(exchange.request.socket?.remoteAddress ?? "");
  const sent = sentValue(exchange);
  if (sent === undefined) return { header: computed, id: computed };
  const id = sent === computed || sent.endsWith(`-${computed}`) ? sent : `${sent}-${computed}`;
  return { header: sent, id };
}
