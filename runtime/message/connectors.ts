// What the message connectors are: each message entrypoint's listener, modes and QoS levels, the
// message endpoint types, and Gravitee 4.10's QoS table (docs/contract.md §2 rules 3–5) — read from
// the connectors' manifests (runtime/<kind>/<id>/manifest.json, as data in ../connector-manifests.ts).
// The checker (compiler/check) and the runtime both read it, so a spec the compiler accepts is one
// the runtime serves, and the runtime's 400 for an incompatible QoS is the same rule as the
// compiler's `exposure/qos` error. Data only: no connector code is loaded with it.
import { MANIFESTS } from "../connector-manifests.ts";
import type { Qos } from "../contract.ts";
import type { Operation } from "../manifest.ts";

export type { Operation } from "../manifest.ts";

export interface MessageEntrypointFacts {
  /** The listener type it belongs to. */
  readonly listener: "HTTP" | "SUBSCRIPTION";
  /** Gravitee's connector modes: SUBSCRIBE consumes from the endpoint, PUBLISH produces to it. */
  readonly modes: readonly Operation[];
  /** The QoS levels it offers (the `qos` a spec may give it). */
  readonly qos: readonly Qos[];
}

const MESSAGE = MANIFESTS.filter((m) => m.apiTypes?.includes("MESSAGE"));

/** The message entrypoints, by id. A Map: looked up by what a spec says (`constructor` is no key). */
export const MESSAGE_ENTRYPOINTS: ReadonlyMap<string, MessageEntrypointFacts> = new Map(
  MESSAGE.filter((m) => m.kind === "entrypoint").map((m) => [
    m.id,
    { listener: m.listener ?? "HTTP", modes: m.modes ?? [], qos: m.qos ?? [] },
  ]),
);

/** The message endpoint types. */
export const MESSAGE_ENDPOINTS: readonly string[] = MESSAGE.filter((m) => m.kind === "endpoint").map(
  (m) => m.id,
);

/**
 * Gravitee 4.10's QoS table: endpoints that honour less than an entrypoint offers, and what they
 * honour with it (their manifests' `qosLimits`). Endpoints without limits honour everything.
 */
const ENDPOINT_QOS_LIMITS: ReadonlyMap<string, ReadonlyMap<string, readonly Qos[]>> = new Map(
  MESSAGE.filter((m) => m.kind === "endpoint" && m.qosLimits).map((m) => [
    m.id,
    new Map(Object.entries(m.qosLimits ?? {})),
  ]),
);

/** The QoS levels an entrypoint may use over an endpoint type (none for an unknown entrypoint). */
export function supportedQos(entrypoint: string, endpoint: string): readonly Qos[] {
  const own = MESSAGE_ENTRYPOINTS.get(entrypoint)?.qos ?? [];
  const limit = ENDPOINT_QOS_LIMITS.get(endpoint)?.get(entrypoint);
  return limit ? own.filter((q) => limit.includes(q)) : own;
}
