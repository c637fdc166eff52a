// The solace endpoint runs over MQTT 5, so it is exercised against the test Mosquitto: this checks
// our side of the protocol, not a Solace broker (none can run here; see docs/endpoints.md). Plus
// Solace's topic limits, which must be refused before connecting.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { connector, solaceMqttUrl, solaceTopic } from "../../runtime/endpoints/solace/index.ts";
import { mqttUrl } from "../setup/env.ts";
import { describeMessageEndpointConformance, testContext } from "./message-endpoint.ts";
import { freePort, throwawayMosquitto } from "./throwaway-brokers.ts";

const create = (url: string, topic: string) =>
  connector.create(
    { url, vpnName: "default" },
    { consumer: { enabled: true, topics: [topic] }, producer: { enabled: true, topics: [topic] } },
    { name: "default", group: "default-group" },
    testContext().ctx,
  );
const broker = new URL(mqttUrl());
const closedPort = await freePort();

describeMessageEndpointConformance("solace (over MQTT 5, against Mosquitto)", {
  channel: () => `sluice/solace/${randomUUID()}`,
  endpoint: (topic) => create(`tcp://${broker.host}`, topic),
  unreachable: () => create(`tcp://127.0.0.1:${closedPort}`, "unreachable"),
  features: {
    roundTrip: true,
    durableGroups: false,
    deliversEarlierMessages: false,
    restartable: async () => {
      const mosquitto = await throwawayMosquitto();
      return {
        ...mosquitto,
        endpoint: (topic: string) => create(`tcp://127.0.0.1:${mosquitto.port}`, topic),
      };
    },
  },
});

describe("solace topics and urls", () => {
  it.each([
    ["a/*/c", "subscribe", "a/+/c"],
    ["a/b/>", "subscribe", "a/b/#"],
    ["a/>/c", "subscribe", "a/>/c"],
    ["orders/created", "publish", "orders/created"],
  ] as const)("%s (%s) → %s", (topic, role, expected) => {
    if (topic === "a/>/c") expect(() => solaceTopic(topic, role)).toThrow(/prefix wildcard/);
    else expect(solaceTopic(topic, role)).toBe(expected);
  });

  it("refuses more than 128 levels and more than 250 bytes", () => {
    expect(() => solaceTopic(Array.from({ length: 129 }, () => "a").join("/"), "publish")).toThrow(
      /129 levels.*128/,
    );
    expect(solaceTopic(Array.from({ length: 125 }, () => "a").join("/"), "publish")).toBeTruthy();
    expect(() => solaceTopic("x".repeat(251), "publish")).toThrow(/251 bytes.*250/);
    expect(() => solaceTopic("é".repeat(126), "publish")).toThrow(/252 bytes/);
    expect(() => solaceTopic("a/+/c", "publish")).toThrow(/wildcards/);
  });

  it("maps Solace urls to MQTT ones", () => {
    expect(solaceMqttUrl("tcp://broker:1883")).toBe("mqtt://broker:1883");
    expect(solaceMqttUrl("tcps://broker")).toBe("mqtts://broker:8883");
    expect(solaceMqttUrl("mqtt://broker:1884/")).toBe("mqtt://broker:1884");
  });

  it("reports a topic over the limits as not ready, naming it, without connecting", async () => {
    const endpoint = create(`tcp://${broker.host}`, `t/${"x".repeat(300)}`);
    await expect(endpoint.connect()).rejects.toThrow(/Solace allows at most 250/);
    expect(endpoint.health()).toMatchObject({ ready: false, detail: expect.stringMatching(/302 bytes/) });
    await endpoint.close();
  });
});
