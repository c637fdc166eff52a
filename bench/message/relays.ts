// The references of the message bench: the smallest sensible Node relays a team would write by
// hand, each run in its own process (`node bench/message.ts --role=…`).
// - Kafka → SSE (GET /events): per request one @platformatic/kafka consumer (its own group, from the earliest
//   offset) and one SSE event per message (`id`, `event: message`, `data`), written as the stream
//   emits it; the consumer pauses while the response is over its high-water mark.
// - MQTT 5 → WebSocket: per connection one mqtt.js client subscribed to the topic (QoS 1, as the
//   gateway's AUTO asks the broker), one frame per message.
import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import { Consumer, type Message as KafkaRecord } from "@platformatic/kafka";
import mqtt from "mqtt";
import { WebSocketServer } from "ws";

export function kafkaSseRelay(bootstrap: string[], topic: string): Server {
  return createServer((req, res) => {
    if (req.url !== "/events") {
      res.statusCode = 404;
      return void res.end();
    }
    const group = String(req.headers["x-gravitee-client-identifier"] ?? randomUUID());
    const consumer = new Consumer({
      clientId: `relay-${randomUUID().slice(0, 8)}`,
      groupId: group,
      bootstrapBrokers: bootstrap,
      autocommit: false,
    });
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
    let closed = false;
    res.on("close", () => {
      closed = true;
      consumer.close(true).catch(() => undefined);
    });
    consumer
      .consume({ topics: [topic], mode: "earliest", autocommit: false })
      .then((stream) => {
        if (closed) return void stream.close().catch(() => undefined);
        res.on("close", () => void stream.close().catch(() => undefined));
        stream.on("data", (m: KafkaRecord) => {
          const ok = res.write(
            `id: ${m.topic}@${m.partition}#${m.offset}\nevent: message\ndata: ${m.value.toString()}\n\n`,
          );
          if (!ok) {
            stream.pause();
            res.once("drain", () => stream.resume());
          }
        });
        stream.on("error", () => res.destroy());
      })
      .catch(() => res.destroy());
  });
}

export function mqttWsRelay(url: string, topic: string): Server {
  const server = createServer((_req, res) => {
    res.statusCode = 426;
    res.end();
  });
  const wss = new WebSocketServer({ server });
  wss.on("connection", (ws) => {
    const client = mqtt.connect(url, { protocolVersion: 5, clientId: `relay-${randomUUID().slice(0, 8)}` });
    client.on("message", (_topic, payload) => ws.send(payload));
    client.on("connect", () => client.subscribe(topic, { qos: 1 }));
    client.on("error", () => ws.terminate());
    ws.on("close", () => client.end(true));
  });
  return server;
}

/**
 * The memory reference: idle SSE streams (`retry:` then a heartbeat timer each) on /idle-sse and
 * idle WebSocket connections on /idle-ws, over node:http and ws with nothing else.
 */
export function idleServer(): Server {
  const server = createServer((req, res) => {
    if (req.url !== "/idle-sse") {
      res.statusCode = 404;
      return void res.end();
    }
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
    res.write("retry: 3000\n\n");
    const heartbeat = setInterval(() => res.write(":\n\n"), 5000);
    res.on("close", () => clearInterval(heartbeat));
  });
  const wss = new WebSocketServer({ server, path: "/idle-ws" });
  wss.on("connection", () => undefined);
  return server;
}
