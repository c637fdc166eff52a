// The kafka endpoint against the test broker's PLAINTEXT listener; the restart test runs a Kafka
// of its own (throwaway-brokers.ts), since the shared one serves other test runs.
import { randomUUID } from "node:crypto";
import { connector } from "../../runtime/endpoints/kafka/index.ts";
import type { KafkaSharedConfiguration } from "../../runtime/spec-types/api-v4-definition.ts";
import { kafkaBootstrap } from "../setup/env.ts";
import { describeMessageEndpointConformance, testContext } from "./message-endpoint.ts";
import { freePort, throwawayKafka } from "./throwaway-brokers.ts";

const shared = (topic: string): KafkaSharedConfiguration => ({
  consumer: { enabled: true, topics: [topic], autoOffsetReset: "earliest" },
  producer: { enabled: true, topics: [topic] },
});
const create = (bootstrapServers: string, topic: string) =>
  connector.create(
    { bootstrapServers },
    shared(topic),
    { name: "default", group: "default-group" },
    testContext().ctx,
  );
const closedPort = await freePort();

describeMessageEndpointConformance("kafka", {
  channel: () => `conformance-${randomUUID()}`,
  endpoint: (topic) => create(kafkaBootstrap(), topic),
  unreachable: () => create(`127.0.0.1:${closedPort}`, "unreachable"),
  features: {
    roundTrip: true,
    durableGroups: true,
    deliversEarlierMessages: true,
    restartable: async () => {
      const kafka = await throwawayKafka();
      return { ...kafka, endpoint: (topic: string) => create(kafka.bootstrap, topic) };
    },
  },
});
