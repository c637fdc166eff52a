// The mqtt5 endpoint against the test Mosquitto (MQTT 5); the restart test runs a Mosquitto of its
// own on a free port. MQTT groups are shared subscriptions: they do not keep a position for a group
// without live members, so the durable-group behaviours do not apply.
import { randomUUID } from "node:crypto";
import { connector } from "../../runtime/endpoints/mqtt5/index.ts";
import { mqttUrl } from "../setup/env.ts";
import { describeMessageEndpointConformance, testContext } from "./message-endpoint.ts";
import { freePort, throwawayMosquitto } from "./throwaway-brokers.ts";

const create = (host: string, port: number, topic: string) =>
  connector.create(
    { serverHost: host, serverPort: port },
    { consumer: { enabled: true, topic }, producer: { enabled: true, topic } },
    { name: "default", group: "default-group" },
    testContext().ctx,
  );
const broker = new URL(mqttUrl());
const closedPort = await freePort();

describeMessageEndpointConformance("mqtt5", {
  channel: () => `sluice/conformance/${randomUUID()}`,
  endpoint: (topic) => create(broker.hostname, Number(broker.port), topic),
  unreachable: () => create("127.0.0.1", closedPort, "unreachable"),
  features: {
    roundTrip: true,
    durableGroups: false,
    deliversEarlierMessages: false,
    restartable: async () => {
      const mosquitto = await throwawayMosquitto();
      return { ...mosquitto, endpoint: (topic: string) => create("127.0.0.1", mosquitto.port, topic) };
    },
  },
});
