// The message bench (issue #18): the gateway's message path against the smallest Node relays doing
// the same job (bench/message/relays.ts), read by the same client in the same run, on the real
// brokers (Kafka and Mosquitto of scripts/brokers.sh; unique topic names per run).
//
//   npm run bench:message -- [--messages 100000] [--size 190] [--rounds 3] [--fanout 1000]
//                            [--idle 2000] [--only kafka,mqtt,fanout,memory] [--write] [--profile DIR]
//
// - kafka:  a topic filled with N messages; per round one SSE client reads them all from the relay
//           and from Sluice (order alternating): messages/s from the first message to the last and
//           from the request to the last,
//           the server's CPU per message, the time to the first message (group join, first fetch) apart.
// - mqtt:   per round one WebSocket client; a publisher sends N messages (QoS 0) to the topic,
//           at most 1,000 ahead of what the client has (the broker drops what a subscriber cannot
//           take, so an open tap would measure its drops): messages/s and CPU per message.
// - fanout: C SSE clients on one Kafka topic (each its own consumer group); once each got a
//           warm-up message, messages are produced at a steady rate: deliveries/s and the p50/p99
//           latency from produce to receipt (the relay the same way).
// - memory: a fresh gateway (one process), then K idle SSE streams (resp. WebSocket connections)
//           on a silent mock endpoint: the RSS it grew by, per connection; with node's defaults,
//           then with the young generation capped (--max-semi-space-size=1) for both processes.
// Medians over the rounds; the load average is recorded with the figures (the machine is shared).
// --write puts the table into docs/benchmarks.md (between the bench:message markers).
// --profile DIR runs the gateway with `node --cpu-prof` into DIR.
// --count-requests (fanout): counts the Kafka requests of the gateway and the relay, per API
//   (bench/message/kafka-requests.ts), per delivery and per second with nothing to deliver.
// --fanout-targets sluice,relay: the fan-out's targets (e.g. sluice alone, for A/B runs).
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { brokerList, kafkaBootstrap, mqttUrl } from "../test/setup/env.ts";
import {
  createTopic,
  deleteTopics,
  fillTopic,
  kafkaProducer,
  kafkaRequests,
  mqttPublisher,
  payload,
  publishWindowed,
  type Reader,
  readSse,
  readWebSocket,
  until,
  warmUp,
} from "./message/clients.ts";
import {
  benchSpecs,
  compileBench,
  type RunningProcess,
  startGateway,
  startRelay,
} from "./message/gateway.ts";

const { values: args } = parseArgs({
  options: {
    messages: { type: "string", default: "100000" },
    size: { type: "string", default: "190" },
    rounds: { type: "string", default: "3" },
    fanout: { type: "string", default: "1000" },
    "fanout-messages": { type: "string", default: "200" },
    "fanout-rate": { type: "string", default: "50" },
    idle: { type: "string", default: "2000" },
    only: { type: "string", default: "kafka,mqtt,fanout,memory" },
    write: { type: "boolean", default: false },
    profile: { type: "string" },
    "fanout-targets": { type: "string", default: "sluice,relay" },
    "count-requests": { type: "boolean", default: false },
  },
});

const bootstrap = brokerList(kafkaBootstrap());

/** CPU time (user + system) of a process so far, in ms (Linux /proc, 100 ticks a second). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

interface Sample {
  /** Messages/s from the first message to the last. */
  rate: number;
  /** Messages/s from the request to the last message (joining, fetching and delivering). */
  fromRequest: number;
  cpuUsPerMsg: number;
  firstMs: number;
  lost: number;
}

/** `after - before` per API, divided by `per`, as `Fetch 1.02, OffsetCommit 0.51, …`. */
function requestsPer(before: Record<string, number>, after: Record<string, number>, per: number): string {
  return Object.keys(after)
    .map((api) => [api, ((after[api] ?? 0) - (before[api] ?? 0)) / per] as const)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([api, n]) => `${api} ${n.toFixed(n < 1 ? 3 : 1)}`)
    .join(", ");
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0
    ? Number.NaN
    : s.length % 2
      ? s[(s.length - 1) / 2]!
      : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const percentile = (sorted: number[], p: number): number =>
  sorted.length === 0
    ? Number.NaN
    : sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!;
