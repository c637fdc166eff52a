// Connection settings of the test brokers, read from the environment that test/setup/brokers.ts
// fills from .brokers/env.json (written by scripts/brokers.sh). Every default matches the script,
// so a test file also works when run against brokers started by hand.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

/** Where scripts/brokers.sh keeps its state (.brokers/ unless SLUICE_BROKERS_DIR is set). */
export function brokersDir(): string {
  return process.env.SLUICE_BROKERS_DIR || `${repoRoot}.brokers`;
}

function get(name: string, fallback: string): string {
  const value = process.env[name];
  return value === undefined || value === "" ? fallback : value;
}

/** Kafka PLAINTEXT bootstrap, "host:port" (comma-separated when several). */
export const kafkaBootstrap = (): string => get("KAFKA_BOOTSTRAP", "127.0.0.1:19092");
/** Kafka SASL_PLAINTEXT bootstrap (PLAIN, SCRAM-SHA-256, SCRAM-SHA-512). */
export const kafkaSaslBootstrap = (): string => get("KAFKA_SASL_BOOTSTRAP", "127.0.0.1:19093");
/** Kafka SASL_SSL bootstrap (same mechanisms, TLS with the certificate in kafkaCaFile()). */
export const kafkaSaslSslBootstrap = (): string => get("KAFKA_SASL_SSL_BOOTSTRAP", "127.0.0.1:19094");
/** PEM file of the CA that signed the SASL_SSL listener's certificate (SAN localhost, 127.0.0.1). */
export const kafkaCaFile = (): string => get("KAFKA_CA_FILE", `${brokersDir()}/kafka/ca.pem`);
/** Contents of kafkaCaFile(), for `tls: { ca }`. */
export const kafkaCa = (): string => readFileSync(kafkaCaFile(), "utf8");

export interface Credentials {
  username: string;
  password: string;
}
/** A SCRAM-SHA-256 and SCRAM-SHA-512 user. */
export const kafkaScram = (): Credentials => ({
  username: get("KAFKA_SCRAM_USER", "alice"),
  password: get("KAFKA_SCRAM_PASSWORD", "alice-secret"),
});
/** A SASL/PLAIN user (admin/admin-secret is one too). */
export const kafkaPlain = (): Credentials => ({
  username: get("KAFKA_PLAIN_USER", "alice"),
  password: get("KAFKA_PLAIN_PASSWORD", "alice-secret"),
});

/** Split a bootstrap string into the "host:port" list that Kafka clients take. */
export const brokerList = (bootstrap: string): string[] =>
  bootstrap
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

/** MQTT 5 broker (Mosquitto), anonymous. */
export const mqttUrl = (): string => get("MQTT_URL", "mqtt://127.0.0.1:1883");
/** MQTT 5 broker listener that requires mqttCredentials(); anonymous clients are refused. */
export const mqttAuthUrl = (): string => get("MQTT_AUTH_URL", "mqtt://127.0.0.1:1884");
export const mqttCredentials = (): Credentials => ({
  username: get("MQTT_USER", "sluice"),
  password: get("MQTT_PASSWORD", "sluice-secret"),
});

export const rabbitmqUrl = (): string => get("RABBITMQ_URL", "amqp://guest:guest@127.0.0.1:5672");
export const redisUrl = (): string => get("REDIS_URL", "redis://127.0.0.1:6379");
