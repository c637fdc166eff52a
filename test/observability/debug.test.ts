// Debug mode end to end: a request signed with SLUICE_DEBUG_SECRET is recorded step by step and
// served on the admin port at /debug/<request-id>; unsigned, wrongly signed, expired or re-targeted
// tokens record nothing; the header never reaches the backend; without the secret there is no
// /debug at all. `sluice debug-token` signs what the gateway accepts.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_DIR } from "../../compiler/compile.ts";
import { DEBUG_TOKEN_SECONDS, debugToken, verifyDebugToken } from "../../runtime/observability/debug.ts";
import { type EchoBackend, startEchoBackend } from "../helpers/backends.ts";
import { startTestGateway, type TestGateway } from "../helpers/gateway.ts";

const SECRET = "a-debug-secret-of-32-characters!";

const api = `apiVersion: gravitee.io/v1alpha1
kind: ApiV4Definition
metadata:
  name: debugged
spec:
  name: Debugged
  version: "1"
  type: PROXY
  listeners:
    - type: HTTP
      paths:
        - path: /debugged
      entrypoints:
        - type: http-proxy
  endpointGroups:
    - name: backend
      type: http-proxy
      endpoints:
        - name: echo
          type: http-proxy
          configuration:
            target: \${BACKEND}/in
  flows:
    - name: tag
      request:
        - name: add a header
          policy: transform-headers
          configuration:
            addHeaders:
              - name: X-Tagged
                value: "yes"
            removeHeaders: [X-Internal]
        - name: only for x-never
          policy: transform-headers
          condition: "{#request.headers['x-never'] != null}"
          configuration:
            addHeaders:
              - name: X-Never
                value: "1"
      response:
        - policy: transform-headers
          configuration:
            addHeaders:
              - name: X-Served
                value: sluice
  plans:
    keys:
      name: Keys
      security:
        type: API_KEY
    open:
      name: Open
      security:
        type: KEY_LESS
`;

interface Record {
  requestId: string;
  api: string;
  method: string;
  path: string;
  status?: number;
  durationMs?: number;
  plan?: { id: string; securityType: string };
  plansSkipped: Array<{ id: string; reason: string }>;
  flows: string[];
  steps: Array<{
    phase: string;
    flow: string;
    policy: string;
    ran: boolean;
    skipped?: string;
    outcome?: string;
    durationMs?: number;
    headers?: { request?: { set?: object; removed?: string[] }; response?: { set?: object } };
  }>;
  endpoint?: { name: string; status?: number; durationMs: number };
}

