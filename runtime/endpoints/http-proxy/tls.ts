// TLS to backends from Gravitee's `ssl` options: trustAll, hostnameVerifier, a trust store (PEM
// file or inline content, or PKCS#12 through Node's pfx) and a client certificate for mutual TLS
// (PEM cert + key, or a PKCS#12 key store). JKS stores cannot be read by Node and are refused at
// start-up with a message saying so. Files are read once, when the endpoint is created.
import { readFileSync } from "node:fs";
import { isIP } from "node:net";
import type { ConnectionOptions } from "node:tls";
import type { SslOptions } from "../../spec-types/api-v4-definition.ts";

export function tlsOptions(
  ssl: SslOptions | undefined,
  hostname: string,
  endpoint: string,
): ConnectionOptions {
  const out: ConnectionOptions = {};
  if (isIP(hostname) === 0) out.servername = hostname;
  if (!ssl) return out;
  if (ssl.trustAll) out.rejectUnauthorized = false;
  if (ssl.hostnameVerifier === false) out.checkServerIdentity = () => undefined;
  const trust = ssl.trustStore;
  switch (trust?.type) {
    case "PEM":
      out.ca = trust.content || readFileSync(required(trust.path, endpoint, "trustStore.path"), "utf8");
      break;
    case "PKCS12":
    case "JKS":
      throw new Error(
        `endpoint ${endpoint}: a ${trust.type} trust store is not supported by Sluice; convert it to PEM (ssl.trustStore.type: PEM)`,
      );
    default:
      break;
  }
  const key = ssl.keyStore;
  switch (key?.type) {
    case "PEM":
      out.cert =
        key.certContent || readFileSync(required(key.certPath, endpoint, "keyStore.certPath"), "utf8");
      out.key = key.keyContent || readFileSync(required(key.keyPath, endpoint, "keyStore.keyPath"), "utf8");
      if (key.keyPassword || key.password) out.passphrase = key.keyPassword || key.password;
      break;
    case "PKCS12":
      out.pfx = key.content
        ? Buffer.from(key.content, "base64")
        : readFileSync(required(key.path, endpoint, "keyStore.path"));
      if (key.password) out.passphrase = key.password;
      break;
    case "JKS":
      throw new Error(
        `endpoint ${endpoint}: a JKS key store is not supported by Sluice; use PEM or PKCS12 (ssl.keyStore.type)`,
      );
    default:
      break;
  }
  return out;
}

function required(value: string | undefined, endpoint: string, field: string): string {
  if (!value) throw new Error(`endpoint ${endpoint}: ssl.${field} (or its content) is required`);
  return value;
}
