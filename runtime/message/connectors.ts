// What the message connectors are, in one place: each message entrypoint's listener, modes and
// QoS levels, the message endpoint types, and Gravitee 4.10's QoS table (docs/contract.md §2 rules 3–5).
// The checker (compiler/check) and the runtime both read it, so a spec the compiler accepts is one
// the runtime serves, and the runtime's 400 for an incompatible QoS is the same rule as the
// compiler's `exposure/qos` error. Data only: no connector code is loaded with it.
import type { Qos } from "../contract.ts";

export type Operation = "PUBLISH" | "SUBSCRIBE";

export interface MessageEntrypointFacts {
  /** The listener type it belongs to. */
  readonly listener: "HTTP" | "SUBSCRIPTION";
  /** Gravitee's connector modes: SUBSCRIBE consumes from the endpoint, PUBLISH produces to it. */
  readonly modes: readonly Operation[];
  /** The QoS levels it offers (the `qos` a spec may give it). */
  readonly qos: readonly Qos[];
}

const ALL: readonly Qos[] = ["NONE", "AUTO", "AT_MOST_ONCE", "AT_LEAST_ONCE"];

/** The message entrypoints, by id. A Map: looked up by what a spec says (`constructor` is no key). */
export const MESSAGE_ENTRYPOINTS: ReadonlyMap<string, MessageEntrypointFacts> = new Map<
  string,
  MessageEntrypointFacts
>([
  ["http-get", { listener: "HTTP", modes: ["SUBSCRIBE"], qos: ["AUTO", "AT_MOST_ONCE", "AT_LEAST_ONCE"] }],
  ["http-post", { listener: "HTTP", modes: ["PUBLISH"], qos: ["NONE", "AUTO"] }],
  ["sse", { listener: "HTTP", modes: ["SUBSCRIBE"], qos: ALL }],
  ["websocket", { listener: "HTTP", modes: ["PUBLISH", "SUBSCRIBE"], qos: ["NONE", "AUTO"] }],
  ["webhook", { listener: "SUBSCRIPTION", modes: ["SUBSCRIBE"], qos: ALL }],
]);

/** The message endpoint types. */
export const MESSAGE_ENDPOINTS = ["kafka", "mqtt5", "solace", "rabbitmq", "mock"] as const;

/**
 * Gravitee 4.10's QoS table: endpoints that honour less than an entrypoint offers, and what they
 * honour with it. Endpoints absent here (kafka, rabbitmq, mock) honour everything.
 */
const ENDPOINT_QOS_LIMITS: ReadonlyMap<string, ReadonlyMap<string, readonly Qos[]>> = new Map(
  ["mqtt5", "solace"].map((endpoint) => [
    endpoint,
    new Map<string, readonly Qos[]>([
      ["http-get", ["AUTO"]],
      ["sse", ["NONE", "AUTO"]],
    ]),
  ]),
);

/** The QoS levels an entrypoint may use over an endpoint type (none for an unknown entrypoint). */
export function supportedQos(entrypoint: string, endpoint: string): readonly Qos[] {
  const own = MESSAGE_ENTRYPOINTS.get(entrypoint)?.qos ?? [];
  const limit = ENDPOINT_QOS_LIMITS.get(endpoint)?.get(entrypoint);
  return limit ? own.filter((q) => limit.includes(q)) : own;
}
