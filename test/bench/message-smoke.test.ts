// Regression guard for the message path: a short `npm run bench:message` (bench/message.ts) — the
// Kafka → SSE API compiled and run as its bundle, against the minimal Node relay reading the same
// topic, the same client reading both, interleaved rounds, medians — asserting only a loose floor
// (0.3× the relay, where the goal is 0.8×) so noise cannot fail it. The full figures live in
// docs/benchmarks.md.
//
// Skipped when the machine is busier than its cores, as test/bench/proxy-smoke.test.ts is (a round
// can then swing by 2×); SLUICE_MESSAGE_SMOKE=1 runs it anyway.
//
// And a memory floor, which the machine's load does not move: 1,000 idle SSE streams on a silent
// mock endpoint, the gateway's RSS growth per stream at most 30 KB (measured ~17 KB, ~23 KB before
// the idle-stream work) with the young generation capped (--max-semi-space-size=1), so the figure
// is what a stream keeps, not how far V8 grew its semi-spaces under the burst of handshakes.
//
// And a leak check: 2,000 idle SSE streams opened and closed, the gateway's heap after a forced GC
// back within 1 MB of where it was (a stream kept after its client left is ~8 KB of heap), and
// while they are open at most 9 KB of heap each (measured 6.9 KB).
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import {
  createTopic,
  deleteTopics,
  fillTopic,
  kafkaProducer,
  kafkaRequests,
  payload,
  type Reader,
  readSse,
  until,
  warmUp,
} from "../../bench/message/clients.ts";
import {
  benchSpecs,
  compileBench,
  type RunningProcess,
  startGateway,
  startRelay,
} from "../../bench/message/gateway.ts";

import { brokerList, kafkaBootstrap, mqttUrl } from "../setup/env.ts";

const busy = loadavg()[0]! > cpus().length && process.env.SLUICE_MESSAGE_SMOKE !== "1";
const N = 20_000;
const bootstrap = brokerList(kafkaBootstrap());
const topic = `message-smoke-${randomUUID().slice(0, 8)}`;
const children: RunningProcess[] = [];
let work: string | undefined;
let idleWork: string | undefined;

afterAll(async () => {
  for (const c of children) await c.stop();
  if (work) await rm(work, { recursive: true, force: true });
  if (idleWork) await rm(idleWork, { recursive: true, force: true });
  if (!busy) await deleteTopics(bootstrap, [topic]);
});

describe.skipIf(busy)("message path (smoke)", () => {
  it("streams Kafka → SSE at least 0.3x as fast as a minimal Node relay", async () => {
    work = await mkdtemp(join(tmpdir(), "sluice-message-smoke-"));
    await createTopic(bootstrap, topic);
    const producer = kafkaProducer(bootstrap);
    await fillTopic(producer, topic, N, 190);
    await producer.close();
    const mqtt = new URL(mqttUrl());
    const specs = benchSpecs(
      { kafka: topic, fanout: topic, mqtt: "unused" },
      { kafka: bootstrap.join(","), mqttHost: mqtt.hostname, mqttPort: Number(mqtt.port) },
    );
    const gateway = await startGateway(
      await compileBench(work, { "kafka-sse.yaml": specs["kafka-sse.yaml"]! }),
    );
    children.push(gateway);
    const relay = await startRelay("kafka-relay", topic);
    children.push(relay);
    const targets = [
      { name: "relay", url: `http://127.0.0.1:${relay.port}/events` },
      { name: "sluice", url: `http://127.0.0.1:${gateway.port}/kafka-sse` },
    ];
    const rates: Record<string, number[]> = { relay: [], sluice: [] };
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < targets.length; i++) {
        const t = targets[(i + round) % targets.length]!;
        const reader = readSse(t.url);
        const complete = await until(reader, N, 15_000);
        reader.close();
        expect(complete, `${t.name} delivered ${reader.received} of ${N}`).toBe(true);
        rates[t.name]!.push(((reader.received - 1) * 1000) / (reader.lastAt - reader.firstAt));
      }
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1]!;
    const ratio = median(rates.sluice!) / median(rates.relay!);
    expect(ratio, JSON.stringify(rates)).toBeGreaterThanOrEqual(0.3);
  }, 180_000);
});

