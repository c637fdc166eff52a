// The Sluice side of the proxy bench: each variant is a repository of specs compiled the way a user
// compiles it (`sluice compile`: tsc, esbuild) and run as its bundle, `node dist/gateway.mjs`, in
// its own process. The backend's URL is an environment reference, resolved at start like any other.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { compileRepository } from "../../compiler/compile.ts";
import { group, v4Proxy } from "../../test/proxy/specs.ts";
import { CONTEXT_PATH, freePort, waitForPort } from "./peers.ts";

/** A bench key: 48 characters, as keys of real subscriptions are (≥ 32). */
export const BENCH_API_KEY = "bench-0123456789abcdef0123456789abcdef0123456789";

export interface Variant {
  name: string;
  label: string;
  /** The request path wrk sends (the context path of the measured API + `/items?id=1`). */
  path: string;
  headers?: Record<string, string>;
  env?: Record<string, string>;
  /** Runs with tracing exported to an OTLP sink (OTEL_EXPORTER_OTLP_ENDPOINT). */
  otlp?: boolean;
  /** Standard output (the access log) into a pipe a consumer process drains, as in a container. */
  stdout?: "pipe";
  specs(): Record<string, string>;
}

const backendGroup = () => group({ endpoints: [{ name: "origin", target: "${BENCH_BACKEND}" }] });
const everything = { selectors: [{ type: "HTTP", path: "/", pathOperator: "STARTS_WITH" }] };

export const VARIANTS: Variant[] = [
  {
    name: "keyless",
    label: "Sluice, keyless plan",
    path: `${CONTEXT_PATH}/items?id=1`,
    specs: () => ({ "bench.yaml": v4Proxy("bench", CONTEXT_PATH, [backendGroup()]) }),
  },
  {
    // The peers write no access log (nginx `access_log off`, fastify's logger off): the same work.
    name: "keyless-nolog",
    label: "Sluice, keyless plan, access log off (as the peers run)",
    path: `${CONTEXT_PATH}/items?id=1`,
    env: { SLUICE_ACCESS_LOG: "off" },
    specs: () => ({ "bench.yaml": v4Proxy("bench", CONTEXT_PATH, [backendGroup()]) }),
  },
  {
    // Standard output in a container is a pipe the runtime's collector reads: the access log's
    // costly destination before its writer wrote each batch with one write(2).
    name: "keyless-pipe",
    label: "Sluice, keyless plan, access log to a pipe (stdout in a container)",
    path: `${CONTEXT_PATH}/items?id=1`,
    stdout: "pipe",
    specs: () => ({ "bench.yaml": v4Proxy("bench", CONTEXT_PATH, [backendGroup()]) }),
  },
  {
    name: "api-key",
    label: "Sluice, API-key plan + transform-headers",
    path: `${CONTEXT_PATH}/items?id=1`,
    headers: { "X-Gravitee-Api-Key": BENCH_API_KEY },
    env: { SLUICE_API_KEYS_BENCH: BENCH_API_KEY },
    specs: () => ({
      "bench.yaml": v4Proxy("bench", CONTEXT_PATH, [backendGroup()], {
        plans: {
          keyed: {
            name: "Keyed",
            security: { type: "API_KEY" },
            flows: [
              {
                name: "tag",
                ...everything,
                request: [
                  {
                    policy: "transform-headers",
                    configuration: { scope: "REQUEST", addHeaders: [{ name: "X-Plan", value: "keyed" }] },
                  },
                ],
              },
            ],
          },
        },
      }),
    }),
  },
  {
    name: "traced",
    label: "Sluice, keyless, traced (analytics.tracing, OTLP export)",
    path: `${CONTEXT_PATH}/items?id=1`,
    otlp: true,
    specs: () => ({
      "bench.yaml": v4Proxy("bench", CONTEXT_PATH, [backendGroup()], {
        analytics: { tracing: { enabled: true } },
      }),
    }),
  },
  {
    name: "rate-limit",
    label: "Sluice, keyless + rate-limit",
    path: `${CONTEXT_PATH}/items?id=1`,
    specs: () => ({
      "bench.yaml": v4Proxy("bench", CONTEXT_PATH, [backendGroup()], {
        flows: [
          {
            name: "limit",
            ...everything,
            request: [
              {
                policy: "rate-limit",
                // Never reached: the bench measures the counting, not the 429s.
                configuration: { rate: { limit: 1_000_000_000, periodTime: 1, periodTimeUnit: "SECONDS" } },
              },
            ],
          },
        ],
      }),
    }),
  },
  {
    name: "1000-apis",
    label: "Sluice, keyless, 1,000 APIs in the bundle",
    path: "/bench-0500/items?id=1",
    specs: () => {
      const files: Record<string, string> = {};
      for (let i = 0; i < 1000; i++) {
        const name = `bench-${String(i).padStart(4, "0")}`;
        files[`${name}.yaml`] = v4Proxy(name, `/${name}`, [backendGroup()]);
      }
      return files;
    },
  },
];

/** Compiles a variant into `dir` (specs in apis/, bundle in generated/dist/); returns the bundle. */
export async function compileVariant(variant: Variant, dir: string): Promise<string> {
  for (const [path, text] of Object.entries(variant.specs())) {
    await mkdir(join(dir, "apis"), { recursive: true });
    await writeFile(join(dir, "apis", path), text);
  }
  const out = join(dir, "generated");
  const result = await compileRepository({ target: join(dir, "apis"), outDir: out, cwd: dir });
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0)
    throw new Error(`${variant.name}: ${errors.map((d) => `${d.code} ${d.message}`).join("; ")}`);
  return join(out, "dist", "gateway.mjs");
}

/** Runs a compiled bundle on free ports; resolves once the traffic port answers. */
export async function startBundle(
  bundle: string,
  backend: string,
  env: Record<string, string> = {},
  stdout: "ignore" | "pipe" = "ignore",
): Promise<{ port: number; proc: ChildProcess; consumer?: ChildProcess }> {
  const port = await freePort();
  // `pipe`: the gateway's standard output is the write end of a pipe `cat` drains into /dev/null
  // (a process of its own, as a container runtime's log collector is).
  const consumer = stdout === "pipe" ? spawn("cat", [], { stdio: ["pipe", "ignore", "inherit"] }) : undefined;
  const proc = spawn(process.execPath, [bundle], {
    env: {
      ...process.env,
      // One process, as the peers it is compared with (nginx with 1 worker, Node servers);
      // --all-cores asks for workers.
      SLUICE_WORKERS: "1",
      ...env,
      BENCH_BACKEND: backend,
      SLUICE_HTTP_PORT: String(port),
      SLUICE_ADMIN_PORT: String(await freePort()),
      SLUICE_HOST: "127.0.0.1",
    },
    stdio: ["ignore", consumer?.stdin ?? "ignore", "inherit"],
  });
  // The gateway holds the pipe's write end alone: `cat` ends when the gateway has exited (after its
  // drain's last lines), not before it (killing it first would break the pipe under the drain).
  consumer?.stdin?.destroy();
  consumer?.unref();
  await waitForPort(port, proc);
  return consumer ? { port, proc, consumer } : { port, proc };
}
