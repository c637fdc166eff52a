// Kafka client security from Gravitee's endpoint configuration: `security.protocol` (PLAINTEXT,
// SSL, SASL_PLAINTEXT, SASL_SSL), the SASL mechanism with its JAAS line, and trust/key stores.
// Gravitee hands these to the Java client as-is; here the JAAS line is parsed for the credentials
// (https://kafka.apache.org/documentation/#security_jaas_client) and the stores become Node TLS
// options. PEM trust and key stores and PKCS12 key stores are supported; JKS, and PKCS12 trust
// stores, are Java formats that Node's TLS cannot read (convert them to PEM).
import { readFileSync } from "node:fs";
import type { ConnectionOptions as TlsOptions } from "node:tls";
import type { KafkaSecurity } from "../../spec-types/api-v4-definition.ts";

export type SaslMechanism = "PLAIN" | "SCRAM-SHA-256" | "SCRAM-SHA-512" | "OAUTHBEARER";

export interface KafkaConnectionSecurity {
  tls?: TlsOptions;
  sasl?: { mechanism: SaslMechanism; username?: string; password?: string; token?: string };
}

/** A configuration the client cannot use; the message names the field. */
export class KafkaConfigurationError extends Error {}

/**
 * The options of a JAAS login module line:
 * `org.apache.kafka.common.security.scram.ScramLoginModule required username="alice" password="x";`
 * → `{ module, flag, options: { username, password } }`. Values may be quoted (with `\"` and `\\`
 * escapes) or bare; the trailing `;` is optional.
 */
export function parseJaasConfig(line: string): {
  module: string;
  flag: string;
  options: Record<string, string>;
} {
  const text = line.trim();
  const head = /^([\w.$]+)\s+(required|requisite|sufficient|optional)\b/.exec(text);
  if (!head) {
    throw new KafkaConfigurationError(
      'security.sasl.saslJaasConfig: expected `<LoginModule class> required key="value" …;`',
    );
  }
  const options: Record<string, string> = {};
  const option = /\s*([\w.-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s;"]+))/y;
  let at = head[0].length;
  while (at < text.length) {
    option.lastIndex = at;
    const m = option.exec(text);
    if (!m) {
      if (/^\s*;?\s*$/.test(text.slice(at))) break;
      throw new KafkaConfigurationError(
        `security.sasl.saslJaasConfig: cannot read the options after "${text.slice(0, at).slice(-20)}"`,
      );
    }
    options[m[1]!] = m[2] !== undefined ? m[2].replace(/\\(.)/g, "$1") : (m[3] ?? "");
    at = option.lastIndex;
  }
  return { module: head[1]!, flag: head[2]!, options };
}

const readText = (path: string, field: string): string => {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    throw new KafkaConfigurationError(`${field}: cannot read ${path} (${(error as Error).message})`);
  }
};

/** Node TLS and SASL options for a `security` block (files are read here, at connect time). */
export function kafkaSecurity(security: KafkaSecurity | undefined): KafkaConnectionSecurity {
  const protocol = security?.protocol ?? "PLAINTEXT";
  const result: KafkaConnectionSecurity = {};
  if (protocol === "SSL" || protocol === "SASL_SSL") result.tls = tlsOptions(security);
  if (protocol === "SASL_PLAINTEXT" || protocol === "SASL_SSL") {
    const sasl = security?.sasl;
    const mechanism = sasl?.saslMechanism ?? "PLAIN";
    if (mechanism === "GSSAPI") {
      throw new KafkaConfigurationError("security.sasl.saslMechanism: GSSAPI (Kerberos) is not supported");
    }
    if (!sasl?.saslJaasConfig) {
      throw new KafkaConfigurationError(`security.sasl.saslJaasConfig is required for ${protocol}`);
    }
    const { options } = parseJaasConfig(sasl.saslJaasConfig);
    if (mechanism === "OAUTHBEARER") {
      // The unsecured OAUTHBEARER login module takes the token as `unsecuredLoginStringClaim_sub`;
      // a static bearer token is accepted as `token`.
      const token = options.token ?? options.accessToken;
      if (!token)
        throw new KafkaConfigurationError('security.sasl.saslJaasConfig: OAUTHBEARER needs token="…"');
      result.sasl = { mechanism, token };
    } else {
      if (options.username === undefined || options.password === undefined) {
        throw new KafkaConfigurationError(
          `security.sasl.saslJaasConfig: ${mechanism} needs username="…" and password="…"`,
        );
      }
      result.sasl = { mechanism, username: options.username, password: options.password };
    }
  } else if (protocol !== "SSL" && protocol !== "PLAINTEXT") {
    throw new KafkaConfigurationError(`security.protocol: unknown protocol ${String(protocol)}`);
  }
  return result;
}

function tlsOptions(security: KafkaSecurity | undefined): TlsOptions {
  const tls: TlsOptions = {};
  const trust = security?.ssl?.trustStore;
  const trustType = trust?.type ?? "NONE";
  if (trustType === "PEM") {
    const ca =
      trust?.certificates ?? (trust?.location ? readText(trust.location, "ssl.trustStore.location") : "");
    if (!ca.includes("-----BEGIN CERTIFICATE-----")) {
      throw new KafkaConfigurationError("ssl.trustStore: a PEM trust store needs certificates or a location");
    }
    tls.ca = ca;
  } else if (trustType === "JKS" || trustType === "PKCS12") {
    throw new KafkaConfigurationError(
      `ssl.trustStore.type ${trustType} is a Java store format; give the CA certificates as PEM instead`,
    );
  }
  const key = security?.ssl?.keyStore;
  const keyType = key?.type ?? "NONE";
  if (keyType === "PEM") {
    const cert =
      key?.certificateChain ?? (key?.location ? readText(key.location, "ssl.keyStore.location") : "");
    if (!cert || !key?.key) {
      throw new KafkaConfigurationError(
        "ssl.keyStore: a PEM key store needs certificateChain (or location) and key",
      );
    }
    tls.cert = cert;
    tls.key = key.key;
    if (key.keyPassword) tls.passphrase = key.keyPassword;
  } else if (keyType === "PKCS12") {
    if (!key?.location)
      throw new KafkaConfigurationError("ssl.keyStore: a PKCS12 key store needs a location");
    try {
      tls.pfx = readFileSync(key.location);
    } catch (error) {
      throw new KafkaConfigurationError(
        `ssl.keyStore.location: cannot read ${key.location} (${(error as Error).message})`,
      );
    }
    const passphrase = key.keyPassword ?? key.password;
    if (passphrase) tls.passphrase = passphrase;
  } else if (keyType === "JKS") {
    throw new KafkaConfigurationError("ssl.keyStore.type JKS is a Java store format; use PEM or PKCS12");
  }
  return tls;
}
