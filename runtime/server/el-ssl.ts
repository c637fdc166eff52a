// `#request.ssl` for the EL view of an exchange: the TLS session's peer and local certificates as
// Gravitee's EvaluableSSLSession/EvaluableSSLPrincipal show them (gravitee-gateway-api
// io.gravitee.gateway.api.el). Node gives a certificate's subject as OpenSSL prints it, one
// `name=value` line per attribute in certificate order; Gravitee reads the RFC 2253 form of Java's
// X500Principal (most specific first) and names attributes by Bouncy Castle's BCStyle symbols.
import type { X509Certificate } from "node:crypto";
import type { TLSSocket } from "node:tls";
import type { ElPrincipal, ElSsl } from "../el.ts";

/** OpenSSL short name → [OID, BCStyle symbol (lower case), Gravitee's property, RFC 2253 keyword?]. */
const ATTRIBUTES: Readonly<Record<string, readonly [string, string, string, boolean]>> = {
  CN: ["2.5.4.3", "cn", "cn", true],
  C: ["2.5.4.6", "c", "c", true],
  L: ["2.5.4.7", "l", "l", true],
  ST: ["2.5.4.8", "st", "st", true],
  O: ["2.5.4.10", "o", "o", true],
  OU: ["2.5.4.11", "ou", "ou", true],
  street: ["2.5.4.9", "street", "street", true],
  DC: ["0.9.2342.19200300.100.1.25", "dc", "dc", true],
  UID: ["0.9.2342.19200300.100.1.1", "uid", "uid", true],
  emailAddress: ["1.2.840.113549.1.9.1", "e", "emailAddress", false],
  serialNumber: ["2.5.4.5", "serialnumber", "serialnumber", false],
  title: ["2.5.4.12", "t", "t", false],
  GN: ["2.5.4.42", "givenname", "givenname", false],
  SN: ["2.5.4.4", "surname", "surname", false],
  initials: ["2.5.4.43", "initials", "initials", false],
  generationQualifier: ["2.5.4.44", "generation", "generation", false],
  dnQualifier: ["2.5.4.46", "dn", "dnQualifier", false],
  pseudonym: ["2.5.4.65", "pseudonym", "pseudonym", false],
  postalCode: ["2.5.4.17", "postalcode", "postalCode", false],
  businessCategory: ["2.5.4.15", "businesscategory", "businessCategory", false],
  description: ["2.5.4.13", "description", "description", false],
  name: ["2.5.4.41", "name", "name", false],
  organizationIdentifier: ["2.5.4.97", "organizationidentifier", "organizationIdentifier", false],
  role: ["2.5.4.72", "role", "role", false],
};

const UNDEFINED_PRINCIPAL: ElPrincipal = { defined: false, attributes: () => undefined, first: {} };

/** RFC 2253 value escaping, as Java's X500Principal.getName() writes it. */
function escapeRfc2253(value: string): string {
  return value.replace(/[,+"\\<>;]/g, (c) => `\\${c}`).replace(/^[ #]|[ ]$/g, (c) => `\\${c}`);
}

/** A DER string value as RFC 2253 writes an attribute without keyword: `#` and the hex of the encoding. */
function derHex(value: string, tag: number): string {
  const bytes = Buffer.from(value, "utf8");
  const length = bytes.length < 128 ? [bytes.length] : [0x81, bytes.length];
  return `#${Buffer.from([tag, ...length, ...bytes]).toString("hex")}`;
}

export function elPrincipal(certificate: X509Certificate | undefined): ElPrincipal {
  if (certificate === undefined) return UNDEFINED_PRINCIPAL;
  const lines = certificate.subject.split("\n").filter((line) => line.includes("="));
  const values = new Map<string, string[]>();
  const first: Record<string, string> = {};
  const dn: string[] = [];
  for (const line of lines) {
    const at = line.indexOf("=");
    const key = line.slice(0, at);
    const value = line.slice(at + 1);
    const known = ATTRIBUTES[key];
    const [oid, symbol, property, keyword] = known ?? [key, key.toLowerCase(), key, false];
    for (const name of new Set([oid, symbol])) values.set(name, [...(values.get(name) ?? []), value]);
    if (!Object.hasOwn(first, property)) first[property] = value;
    if (property === "emailAddress" && !Object.hasOwn(first, "e")) first.e = value;
    // PKCS#9 emailAddress is an IA5String (tag 0x16); other strings are taken as UTF8String (0x0c).
    dn.push(
      keyword
        ? `${key.toUpperCase()}=${escapeRfc2253(value)}`
        : `${oid}=${derHex(value, property === "emailAddress" ? 0x16 : 0x0c)}`,
    );
  }
  return {
    defined: true,
    dn: dn.reverse().join(","),
    attributes: (name) => values.get(name),
    first,
  };
}

/** The EL view of a TLS connection; undefined on clear text. */
export function elSsl(socket: unknown): ElSsl | undefined {
  const tls = socket as Partial<TLSSocket> | null;
  if (tls?.encrypted !== true || typeof tls.getPeerX509Certificate !== "function") return undefined;
  const ssl: ElSsl = {
    client: elPrincipal(tls.getPeerX509Certificate()),
    server: elPrincipal(tls.getX509Certificate?.()),
  };
  if (tls.remoteAddress !== undefined) ssl.clientHost = tls.remoteAddress;
  if (tls.remotePort !== undefined) ssl.clientPort = tls.remotePort;
  return ssl;
}
