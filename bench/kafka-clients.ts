// Kafka client choice by measurement: kafkajs 2.2.4 vs @platformatic/kafka on the same local
// broker (scripts/brokers.sh), in one run.
//
//   node bench/kafka-clients.ts [--messages 50000] [--size 1024] [--rounds 5]
//
// Each client runs in a fresh child process per round (so that RSS is its own), alternating
// kafkajs / platformatic. Per round and client: produce N messages of SIZE bytes to a fresh
// 1-partition topic (chunks of 1,000 messages per send, 4 sends in flight, acks=1, no compression),
// then consume them back twice from the earliest offset, each time in a new consumer group (fetches
// of up to 10 MB, both read every message's value), in the two shapes each client offers:
//   batch:   kafkajs `eachBatch` (one call per fetched batch) vs platformatic's fastest shape, the
//            stream in flowing mode ('data' events, synchronous, no await per message): it has no
//            batch API, and draining it with read() on 'readable' measured slower still
//   message: kafkajs `eachMessage` (one awaited handler per message) vs platformatic's stream as an
//            async iterator (`for await`, one await per message) — the shape the gateway uses.
// Reported: produce msgs/s, consume msgs/s per shape (from the group join, so including the first
// fetch, to the last message; the time to join is reported apart),
// and the peak RSS above the process's RSS after its imports. Figures are medians over the rounds,
// with the range: the broker shares the 2 cores with the client, so single runs vary a lot.
// Bounded: every child is killed after 120 s.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

type ClientName = "kafkajs" | "platformatic";

type ConsumeShape = "batch" | "message";

interface Consumed {
  consumeMsgsPerSec: number;
  consumeMs: number;
  joinMs: number;
}

interface Measured {
  produceMsgsPerSec: number;
  produceMs: number;
  batch: Consumed;
  message: Consumed;
}

interface Result extends Measured {
  client: ClientName;
  peakRssDeltaMB: number;
  warnings: number;
}

const { values: args } = parseArgs({
  options: {
    messages: { type: "string", default: "50000" },
    size: { type: "string", default: "1024" },
    rounds: { type: "string", default: "5" },
    child: { type: "string" },
    topic: { type: "string" },
    round: { type: "string", default: "1" },
  },
});
const N = Number(args.messages);
const ROUND = Number(args.round);
const SIZE = Number(args.size);
const CHUNK = 1_000;
const IN_FLIGHT = 4;
const FETCH_MAX_BYTES = 10 * 1024 * 1024;
const bootstrap = process.env.KAFKA_BOOTSTRAP || "127.0.0.1:19092";
const brokers = bootstrap.split(",");

// ----------------------------------------------------------------------------------- child

let baseline = 0;
let peak = 0;
function sampleRss(): void {
  const rss = process.memoryUsage.rss();
  if (rss > peak) peak = rss;
}

async function inFlight(chunks: number, send: (index: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < chunks) await send(next++);
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
}

function payload(): Buffer {
  const value = Buffer.alloc(SIZE);
  for (let i = 0; i < SIZE; i++) value[i] = 97 + (i % 26);
  return value;
}

async function runKafkajs(topic: string): Promise<Measured> {
  const { Kafka, logLevel } = await import("kafkajs");
  const kafka = new Kafka({ clientId: "bench-kafkajs", brokers, logLevel: logLevel.NOTHING });
  const value = payload();
  startSampling();

  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  const t0 = performance.now();
  await inFlight(N / CHUNK, (c) =>
    producer.send({
      topic,
      acks: 1,
      messages: Array.from({ length: CHUNK }, (_, i) => ({ key: String(c * CHUNK + i), value })),
    }),
  );
  const produceMs = performance.now() - t0;
  await producer.disconnect();

  const consume = async (shape: ConsumeShape): Promise<Consumed> => {
    const consumer = kafka.consumer({
      groupId: `bench-kafkajs-${shape}-${randomUUID()}`,
      maxBytes: FETCH_MAX_BYTES,
      maxBytesPerPartition: FETCH_MAX_BYTES,
      maxWaitTimeInMs: 100,
    });
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    let count = 0;
    let bytes = 0;
    let joined = 0;
    consumer.on(consumer.events.GROUP_JOIN, () => {
      joined ||= performance.now();
    });
    const start = performance.now();
    const done = new Promise<number>((resolve) => {
      if (shape === "batch")
        void consumer.run({
          autoCommit: false,
          eachBatch: async ({ batch }) => {
            for (const message of batch.messages) bytes += message.value?.length ?? 0;
            count += batch.messages.length;
            if (count >= N) resolve(performance.now());
          },
        });
      else
        void consumer.run({
          autoCommit: false,
          eachMessage: async ({ message }) => {
            bytes += message.value?.length ?? 0;
            if (++count >= N) resolve(performance.now());
          },
        });
    });
    const last = await done;
    await consumer.disconnect();
    if (bytes !== N * SIZE) throw new Error(`kafkajs ${shape} consumed ${bytes} bytes, expected ${N * SIZE}`);
    return {
      consumeMsgsPerSec: N / ((last - joined) / 1000),
      consumeMs: last - joined,
      joinMs: joined - start,
    };
  };
  // Alternate which shape goes first (a child's first consumer also pays for warming up).
  const batchFirst = ROUND % 2 === 1;
  const first = await consume(batchFirst ? "batch" : "message");
  const second = await consume(batchFirst ? "message" : "batch");
  const [batch, message] = batchFirst ? [first, second] : [second, first];
  return { produceMsgsPerSec: N / (produceMs / 1000), produceMs, batch, message };
}

