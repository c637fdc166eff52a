// The production path: `sluice compile` (tsc and esbuild) of an API with JWT, MTLS and keyless
// plans, the bundle run with node as `sluice start` runs it, over HTTPS. Shows that jose and the
// TLS listener are linked into the self-contained bundle, and that a TLS mistake stops the start
// with one line and no stack trace.
import { type ChildProcess, spawn } from "node:child_process";
import { rm } from "node:fs/promises";
import { connect as http2Connect } from "node:http2";
import { join } from "node:path";
import { UnsecuredJWT } from "jose";
import { afterAll, describe, expect, it } from "vitest";
import { compileRepository, PROJECT_DIR } from "../../compiler/compile.ts";
import { writeRepository } from "../helpers/gateway.ts";
import { jwtPlan, keylessPlan, securedApi } from "../helpers/specs.ts";
import { makePki } from "./certificates.ts";

const NODE = join(PROJECT_DIR, "node_modules", ".bin", "node");
const dirs: string[] = [];
const children: ChildProcess[] = [];
afterAll(async () => {
  for (const c of children) c.kill("SIGKILL");
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

async function compileBundle(): Promise<string> {
  const plans = `${jwtPlan("jwt", "          signature: RSA_RS256\n          publicKeyResolver: JWKS_URL\n          resolverParameter: http://127.0.0.1:9/jwks")}    mtls:
      name: mTLS
      security:
        type: MTLS
${keylessPlan("free")}`;
  const dir = await writeRepository({
    "orders.yaml": securedApi("orders", "/orders", "http://127.0.0.1:9", plans),
  });
  dirs.push(dir);
  const out = join(dir, "generated");
  const result = await compileRepository({ target: join(dir, "apis"), outDir: out, cwd: dir });
  expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return join(out, "dist", "gateway.mjs");
}

function run(bundle: string, env: Record<string, string>): ChildProcess {
  const child = spawn(NODE, [bundle], {
    env: { PATH: process.env.PATH ?? "", SLUICE_ADMIN_PORT: "0", SLUICE_HOST: "127.0.0.1", ...env },
  });
  children.push(child);
  return child;
}

function h2Get(port: number, ca: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const session = http2Connect(`https://127.0.0.1:${port}`, { ca });
    session.on("error", reject);
    const stream = session.request({ ":path": "/orders", ...headers });
    stream.on("response", (h) => {
      stream.resume();
      session.close();
      resolve(Number(h[":status"]));
    });
    stream.on("error", reject);
    stream.end();
  });
}

describe("plan security in the compiled bundle", () => {
  it("serves HTTPS only (SLUICE_HTTP_PORT=off) with h2; keyless passes, a bearer token without subscription does not fall through to it", async () => {
    const bundle = await compileBundle();
    const pki = makePki();
    const child = run(bundle, {
      SLUICE_HTTP_PORT: "off",
      SLUICE_HTTPS_PORT: "0",
      SLUICE_TLS_CERT: pki.server.certPath,
      SLUICE_TLS_KEY: pki.server.keyPath,
    });
    const started = await new Promise<Record<string, unknown>>((resolve, reject) => {
      let out = "";
      child.stdout?.on("data", (c: Buffer) => {
        out += c.toString();
        const line = out.split("\n").find((l) => l.includes('"gateway started"'));
        if (line) resolve(JSON.parse(line) as Record<string, unknown>);
      });
      child.once("exit", (code) => reject(new Error(`exited ${code}`)));
    });
    expect(started.httpPort).toBeUndefined();
    const port = Number(started.httpsPort);
    // The backend is down: a request that passes the keyless plan reaches it and gets 502.
    expect(await h2Get(port, pki.ca.cert)).toBe(502);
    // A token is a credential: the keyless plan no longer applies, and no JWT subscription exists.
    const token = new UnsecuredJWT({ azp: "anyone" }).setExpirationTime("5m").encode();
    expect(await h2Get(port, pki.ca.cert, { authorization: `Bearer ${token}` })).toBe(401);
    child.kill("SIGTERM");
    expect(await new Promise((r) => child.once("exit", r))).toBe(0);
  }, 120_000);

  it("stops with one line naming the variable when a TLS file is missing", async () => {
    const bundle = await compileBundle();
    const child = run(bundle, {
      SLUICE_HTTP_PORT: "0",
      SLUICE_TLS_CERT: "/nonexistent/tls.crt",
      SLUICE_TLS_KEY: "/nonexistent/tls.key",
    });
    let stderr = "";
    child.stderr?.on("data", (c: Buffer) => {
      stderr += c.toString();
    });
    expect(await new Promise((r) => child.once("exit", r))).toBe(1);
    expect(stderr).toBe("sluice: cannot start: SLUICE_TLS_CERT=/nonexistent/tls.crt: ENOENT\n");
  }, 120_000);
});