// The fan-out's warm-up and request counts, on the relay: each SSE client (its own consumer group)
// gets the warm-up messages produced to the relay's topic, and the relay, run with
// bench/message/kafka-requests.ts, reports the Kafka requests it sent (a group join per client, fetches).
describe("fan-out warm-up and Kafka request counts (smoke)", () => {
  it("warms every relay client from its own topic and counts the relay's Kafka requests", async () => {
    const fanoutTopic = `fanout-smoke-${randomUUID().slice(0, 8)}`;
    const dir = await mkdtemp(join(tmpdir(), "sluice-fanout-smoke-"));
    await createTopic(bootstrap, fanoutTopic);
    process.env.SLUICE_BENCH_KAFKA_COUNTS = dir;
    const relay = await startRelay("kafka-relay", fanoutTopic, [
      "--import",
      fileURLToPath(new URL("../../bench/message/kafka-requests.ts", import.meta.url)),
    ]);
    delete process.env.SLUICE_BENCH_KAFKA_COUNTS;
    children.push(relay);
    const producer = kafkaProducer(bootstrap);
    const readers = Array.from({ length: 5 }, () => readSse(`http://127.0.0.1:${relay.port}/events`));
    try {
      const { warmed, published } = await warmUp(
        () =>
          producer
            .send({ messages: [{ topic: fanoutTopic, value: payload(190, true) }] })
            .then(() => undefined),
        readers,
        60_000,
        500,
      );
      expect(warmed, `warm-ups per client: ${readers.map((r) => r.warm).join(", ")}`).toBe(true);
      expect(published).toBeGreaterThan(0);
      const counts = await kafkaRequests(dir, relay.proc.pid!);
      // Five consumers, each its own group: each joined it (at least once) and fetched.
      expect(counts.JoinGroup ?? 0, JSON.stringify(counts)).toBeGreaterThanOrEqual(5);
      expect(counts.Fetch ?? 0, JSON.stringify(counts)).toBeGreaterThanOrEqual(5);
    } finally {
      for (const r of readers) r.close();
      await producer.close();
      await deleteTopics(bootstrap, [fanoutTopic]);
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe("idle SSE memory (smoke)", () => {
  it("holds an idle SSE stream in at most 30 KB of gateway RSS", async () => {
    idleWork = await mkdtemp(join(tmpdir(), "sluice-idle-smoke-"));
    const specs = benchSpecs(
      { kafka: "unused", fanout: "unused", mqtt: "unused" },
      { kafka: "127.0.0.1:1", mqttHost: "127.0.0.1", mqttPort: 1 },
    );
    const gateway = await startGateway(
      await compileBench(idleWork, { "idle-sse.yaml": specs["idle-sse.yaml"]! }),
      ["--max-semi-space-size=1"],
    );
    children.push(gateway);
    const open = async (n: number): Promise<Reader[]> => {
      const readers: Reader[] = [];
      for (let i = 0; i < n; i++) {
        readers.push(readSse(`http://127.0.0.1:${gateway.port}/idle-sse`));
        if (i % 100 === 99) await sleep(20);
      }
      const opened = await Promise.all(readers.map((r) => r.opened));
      expect(opened.filter(Boolean).length).toBe(n);
      return readers;
    };
    // Warm: the code paths optimised, the heap's first pages taken.
    for (const r of await open(500)) r.close();
    await sleep(2000);
    const before = gateway.rss();
    const readers = await open(1000);
    await sleep(2000);
    const perStream = (gateway.rss() - before) / 1000;
    for (const r of readers) r.close();
    expect(perStream / 1024).toBeGreaterThan(0);
    expect(perStream / 1024).toBeLessThanOrEqual(30);
  }, 120_000);
});

describe("idle SSE streams closed (leak check)", () => {
  it("returns the heap of 2,000 closed idle SSE streams", async () => {
    const dir = await mkdtemp(join(tmpdir(), "sluice-idle-leak-"));
    const out = join(dir, "heap.json");
    const specs = benchSpecs(
      { kafka: "unused", fanout: "unused", mqtt: "unused" },
      { kafka: "127.0.0.1:1", mqttHost: "127.0.0.1", mqttPort: 1 },
    );
    process.env.HEAP_PROBE_OUT = out;
    const gateway = await startGateway(
      await compileBench(dir, { "idle-sse.yaml": specs["idle-sse.yaml"]! }),
      ["--expose-gc", "--require", fileURLToPath(new URL("heap-probe.cjs", import.meta.url))],
    );
    delete process.env.HEAP_PROBE_OUT;
    children.push(gateway);
    const heap = async (): Promise<number> => {
      await rm(out, { force: true });
      gateway.proc.kill("SIGUSR2");
      while (!existsSync(out)) await sleep(50);
      await sleep(100);
      return (JSON.parse(await readFile(out, "utf8")) as { heapUsed: number }).heapUsed;
    };
    const open = async (n: number): Promise<Reader[]> => {
      const readers: Reader[] = [];
      for (let i = 0; i < n; i++) {
        readers.push(readSse(`http://127.0.0.1:${gateway.port}/idle-sse`));
        if (i % 100 === 99) await sleep(20);
      }
      const opened = await Promise.all(readers.map((r) => r.opened));
      expect(opened.filter(Boolean).length).toBe(n);
      return readers;
    };
    try {
      for (const r of await open(200)) r.close();
      await sleep(1000);
      const before = await heap();
      const readers = await open(2000);
      await sleep(500);
      const open2000 = await heap();
      for (const r of readers) r.close();
      await sleep(2000);
      const after = await heap();
      // The streams were held (so the measure sees them), then given back.
      const perStream = (open2000 - before) / 2000;
      console.log(`idle SSE stream: ${(perStream / 1024).toFixed(2)} KB of heap each`);
      expect(perStream).toBeGreaterThan(4 * 1024);
      // And what each kept, at most: measured 6.9 KB (9.7 KB before the sixth round of idle-stream
      // work, docs/benchmarks.md), a heap figure after forced collections, which load does not move.
      expect(perStream).toBeLessThan(9 * 1024);
      expect(after - before).toBeLessThan(1024 * 1024);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
