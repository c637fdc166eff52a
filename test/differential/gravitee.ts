// Starts and stops the real Gravitee gateway (test/differential/gravitee/run.sh, the APIM test kit
// in a JVM) with a set of gateway-format definitions, and tells where it listens. Used by the
// differential suite and by `node test/differential/start-gravitee.ts` for benchmarks.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { GatewayDefinition } from "./to-gateway-json.ts";

const RUN = fileURLToPath(new URL("./gravitee/run.sh", import.meta.url));

export interface GraviteeGateway {
  port: number;
  /** The JVM's output so far (for a failure message). */
  output: string[];
  stop(): Promise<void>;
}

export interface GraviteeOptions {
  definitions: readonly GatewayDefinition[];
  /** Variables the definitions reference (`${NAME}`), and API keys (SLUICE_API_KEYS_*). */
  env: Record<string, string>;
  /** A fixed port (benchmarks); a free one otherwise. */
  port?: number;
  /** How long to wait for the gateway to serve (Maven start + gateway boot). */
  startTimeoutMs?: number;
  /** Echo the JVM's output as it comes. */
  verbose?: boolean;
}

export async function startGravitee(options: GraviteeOptions): Promise<GraviteeGateway> {
  const dir = mkdtempSync(join(tmpdir(), "sluice-gravitee-"));
  const fixtures = join(dir, "apis");
  mkdirSync(fixtures);
  for (const { id, json } of options.definitions) {
    writeFileSync(join(fixtures, `${id}.json`), JSON.stringify(json, null, 2));
  }
  const portFile = join(dir, "port");
  const stopFile = join(dir, "stop");
  const output: string[] = [];
  const child = spawn("bash", [RUN], {
    env: {
      ...process.env,
      ...options.env,
      DIFF_FIXTURES_DIR: fixtures,
      DIFF_PORT_FILE: portFile,
      DIFF_STOP_FILE: stopFile,
      ...(options.port ? { DIFF_HTTP_PORT: String(options.port) } : {}),
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const collect = (chunk: Buffer) => {
    const text = chunk.toString("utf8");
    output.push(text);
    if (options.verbose) process.stderr.write(text);
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));

  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  const deadline = Date.now() + (options.startTimeoutMs ?? 300_000);
  let code: number | null | undefined;
  void exited.then((c) => {
    code = c;
  });
  while (!existsSync(portFile)) {
    if (code !== undefined || Date.now() > deadline) {
      killGroup(child);
      cleanup();
      const why = code !== undefined ? `exited with ${code}` : "did not start in time";
      throw new Error(`Gravitee gateway ${why}:\n${output.join("").split("\n").slice(-40).join("\n")}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  const port = Number(readFileSync(portFile, "utf8"));
  return {
    port,
    output,
    async stop() {
      writeFileSync(stopFile, "");
      const timeout = new Promise<"timeout">((r) => setTimeout(() => r("timeout"), 30_000).unref());
      if ((await Promise.race([exited, timeout])) === "timeout") killGroup(child);
      cleanup();
    },
  };
}

/** The JVM runs under Maven under bash: end the whole process group we started. */
function killGroup(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    // already gone
  }
}
