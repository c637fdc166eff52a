// Brokers of a test's own, on free ports, that the test may stop and start (the shared test
// brokers serve other test runs meanwhile and must never be stopped by a test).
// - Kafka: scripts/brokers.sh with SLUICE_BROKERS_DIR and SLUICE_KAFKA_*PORT pointing elsewhere,
//   reusing the shared broker's jars (a symlink to .brokers/kafka/lib), so no download.
// - Mosquitto: a child process on a free port, anonymous, without persistence.
import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { brokersDir } from "../setup/env.ts";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

/** A port nothing listens on right now. */
export async function freePort(): Promise<number> {
  return (await freePorts(1))[0]!;
}

/**
 * `count` different ports nothing listens on right now. They are all held open until each is
 * known: asked one after the other, the system may hand out the same free port twice (seen once:
 * Kafka refused a controller and a listener on one port).
 */
export async function freePorts(count: number): Promise<number[]> {
  const servers = Array.from({ length: count }, () => createServer());
  try {
    return await Promise.all(
      servers.map(
        (server) =>
          new Promise<number>((resolve, reject) => {
            server.once("error", reject);
            server.listen(0, "127.0.0.1", () => {
              const address = server.address();
              resolve(typeof address === "object" && address ? address.port : 0);
            });
          }),
      ),
    );
  } finally {
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  }
}

function run(command: string, args: string[], env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: repoRoot, env: { ...process.env, ...env }, stdio: "pipe" });
    let output = "";
    child.stdout.on("data", (d) => {
      output += d;
    });
    child.stderr.on("data", (d) => {
      output += d;
    });
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} failed (${code}):\n${output}`)),
    );
  });
}

export interface ThrowawayKafka {
  bootstrap: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  dispose(): Promise<void>;
}

/** A single-node Kafka (PLAINTEXT only is used) of the calling test's own. */
export async function throwawayKafka(): Promise<ThrowawayKafka> {
  const dir = `${brokersDir()}/throwaway/kafka-${randomUUID().slice(0, 8)}`;
  mkdirSync(`${dir}/kafka`, { recursive: true });
  const lib = `${brokersDir()}/kafka/lib`;
  if (existsSync(lib)) symlinkSync(lib, `${dir}/kafka/lib`);
  const [port, sasl, ssl, controller] = (await freePorts(4)) as [number, number, number, number];
  const env = {
    SLUICE_BROKERS_DIR: dir,
    SLUICE_KAFKA_PORT: String(port),
    SLUICE_KAFKA_SASL_PORT: String(sasl),
    SLUICE_KAFKA_SSL_PORT: String(ssl),
    SLUICE_KAFKA_CONTROLLER_PORT: String(controller),
    SLUICE_KAFKA_HEAP: "384m",
  };
  const script = `${repoRoot}scripts/brokers.sh`;
  const start = () => run("bash", [script, "start", "kafka"], env);
  const stop = () => run("bash", [script, "stop", "kafka"], env);
  await start();
  return {
    bootstrap: `127.0.0.1:${port}`,
    start,
    stop,
    dispose: async () => {
      await stop().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface ThrowawayMosquitto {
  port: number;
  stop(): Promise<void>;
  start(): Promise<void>;
  dispose(): Promise<void>;
}

/** An anonymous MQTT 5 Mosquitto on a free port, run as a child of the test process. */
export async function throwawayMosquitto(): Promise<ThrowawayMosquitto> {
  const port = await freePort();
  const dir = `${brokersDir()}/throwaway/mosquitto-${randomUUID().slice(0, 8)}`;
  mkdirSync(dir, { recursive: true });
  const conf = `${dir}/mosquitto.conf`;
  writeFileSync(conf, `listener ${port} 127.0.0.1\nallow_anonymous true\npersistence false\nlog_dest none\n`);
  let child: ChildProcess | undefined;
  const listening = async (): Promise<boolean> => {
    const { connect } = await import("node:net");
    return new Promise((resolve) => {
      const socket = connect({ host: "127.0.0.1", port }, () => {
        socket.destroy();
        resolve(true);
      });
      socket.once("error", () => resolve(false));
    });
  };
  const start = async (): Promise<void> => {
    child = spawn("mosquitto", ["-c", conf], { stdio: "ignore" });
    for (let i = 0; i < 100 && !(await listening()); i++) await sleep(50);
  };
  const stop = async (): Promise<void> => {
    const c = child;
    child = undefined;
    if (!c || c.exitCode !== null) return;
    const exited = new Promise((resolve) => c.once("exit", resolve));
    c.kill("SIGTERM");
    await exited;
  };
  await start();
  return {
    port,
    start,
    stop,
    dispose: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
