// `ip-filtering`: refuses clients by IP address or CIDR range (IPv4 and IPv6, node's BlockList).
// The address checked is the connection's (a client cannot forge it); `matchAllFromXForwardedFor`
// also checks every address of X-Forwarded-For — only sensible behind a proxy that sets it — and
// `customIPAddress` (EL) replaces the connection's. A denied address, or one not on a non-empty
// whitelist, gets Gravitee's 403 IP_FILTERING_UNAUTHORIZED. Host names (which Gravitee resolves by
// DNS) match nothing. https://documentation.gravitee.io/apim/policies/ip-filtering
import { BlockList, isIP } from "node:net";
import type { Exchange } from "../../contract.ts";
import { GatewayError } from "../../contract.ts";
import { definePolicy } from "../../define.ts";
import type { IpFilteringPolicyConfiguration } from "../../spec-types/api-v4-definition.ts";
import { render, type Templated } from "../lib/el.ts";

export type IpFilteringConfig = Omit<IpFilteringPolicyConfiguration, "customIPAddress"> & {
  customIPAddress?: Templated;
};

/** A BlockList of the addresses and CIDR ranges of `entries` (host names and bad entries skipped). */
export function addressList(entries: readonly string[] | undefined): { list: BlockList; size: number } {
  const list = new BlockList();
  let size = 0;
  for (const raw of entries ?? []) {
    const entry = raw.trim();
    const slash = entry.indexOf("/");
    const address = slash < 0 ? entry : entry.slice(0, slash);
    const family = isIP(address);
    if (family === 0) continue;
    const type = family === 4 ? "ipv4" : "ipv6";
    if (slash < 0) {
      list.addAddress(address, type);
    } else {
      const prefix = Number(entry.slice(slash + 1));
      if (!Number.isInteger(prefix) || prefix < 0 || prefix > (family === 4 ? 32 : 128)) continue;
      list.addSubnet(address, prefix, type);
    }
    size++;
  }
  return { list, size };
}

/** Whether `address` is on `list`; an IPv4-mapped IPv6 address (::ffff:a.b.c.d) counts as IPv4. */
export function listed(list: BlockList, address: string): boolean {
  const plain = address.startsWith("::ffff:") && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
  const family = isIP(plain);
  if (family === 0) return false;
  return list.check(plain, family === 4 ? "ipv4" : "ipv6");
}

export const connector = definePolicy<IpFilteringConfig>({
  id: "ip-filtering",
  create(config) {
    const allowed = addressList(config.whitelistIps);
    const denied = addressList(config.blacklistIps);
    const addressesOf = (exchange: Exchange): string[] => {
      const own =
        config.customIPAddress !== undefined
          ? render(config.customIPAddress, exchange.el()).trim()
          : (exchange.request.socket.remoteAddress ?? "");
      if (!config.matchAllFromXForwardedFor) return [own];
      const forwarded = exchange.request.headers["x-forwarded-for"];
      const list = (Array.isArray(forwarded) ? forwarded.join(",") : (forwarded ?? ""))
        .split(",")
        .map((a) => a.trim())
        .filter((a) => a !== "");
      return [own, ...list];
    };
    return {
      onRequest(exchange) {
        const addresses = addressesOf(exchange);
        const refused = addresses.find(
          (a) => listed(denied.list, a) || (allowed.size > 0 && !listed(allowed.list, a)),
        );
        if (refused !== undefined) {
          throw new GatewayError(
            403,
            `Your IP (${refused}) or some proxies whereby your request pass through are not allowed to reach this resource.`,
            { key: "IP_FILTERING_UNAUTHORIZED" },
          );
        }
      },
    };
  },
});