async function runPlatformatic(topic: string): Promise<Measured> {
  const { Producer, Consumer } = await import("@platformatic/kafka");
  const value = payload();
  startSampling();

  const producer = new Producer({ clientId: "bench-platformatic", bootstrapBrokers: brokers });
  const t0 = performance.now();
  await inFlight(N / CHUNK, (c) =>
    producer.send({
      acks: 1,
      messages: Array.from({ length: CHUNK }, (_, i) => ({
        topic,
        key: Buffer.from(String(c * CHUNK + i)),
        value,
      })),
    }),
  );
  const produceMs = performance.now() - t0;
  await producer.close();

  const consume = async (shape: ConsumeShape): Promise<Consumed> => {
    const consumer = new Consumer({
      clientId: "bench-platformatic",
      groupId: `bench-platformatic-${shape}-${randomUUID()}`,
      bootstrapBrokers: brokers,
      maxBytes: FETCH_MAX_BYTES,
      maxBytesPerPartition: FETCH_MAX_BYTES,
      maxWaitTime: 100,
    });
    let count = 0;
    let bytes = 0;
    let joined = 0;
    consumer.on("consumer:group:join", () => {
      joined ||= performance.now();
    });
    const start = performance.now();
    const stream = await consumer.consume({ topics: [topic], mode: "earliest", autocommit: false });
    let last = 0;
    if (shape === "batch")
      last = await new Promise<number>((resolve, reject) => {
        stream.on("data", (message) => {
          bytes += message.value.length;
          if (++count === N) resolve(performance.now());
        });
        stream.on("error", reject);
      });
    else
      for await (const message of stream) {
        bytes += message.value.length;
        if (++count === N) {
          last = performance.now();
          break;
        }
      }
    await stream.close();
    await consumer.close(true);
    if (bytes !== N * SIZE)
      throw new Error(`platformatic ${shape} consumed ${bytes} bytes, expected ${N * SIZE}`);
    return {
      consumeMsgsPerSec: N / ((last - joined) / 1000),
      consumeMs: last - joined,
      joinMs: joined - start,
    };
  };
  // Alternate which shape goes first (a child's first consumer also pays for warming up).
  const batchFirst = ROUND % 2 === 1;
  const first = await consume(batchFirst ? "batch" : "message");
  const second = await consume(batchFirst ? "message" : "batch");
  const [batch, message] = batchFirst ? [first, second] : [second, first];
  return { produceMsgsPerSec: N / (produceMs / 1000), produceMs, batch, message };
}

function startSampling(): void {
  globalThis.gc?.();
  baseline = process.memoryUsage.rss();
  peak = baseline;
  setInterval(sampleRss, 5).unref();
}

async function child(client: ClientName, topic: string): Promise<void> {
  const r = client === "kafkajs" ? await runKafkajs(topic) : await runPlatformatic(topic);
  sampleRss();
  process.stdout.write(`${JSON.stringify({ ...r, peakRssDeltaMB: (peak - baseline) / 2 ** 20 })}\n`);
  process.exit(0);
}

// ---------------------------------------------------------------------------------- parent

const root = fileURLToPath(new URL("../", import.meta.url));

const kafkaPidFile = `${root}.brokers/kafka/kafka.pid`;

/** Start Kafka with scripts/brokers.sh unless it runs; returns true if this run started it. */
function ensureKafka(): boolean {
  if (process.env.SLUICE_BROKERS === "external") return false;
  const before = existsSync(kafkaPidFile) ? readFileSync(kafkaPidFile, "utf8") : "";
  const r = spawnSync("bash", [`${root}scripts/brokers.sh`, "start", "kafka"], { stdio: "inherit" });
  if (r.status !== 0) throw new Error("scripts/brokers.sh start kafka failed");
  return existsSync(kafkaPidFile) && readFileSync(kafkaPidFile, "utf8") !== before;
}

async function createTopics(names: string[]): Promise<void> {
  const { Admin } = await import("@platformatic/kafka");
  const admin = new Admin({ clientId: "bench-admin", bootstrapBrokers: brokers });
  await admin.createTopics({ topics: names, partitions: 1, replicas: 1 });
  await admin.close();
}

