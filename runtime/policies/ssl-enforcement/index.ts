// `ssl-enforcement`: requires the request to have come over TLS (or, with `useXForwardedProto`,
// through a TLS-terminating proxy that says `X-Forwarded-Proto: https`) and, with
// `requiresClientAuthentication`, a client certificate — from the TLS session, or (`certificateLocation:
// HEADER`) the URL-encoded PEM a proxy put in `certificateHeaderName` — whose subject is on
// `whitelistClientCertificates` when that list is not empty. Distinguished names are compared as
// sets of attributes (order, case and attribute aliases such as E/EMAILADDRESS do not matter), with
// `*` and `?` wildcards in values. Gravitee's errors: 403 SSL_ENFORCEMENT_SSL_REQUIRED,
// 401 SSL_ENFORCEMENT_AUTHENTICATION_REQUIRED, 403 SSL_ENFORCEMENT_CLIENT_FORBIDDEN.
// https://documentation.gravitee.io/apim/policies/ssl-enforcement
import { X509Certificate } from "node:crypto";
import type { TLSSocket } from "node:tls";
import type { Exchange } from "../../contract.ts";
import { GatewayError } from "../../contract.ts";
import { definePolicy } from "../../define.ts";
import type { SslEnforcementPolicyConfiguration } from "../../spec-types/api-v4-definition.ts";

export type SslEnforcementConfig = SslEnforcementPolicyConfiguration;

const ALIASES: Record<string, string> = {
  E: "EMAILADDRESS",
  EMAIL: "EMAILADDRESS",
  S: "ST",
  SN: "SURNAME",
};

/** A distinguished name as sorted `TYPE=value` attributes (`C=FR,O=Acme` and `O=acme, C=FR` agree). */
export function dnAttributes(dn: string, separator: RegExp = /(?<!\\),/): string[] {
  return dn
    .split(separator)
    .map((part) => part.trim())
    .filter((part) => part !== "")
    .map((part) => {
      const eq = part.indexOf("=");
      const type = part.slice(0, eq).trim().toUpperCase();
      return `${ALIASES[type] ?? type}=${part
        .slice(eq + 1)
        .trim()
        .replace(/\\(.)/g, "$1")
        .toLowerCase()}`;
    })
    .sort();
}

function glob(pattern: string): RegExp {
  const body = pattern
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, ".*")
    .replace(/\?/g, ".");
  return new RegExp(`^${body}$`);
}

/** Whether the certificate's subject attributes match a whitelisted DN (wildcards in its values). */
export function dnMatches(pattern: readonly string[], subject: readonly string[]): boolean {
  if (pattern.length !== subject.length) return false;
  const left = [...subject];
  return pattern.every((p) => {
    const re = glob(p);
    const i = left.findIndex((s) => re.test(s));
    if (i < 0) return false;
    left.splice(i, 1);
    return true;
  });
}

function sessionSubject(exchange: Exchange): string[] | undefined {
  const socket = exchange.request.socket as Partial<TLSSocket>;
  if (typeof socket.getPeerCertificate !== "function") return undefined;
  const cert = socket.getPeerCertificate();
  if (!cert?.subject || Object.keys(cert.subject).length === 0) return undefined;
  return Object.entries(cert.subject)
    .flatMap(([type, value]) => (Array.isArray(value) ? value : [value]).map((v) => `${type}=${v}`))
    .flatMap((attr) => dnAttributes(attr.replace(/,/g, "\\,")))
    .sort();
}

function headerSubject(exchange: Exchange, header: string): string[] | undefined {
  const raw = exchange.request.headers[header.toLowerCase()];
  let value = Array.isArray(raw) ? raw[0] : raw;
  if (!value) return undefined;
  try {
    if (!value.includes("\n")) value = decodeURIComponent(value.replace(/\+/g, " "));
    return dnAttributes(new X509Certificate(value.replaceAll("\t", "\n")).subject, /\n/);
  } catch {
    return undefined;
  }
}

export const connector = definePolicy<SslEnforcementConfig>({
  id: "ssl-enforcement",
  create(config) {
    const requiresSsl = config.requiresSsl ?? true;
    const whitelist = (config.whitelistClientCertificates ?? []).map((dn) => dnAttributes(dn));
    const header = config.certificateHeaderName || "ssl-client-cert";
    return {
      onRequest(exchange) {
        const tls = (exchange.request.socket as Partial<TLSSocket>).encrypted === true;
        const forwarded =
          config.useXForwardedProto === true &&
          String(exchange.request.headers["x-forwarded-proto"] ?? "")
            .split(",")[0]
            ?.trim()
            .toLowerCase() === "https";
        if (!tls && !forwarded) {
          if (!requiresSsl) return;
          throw new GatewayError(403, "Access to the resource requires SSL certificate.", {
            key: "SSL_ENFORCEMENT_SSL_REQUIRED",
          });
        }
        if (!config.requiresClientAuthentication) return;
        const subject =
          config.certificateLocation === "HEADER"
            ? headerSubject(exchange, header)
            : sessionSubject(exchange);
        if (!subject) {
          throw new GatewayError(401, "Unauthorized", { key: "SSL_ENFORCEMENT_AUTHENTICATION_REQUIRED" });
        }
        if (whitelist.length > 0 && !whitelist.some((dn) => dnMatches(dn, subject))) {
          throw new GatewayError(403, "You're not allowed to access this resource", {
            key: "SSL_ENFORCEMENT_CLIENT_FORBIDDEN",
          });
        }
      },
    };
  },
});
