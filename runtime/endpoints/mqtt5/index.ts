// The `mqtt5` endpoint (Gravitee's gravitee-endpoint-mqtt5): serverHost/serverPort, username and
// password, TLS (security.ssl), sessionExpiryInterval, a consumer topic filter (wildcards allowed)
// consumed through a shared subscription per consumer group, and a producer topic with retained,
// responseTopic and messageExpiryInterval. The behaviour lives in mqtt5/mqtt-endpoint.ts.
import type { MessageEndpoint } from "../../contract.ts";
import { defineEndpoint } from "../../define.ts";
import type {
  Mqtt5EndpointConfiguration,
  Mqtt5SharedConfiguration,
} from "../../spec-types/api-v4-definition.ts";
import { brokerTls } from "../broker/tls.ts";
import { MqttEndpoint } from "./mqtt-endpoint.ts";

export const connector = defineEndpoint<
  Mqtt5EndpointConfiguration,
  Mqtt5SharedConfiguration,
  MessageEndpoint
>({
  type: "mqtt5",
  create(config, shared, endpoint, ctx) {
    const ssl = shared.security?.ssl;
    const auth = shared.security?.auth;
    const secure = ssl !== undefined;
    const address = `${config.serverHost}:${config.serverPort}`;
    const consumer = shared.consumer;
    const producer = shared.producer;
    return new MqttEndpoint({
      name: endpoint.name,
      type: "mqtt5",
      url: `${secure ? "mqtts" : "mqtt"}://${address}`,
      label: `mqtt5 broker ${address}`,
      clientIdPrefix: `sluice-${ctx.api.id}`.slice(0, 48),
      ...(auth?.username ? { username: auth.username } : {}),
      ...(auth?.password ? { password: auth.password } : {}),
      ...(secure ? { tls: brokerTls(ssl) } : {}),
      ...(shared.sessionExpiryInterval !== undefined
        ? { sessionExpiryInterval: shared.sessionExpiryInterval }
        : {}),
      consumer: { enabled: consumer?.enabled ?? false, topics: consumer?.topic ? [consumer.topic] : [] },
      producer: {
        enabled: producer?.enabled ?? false,
        topics: producer?.topic ? [producer.topic] : [],
        ...(producer?.retained !== undefined ? { retained: producer.retained } : {}),
        ...(producer?.responseTopic ? { responseTopic: producer.responseTopic } : {}),
        ...(producer?.messageExpiryInterval !== undefined
          ? { messageExpiryInterval: producer.messageExpiryInterval }
          : {}),
      },
      ctx,
    });
  },
});
