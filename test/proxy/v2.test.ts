// v2 ApiDefinition through a compiled gateway: the same proxy path as v4 — virtual hosts,
// strip_context_path (false keeps the context path upstream), preserve_host, group headers, groups
// with a backup endpoint that takes over when the health check removes the primary, v2 failover,
// and pre/post flows.
import { request } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EchoBackend, type Received, startEchoBackend } from "../helpers/backends.ts";
import { startTestGateway, type TestGateway } from "../helpers/gateway.ts";

const v2 = (name: string, proxy: Record<string, unknown>, more: Record<string, unknown> = {}) =>
  JSON.stringify({
    apiVersion: "gravitee.io/v1alpha1",
    kind: "ApiDefinition",
    metadata: { name },
    spec: { name, version: "1", proxy, plans: [{ name: "Free", security: "KEY_LESS" }], ...more },
  });

describe("v2 ApiDefinition proxying", () => {
  let echo: EchoBackend;
  let backup: EchoBackend;
  let gateway: TestGateway;

  beforeAll(async () => {
    echo = await startEchoBackend();
    backup = await startEchoBackend();
    gateway = await startTestGateway(
      {
        "hosts.yaml": v2("hosts", {
          virtual_hosts: [{ host: "api.example.com", path: "/v2" }, { path: "/v2plain" }],
          groups: [
            {
              name: "default-group",
              headers: { "X-Group": "g1" },
              endpoints: [{ name: "e", target: "${ECHO}/base" }],
            },
          ],
        }),
        "other-host.yaml": v2("other-host", {
          virtual_hosts: [{ host: "other.example.com", path: "/v2" }],
          groups: [{ name: "g", endpoints: [{ name: "e", target: "${ECHO}/other" }] }],
        }),
        "keep.yaml": v2("keep", {
          virtual_hosts: [{ path: "/v2keep" }],
          strip_context_path: false,
          preserve_host: true,
          groups: [{ name: "g", endpoints: [{ name: "e", target: "${ECHO}/base" }] }],
        }),
        "backup.yaml": v2("backup", {
          virtual_hosts: [{ path: "/v2backup" }],
          groups: [
            {
              name: "g",
              endpoints: [
                { name: "primary", target: "http://127.0.0.1:1" },
                { name: "spare", target: "${BACKUP}", backup: true },
              ],
              services: {
                "health-check": {
                  enabled: true,
                  schedule: "* * * * * *",
                  steps: [
                    {
                      request: { path: "/", method: "GET" },
                      response: { assertions: ["#response.status == 200"] },
                    },
                  ],
                },
              },
            },
          ],
        }),
        "failover.yaml": v2("failover", {
          virtual_hosts: [{ path: "/v2failover" }],
          failover: { maxAttempts: 2, retryTimeout: 1000, cases: ["TIMEOUT"] },
          groups: [
            {
              name: "g",
              endpoints: [
                { name: "down", target: "http://127.0.0.1:1" },
                { name: "up", target: "${ECHO}/up" },
              ],
            },
          ],
        }),
        "flows.yaml": v2(
          "flows",
          {
            virtual_hosts: [{ path: "/v2flows" }],
            groups: [{ name: "g", endpoints: [{ name: "e", target: "${ECHO}" }] }],
          },
          {
            flows: [
              {
                name: "headers",
                "path-operator": { path: "/", operator: "STARTS_WITH" },
                pre: [
                  {
                    policy: "transform-headers",
                    configuration: { scope: "REQUEST", addHeaders: [{ name: "X-Api-Version", value: "v2" }] },
                  },
                ],
                post: [
                  {
                    policy: "transform-headers",
                    configuration: {
                      scope: "RESPONSE",
                      addHeaders: [{ name: "X-Served-By", value: "sluice-v2" }],
                    },
                  },
                ],
              },
            ],
          },
        ),
      },
      { ECHO: echo.url, BACKUP: backup.url },
    );
  });

  afterAll(async () => {
    await gateway?.close();
    await Promise.all([echo?.close(), backup?.close()]);
  });

  const get = async (path: string, headers: Record<string, string> = {}) => {
    const res = await request(`${gateway.url}${path}`, { headers });
    const text = await res.body.text();
    return {
      status: res.statusCode,
      headers: res.headers,
      seen: res.statusCode === 200 ? (JSON.parse(text) as Received) : undefined,
    };
  };

  it("routes by virtual host and strips the context path", async () => {
    expect((await get("/v2/x", { host: "api.example.com" })).seen?.url).toBe("/base/x");
    expect((await get("/v2/x", { host: "other.example.com" })).seen?.url).toBe("/other/x");
    expect((await get("/v2plain/y?q=1")).seen?.url).toBe("/base/y?q=1");
    expect((await get("/v2/x", { host: "unknown.example.com" })).status).toBe(404);
    // Gravitee compares the whole Host header: a virtual host without a port matches no request
    // whose Host names one (test/differential: `vhost one with port`).
    expect((await get("/v2/x", { host: "API.example.com" })).seen?.url).toBe("/base/x");
    expect((await get("/v2/x", { host: "api.example.com:8082" })).status).toBe(404);
  });

  it("adds the group's headers (a map in v2)", async () => {
    expect((await get("/v2plain/y")).seen?.headers["x-group"]).toBe("g1");
  });

  it("keeps the context path with strip_context_path: false, and the client's Host with preserve_host", async () => {
    const { seen } = await get("/v2keep/items/1", { host: "client.example.com" });
    expect(seen?.url).toBe("/base/v2keep/items/1");
    expect(seen?.headers.host).toBe("client.example.com");
  });

  it("uses the backup endpoint once the health check removed the primary", async () => {
    const deadline = Date.now() + 5000;
    let status = 0;
    while (Date.now() < deadline) {
      status = (await get("/v2backup/z")).status;
      if (status === 200) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toBe(200);
    const before = backup.received.length;
    for (let i = 0; i < 3; i++) expect((await get("/v2backup/z")).status).toBe(200);
    expect(backup.received.length - before).toBe(3);
  });

  it("retries on the next endpoint with v2 failover", async () => {
    for (let i = 0; i < 4; i++) expect((await get("/v2failover/w")).seen?.url).toBe("/up/w");
  });

  it("runs pre and post flows", async () => {
    const { seen, headers } = await get("/v2flows/p");
    expect(seen?.headers["x-api-version"]).toBe("v2");
    expect(headers["x-served-by"]).toBe("sluice-v2");
  });
});