const fmt = (n: number, digits = 0): string =>
  Number.isFinite(n)
    ? n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits })
    : "—";

function sample(reader: Reader, n: number, cpu: number): Sample {
  const span = reader.lastAt - reader.firstAt;
  return {
    rate: span > 0 ? ((reader.received - 1) * 1000) / span : Number.NaN,
    fromRequest:
      reader.lastAt > reader.openedAt
        ? (reader.received * 1000) / (reader.lastAt - reader.openedAt)
        : Number.NaN,
    cpuUsPerMsg: reader.received > 0 ? (cpu * 1000) / reader.received : Number.NaN,
    firstMs: reader.firstAt - reader.openedAt,
    lost: n - reader.received,
  };
}

interface Row {
  measurement: string;
  sluice: string;
  reference: string;
  ratio: string;
  goal: string;
}

const atLeastFourFifths = (ratio: number): string => `≥ 0.8× ${ratio >= 0.8 ? "✓" : "✗"}`;

/** A row comparing the medians of one measure of the sluice and relay samples. */
function relayRow(
  measurement: string,
  samples: Record<string, Sample[]>,
  measure: "rate" | "fromRequest" | "cpuUsPerMsg" | "firstMs",
  digits = 0,
  goal: (ratio: number) => string = () => "—",
): Row {
  const sluice = median(samples.sluice!.map((s) => s[measure]));
  const relay = median(samples.relay!.map((s) => s[measure]));
  return {
    measurement,
    sluice: fmt(sluice, digits),
    reference: `relay: ${fmt(relay, digits)}`,
    ratio: `${(sluice / relay).toFixed(2)}×`,
    goal: goal(sluice / relay),
  };
}

