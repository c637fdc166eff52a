// The clients of the message bench, the same code reading the gateway and the reference relay:
// an SSE reader over node:http, a WebSocket reader over `ws`, the Kafka producer that fills the
// topics and the MQTT publisher. Payloads start with the time they were sent (ms, 13 digits) then
// `|`, padded to the message size; warm-up payloads start with `w`.
import { randomUUID } from "node:crypto";
import { readFile, rm } from "node:fs/promises";
import { Agent, type ClientRequest, request } from "node:http";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { Admin, Producer } from "@platformatic/kafka";
import mqtt, { type MqttClient } from "mqtt";
import WebSocket from "ws";

const DATA = Buffer.from("\ndata: ");

export function payload(size: number, warm = false): Buffer {
  const head = warm ? "w|" : `${Date.now()}|`;
  return Buffer.from(head.padEnd(size, "x"));
}

/** What one reader saw. */
export interface Reader {
  /** Measured messages received (warm-ups excluded). */
  received: number;
  warm: number;
  /** When the reader was opened, the first and last measured messages arrived (performance.now()). */
  openedAt: number;
  firstAt: number;
  lastAt: number;
  /** Delivery latencies in ms (send time in the payload → receipt), when recorded. */
  latencies: number[] | undefined;
  /** Called after every measured message. */
  onMessage: (() => void) | undefined;
  /** True once the stream is open (SSE headers, WebSocket open); false when it failed first. */
  opened: Promise<boolean>;
  close(): void;
}

function newReader(recordLatency: boolean): Reader {
  return {
    received: 0,
    warm: 0,
    openedAt: performance.now(),
    firstAt: 0,
    lastAt: 0,
    latencies: recordLatency ? [] : undefined,
    onMessage: undefined,
    opened: Promise.resolve(false),
    close: () => undefined,
  };
}

function count(reader: Reader, head: number, readTime: () => number): void {
  if (head === 0x77 /* w */) {
    reader.warm++;
    return;
  }
  const now = performance.now();
  if (reader.received === 0) reader.firstAt = now;
  reader.lastAt = now;
  reader.received++;
  if (reader.latencies) reader.latencies.push(Date.now() - readTime());
  reader.onMessage?.();
}

const agent = new Agent({ keepAlive: false, maxSockets: Number.POSITIVE_INFINITY });

/**
 * Reads an SSE stream: counts the `data:` lines (one per message in both the gateway's and the
 * relay's events), with the send time read from the payload when latencies are recorded.
 */
export function readSse(url: string, options: { latency?: boolean } = {}): Reader {
  const reader = newReader(options.latency ?? false);
  let opened!: (ok: boolean) => void;
  reader.opened = new Promise<boolean>((resolve) => (opened = resolve));
  let tail = Buffer.alloc(0);
  const req: ClientRequest = request(
    url,
    {
      agent,
      headers: { accept: "text/event-stream", "x-gravitee-client-identifier": randomUUID() },
    },
    (res) => {
      opened(res.statusCode === 200);
      res.on("data", (chunk: Buffer) => {
        const buf = tail.length > 0 ? Buffer.concat([tail, chunk]) : chunk;
        let at = buf.indexOf(DATA);
        let pending = -1;
        while (at >= 0) {
          const start = at + DATA.length;
          // A message's first 14 bytes (13-digit time and `|`) must be in the buffer to be read.
          if (start + 14 > buf.length) {
            pending = at;
            break;
          }
          count(reader, buf[start]!, () => Number(buf.toString("latin1", start, start + 13)));
          at = buf.indexOf(DATA, start);
        }
        // Keep what may hold the start of the next `\ndata: ` (never a counted one).
        tail = Buffer.from(buf.subarray(pending >= 0 ? pending : Math.max(0, buf.length - DATA.length + 1)));
      });
      res.on("error", () => undefined);
    },
  );
  req.on("error", () => opened(false));
  req.end();
  reader.close = () => req.destroy();
  return reader;
}

export function readWebSocket(url: string, options: { latency?: boolean } = {}): Reader {
  const reader = newReader(options.latency ?? false);
  const ws = new WebSocket(url, { headers: { "x-gravitee-client-identifier": randomUUID() } });
  ws.on("message", (data: Buffer) => count(reader, data[0]!, () => Number(data.toString("latin1", 0, 13))));
  ws.on("error", () => undefined);
  reader.close = () => ws.terminate();
  reader.opened = new Promise<boolean>((resolve) => {
    ws.once("open", () => resolve(true));
    ws.once("error", () => resolve(false));
  });
  return reader;
}

