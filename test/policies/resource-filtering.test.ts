// resource-filtering through a compiled gateway: Ant patterns in a whitelist (403, and 405 when only
// the method differs) and a blacklist, with Gravitee's messages and keys.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EchoBackend, startEchoBackend } from "../helpers/backends.ts";
import { startTestGateway, type TestGateway } from "../helpers/gateway.ts";
import { proxyApi } from "../helpers/specs.ts";

const filtered = (name: string, config: string) =>
  proxyApi(
    name,
    `/${name}`,
    "${ECHO}",
    `  flows:
    - name: filter
      request:
        - policy: resource-filtering
          configuration:
${config}
`,
  );

let echo: EchoBackend;
let gateway: TestGateway;

beforeAll(async () => {
  echo = await startEchoBackend();
  gateway = await startTestGateway(
    {
      "white.yaml": filtered(
        "white",
        `            whitelist:
              - pattern: /users/{id:[0-9]+}
                methods: [GET]
              - pattern: /public/**
              - pattern: /files/*.json
                methods: [GET, PUT]`,
      ),
      "black.yaml": filtered(
        "black",
        `            blacklist:
              - pattern: /admin/**
              - pattern: /users/?
                methods: [DELETE]`,
      ),
    },
    { ECHO: echo.url },
  );
});
afterAll(async () => {
  await gateway?.close();
  await echo?.close();
});

const status = async (path: string, method = "GET") =>
  (await fetch(`${gateway.url}${path}`, { method, headers: { accept: "application/json" } })).status;

describe("resource-filtering", () => {
  it("lets through only whitelisted paths and methods", async () => {
    expect(await status("/white/users/42")).toBe(200);
    expect(await status("/white/public")).toBe(200);
    expect(await status("/white/public/a/b/c", "POST")).toBe(200);
    expect(await status("/white/files/x.json", "PUT")).toBe(200);
    expect(await status("/white/users/abc")).toBe(403);
    expect(await status("/white/files/x.xml")).toBe(403);
    expect(await status("/white/files/a/x.json")).toBe(403);
    const res = await fetch(`${gateway.url}/white/other`, { headers: { accept: "application/json" } });
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({
      message: "You're not allowed to access this resource",
      http_status_code: 403,
    });
    const method = await fetch(`${gateway.url}/white/users/42`, {
      method: "DELETE",
      headers: { accept: "application/json" },
    });
    expect(method.status).toBe(405);
    expect(await method.json()).toEqual({
      message: "Method not allowed while accessing this resource",
      http_status_code: 405,
    });
  });

  it("refuses blacklisted paths and methods", async () => {
    expect(await status("/black/admin")).toBe(403);
    expect(await status("/black/admin/x/y")).toBe(403);
    expect(await status("/black//admin//x")).toBe(403);
    expect(await status("/black/users/1", "DELETE")).toBe(403);
    expect(await status("/black/users/1")).toBe(200);
    expect(await status("/black/users/12", "DELETE")).toBe(200);
    expect(await status("/black/administrator")).toBe(200);
  });
});
