// Runs `sluice test`'s cases against the compiled bundle: a stand-in HTTP backend, the gateway
// bundle started as a child process on free ports (exactly what production runs), one request per
// case. The gateway's output is kept and shown only when it does not start.
import { type ChildProcess, spawn } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { TestCase } from "./test-cases.ts";

export interface StandIn {
  url: string;
  /** API names of the requests received, in order. */
  received: string[];
  close(): Promise<void>;
}

export async function startStandIn(): Promise<StandIn> {
  const received: string[] = [];
  const server: Server = createServer((req, res) => {
    received.push((req.url ?? "").split("/")[1] ?? "");
    req.resume();
    req.on("end", () => {
      res.writeHead(200, { "content-type": "application/json", "x-sluice-stand-in": "1" });
      res.end(JSON.stringify({ standIn: true, method: req.method, url: req.url }));
    });
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

export interface RunningBundle {
  url: string;
  output: () => string;
  stop(): Promise<void>;
}

/** Starts `node BUNDLE` and waits until its traffic port answers (any status). */
export async function startBundle(bundle: string, env: NodeJS.ProcessEnv): Promise<RunningBundle> {
  const [http, admin] = [await freePort(), await freePort()];
  let output = "";
  const child: ChildProcess = spawn(process.execPath, [bundle], {
    env: {
      ...env,
      SLUICE_HTTP_PORT: String(http),
      SLUICE_ADMIN_PORT: String(admin),
      SLUICE_HOST: "127.0.0.1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (c: Buffer) => (output += c.toString()));
  child.stderr?.on("data", (c: Buffer) => (output += c.toString()));
  const url = `http://127.0.0.1:${http}`;
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((done) => child.once("exit", done));
    child.kill("SIGTERM");
    await Promise.race([exited, new Promise((done) => setTimeout(done, 5000))]);
    if (child.exitCode === null) child.kill("SIGKILL");
  };
  const deadline = Date.now() + 30000;
  for (;;) {
    if (child.exitCode !== null)
      throw new BundleError(`the gateway exited with code ${child.exitCode}`, output);
    try {
      await fetch(`${url}/`, { signal: AbortSignal.timeout(1000) });
      return { url, output: () => output, stop };
    } catch {
      if (Date.now() > deadline) {
        await stop();
        throw new BundleError("the gateway did not answer within 30 s", output);
      }
      await new Promise((done) => setTimeout(done, 150));
    }
  }
}

export class BundleError extends Error {
  readonly output: string;
  constructor(message: string, output: string) {
    super(message);
    this.output = output;
  }
}

export interface Outcome {
  test: TestCase;
  ok: boolean;
  detail: string;
}

export async function runCase(test: TestCase, gateway: string, standIn: StandIn): Promise<Outcome> {
  const before = standIn.received.length;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 10000);
  try {
    const res = await fetch(`${gateway}${test.request.path}`, {
      method: test.request.method,
      headers: test.request.headers,
      signal: controller.signal,
    });
    const reached = standIn.received.slice(before).includes(test.api);
    switch (test.expect.kind) {
      case "stand-in": {
        await res.body?.cancel();
        const ok = reached && res.status < 500;
        return {
          test,
          ok,
          detail: ok
            ? `${res.status} from the stand-in`
            : `${res.status}, the backend was ${reached ? "" : "not "}called`,
        };
      }
      case "status": {
        await res.body?.cancel();
        const ok = res.status === test.expect.status && !reached;
        return {
          test,
          ok,
          detail: ok ? `${res.status}` : `${res.status}${reached ? ", and the backend was called" : ""}`,
        };
      }
      case "messages": {
        const type = res.headers.get("content-type") ?? "";
        let first = "";
        const reader = res.body?.getReader();
        if (reader) {
          const chunk = await reader.read();
          first = chunk.value ? new TextDecoder().decode(chunk.value) : "";
          await reader.cancel();
        }
        const ok = res.status === 200 && type.startsWith(test.expect.contentType) && first.length > 0;
        return {
          test,
          ok,
          detail: ok ? `200 ${test.expect.contentType}` : `${res.status} ${type || "no content type"}`,
        };
      }
    }
  } catch (error) {
    return { test, ok: false, detail: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}