/** Waits until `reader.received >= target` (or `ms` pass without progress: resolves false). */
export function until(reader: Reader, target: number, stallMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    if (reader.received >= target) return resolve(true);
    let seen = reader.received;
    const watchdog = setInterval(() => {
      if (reader.received === seen) {
        clearInterval(watchdog);
        reader.onMessage = undefined;
        resolve(false);
      }
      seen = reader.received;
    }, stallMs);
    reader.onMessage = () => {
      if (reader.received < target) return;
      clearInterval(watchdog);
      reader.onMessage = undefined;
      resolve(true);
    };
  });
}

export async function createTopic(bootstrap: string[], topic: string): Promise<void> {
  const admin = new Admin({ clientId: "bench-admin", bootstrapBrokers: bootstrap });
  try {
    await admin.createTopics({ topics: [topic], partitions: 1, replicas: 1 });
  } finally {
    await admin.close();
  }
}

export async function deleteTopics(bootstrap: string[], topics: string[]): Promise<void> {
  const admin = new Admin({ clientId: "bench-admin", bootstrapBrokers: bootstrap });
  try {
    await admin.deleteTopics({ topics });
  } catch {
    // best effort
  } finally {
    await admin.close();
  }
}

export function kafkaProducer(bootstrap: string[]): Producer {
  return new Producer({ clientId: "bench-producer", bootstrapBrokers: bootstrap, acks: 1 });
}

/** Produces `n` messages of `size` bytes (1,000 a request, 4 requests in flight). */
export async function fillTopic(producer: Producer, topic: string, n: number, size: number): Promise<void> {
  const value = payload(size);
  let sent = 0;
  const inFlight = new Set<Promise<unknown>>();
  while (sent < n) {
    const batch = Math.min(1000, n - sent);
    const p = producer.send({ messages: Array.from({ length: batch }, () => ({ topic, value })) });
    sent += batch;
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p));
    if (inFlight.size >= 4) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
}

export async function mqttPublisher(url: string): Promise<MqttClient> {
  return mqtt.connectAsync(url, { protocolVersion: 5, clientId: `bench-pub-${randomUUID().slice(0, 8)}` });
}

/**
 * Publishes `n` messages (MQTT QoS 0) keeping at most `window` ahead of what the reader has: the
 * broker drops what a subscriber cannot take, so an open tap would measure the broker's drops.
 */
export async function publishWindowed(
  client: MqttClient,
  topic: string,
  reader: Reader,
  n: number,
  size: number,
  window: number,
): Promise<void> {
  let sent = 0;
  while (sent < n) {
    if (sent - reader.received >= window) {
      const ok = await until(reader, sent - window / 2, 2000);
      if (!ok) return;
    }
    const burst = Math.min(n - sent, window - (sent - reader.received));
    for (let i = 0; i < burst; i++) client.publish(topic, payload(size), { qos: 0 });
    sent += burst;
    // Let the socket flush before the next burst.
    await new Promise((r) => setImmediate(r));
  }
}

/**
 * Warm-up: publishes a `w` message every `everyMs` (100 ms unless told) until every reader has one
 * (or `ms` pass). Resolves whether all have one and how many were published.
 */
export async function warmUp(
  publish: () => Promise<void> | void,
  readers: Reader[],
  ms: number,
  everyMs = 100,
): Promise<{ warmed: boolean; published: number }> {
  const deadline = Date.now() + ms;
  let published = 0;
  while (Date.now() < deadline) {
    if (readers.every((r) => r.warm > 0)) return { warmed: true, published };
    await publish();
    published++;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  return { warmed: readers.every((r) => r.warm > 0), published };
}

/**
 * The Kafka requests a server sent so far, per API (with --count-requests: the server runs
 * bench/message/kafka-requests.ts, which writes them on SIGUSR2).
 */
export async function kafkaRequests(dir: string | undefined, pid: number): Promise<Record<string, number>> {
  if (!dir) return {};
  const file = join(dir, `kafka-requests-${pid}.json`);
  await rm(file, { force: true });
  process.kill(pid, "SIGUSR2");
  for (let i = 0; i < 100; i++) {
    await sleep(20);
    try {
      return JSON.parse(await readFile(file, "utf8")) as Record<string, number>;
    } catch {
      // not written yet
    }
  }
  throw new Error(`no Kafka request counts from ${pid}`);
}
