// The Sluice side of the message bench: one repository of MESSAGE APIs compiled the way a user
// compiles it (`sluice compile`: tsc, esbuild) and run as its bundle in its own process —
//   /kafka-sse   sse entrypoint over the kafka endpoint (the throughput and fan-out topics),
//   /mqtt-ws     websocket entrypoint over the mqtt5 endpoint,
//   /idle-sse, /idle-ws   the same entrypoints over a mock endpoint that stays silent (memory).
// Every API is keyless with default QoS (AUTO) and no flows: what a user gets from the example.
// Each client sends its own X-Gravitee-Client-Identifier, so each gets its own consumer group.
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { compileRepository } from "../../compiler/compile.ts";
import { freePort, waitForPort } from "../proxy/peers.ts";

export interface BenchTopics {
  /** Kafka topic of the throughput rounds (pre-filled). */
  kafka: string;
  /** Kafka topic of the fan-out run. */
  fanout: string;
  /** MQTT topic of the MQTT → WebSocket rounds. */
  mqtt: string;
}

export interface BrokerAddresses {
  kafka: string;
  mqttHost: string;
  mqttPort: number;
}

const api = (
  name: string,
  path: string,
  entrypoint: string,
  endpoint: string,
): string => `apiVersion: gravitee.io/v1alpha1
kind: ApiV4Definition
metadata:
  name: ${name}
spec:
  name: ${name}
  version: "1"
  type: MESSAGE
  listeners:
    - type: HTTP
      paths:
        - path: ${path}
      entrypoints:
        - type: ${entrypoint}${entrypoint === "websocket" ? "\n          configuration: { publisher: { enabled: false } }" : ""}
  endpointGroups:
    - name: group
      type: ${endpoint.split("\n")[0]!.trim().replace("type: ", "")}
      endpoints:
        - name: default
${endpoint
  .split("\n")
  .map((line) => `          ${line}`)
  .join("\n")}
  plans:
    free:
      name: Free
      security:
        type: KEY_LESS
`;

const kafkaEndpoint = (bootstrap: string, topic: string): string => `type: kafka
configuration:
  bootstrapServers: "${bootstrap}"
sharedConfigurationOverride:
  consumer: { enabled: true, topics: ["${topic}"], autoOffsetReset: earliest }`;

export function benchSpecs(topics: BenchTopics, brokers: BrokerAddresses): Record<string, string> {
  return {
    "kafka-sse.yaml": api("kafka-sse", "/kafka-sse", "sse", kafkaEndpoint(brokers.kafka, topics.kafka)),
    "kafka-fanout.yaml": api(
      "kafka-fanout",
      "/kafka-fanout",
      "sse",
      kafkaEndpoint(brokers.kafka, topics.fanout),
    ),
    "mqtt-ws.yaml": api(
      "mqtt-ws",
      "/mqtt-ws",
      "websocket",
      `type: mqtt5
configuration:
  serverHost: ${brokers.mqttHost}
  serverPort: ${brokers.mqttPort}
sharedConfigurationOverride:
  consumer: { enabled: true, topic: "${topics.mqtt}" }`,
    ),
    "idle-sse.yaml": api(
      "idle-sse",
      "/idle-sse",
      "sse",
      `type: mock
configuration:
  messageInterval: 3600000`,
    ),
    "idle-ws.yaml": api(
      "idle-ws",
      "/idle-ws",
      "websocket",
      `type: mock
configuration:
  messageInterval: 3600000`,
    ),
  };
}

/** Compiles the bench repository into `dir`; returns the bundle's entry. */
export async function compileBench(dir: string, specs: Record<string, string>): Promise<string> {
  await mkdir(join(dir, "apis"), { recursive: true });
  for (const [path, text] of Object.entries(specs)) await writeFile(join(dir, "apis", path), text);
  const out = join(dir, "generated");
  const result = await compileRepository({ target: join(dir, "apis"), outDir: out, cwd: dir });
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) throw new Error(errors.map((d) => `${d.code} ${d.message}`).join("; "));
  return join(out, "dist", "gateway.mjs");
}

export interface RunningProcess {
  port: number;
  proc: ChildProcess;
  /** Resident set size now, in bytes (Linux /proc). */
  rss(): number;
  stop(): Promise<void>;
}

export function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = /VmRSS:\s+(\d+) kB/.exec(status);
  if (!kb) throw new Error(`no VmRSS for ${pid}`);
  return Number(kb[1]) * 1024;
}

export function running(port: number, proc: ChildProcess): RunningProcess {
  return {
    port,
    proc,
    rss: () => rssOf(proc.pid!),
    stop: () =>
      new Promise<void>((resolve) => {
        if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
        proc.once("exit", () => resolve());
        proc.kill();
      }),
  };
}

/**
 * Starts the bundle on free ports, as one process (SLUICE_WORKERS=1); resolves once every API is ready (`/health/ready`: the broker
 * endpoints connected). `nodeArgs` go to node (e.g. --cpu-prof).
 */
export async function startGateway(bundle: string, nodeArgs: string[] = []): Promise<RunningProcess> {
  const port = await freePort();
  const admin = await freePort();
  const proc = spawn(process.execPath, [...nodeArgs, bundle], {
    env: {
      ...process.env,
      SLUICE_HTTP_PORT: String(port),
      SLUICE_ADMIN_PORT: String(admin),
      SLUICE_HOST: "127.0.0.1",
      // One process, as the relays it is compared with: with workers (one per core by default)
      // the connections, CPU and RSS would be spread over processes this bench does not read.
      SLUICE_WORKERS: "1",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  await waitForPort(port, proc);
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const ready = await fetch(`http://127.0.0.1:${admin}/health/ready`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ready) return running(port, proc);
    await new Promise((r) => setTimeout(r, 100));
  }
  proc.kill();
  throw new Error("the bench gateway did not become ready");
}

/**
 * Starts a reference server of bench/message/relays.ts (`role`: kafka-relay, mqtt-relay, idle);
 * `nodeArgs` go to node.
 */
export async function startRelay(
  role: string,
  topic: string,
  nodeArgs: string[] = [],
): Promise<RunningProcess> {
  const port = await freePort();
  const proc: ChildProcess = spawn(
    process.execPath,
    [
      ...nodeArgs,
      fileURLToPath(new URL("relay-main.ts", import.meta.url)),
      `--role=${role}`,
      `--port=${port}`,
      `--topic=${topic}`,
    ],
    { stdio: ["ignore", "inherit", "inherit"] },
  );
  await waitForPort(port, proc);
  return running(port, proc);
}