async function main(): Promise<void> {
  const N = Number(args.messages);
  const size = Number(args.size);
  const rounds = Number(args.rounds);
  const only = new Set(args.only.split(","));
  const run = randomUUID().slice(0, 8);
  const topics = { kafka: `bench-msg-${run}`, fanout: `bench-fanout-${run}`, mqtt: `sluice-bench/${run}` };
  const mqtt = new URL(mqttUrl());
  const work = await mkdtemp(join(tmpdir(), "sluice-message-bench-"));
  const children: RunningProcess[] = [];
  const rows: Row[] = [];
  const loads: number[] = [loadavg()[0]!];
  const log = (text: string) => console.error(`${text}  (load ${loadavg()[0]!.toFixed(1)})`);
  try {
    log("compiling the bench gateway…");
    const bundle = await compileBench(
      work,
      benchSpecs(topics, {
        kafka: bootstrap.join(","),
        mqttHost: mqtt.hostname,
        mqttPort: Number(mqtt.port),
      }),
    );
    const profile = args.profile ? ["--cpu-prof", `--cpu-prof-dir=${args.profile}`] : [];
    const countDir = args["count-requests"] ? work : undefined;
    const counting = countDir
      ? ["--import", fileURLToPath(new URL("message/kafka-requests.ts", import.meta.url))]
      : [];
    if (countDir) process.env.SLUICE_BENCH_KAFKA_COUNTS = countDir;

    if (only.has("kafka") || only.has("fanout")) {
      await createTopic(bootstrap, topics.kafka);
      await createTopic(bootstrap, topics.fanout);
      // The relay's own fan-out topic: its consumers read from the earliest offset too, and must
      // not see the messages of the gateway's run.
      await createTopic(bootstrap, `${topics.fanout}-relay`);
    }

    if (only.has("kafka")) {
      const producer = kafkaProducer(bootstrap);
      log(`filling ${topics.kafka} with ${N} messages of ${size} bytes…`);
      await fillTopic(producer, topics.kafka, N, size);
      await producer.close();
      log("starting the gateway and the relay…");
      const gateway = await startGateway(bundle, profile);
      const relay = await startRelay("kafka-relay", topics.kafka);
      log("started");
      children.push(gateway, relay);
      const targets = [
        { name: "relay", proc: relay, url: `http://127.0.0.1:${relay.port}/events` },
        { name: "sluice", proc: gateway, url: `http://127.0.0.1:${gateway.port}/kafka-sse` },
      ];
      const samples: Record<string, Sample[]> = { relay: [], sluice: [] };
      for (let round = 0; round < rounds; round++) {
        for (let i = 0; i < targets.length; i++) {
          const t = targets[(i + round) % targets.length]!;
          const before = cpuMs(t.proc.proc.pid!);
          const reader = readSse(t.url);
          await until(reader, N, 15_000);
          const s = sample(reader, N, cpuMs(t.proc.proc.pid!) - before);
          reader.close();
          samples[t.name]!.push(s);
          loads.push(loadavg()[0]!);
          log(
            `kafka→sse round ${round + 1} ${t.name.padEnd(6)} ${fmt(s.rate).padStart(9)} msg/s (${fmt(s.fromRequest)} from the request)  ${fmt(s.cpuUsPerMsg, 2)} µs CPU/msg  first after ${fmt(s.firstMs)} ms  missing ${s.lost}`,
          );
          await sleep(500);
        }
      }
      rows.push(
        relayRow(
          `Kafka → SSE, ${fmt(N)} messages of ${size} B, one client (msg/s)`,
          samples,
          "rate",
          0,
          atLeastFourFifths,
        ),
      );
      // From the request: what the client waits for all N. The first-to-last rate leaves out the
      // first fetch, which a consumer parses before its first message: the relay's library default
      // fetches up to 50 MB per partition at once, the gateway 1 MiB (docs/endpoints.md).
      rows.push(
        relayRow(
          `Kafka → SSE, ${fmt(N)} messages of ${size} B, one client, from the request to the last message (msg/s)`,
          samples,
          "fromRequest",
          0,
          atLeastFourFifths,
        ),
      );
      rows.push(relayRow("Kafka → SSE, server CPU per message (µs)", samples, "cpuUsPerMsg", 2));
      rows.push(
        relayRow("Kafka → SSE, request to first message (ms; group join, first fetch)", samples, "firstMs"),
      );
      await gateway.stop();
      await relay.stop();
    }

    if (only.has("mqtt")) {
      const gateway = await startGateway(bundle, profile);
      const relay = await startRelay("mqtt-relay", topics.mqtt);
      children.push(gateway, relay);
      const publisher = await mqttPublisher(mqttUrl());
      const targets = [
        { name: "relay", proc: relay, url: `ws://127.0.0.1:${relay.port}/` },
        { name: "sluice", proc: gateway, url: `ws://127.0.0.1:${gateway.port}/mqtt-ws` },
      ];
      const samples: Record<string, Sample[]> = { relay: [], sluice: [] };
      for (let round = 0; round < rounds; round++) {
        for (let i = 0; i < targets.length; i++) {
          const t = targets[(i + round) % targets.length]!;
          const reader = readWebSocket(t.url);
          if (!(await reader.opened)) throw new Error(`${t.name}: the WebSocket did not open`);
          const { warmed } = await warmUp(
            () => void publisher.publish(topics.mqtt, payload(size, true), { qos: 0 }),
            [reader],
            10_000,
          );
          if (!warmed) throw new Error(`${t.name}: no warm-up message arrived`);
          const before = cpuMs(t.proc.proc.pid!);
          await publishWindowed(publisher, topics.mqtt, reader, N, size, 1000);
          await until(reader, N, 3000);
          const s = sample(reader, N, cpuMs(t.proc.proc.pid!) - before);
          reader.close();
          samples[t.name]!.push(s);
          loads.push(loadavg()[0]!);
          log(
            `mqtt→ws round ${round + 1} ${t.name.padEnd(6)} ${fmt(s.rate).padStart(9)} msg/s  ${fmt(s.cpuUsPerMsg, 2)} µs CPU/msg  missing ${s.lost}`,
          );
          await sleep(500);
        }
      }
      await publisher.endAsync();
      rows.push(
        relayRow(
          `MQTT 5 → WebSocket, ${fmt(N)} messages of ${size} B, one client (msg/s)`,
          samples,
          "rate",
          0,
          atLeastFourFifths,
        ),
      );
      rows.push(relayRow("MQTT 5 → WebSocket, server CPU per message (µs)", samples, "cpuUsPerMsg", 2));
      await gateway.stop();
      await relay.stop();
    }

    if (only.has("fanout")) {
      const clients = Number(args.fanout);
      const M = Number(args["fanout-messages"]);
      const rate = Number(args["fanout-rate"]);
      const producer = kafkaProducer(bootstrap);
      const gateway = await startGateway(bundle, [...profile, ...counting]);
      const relay = await startRelay("kafka-relay", `${topics.fanout}-relay`, counting);
      children.push(gateway, relay);
      const results: Record<
        string,
        {
          deliveries: number;
          p50: number;
          p99: number;
          missing: number;
          cpuUs: number;
          joined: number;
          joinS: number;
          /** CPU (cores) the server used with every client joined and nothing to deliver. */
          idleCpu: number;
          /** With --count-requests: the Kafka requests per delivery, and per second when idle. */
          requestsPerDelivery: string;
          idleRequestsPerSecond: string;
        }
      > = {};
      for (const t of [
        {
          name: "sluice",
          proc: gateway,
          topic: topics.fanout,
          url: `http://127.0.0.1:${gateway.port}/kafka-fanout`,
        },
        {
          name: "relay",
          proc: relay,
          topic: `${topics.fanout}-relay`,
          url: `http://127.0.0.1:${relay.port}/events`,
        },
      ].filter((t) => args["fanout-targets"].split(",").includes(t.name))) {
        log(`fan-out: ${clients} SSE clients on ${t.name}…`);
        const readers: Reader[] = [];
        for (let i = 0; i < clients; i++) {
          readers.push(readSse(t.url, { latency: true }));
          if (i % 50 === 49) await sleep(50);
        }
        // Warm-up messages go to the target's own topic (the relay's consumers read another topic
        // than the gateway's), one a second: every client reads from the earliest offset, so each
        // warm-up message is delivered to every client that joins, even late.
        const joinStart = performance.now();
        const { warmed, published } = await warmUp(
          () =>
            producer
              .send({ messages: [{ topic: t.topic, value: payload(size, true) }] })
              .then(() => undefined),
          readers,
          120_000,
          1000,
        );
        const joinMs = performance.now() - joinStart;
        // Clients whose consumer had not joined after 2 minutes are left out of the figures (and counted).
        const joined = readers.filter((r) => r.warm > 0);
        log(
          `fan-out ${t.name}: ${joined.length} of ${clients} clients joined in ${fmt(joinMs / 1000, 1)} s${warmed ? "" : " (120 s limit)"}`,
        );
        if (joined.length === 0) throw new Error(`${t.name}: no fan-out client joined`);
        // Measure from a drained state: every joined client has every warm-up message (the backlog
        // of a late joiner would otherwise be delivered, and its CPU counted, in the measured span).
        const drainDeadline = Date.now() + 30_000;
        while (Date.now() < drainDeadline && joined.some((r) => r.warm < published)) await sleep(100);
        // What the joined consumers cost with nothing to deliver (heartbeats, empty fetches), 5 s.
        const idleRequests = await kafkaRequests(countDir, t.proc.proc.pid!);
        const idleBefore = cpuMs(t.proc.proc.pid!);
        await sleep(5000);
        const idleCpu = (cpuMs(t.proc.proc.pid!) - idleBefore) / 5000;
        const busyRequests = await kafkaRequests(countDir, t.proc.proc.pid!);
        const start = performance.now();
        const cpuBefore = cpuMs(t.proc.proc.pid!);
        const perTick = Math.max(1, Math.round(rate / 10));
        for (let sent = 0; sent < M; sent += perTick) {
          const batch = Math.min(perTick, M - sent);
          await producer.send({
            messages: Array.from({ length: batch }, () => ({ topic: t.topic, value: payload(size) })),
          });
          await sleep(100);
        }
        await Promise.all(joined.map((r) => until(r, M, 5000)));
        const end = Math.max(...joined.map((r) => r.lastAt));
        const latencies = joined.flatMap((r) => r.latencies ?? []).sort((a, b) => a - b);
        const delivered = joined.reduce((sum, r) => sum + r.received, 0);
        results[t.name] = {
          deliveries: (delivered * 1000) / (end - start),
          p50: percentile(latencies, 50),
          p99: percentile(latencies, 99),
          missing: joined.length * M - delivered,
          joined: joined.length,
          joinS: joinMs / 1000,
          idleCpu,
          cpuUs: ((cpuMs(t.proc.proc.pid!) - cpuBefore) * 1000) / delivered,
          requestsPerDelivery: requestsPer(
            busyRequests,
            await kafkaRequests(countDir, t.proc.proc.pid!),
            delivered,
          ),
          idleRequestsPerSecond: requestsPer(idleRequests, busyRequests, 5),
        };
        loads.push(loadavg()[0]!);
        log(`fan-out ${t.name}: ${JSON.stringify(results[t.name])}`);
        for (const r of readers) r.close();
        await sleep(2000);
      }
      await producer.close();
      const s = results.sluice;
      const r = results.relay;
      if (s && r)
        rows.push({
          measurement: `Kafka → SSE fan-out, ${fmt(clients)} clients, ${rate} msg/s produced (deliveries/s; clients joined within 2 min, in how long)`,
          sluice: `${fmt(s.deliveries)} (${s.joined} joined in ${fmt(s.joinS)} s)`,
          reference: `relay: ${fmt(r.deliveries)} (${r.joined} joined in ${fmt(r.joinS)} s)`,
          ratio: `${(s.deliveries / r.deliveries).toFixed(2)}×`,
          goal: "—",
        });
      if (s && r)
        rows.push({
          measurement: "Kafka → SSE fan-out, delivery latency p50 / p99 (ms)",
          sluice: `${fmt(s.p50)} / ${fmt(s.p99)}`,
          reference: `relay: ${fmt(r.p50)} / ${fmt(r.p99)}`,
          ratio: `${(s.p99 / r.p99).toFixed(2)}× (p99)`,
          goal: "—",
        });
      if (s && r)
        rows.push({
          measurement: "Kafka → SSE fan-out, server CPU per delivery (µs)",
          sluice: fmt(s.cpuUs, 1),
          reference: `relay: ${fmt(r.cpuUs, 1)}`,
          ratio: `${(s.cpuUs / r.cpuUs).toFixed(2)}×`,
          goal: "—",
        });
      if (s && r)
        rows.push({
          measurement:
            "Kafka → SSE fan-out, server CPU with every client joined and nothing to deliver (cores)",
          sluice: fmt(s.idleCpu, 2),
          reference: `relay: ${fmt(r.idleCpu, 2)}`,
          ratio: `${(s.idleCpu / r.idleCpu).toFixed(2)}×`,
          goal: "—",
        });
      if (s && r && countDir) {
        rows.push({
          measurement: "Kafka → SSE fan-out, Kafka requests per delivery (--count-requests)",
          sluice: s.requestsPerDelivery,
          reference: `relay: ${r.requestsPerDelivery}`,
          ratio: "—",
          goal: "—",
        });
        rows.push({
          measurement:
            "Kafka → SSE fan-out, Kafka requests per second with nothing to deliver (--count-requests)",
          sluice: s.idleRequestsPerSecond,
          reference: `relay: ${r.idleRequestsPerSecond}`,
          ratio: "—",
          goal: "—",
        });
      }
      await gateway.stop();
      await relay.stop();
    }

    if (only.has("memory")) {
      const K = Number(args.idle);
      // Each figure twice: with node's defaults, and with the young generation capped
      // (--max-semi-space-size=1, both processes). Under a burst of handshakes V8 grows the young
      // generation's semi-spaces (up to 64 MB each on a 64-bit machine with Node.js 24), and their
      // pages stay resident: RSS then grows with how much a handshake allocates, not only with
      // what a connection keeps. The capped run shows what a connection keeps.
      const modes = [
        { name: "node defaults", nodeArgs: [] as string[] },
        { name: "young generation capped (--max-semi-space-size=1)", nodeArgs: ["--max-semi-space-size=1"] },
      ];
      for (const kind of ["sse", "ws"] as const) {
        for (const mode of modes) {
          const perConnection: Record<string, number> = {};
          for (const target of ["sluice", "reference"] as const) {
            const server =
              target === "sluice"
                ? await startGateway(bundle, mode.nodeArgs)
                : await startRelay("idle", "-", mode.nodeArgs);
            children.push(server);
            const open = async (n: number): Promise<{ readers: Reader[]; opened: number }> => {
              const readers: Reader[] = [];
              for (let i = 0; i < n; i++) {
                readers.push(
                  kind === "sse"
                    ? readSse(`http://127.0.0.1:${server.port}/idle-sse`)
                    : readWebSocket(`ws://127.0.0.1:${server.port}/idle-ws`),
                );
                if (i % 100 === 99) await sleep(20);
              }
              const results = await Promise.race([
                Promise.all(readers.map((r) => r.opened)),
                sleep(60_000, [] as boolean[]),
              ]);
              return { readers, opened: results.filter(Boolean).length };
            };
            // Warm the code paths once, then measure from a settled process.
            for (const r of (await open(50)).readers) r.close();
            await sleep(2000);
            const before = server.rss();
            const { readers, opened } = await open(K);
            await sleep(2000);
            const after = server.rss();
            for (const r of readers) r.close();
            if (opened < K / 2)
              throw new Error(`idle ${kind} ${target}: only ${opened} of ${K} connections opened`);
            perConnection[target] = (after - before) / opened;
            loads.push(loadavg()[0]!);
            log(
              `idle ${kind} ${target} (${mode.name}): ${opened} of ${K} open, RSS ${fmt(before / 1e6, 1)} → ${fmt(after / 1e6, 1)} MB`,
            );
            await server.stop();
          }
          const goal = kind === "sse" ? 12 : 16;
          const sluiceKb = perConnection.sluice! / 1024;
          rows.push({
            measurement: `Gateway RSS per idle ${kind === "sse" ? "SSE stream" : "WebSocket"} (${fmt(K)} open; ${mode.name})`,
            sluice: `${fmt(sluiceKb, 1)} KB`,
            reference: `${kind === "sse" ? "node:http" : "ws"} alone: ${fmt(perConnection.reference! / 1024, 1)} KB`,
            ratio: `${(perConnection.sluice! / perConnection.reference!).toFixed(2)}×`,
            goal: `≤ ${goal} KB ${sluiceKb <= goal ? "✓" : "✗"}`,
          });
        }
      }
    }

    const report = [
      `Run of ${new Date().toISOString().slice(0, 10)}: ${cpus().length} cores, load average during the run ${fmt(Math.min(...loads), 1)}–${fmt(Math.max(...loads), 1)} (the machine is shared; the ratios come from interleaved rounds, medians of ${rounds}).`,
      "",
      "| measurement | Sluice | reference (same run) | ratio | goal |",
      "|---|---:|---|---:|---|",
      ...rows.map((r) => `| ${r.measurement} | ${r.sluice} | ${r.reference} | ${r.ratio} | ${r.goal} |`),
    ].join("\n");
    console.log(report);
    if (args.write) await writeDocs(report);
  } finally {
    for (const c of children) await c.stop();
    if (only.has("kafka") || only.has("fanout"))
      await deleteTopics(bootstrap, [topics.kafka, topics.fanout, `${topics.fanout}-relay`]);
    await rm(work, { recursive: true, force: true });
  }
}

async function writeDocs(report: string): Promise<void> {
  const START = "<!-- bench:message:start -->";
  const END = "<!-- bench:message:end -->";
  const path = fileURLToPath(new URL("../docs/benchmarks.md", import.meta.url));
  const text = await readFile(path, "utf8");
  const a = text.indexOf(START);
  const b = text.indexOf(END);
  const block = `${START}\n${report}\n${END}`;
  const next =
    a >= 0 && b > a
      ? text.slice(0, a) + block + text.slice(b + END.length)
      : `${text.trimEnd()}\n\n## Message APIs (\`npm run bench:message\`)\n\n${block}\n`;
  await writeFile(path, next);
  console.error(`table written into ${path}`);
}

await main();
