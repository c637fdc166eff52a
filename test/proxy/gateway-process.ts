// A compiled gateway in its own process, for what an in-process gateway cannot show: its memory
// (RSS while 50 MB stream through it) and its CPU per request (bench/proxy.ts). The child runs
// gateway-child.ts on the generated bundle and answers `rss`/`cpu` questions over IPC.
import { type ChildProcess, fork } from "node:child_process";
import { rm } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { compileForTest } from "../helpers/gateway.ts";

export interface GatewayProcess {
  url: string;
  httpPort: number;
  adminPort: number;
  child: ChildProcess;
  /** Resident set size of the gateway process, in bytes (after a GC when started with `gc`). */
  rss(): Promise<number>;
  /** Bytes of live Buffers/ArrayBuffers in the gateway process (after a GC when started with `gc`). */
  buffers(): Promise<number>;
  /** V8 heap in use in the gateway process, in bytes (after a GC when started with `gc`). */
  heap(): Promise<number>;
  /** CPU time (user + system) the gateway process has used, in microseconds. */
  cpu(): Promise<number>;
  close(): Promise<void>;
}

export async function startGatewayProcess(
  files: Record<string, string>,
  env: Record<string, string> = {},
  options: { gc?: boolean } = {},
): Promise<GatewayProcess> {
  const { dir, out } = await compileForTest(files);
  const child = fork(fileURLToPath(new URL("./gateway-child.ts", import.meta.url)), [out], {
    execPath: process.execPath,
    execArgv: options.gc ? ["--expose-gc"] : [],
    env: {
      ...process.env,
      // One process: its RSS and CPU are the gateway's (a primary would fork workers).
      SLUICE_WORKERS: "1",
      SLUICE_HTTP_PORT: "0",
      SLUICE_ADMIN_PORT: "0",
      SLUICE_HOST: "127.0.0.1",
      SLUICE_DRAIN_TIMEOUT_MS: "1000",
      ...env,
    },
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
  const ask = (what: string) =>
    new Promise<number>((resolve) => {
      child.once("message", (m: { value: number }) => resolve(m.value));
      child.send(what);
    });
  const ports = await new Promise<{ httpPort: number; adminPort: number }>((resolve, reject) => {
    child.once("message", resolve as never);
    child.once("exit", (code) => reject(new Error(`gateway process exited with ${code}`)));
  });
  return {
    ...ports,
    url: `http://127.0.0.1:${ports.httpPort}`,
    child,
    rss: () => ask("rss"),
    buffers: () => ask("buffers"),
    heap: () => ask("heap"),
    cpu: () => ask("cpu"),
    close: async () => {
      const exited = new Promise((r) => child.once("exit", r));
      child.send("stop");
      await exited;
      await rm(dir, { recursive: true, force: true });
    },
  };
}
