// Node TLS options from Gravitee's `security.ssl` block of the MQTT 5 and RabbitMQ endpoints
// (trustStore / keyStore / hostnameVerifier). PEM stores are read as-is and PKCS12 key stores as
// `pfx`; JKS (and PKCS12 trust stores) are Java formats Node cannot read: a clear error says so.
import { readFileSync } from "node:fs";
import type { ConnectionOptions } from "node:tls";
import type { BrokerSsl } from "../../spec-types/api-v4-definition.ts";

export class TlsConfigurationError extends Error {}

/** The subset of Node's TLS options the stores map to (narrow, so every client library takes it). */
export interface TlsOptions {
  ca?: string;
  cert?: string | Buffer;
  key?: string | Buffer;
  pfx?: Buffer;
  passphrase?: string;
  checkServerIdentity?: ConnectionOptions["checkServerIdentity"];
}

const read = (path: string, field: string): Buffer => {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new TlsConfigurationError(`${field}: cannot read ${path} (${(error as Error).message})`);
  }
};

export function brokerTls(ssl: BrokerSsl | undefined): TlsOptions {
  const tls: TlsOptions = {};
  const trust = ssl?.trustStore;
  const trustType = trust?.type || "NONE";
  if (trustType === "PEM") {
    tls.ca =
      trust?.content ?? (trust?.path ? read(trust.path, "ssl.trustStore.path").toString("utf8") : undefined);
    if (!tls.ca) throw new TlsConfigurationError("ssl.trustStore: a PEM trust store needs content or path");
  } else if (trustType === "JKS" || trustType === "PKCS12") {
    throw new TlsConfigurationError(
      `ssl.trustStore.type ${trustType} is a Java store format; give the CA certificates as PEM instead`,
    );
  }
  const key = ssl?.keyStore;
  const keyType = key?.type || "NONE";
  if (keyType === "PEM") {
    tls.cert = key?.certContent ?? (key?.certPath ? read(key.certPath, "ssl.keyStore.certPath") : undefined);
    tls.key = key?.keyContent ?? (key?.keyPath ? read(key.keyPath, "ssl.keyStore.keyPath") : undefined);
    if (!tls.cert || !tls.key) {
      throw new TlsConfigurationError("ssl.keyStore: a PEM key store needs a certificate and a key");
    }
    if (key?.keyPassword) tls.passphrase = key.keyPassword;
  } else if (keyType === "PKCS12") {
    tls.pfx = key?.content
      ? Buffer.from(key.content, "base64")
      : key?.path
        ? read(key.path, "ssl.keyStore.path")
        : undefined;
    if (!tls.pfx) throw new TlsConfigurationError("ssl.keyStore: a PKCS12 key store needs content or path");
    const passphrase = key?.keyPassword ?? key?.password;
    if (passphrase) tls.passphrase = passphrase;
  } else if (keyType === "JKS") {
    throw new TlsConfigurationError("ssl.keyStore.type JKS is a Java store format; use PEM or PKCS12");
  }
  if (ssl?.hostnameVerifier === false) tls.checkServerIdentity = () => undefined;
  return tls;
}