function runChild(client: ClientName, topic: string, round: number): Promise<Result> {
  const self = fileURLToPath(import.meta.url);
  const proc: ChildProcess = spawn(
    process.execPath,
    [
      "--expose-gc",
      self,
      "--child",
      client,
      "--topic",
      topic,
      "--messages",
      String(N),
      "--size",
      String(SIZE),
      "--round",
      String(round),
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let out = "";
  let err = "";
  proc.stdout?.on("data", (d) => {
    out += d;
  });
  proc.stderr?.on("data", (d) => {
    err += d;
  });
  const killer = setTimeout(() => proc.kill("SIGKILL"), 120_000);
  return new Promise((resolve, reject) =>
    proc.on("exit", (code) => {
      clearTimeout(killer);
      if (code !== 0) return reject(new Error(`${client} child failed (${code}):\n${err}`));
      const warnings = (err.match(/Warning/g) ?? []).length;
      resolve({ client, ...JSON.parse(out.trim()), warnings });
    }),
  );
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

async function parent(): Promise<void> {
  if (N % CHUNK !== 0) throw new Error(`--messages must be a multiple of ${CHUNK}`);
  const rounds = Number(args.rounds);
  const startedKafka = ensureKafka();
  try {
    await measure(rounds);
  } finally {
    if (startedKafka) spawnSync("bash", [`${root}scripts/brokers.sh`, "stop", "kafka"], { stdio: "inherit" });
  }
}

async function measure(rounds: number): Promise<void> {
  const version = (pkg: string): string =>
    JSON.parse(readFileSync(`${root}node_modules/${pkg}/package.json`, "utf8")).version;
  const kafkaLib = `${root}.brokers/kafka/lib`;
  const brokerJar = existsSync(kafkaLib) ? "Kafka 4.x (scripts/kafka/pom.xml)" : bootstrap;
  console.log(
    `kafka-clients bench: ${N} × ${SIZE} B, ${rounds} round(s), node ${process.version}, broker ${brokerJar}\n` +
      `kafkajs ${version("kafkajs")}, @platformatic/kafka ${version("@platformatic/kafka")}`,
  );
  const results: Result[] = [];
  for (let round = 1; round <= rounds; round++) {
    for (const client of ["kafkajs", "platformatic"] as const) {
      const topic = `bench-${client}-${randomUUID()}`;
      await createTopics([topic]);
      const r = await runChild(client, topic, round);
      results.push(r);
      console.log(
        `  round ${round} ${client.padEnd(12)} produce ${r.produceMsgsPerSec.toFixed(0).padStart(7)} msg/s` +
          `  consume batch ${r.batch.consumeMsgsPerSec.toFixed(0).padStart(7)} msg/s (join ${r.batch.joinMs.toFixed(0)} ms)` +
          `  message ${r.message.consumeMsgsPerSec.toFixed(0).padStart(7)} msg/s` +
          `  peak RSS +${r.peakRssDeltaMB.toFixed(0)} MB${r.warnings ? `  (${r.warnings} warning(s) on stderr)` : ""}`,
      );
    }
  }
  const of = (client: ClientName) => results.filter((r) => r.client === client);
  const stat = (xs: number[]) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs) });
  const summary = (client: ClientName) => ({
    produce: stat(of(client).map((r) => r.produceMsgsPerSec)),
    batch: stat(of(client).map((r) => r.batch.consumeMsgsPerSec)),
    message: stat(of(client).map((r) => r.message.consumeMsgsPerSec)),
    rss: stat(of(client).map((r) => r.peakRssDeltaMB)),
  });
  const k = summary("kafkajs");
  const p = summary("platformatic");
  const cell = (s: { median: number; min: number; max: number }, unit = "") =>
    `${s.median.toFixed(0)}${unit} (${s.min.toFixed(0)}–${s.max.toFixed(0)})`;
  const row = (name: string, s: typeof k) =>
    `| ${name} | ${cell(s.produce)} | ${cell(s.batch)} | ${cell(s.message)} | +${cell(s.rss, " MB")} |`;
  const ratio = (a: { median: number }, b: { median: number }) => `${(a.median / b.median).toFixed(2)}×`;
  console.log(`\nmedian (min–max) of ${rounds} round(s), ${N} × ${SIZE} B messages:`);
  console.log(
    "| client | produce msg/s | consume batch msg/s | consume per-message msg/s | peak RSS delta |",
  );
  console.log("| --- | ---: | ---: | ---: | ---: |");
  console.log(row(`kafkajs ${version("kafkajs")}`, k));
  console.log(row(`@platformatic/kafka ${version("@platformatic/kafka")}`, p));
  console.log(
    `| ratio platformatic/kafkajs (medians) | ${ratio(p.produce, k.produce)} | ${ratio(p.batch, k.batch)} | ` +
      `${ratio(p.message, k.message)} | ` +
      `${ratio(p.rss, k.rss)} |`,
  );
}

if (args.child) await child(args.child as ClientName, args.topic!);
else await parent();
