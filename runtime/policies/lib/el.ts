// What policies share about EL: configuration strings the compiler turned into template functions
// (any `{#…}` in a step configuration becomes `(el: ElContext) => string`), and the EL view of a
// message in publish/subscribe phases.
import type { Exchange, Message } from "../../contract.ts";
import type { ElContext } from "../../el.ts";
import { elMessage } from "../../server/api-runtime.ts";

/** A configuration string that may contain EL (`{#request.headers['x'][0]}`). */
export type Templated = string | ((el: ElContext) => string);

export function render(value: Templated, el: ElContext): string {
  return typeof value === "string" ? value : value(el);
}

/** The exchange's EL context with `#message` bound to `message`. */
export function messageEl(exchange: Exchange, message: Message): ElContext {
  return { ...exchange.el(), message: elMessage(message) };
}

/** Case-insensitive header lookup in a message's headers (brokers keep the case they were given). */
export function messageHeaderNames(message: Message, name: string): string[] {
  const lower = name.toLowerCase();
  return Object.keys(message.headers).filter((k) => k.toLowerCase() === lower);
}
