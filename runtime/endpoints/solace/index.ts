// The `solace` endpoint over Solace PubSub+'s MQTT 5 interface (the native SMF protocol needs
// solclientjs, under a proprietary licence). UNTESTED against a live Solace broker: none can run
// here; the tests run it against Mosquitto (docs/endpoints.md).
// - `url`: tcp://, tcps://, mqtt:// or mqtts:// host:port of the Message VPN's MQTT service. A
//   Solace broker serves each Message VPN's MQTT on a port of its own, so the port selects the VPN;
//   `vpnName` names the client (client id `<vpn>-<random>`, cut to MQTT's portable 23 characters).
// - Topics: SMF wildcards in consumer topics become MQTT ones (`*` level → `+`, trailing `>` → `#`);
//   Solace's documented limits for MQTT topics are enforced before connecting (at most 128 levels
//   and 250 bytes: "an MQTT client connection that exceeds those limits will be closed" —
//   https://docs.solace.com/API/MQTT/MQTT-Topics.htm), as are prefix wildcards (`ab*`), which MQTT
//   cannot express, and wildcards in publish topics.
// - Every topic of `producer.topics` receives each published message; `consumer.topics` are all
//   subscribed, through a shared subscription per consumer group.
import type { MessageEndpoint } from "../../contract.ts";
import { defineEndpoint } from "../../define.ts";
import type {
  SolaceEndpointConfiguration,
  SolaceSharedConfiguration,
} from "../../spec-types/api-v4-definition.ts";
import { MqttEndpoint } from "../mqtt5/mqtt-endpoint.ts";

/** Solace's limits on MQTT topics. */
export const SOLACE_MAX_TOPIC_LEVELS = 128;
export const SOLACE_MAX_TOPIC_BYTES = 250;

export class SolaceConfigurationError extends Error {}

/** The MQTT form of a Solace consumer topic (SMF wildcards translated), or an error naming it. */
export function solaceTopic(topic: string, role: "subscribe" | "publish"): string {
  const levels = topic.split("/");
  const mqttTopic = levels
    .map((level, i) => {
      if (role === "subscribe" && level === "*") return "+";
      if (role === "subscribe" && level === ">" && i === levels.length - 1) return "#";
      if (role === "subscribe" && /[*>]/.test(level) && level !== "+" && level !== "#") {
        throw new SolaceConfigurationError(
          `solace topic "${topic}": the prefix wildcard "${level}" has no MQTT equivalent (use a whole-level * or a trailing >)`,
        );
      }
      if (role === "publish" && /[+#]/.test(level)) {
        throw new SolaceConfigurationError(
          `solace topic "${topic}": a publish topic cannot contain wildcards`,
        );
      }
      return level;
    })
    .join("/");
  if (levels.length > SOLACE_MAX_TOPIC_LEVELS) {
    throw new SolaceConfigurationError(
      `solace topic "${topic.slice(0, 40)}…" has ${levels.length} levels; Solace allows at most ${SOLACE_MAX_TOPIC_LEVELS}`,
    );
  }
  const bytes = Buffer.byteLength(mqttTopic, "utf8");
  if (bytes > SOLACE_MAX_TOPIC_BYTES) {
    throw new SolaceConfigurationError(
      `solace topic "${topic.slice(0, 40)}…" is ${bytes} bytes long; Solace allows at most ${SOLACE_MAX_TOPIC_BYTES}`,
    );
  }
  if (topic.includes("\0"))
    throw new SolaceConfigurationError(`solace topic "${topic}" contains a NUL character`);
  return mqttTopic;
}

/** `tcp://h:p` → `mqtt://h:p`, `tcps://` → `mqtts://`; MQTT URLs as they are. */
export function solaceMqttUrl(url: string): string {
  const m = /^(tcp|tcps|mqtt|mqtts|ssl):\/\/([^/]+)\/?$/i.exec(url.trim());
  if (!m) return "mqtt://invalid-solace-url:1";
  const secure = /^(tcps|mqtts|ssl)$/i.test(m[1]!);
  const hostPort = m[2]!.includes(":") ? m[2]! : `${m[2]}:${secure ? 8883 : 1883}`;
  return `${secure ? "mqtts" : "mqtt"}://${hostPort}`;
}

export const connector = defineEndpoint<
  SolaceEndpointConfiguration,
  SolaceSharedConfiguration,
  MessageEndpoint
>({
  type: "solace",
  create(config, shared, endpoint, ctx) {
    // Configuration problems are reported by connect() (health names them), not thrown here: a bad
    // configuration makes the API not ready, it does not stop the gateway.
    const problems: string[] = [];
    const url = solaceMqttUrl(config.url);
    if (url === "mqtt://invalid-solace-url:1")
      problems.push(`solace url "${config.url}": expected tcp://, tcps://, mqtt:// or mqtts:// host:port`);
    const auth = shared.security?.auth;
    const consumerTopics = shared.consumer?.topics ?? [];
    const producerTopics = shared.producer?.topics ?? [];
    const translate = (role: "subscribe" | "publish") => (topic: string) => {
      try {
        return solaceTopic(topic, role);
      } catch (error) {
        problems.push((error as Error).message);
        return topic;
      }
    };
    const vpn = config.vpnName.replace(/[^A-Za-z0-9_-]/g, "").slice(0, 8) || "vpn";
    return new MqttEndpoint({
      name: endpoint.name,
      type: "solace",
      url,
      label: `solace broker ${new URL(url).host} (vpn ${config.vpnName}, MQTT)`,
      clientIdPrefix: vpn,
      ...(auth?.username ? { username: auth.username } : {}),
      ...(auth?.password ? { password: auth.password } : {}),
      consumer: {
        enabled: shared.consumer?.enabled ?? false,
        topics: consumerTopics.map(translate("subscribe")),
      },
      producer: {
        enabled: shared.producer?.enabled ?? false,
        topics: producerTopics.map(translate("publish")),
      },
      ...(problems.length > 0 ? { configurationError: problems.join("; ") } : {}),
      ctx,
    });
  },
});
