// The reference servers of the proxy bench, each run in its own process: the backend every proxy
// forwards to, and the Node peers Sluice is measured against — fast-gateway, fastify with
// @fastify/http-proxy, and the smallest sensible pass-through (node:http → undici Pool → pipe back),
// and the floor: node:http → undici dispatch → write, with nothing a gateway must do.
// nginx (one worker, upstream keep-alive) is configured here and started as its own binary. Every
// proxy serves the context path `/bench/` and forwards the rest of the path, as Sluice does.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { pipeline } from "node:stream";
import { fileURLToPath } from "node:url";
import { Pool } from "undici";

export const CONTEXT_PATH = "/bench";

/** The backend: a fixed body of `size` bytes, keep-alive, as fast as node:http answers. */
export function backend(size: number): Server {
  const body = Buffer.alloc(size, "x");
  const server = createServer((req, res) => {
    req.resume();
    res.writeHead(200, { "content-type": "text/plain", "content-length": body.length });
    res.end(body);
  });
  server.keepAliveTimeout = 65_000;
  return server;
}

/** An OTLP/HTTP traces receiver that takes every export and keeps nothing (the traced variant's collector). */
export function otlpSink(): Server {
  return createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      res.writeHead(200, { "content-type": "application/x-protobuf", "content-length": 0 });
      res.end();
    });
  });
}

/** node:http → undici Pool → pipe back: no routing, no headers work, nothing else. */
export function undiciPassThrough(target: string): Server {
  const pool = new Pool(target, { connections: 100 });
  const server = createServer((req, res) => {
    const path = req.url!.startsWith(`${CONTEXT_PATH}/`) ? req.url!.slice(CONTEXT_PATH.length) : req.url!;
    pool.request({ path, method: req.method as "GET", headers: req.headers, body: req }).then(
      (up) => {
        // The client may be gone already (wrk closing its connections at the end of a run).
        if (res.destroyed) return void up.body.on("error", () => {}).destroy();
        res.writeHead(up.statusCode, up.headers as Record<string, string>);
        pipeline(up.body, res, () => {});
      },
      () => {
        res.statusCode = 502;
        res.end();
      },
    );
  });
  server.keepAliveTimeout = 65_000;
  return server;
}

/**
 * The floor of a node:http + undici proxy: the request handed to undici's Pool with a dispatch
 * handler that writes the answer straight into the response (what Sluice's fast path does,
 * runtime/endpoints/http-proxy/forward.ts) and nothing else — no routing, no hop-by-hop headers
 * dropped, no ids, no metrics, no log, no timeouts, no backpressure. Not a usable proxy: the CPU
 * a request costs before a gateway does anything.
 */
export function undiciDispatchFloor(target: string): Server {
  const pool = new Pool(target, { connections: 100 });
  const server = createServer((req, res) => {
    const path = req.url!.startsWith(`${CONTEXT_PATH}/`) ? req.url!.slice(CONTEXT_PATH.length) : req.url!;
    const fail = () => {
      if (res.headersSent) res.destroy();
      else {
        res.statusCode = 502;
        res.end();
      }
    };
    pool.dispatch(
      {
        path,
        method: req.method as "GET",
        headers: req.headers as Record<string, string>,
        // A request without a body is sent without one (a stream body costs undici a stream each).
        body: req.headers["content-length"] || req.headers["transfer-encoding"] ? req : null,
      },
      {
        onConnect() {},
        onHeaders(status, raw) {
          const headers: string[] = [];
          for (let i = 0; i < raw.length; i += 2) {
            const name = raw[i]!.toString("latin1");
            if (name.length !== 10 || name.toLowerCase() !== "connection")
              headers.push(name, raw[i + 1]!.toString("latin1"));
          }
          res.writeHead(status, headers);
          return true;
        },
        onData(chunk) {
          res.write(chunk);
          return true;
        },
        onComplete() {
          res.end();
        },
        onError: fail,
      },
    );
  });
  server.keepAliveTimeout = 65_000;
  return server;
}

