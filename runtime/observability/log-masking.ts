// What the access log masks for an exchange before it writes the exchange's headers and bodies
// (Gravitee's data-logging-masking policy: runtime/policies/data-logging-masking). The policy
// registers its masks on the exchange; ./access-log.ts applies them to the logged copy only — the
// client and the backend see the data unchanged. A WeakMap, so an exchange carries nothing when
// no API uses the policy.
import type { Exchange } from "../contract.ts";

/** One side of a logged exchange: headers (name → value or values) and the body as text. */
export interface LogMask {
  headers(headers: Record<string, unknown>): Record<string, unknown>;
  body(text: string, contentType: string | undefined): string;
}

const masks = new WeakMap<Exchange, { request: LogMask[]; response: LogMask[] }>();

/** Masks the `side` of what the access log writes for `exchange` (a step registers once per exchange). */
export function addLogMask(exchange: Exchange, side: "request" | "response", mask: LogMask): void {
  let entry = masks.get(exchange);
  if (!entry) {
    entry = { request: [], response: [] };
    masks.set(exchange, entry);
  }
  if (!entry[side].includes(mask)) entry[side].push(mask);
}

/** The masks of one side of an exchange (none for most exchanges). */
export function logMasks(exchange: Exchange, side: "request" | "response"): readonly LogMask[] {
  return masks.get(exchange)?.[side] ?? [];
}
