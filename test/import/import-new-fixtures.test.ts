// The loop a team runs on files Sluice has never seen, through the command line only: `sluice
// import` → `sluice check` (clean: these inputs carry no mistake) → `sluice compile` → the bundle
// started as production starts it → calls through the gateway. Four inputs written for this test,
// unlike the corpus files and the other import fixtures: a v2 export with a plan flow and a mock
// flow, a v4 PROXY export wrapper with two plans and a response flow, a v4 MESSAGE export with
// lowercase QoS, an OpenAPI 3.0 document in JSON. Only the backend hosts are pointed at a local
// echo server, as a team points an import at staging.
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningBundle, startBundle } from "../../compiler/conformance/run-tests.ts";
import { type EchoBackend, type Received, startEchoBackend } from "../helpers/backends.ts";
import { runCli } from "../helpers/cli.ts";

const FIXTURES = join(import.meta.dirname, "fixtures");
const INPUTS = [
  "library-v2-export.json",
  "parcels-v4-proxy-export.json",
  "alerts-v4-message-export.json",
  "parks.openapi30.json",
];

const sluice = (cwd: string, args: string[]) => runCli(args, cwd);

describe("import → check → compile → start → call, on inputs no other test has seen", () => {
  let backend: EchoBackend;
  let gateway: RunningBundle;
  let report = "";

  beforeAll(async () => {
    backend = await startEchoBackend();
    const repo = await mkdtemp(join(tmpdir(), "sluice-import-loop-"));
    for (const name of INPUTS) {
      const text = await readFile(join(FIXTURES, name), "utf8");
      await writeFile(join(repo, name), text.replace(/https:\/\/[a-z-]+\.invalid/g, backend.url));
    }
    const imported = await sluice(repo, ["import", ...INPUTS]);
    report = imported.out;
    expect(imported.code).toBe(0);
    const check = await sluice(repo, ["check", "apis"]);
    expect(check.code).toBe(0);
    expect(check.err).toContain("4 APIs checked, no errors");
    expect((await sluice(repo, ["compile", "apis"])).code).toBe(0);
    gateway = await startBundle(join(repo, "generated", "dist", "gateway.mjs"), process.env);
  }, 180000);

  afterAll(async () => {
    await gateway?.stop();
    await backend?.close();
  });

  it("import names what it wrote and what it changed on the way", () => {
    expect(report).toMatch(/^apis\/library\.yaml ← library-v2-export\.json \(.*, created\)$/m);
    expect(report).toMatch(/^apis\/parcel-tracking\.yaml ← parcels-v4-proxy-export\.json/m);
    expect(report).toMatch(/^apis\/weather-alerts\.yaml ← alerts-v4-message-export\.json/m);
    expect(report).toMatch(/^apis\/city-parks\.yaml ← parks\.openapi30\.json/m);
  });

  it("v2 export: the plan's flow adds its header on the way to the backend; the mock flow answers /ping", async () => {
    const res = await fetch(`${gateway.url}/library/books?page=2`);
    expect(res.status).toBe(200);
    const received = (await res.json()) as Received;
    expect(received.url).toBe("/api/library/books?page=2"); // strip_context_path: false
    expect(received.headers["x-library-card"]).toBe("guest");
    const ping = await fetch(`${gateway.url}/library/ping`);
    expect([ping.status, await ping.text()]).toEqual([200, "pong"]);
  });

  it("v4 PROXY export: the keyless plan reaches the target; the response flow sets Cache-Control on /parcels only", async () => {
    const res = await fetch(`${gateway.url}/track/parcels/42`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as Received).url).toBe("/v1/parcels/42");
    expect(res.headers.get("cache-control")).toBe("max-age=60");
    const other = await fetch(`${gateway.url}/track/depots`);
    await other.body?.cancel();
    expect([other.status, other.headers.get("cache-control")]).toEqual([200, null]);
    const unknownKey = await fetch(`${gateway.url}/track/parcels/42`, {
      headers: { "x-gravitee-api-key": "a-key-nobody-subscribed-with-000000" },
    });
    await unknownKey.body?.cancel();
    expect(unknownKey.status).toBe(401);
  });

  it("v4 MESSAGE export: http-get delivers the mock's messages, http-post accepts one", async () => {
    const res = await fetch(`${gateway.url}/alerts`, { headers: { accept: "application/json" } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { items: Array<{ content: string }> };
    expect(JSON.parse(body.items[0]?.content ?? "")).toEqual({ level: "amber", area: "north" });
    const post = await fetch(`${gateway.url}/alerts`, { method: "POST", body: "{}" });
    await post.body?.cancel();
    expect(post.status).toBe(202);
  });

  it("OpenAPI 3.0: the server's base path is the context path and the target", async () => {
    const res = await fetch(`${gateway.url}/city/parks/v1/parks/central/events`, {
      method: "POST",
      body: "{}",
    });
    expect(res.status).toBe(200);
    const received = (await res.json()) as Received;
    expect([received.method, received.url]).toEqual(["POST", "/city/parks/v1/parks/central/events"]);
  });
});
