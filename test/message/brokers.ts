// The broker endpoints of the message tests, as YAML for an endpoint (below `endpoints:`), each
// consuming and producing on its own channel named after the API: kafka (two partitions, from the
// earliest offset), mqtt5 and solace (over Mosquitto), rabbitmq (a topic exchange).

import { createKafkaTopics } from "../helpers/kafka.ts";
import { kafkaBootstrap, mqttUrl, rabbitmqUrl } from "../setup/env.ts";

export interface Broker {
  type: string;
  endpoint(name: string): string;
  prepare?(name: string): Promise<void>;
}

const broker = new URL(mqttUrl());
const rabbit = new URL(rabbitmqUrl());
export const BROKERS: Broker[] = [
  {
    type: "kafka",
    // Two partitions, so two connections of one client can split them.
    prepare: (name) => createKafkaTopics([name], 2),
    endpoint: (name) => `
configuration:
  bootstrapServers: "${kafkaBootstrap()}"
sharedConfigurationOverride:
  consumer: { enabled: true, topics: ["${name}"], autoOffsetReset: earliest }
  producer: { enabled: true, topics: ["${name}"] }`,
  },
  {
    type: "mqtt5",
    endpoint: (name) => `
configuration:
  serverHost: ${broker.hostname}
  serverPort: ${broker.port}
sharedConfigurationOverride:
  consumer: { enabled: true, topic: "sluice/per-client/${name}" }
  producer: { enabled: true, topic: "sluice/per-client/${name}" }`,
  },
  {
    type: "solace",
    endpoint: (name) => `
configuration:
  url: tcp://${broker.host}
  vpnName: default
sharedConfigurationOverride:
  consumer: { enabled: true, topics: ["sluice/per-client/${name}"] }
  producer: { enabled: true, topics: ["sluice/per-client/${name}"] }`,
  },
  {
    type: "rabbitmq",
    endpoint: (name) => `
configuration:
  serverHost: ${rabbit.hostname}
  serverPort: ${rabbit.port}
sharedConfigurationOverride:
  security: { auth: { username: ${decodeURIComponent(rabbit.username)}, password: ${decodeURIComponent(rabbit.password)} } }
  consumer:
    enabled: true
    routingKey: "#"
    exchange: { name: ${name}, type: topic, durable: false, autoDelete: false }
  producer:
    enabled: true
    routingKey: per.client
    exchange: { name: ${name}, type: topic, durable: false, autoDelete: false }`,
  },
];

/**
 * `spec.endpointGroups` as YAML (2 spaces in): one group of `type` with one endpoint, `broker`,
 * whose own configuration is `endpoint` (a `Broker.endpoint` fragment).
 */
export const brokerGroup = (type: string, endpoint: string, group = "brokers") => `  endpointGroups:
    - name: ${group}
      type: ${type}
      endpoints:
        - name: broker
          type: ${type}
          inheritConfiguration: false
${endpoint
  .trim()
  .split("\n")
  .map((l) => `          ${l}`)
  .join("\n")}
`;
