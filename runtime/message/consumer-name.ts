// The name a client consumes under (docs/contract.md §4): one per API and client identifier
// (runtime/server/client-identifier.ts). Each broker endpoint puts it into Gravitee's pattern —
// the Kafka consumer group `<name>`, the MQTT 5 shared subscription `$share/<name>/<topic>`, the
// RabbitMQ queue `gravitee/gio-gateway/<name>` — so every connection of one client joins the same
// group and shares the messages, and two clients each get every message.
//
// Gravitee uses the bare client identifier. The API is added here because a keyless client's
// identifier (its address's hash) is the same on every API: with Gravitee's names, one browser on
// two APIs reading one Kafka topic splits the messages between them, and on RabbitMQ one queue
// gets bound to both APIs' exchanges, so each API's clients receive the other's messages.
//
// A name is restricted to characters every broker takes in that place (an MQTT share name may not
// hold `/`, `+` or `#`, or a sent identifier could subscribe to other topics); an identifier with
// anything else, or a long one, is replaced by its hash. API ids are DNS-1123 labels (no `.`), so
// `<api>.<identifier>` cannot be forged across APIs.
import { hash } from "node:crypto";
import type { Exchange } from "../contract.ts";
import { flatten } from "./flatten.ts";

const SAFE = /^[A-Za-z0-9._~-]{1,160}$/;

/** The consumer name of an API's client. */
export function consumerName(apiId: string, clientIdentifier: string): string {
  const id = SAFE.test(clientIdentifier)
    ? clientIdentifier
    : `sha256-${hash("sha256", clientIdentifier, "hex").slice(0, 40)}`;
  // Held by the endpoint's subscription for the whole session: flat, not a concatenation tree.
  return flatten(`${apiId}.${id}`);
}

/** The consumer name of the client of an exchange whose plan was selected. */
export function exchangeConsumerName(exchange: Exchange): string {
  // Entrypoints run the request phase (plan selection) first; a request id keeps an exchange that
  // skipped it apart from everyone else rather than sharing someone's messages.
  return consumerName(exchange.api.info.id, exchange.clientIdentifier ?? exchange.requestId);
}