/** fast-gateway with its defaults (restana + fast-proxy-lite, keep-alive agent). */
export async function fastGateway(target: string): Promise<{ listen(port: number): Promise<void> }> {
  const { default: gateway } = (await import("fast-gateway")) as unknown as {
    default: (o: unknown) => { start(port: number, host: string): Promise<unknown> };
  };
  const server = gateway({ routes: [{ prefix: CONTEXT_PATH, target }] });
  return { listen: async (port) => void (await server.start(port, "127.0.0.1")) };
}

/** fastify + @fastify/http-proxy (reply-from over undici), logger off. */
export async function fastifyProxy(target: string): Promise<{ listen(port: number): Promise<void> }> {
  const { default: Fastify } = await import("fastify");
  const { default: proxy } = await import("@fastify/http-proxy");
  const app = Fastify({ logger: false });
  await app.register(proxy, { upstream: target, prefix: CONTEXT_PATH });
  return { listen: async (port) => void (await app.listen({ port, host: "127.0.0.1" })) };
}

/** The nginx binary, installed with apt-get (Debian's nginx-light) when absent; undefined if that fails. */
export function findNginx(): string | undefined {
  const known = ["/usr/sbin/nginx", "/usr/bin/nginx"];
  const found = () => known.find((p) => existsSync(p));
  if (found()) return found();
  console.error("nginx not found: installing nginx-light with apt-get");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
  spawnSync("apt-get", ["install", "-y", "-qq", "nginx-light"], { stdio: "inherit", env });
  return found();
}

/**
 * nginx in the foreground, keep-alive to the backend (`keepalive 64`): one process (no master: its
 * CPU time is that process's), or with `workers` > 1 a master and that many workers (`pid` is the
 * master's; count its process tree).
 */
export async function startNginx(
  binary: string,
  dir: string,
  port: number,
  backendPort: number,
  workers = 1,
): Promise<{ pid: number; stop(): void }> {
  await mkdir(dir, { recursive: true });
  const conf = join(dir, "nginx.conf");
  await writeFile(
    conf,
    `daemon off;
master_process ${workers > 1 ? "on" : "off"};
worker_processes ${workers};
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  keepalive_requests 1000000;
  upstream backend { server 127.0.0.1:${backendPort}; keepalive 64; keepalive_requests 1000000; }
  server {
    listen 127.0.0.1:${port};
    location ${CONTEXT_PATH}/ {
      proxy_pass http://backend/;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
    }
  }
}
`,
  );
  const proc = spawn(binary, ["-c", conf, "-p", dir], { stdio: ["ignore", "ignore", "inherit"] });
  return { pid: proc.pid!, stop: () => proc.kill("SIGTERM") };
}

/**
 * One of the servers above in its own process (bench/proxy.ts `--role`), on a free port; resolves
 * once it answers. The caller kills `proc`.
 */
export async function startRole(
  role: "backend" | "undici" | "floor" | "fast-gateway" | "fastify" | "otlp-sink",
  target: string,
  size: number,
): Promise<{ port: number; proc: ChildProcess }> {
  const port = await freePort();
  const proc = spawn(
    process.execPath,
    [
      fileURLToPath(new URL("../proxy.ts", import.meta.url)),
      `--role=${role}`,
      `--port=${port}`,
      `--target=${target}`,
      `--size=${size}`,
    ],
    { stdio: ["ignore", "inherit", "inherit"] },
  );
  await waitForPort(port, proc);
  return { port, proc };
}

/** Resolves once something answers HTTP on the port (any status). */
export async function waitForPort(port: number, proc?: ChildProcess): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (proc && proc.exitCode !== null) throw new Error(`process exited with ${proc.exitCode}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/`);
      await res.arrayBuffer();
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`nothing answered on port ${port}`);
}

/** CPU time (user + system) a process has used, in microseconds, from /proc (Linux). */
export function cpuMicros(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // Fields 14 and 15 of proc(5), counted from the state (field 3) here; clock ticks of 10 ms.
  return (Number(fields[11]) + Number(fields[12])) * 10_000;
}

/** A free TCP port on 127.0.0.1 (listen on 0, read it, close). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
