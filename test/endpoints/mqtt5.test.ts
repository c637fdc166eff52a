// mqtt5 endpoint specifics against the test Mosquitto: username/password on the password listener,
// and what a published message carries (retain, response topic, expiry, user properties), observed
// with a plain MQTT 5 client; wildcard consumer topics.
import { randomUUID } from "node:crypto";
import { connectAsync, type IPublishPacket } from "mqtt";
import { afterEach, describe, expect, it } from "vitest";
import type { MessageEndpoint } from "../../runtime/contract.ts";
import { connector } from "../../runtime/endpoints/mqtt5/index.ts";
import type { Mqtt5SharedConfiguration } from "../../runtime/spec-types/api-v4-definition.ts";
import { message, Receiver, testContext, warmUp } from "../conformance/message-endpoint.ts";
import { mqttAuthUrl, mqttCredentials, mqttUrl } from "../setup/env.ts";

const opened: MessageEndpoint[] = [];
const receivers: Receiver[] = [];
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((r) => r.stop()));
  await Promise.all(opened.splice(0).map((e) => e.close()));
});
const create = (url: string, shared: Mqtt5SharedConfiguration) => {
  const u = new URL(url);
  const e = connector.create(
    { serverHost: u.hostname, serverPort: Number(u.port) },
    shared,
    { name: "default", group: "g" },
    testContext().ctx,
  );
  opened.push(e);
  return e;
};

describe("mqtt5 endpoint", () => {
  it("authenticates with username and password; is not ready, saying why, without them", async () => {
    const topic = `sluice/auth/${randomUUID()}`;
    const denied = create(mqttAuthUrl(), { producer: { enabled: true, topic } });
    await expect(denied.connect()).rejects.toThrow();
    expect(denied.health().detail).toMatch(/authori[sz]ed|user name or password/i);
    const e = create(mqttAuthUrl(), {
      security: { auth: mqttCredentials() },
      consumer: { enabled: true, topic },
      producer: { enabled: true, topic },
    });
    await e.connect();
    const r = new Receiver(e, { qos: "AUTO" });
    receivers.push(r);
    await warmUp(e, r);
    await e.publish(message("authenticated"));
    expect((await r.waitFor(1)).map((m) => m.content.toString())).toEqual(["authenticated"]);
  });

  it("publishes with retain, response topic, expiry and user properties; consumes a wildcard filter", async () => {
    const base = `sluice/props/${randomUUID()}`;
    const e = create(mqttUrl(), {
      consumer: { enabled: true, topic: `${base}/+` },
      producer: {
        enabled: true,
        topic: `${base}/x`,
        retained: true,
        responseTopic: `${base}/reply`,
        messageExpiryInterval: 60,
      },
    });
    await e.connect();
    const r = new Receiver(e, { qos: "AUTO" });
    receivers.push(r);
    await warmUp(e, r);
    await e.publish(message("props", { tenant: ["acme"], multi: ["1", "2"] }));
    const [m] = await r.waitFor(1);
    expect(m!.headers).toEqual({ tenant: ["acme"], multi: ["1", "2"] });
    expect(m!.metadata).toMatchObject({ topic: `${base}/x`, qos: 1, responseTopic: `${base}/reply` });
    // A plain client connecting afterwards gets the retained message with the MQTT 5 properties.
    const client = await connectAsync(mqttUrl(), {
      protocolVersion: 5,
      clientId: `probe-${randomUUID().slice(0, 8)}`,
    });
    try {
      const got = new Promise<IPublishPacket>((resolve) =>
        client.on("message", (_t, _p, packet) => resolve(packet)),
      );
      await client.subscribeAsync(`${base}/x`, { qos: 1 });
      const packet = await got;
      expect(packet.retain).toBe(true);
      expect(packet.payload.toString()).toBe("props");
      expect(packet.properties?.responseTopic).toBe(`${base}/reply`);
      expect(packet.properties?.messageExpiryInterval).toBeGreaterThan(0);
      expect(packet.properties?.messageExpiryInterval).toBeLessThanOrEqual(60);
      await client.publishAsync(`${base}/x`, "", { retain: true, qos: 1 }); // clear the retained message
    } finally {
      await client.endAsync();
    }
  });
});
