// The rabbitmq endpoint against the machine's RabbitMQ (AMQP 0-9-1). The broker is a machine
// service that other test runs share: no restart test here.
import { randomUUID } from "node:crypto";
import { connector } from "../../runtime/endpoints/rabbitmq/index.ts";
import { rabbitmqUrl } from "../setup/env.ts";
import { describeMessageEndpointConformance, testContext } from "./message-endpoint.ts";
import { freePort } from "./throwaway-brokers.ts";

const url = new URL(rabbitmqUrl());
const closedPort = await freePort();
const create = (port: number, exchangeName: string) => {
  const exchange = { name: exchangeName, type: "topic", durable: false, autoDelete: false };
  return connector.create(
    { serverHost: url.hostname, serverPort: port },
    {
      security: {
        auth: { username: decodeURIComponent(url.username), password: decodeURIComponent(url.password) },
      },
      consumer: { enabled: true, routingKey: "conformance.#", exchange },
      producer: { enabled: true, routingKey: "conformance.test", exchange },
    },
    { name: "default", group: "default-group" },
    testContext().ctx,
  );
};

describeMessageEndpointConformance("rabbitmq", {
  channel: () => `sluice-conformance-${randomUUID()}`,
  endpoint: (exchange) => create(Number(url.port), exchange),
  unreachable: () => create(closedPort, "unreachable"),
  features: { roundTrip: true, durableGroups: true, deliversEarlierMessages: false },
});
