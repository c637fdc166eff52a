// `transform-headers`: set, remove and whitelist headers of the upstream request (request phase),
// the client response (response phase) or a message (publish/subscribe). Gravitee's order: values
// are set first (EL templates), then removals and the whitelist apply, names case-insensitively.
// As in Gravitee v4 the phase decides what is transformed; `scope` is accepted and ignored.
// https://documentation.gravitee.io/apim/policies/transform-headers
import type { Exchange, GatewayResponse, Message } from "../../contract.ts";
import { definePolicy } from "../../define.ts";
import type { ElContext } from "../../el.ts";
import type { TransformHeadersPolicyConfiguration } from "../../spec-types/api-v4-definition.ts";
import { messageEl, messageHeaderNames, type Templated } from "../lib/el.ts";

export type TransformHeadersConfig = Omit<TransformHeadersPolicyConfiguration, "addHeaders"> & {
  addHeaders?: ReadonlyArray<{ name?: string; value?: Templated }>;
};

/** Never removed by a whitelist: the upstream connection needs them. */
const KEEP_UPSTREAM = new Set(["host", "content-length", "transfer-encoding"]);

interface HeaderTarget {
  names(): string[];
  set(name: string, value: string): void;
  remove(name: string): void;
}

export const connector = definePolicy<TransformHeadersConfig>({
  id: "transform-headers",
  create(config) {
    // Resolved once: the headers to set (their values plain or compiled templates), to remove, to keep.
    const adds = (config.addHeaders ?? [])
      .filter((h): h is { name: string; value: Templated } => !!h.name?.trim() && h.value !== undefined)
      .map((h) => ({ ...h, lower: h.name.toLowerCase() }));
    const removals = (config.removeHeaders ?? []).filter((n) => n.trim() !== "").map((n) => n.toLowerCase());
    const whitelist = new Set((config.whitelistHeaders ?? []).map((n) => n.toLowerCase()));
    // The EL context is built only for a value that is an expression (exchange.el() is not free).
    const textOf = (value: Templated, el: () => ElContext): string =>
      typeof value === "string" ? value : value(el());
    const transform = (target: HeaderTarget, el: () => ElContext, keep: ReadonlySet<string>): void => {
      for (const header of adds) target.set(header.name, textOf(header.value, el));
      for (const name of removals) target.remove(name);
      if (whitelist.size === 0) return;
      for (const name of target.names()) {
        const lower = name.toLowerCase();
        if (!whitelist.has(lower) && !keep.has(lower)) target.remove(name);
      }
    };
    return {
      onRequest(exchange) {
        if (whitelist.size > 0) {
          transform(upstreamTarget(exchange), () => exchange.el(), KEEP_UPSTREAM);
          return;
        }
        // Set and remove only (the usual case): straight into the upstream overrides.
        const overrides = exchange.upstreamHeaders;
        for (const { lower, value } of adds)
          overrides[lower] = typeof value === "string" ? value : value(exchange.el());
        for (const name of removals) overrides[name] = null;
      },
      onResponse: (exchange) => transform(responseTarget(exchange.response), () => exchange.el(), NOTHING),
      onMessage(message, exchange) {
        let el: ElContext | undefined;
        transform(messageTarget(message), () => (el ??= messageEl(exchange, message)), NOTHING);
        return message;
      },
    };
  },
});

const NOTHING: ReadonlySet<string> = new Set();

/** The upstream request's headers: the client's, overlaid by what policies set (contract.ts). */
function upstreamTarget(exchange: Exchange): HeaderTarget {
  const overrides = exchange.upstreamHeaders;
  return {
    names: () => {
      const names = new Set(Object.keys(exchange.request.headers).filter((n) => !n.startsWith(":")));
      for (const [name, value] of Object.entries(overrides)) {
        if (value === null) names.delete(name);
        else names.add(name);
      }
      return [...names];
    },
    set: (name, value) => {
      overrides[name.toLowerCase()] = value;
    },
    remove: (name) => {
      overrides[name.toLowerCase()] = null;
    },
  };
}

function responseTarget(response: GatewayResponse): HeaderTarget {
  return {
    names: () => response.getHeaderNames(),
    set: (name, value) => response.setHeader(name, value),
    remove: (name) => response.removeHeader(name),
  };
}

function messageTarget(message: Message): HeaderTarget {
  return {
    names: () => Object.keys(message.headers),
    set: (name, value) => {
      for (const existing of messageHeaderNames(message, name)) delete message.headers[existing];
      message.headers[name] = [value];
    },
    remove: (name) => {
      for (const existing of messageHeaderNames(message, name)) delete message.headers[existing];
    },
  };
}