describe("debug mode", () => {
  let backend: EchoBackend;
  let gateway: TestGateway;

  beforeAll(async () => {
    backend = await startEchoBackend();
    gateway = await startTestGateway(
      { "debugged.yaml": api },
      { BACKEND: backend.url, SLUICE_DEBUG_SECRET: SECRET },
    );
  });
  afterAll(async () => {
    await gateway?.close();
    await backend?.close();
  });

  const record = async (requestId: string): Promise<{ status: number; body: Record }> => {
    // The record is complete when the response has closed on the gateway's side.
    for (let i = 0; i < 100; i++) {
      const res = await fetch(`${gateway.adminUrl}/debug/${requestId}`);
      const body = (await res.json()) as Record;
      if (res.status !== 200 || body.status !== undefined) return { status: res.status, body };
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error("record never completed");
  };

  it("records the plan, flows, each step with its header changes and timing, and the endpoint call", async () => {
    const res = await fetch(`${gateway.url}/debugged/items?x=1`, {
      headers: { "x-sluice-debug": debugToken(SECRET, "GET", "/debugged/items"), "x-internal": "1" },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("x-served")).toBe("sluice");
    await res.text();
    const seen = backend.received.at(-1)!;
    expect(seen.headers["x-sluice-debug"]).toBeUndefined();
    const { status, body } = await record(res.headers.get("x-gravitee-request-id")!);
    expect(status).toBe(200);
    expect(body).toMatchObject({ api: "debugged", method: "GET", path: "/debugged/items", status: 200 });
    expect(body.plan).toMatchObject({ id: "open", securityType: "KEY_LESS" });
    expect(body.plansSkipped).toEqual([{ id: "keys", reason: "no credential for this plan in the request" }]);
    expect(body.flows).toEqual(["tag"]);
    expect(body.steps.map((s) => [s.phase, s.policy, s.ran])).toEqual([
      ["request", "transform-headers", true],
      ["request", "transform-headers", false],
      ["response", "transform-headers", true],
    ]);
    const [added, skipped, response] = body.steps;
    expect(added!.outcome).toBe("continued");
    expect(added!.durationMs).toBeGreaterThanOrEqual(0);
    expect(added!.headers?.request).toEqual({ set: { "x-tagged": "yes" }, removed: ["x-internal"] });
    expect(skipped!.skipped).toBe("condition is false");
    expect(response!.headers?.response).toEqual({ set: { "x-served": "sluice" } });
    expect(body.endpoint).toMatchObject({ name: "echo", status: 200 });
    expect(body.durationMs).toBeGreaterThan(0);
  });

  it("records how a refused request ended: plans passed over, no plan, the 401", async () => {
    const res = await fetch(`${gateway.url}/debugged/k`, {
      headers: {
        "x-sluice-debug": debugToken(SECRET, "GET", "/debugged/k"),
        "x-gravitee-api-key": "unknown",
      },
    });
    expect(res.status).toBe(401);
    await res.text();
    const { body } = await record(res.headers.get("x-gravitee-request-id")!);
    expect(body.status).toBe(401);
    expect(body.plan).toBeUndefined();
    expect(body.plansSkipped).toEqual([
      { id: "keys", reason: "no valid subscription for the credential" },
      { id: "open", reason: "a credential was given: keyless plans take only requests without one" },
    ]);
    expect(body.steps).toEqual([]);
  });

  it.each([
    ["no header", undefined],
    ["a token for another path", () => debugToken(SECRET, "GET", "/debugged/other")],
    ["a token for another method", () => debugToken(SECRET, "POST", "/debugged/x")],
    ["a token signed with another secret", () => debugToken(`${SECRET}-other`, "GET", "/debugged/x")],
    [
      "an expired token",
      () => debugToken(SECRET, "GET", "/debugged/x", Date.now() - 2 * DEBUG_TOKEN_SECONDS * 1000),
    ],
    ["garbage", () => "12345.not-hex"],
  ])("records nothing for %s, and the request is served normally", async (_name, token) => {
    const value = token?.();
    const res = await fetch(
      `${gateway.url}/debugged/x`,
      value ? { headers: { "x-sluice-debug": value } } : {},
    );
    expect(res.status).toBe(200);
    await res.text();
    expect(backend.received.at(-1)!.headers["x-sluice-debug"]).toBeUndefined();
    const stored = await fetch(`${gateway.adminUrl}/debug/${res.headers.get("x-gravitee-request-id")}`);
    expect(stored.status).toBe(404);
    await stored.text();
  });
});

describe("debug tokens", () => {
  const now = 1_800_000_000_000;
  it.each([
    ["the signed request", "GET", "/a", now, true],
    ["the method case-insensitively", "get", "/a", now, true],
    ["another path", "GET", "/b", now, false],
    ["another method", "PUT", "/a", now, false],
    ["a minute later", "GET", "/a", now + DEBUG_TOKEN_SECONDS * 1000, true],
    ["past a minute", "GET", "/a", now + (DEBUG_TOKEN_SECONDS + 1) * 1000, false],
    ["from the future", "GET", "/a", now - (DEBUG_TOKEN_SECONDS + 1) * 1000, false],
  ])("a token for GET /a accepts %s: %s", (_name, method, path, at, ok) => {
    const token = debugToken(SECRET, "GET", "/a", now);
    expect(verifyDebugToken(SECRET, token, method, path, at)).toBe(ok);
  });

  it("refuses a tampered signature and malformed values", () => {
    const token = debugToken(SECRET, "GET", "/a", now);
    const flipped = token.slice(0, -1) + (token.endsWith("0") ? "1" : "0");
    expect(verifyDebugToken(SECRET, flipped, "GET", "/a", now)).toBe(false);
    expect(verifyDebugToken(SECRET, "", "GET", "/a", now)).toBe(false);
    expect(verifyDebugToken(SECRET, token.split(".")[1]!, "GET", "/a", now)).toBe(false);
  });

  it("the openssl one-liner of docs/operations.md computes the same header", () => {
    const doc = readFileSync(join(PROJECT_DIR, "docs", "operations.md"), "utf8");
    const line = /^ts=\$\(date \+%s\); (mac=.*)$/m.exec(doc)?.[1];
    expect(line).toBeDefined();
    const ts = String(Math.floor(now / 1000));
    const out = execFileSync("bash", ["-c", `ts=${ts}; ${line}; printf '%s' "$ts.$mac"`], {
      env: { ...process.env, SLUICE_DEBUG_SECRET: SECRET },
      encoding: "utf8",
    });
    expect(out).toBe(debugToken(SECRET, "GET", "/orders/42", now));
  });

  it("sluice debug-token signs with SLUICE_DEBUG_SECRET and refuses without it", async () => {
    const { commandDebugToken } = await import("../../compiler/cli/debug-token-command.ts");
    let out = "";
    const io = {
      out: (s: string) => {
        out += s;
      },
      err: () => {},
    };
    expect(await commandDebugToken(["POST", "/orders/1"], io, { SLUICE_DEBUG_SECRET: SECRET })).toBe(0);
    expect(verifyDebugToken(SECRET, out.trim(), "POST", "/orders/1")).toBe(true);
    await expect(commandDebugToken(["POST", "/orders/1"], io, {})).rejects.toThrow(/SLUICE_DEBUG_SECRET/);
    await expect(commandDebugToken(["POST", "/o?x=1"], io, { SLUICE_DEBUG_SECRET: SECRET })).rejects.toThrow(
      /query/,
    );
  });
});

describe("debug records are bounded", () => {
  it("keeps the last SLUICE_DEBUG_BUFFER records, dropping the oldest", async () => {
    const backend = await startEchoBackend();
    const gateway = await startTestGateway(
      { "debugged.yaml": api },
      { BACKEND: backend.url, SLUICE_DEBUG_SECRET: SECRET, SLUICE_DEBUG_BUFFER: "2" },
    );
    try {
      const ids: string[] = [];
      for (const path of ["/debugged/1", "/debugged/2", "/debugged/3"]) {
        const res = await fetch(`${gateway.url}${path}`, {
          headers: { "x-sluice-debug": debugToken(SECRET, "GET", path) },
        });
        await res.text();
        ids.push(res.headers.get("x-gravitee-request-id")!);
      }
      const statuses = [];
      for (const id of ids) {
        const res = await fetch(`${gateway.adminUrl}/debug/${id}`);
        await res.text();
        statuses.push(res.status);
      }
      expect(statuses).toEqual([404, 200, 200]);
    } finally {
      await gateway.close();
      await backend.close();
    }
  });

  it("needs the admin token when SLUICE_ADMIN_TOKEN is set", async () => {
    const backend = await startEchoBackend();
    const gateway = await startTestGateway(
      { "debugged.yaml": api },
      { BACKEND: backend.url, SLUICE_DEBUG_SECRET: SECRET, SLUICE_ADMIN_TOKEN: "admin-token-for-the-test" },
    );
    try {
      const res = await fetch(`${gateway.url}/debugged/t`, {
        headers: { "x-sluice-debug": debugToken(SECRET, "GET", "/debugged/t") },
      });
      await res.text();
      const url = `${gateway.adminUrl}/debug/${res.headers.get("x-gravitee-request-id")}`;
      const open = await fetch(url);
      await open.text();
      expect(open.status).toBe(401);
      const authorized = await fetch(url, { headers: { authorization: "Bearer admin-token-for-the-test" } });
      expect(authorized.status).toBe(200);
      expect(((await authorized.json()) as { api: string }).api).toBe("debugged");
    } finally {
      await gateway.close();
      await backend.close();
    }
  });
});

describe("debug mode off", () => {
  it("without SLUICE_DEBUG_SECRET (or with a short one) the admin port has no /debug and the header is a header", async () => {
    const backend = await startEchoBackend();
    const gateway = await startTestGateway(
      { "debugged.yaml": api },
      { BACKEND: backend.url, SLUICE_DEBUG_SECRET: "short" },
    );
    try {
      const res = await fetch(`${gateway.url}/debugged/x`, {
        headers: { "x-sluice-debug": debugToken("short", "GET", "/debugged/x") },
      });
      expect(res.status).toBe(200);
      await res.text();
      expect(backend.received.at(-1)!.headers["x-sluice-debug"]).toBeDefined();
      const admin = await fetch(`${gateway.adminUrl}/debug/${res.headers.get("x-gravitee-request-id")}`);
      expect(admin.status).toBe(404);
      await admin.text();
      expect(gateway.logs.some((l) => l.includes("SLUICE_DEBUG_SECRET too short"))).toBe(true);
    } finally {
      await gateway.close();
      await backend.close();
    }
  });
});
