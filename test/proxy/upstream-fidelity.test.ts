// What the http-proxy endpoint sends upstream and hands back, where Gravitee's behaviour is the
// reference (test/differential/ compares the same against the real gateway): Accept-Encoding and
// decompression by `useCompression`, `Expect: 100-continue` answered only once the body is wanted,
// chunked request bodies kept chunked, an API key never passed on.
import { request as httpRequest } from "node:http";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type HttpBackend, startHttpBackend } from "../helpers/backends.ts";
import { startTestGateway, type TestGateway } from "../helpers/gateway.ts";
import { group, v4Proxy } from "./specs.ts";

interface Seen {
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

const PAYLOAD = JSON.stringify({ compressed: "z".repeat(300) });

describe("upstream fidelity (Gravitee's endpoint client)", () => {
  let backend: HttpBackend;
  let gateway: TestGateway;
  const seen: Seen[] = [];

  beforeAll(async () => {
    // Records each request; answers gzip when asked on /gzip, else what it saw as JSON.
    backend = await startHttpBackend((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        seen.push({ url: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
        if (req.url?.endsWith("/gzip") && String(req.headers["accept-encoding"]).includes("gzip")) {
          const zipped = gzipSync(PAYLOAD);
          res.writeHead(200, { "content-encoding": "gzip", "content-length": zipped.length });
          res.end(zipped);
          return;
        }
        res.end("ok");
      });
    });
    const api = (name: string, http?: Record<string, unknown>) =>
      v4Proxy(name, `/${name}`, [
        group({
          endpoints: [{ name: "e", target: "${BACKEND}" }],
          ...(http ? { sharedConfiguration: { http } } : {}),
        }),
      ]);
    gateway = await startTestGateway(
      {
        "default.yaml": api("default"),
        "off.yaml": api("off", { useCompression: false }),
        "propagate.yaml": api("propagate", { useCompression: false, propagateClientAcceptEncoding: true }),
        "keyed.yaml": v4Proxy(
          "keyed",
          "/keyed",
          [group({ endpoints: [{ name: "e", target: "${BACKEND}" }] })],
          {
            plans: { partners: { name: "Partners", security: { type: "API_KEY" } } },
          },
        ),
      },
      { BACKEND: backend.url, SLUICE_API_KEYS_KEYED: "k-1" },
    );
  });

  afterAll(async () => {
    await gateway?.close();
    await backend?.close();
  });

  const get = async (path: string, headers: Record<string, string> = {}) => {
    const res = await fetch(`${gateway.url}${path}`, { headers });
    return { res, body: await res.text(), upstream: seen.at(-1)! };
  };

  it("advertises `deflate, gzip` instead of the client's Accept-Encoding by default", async () => {
    const { upstream } = await get("/default/x", { "accept-encoding": "br" });
    expect(upstream.headers["accept-encoding"]).toBe("deflate, gzip");
  });

  it("hands the client the decoded body of a gzip response (useCompression)", async () => {
    const res = await new Promise<{ headers: Record<string, unknown>; body: string }>((resolve, reject) => {
      httpRequest(`${gateway.url}/default/gzip`, { headers: { "accept-encoding": "gzip" } }, (r) => {
        let body = "";
        r.on("data", (c: Buffer) => (body += c));
        r.on("end", () => resolve({ headers: r.headers, body }));
      })
        .on("error", reject)
        .end();
    });
    expect(res.headers["content-encoding"]).toBeUndefined();
    expect(res.headers["content-length"]).toBeUndefined();
    expect(res.headers["transfer-encoding"]).toBe("chunked");
    expect(res.body).toBe(PAYLOAD);
  });

  it("sends no Accept-Encoding with useCompression: false, the client's with propagateClientAcceptEncoding", async () => {
    expect(
      (await get("/off/x", { "accept-encoding": "gzip" })).upstream.headers["accept-encoding"],
    ).toBeUndefined();
    const propagated = await get("/propagate/x", { "accept-encoding": "gzip, br" });
    expect(propagated.upstream.headers["accept-encoding"]).toBe("gzip, br");
    // Not asked for by the gateway, so not decoded by it either.
    const zipped = await new Promise<string | undefined>((resolve, reject) => {
      httpRequest(`${gateway.url}/propagate/gzip`, { headers: { "accept-encoding": "gzip" } }, (r) => {
        r.resume();
        r.on("end", () => resolve(r.headers["content-encoding"]));
      })
        .on("error", reject)
        .end();
    });
    expect(zipped).toBe("gzip");
  });

  it("keeps a chunked request body chunked upstream", async () => {
    await new Promise<void>((resolve, reject) => {
      const req = httpRequest(`${gateway.url}/default/chunked`, { method: "POST" }, (r) => {
        r.resume();
        r.on("end", () => resolve());
      });
      req.on("error", reject);
      req.write("first ");
      setTimeout(() => req.end("second"), 20);
    });
    const upstream = seen.at(-1)!;
    expect(upstream.headers["transfer-encoding"]).toBe("chunked");
    expect(upstream.headers["content-length"]).toBeUndefined();
    expect(upstream.body).toBe("first second");
  });

  it("passes neither the API key header nor the api-key query parameter to the backend", async () => {
    const byQuery = await get("/keyed/x?a=1&api-key=k-1&b=%20two");
    expect(byQuery.res.status).toBe(200);
    expect(byQuery.upstream.url).toBe("/x?a=1&b=%20two");
    const onlyKey = await get("/keyed/x?api-key=k-1");
    expect(onlyKey.upstream.url).toBe("/x");
    const byHeader = await get("/keyed/x?api-key-like=1", { "x-gravitee-api-key": "k-1" });
    expect(byHeader.upstream.url).toBe("/x?api-key-like=1");
    expect(byHeader.upstream.headers["x-gravitee-api-key"]).toBeUndefined();
  });

  /** Sends `Expect: 100-continue`; the body only after `100 Continue`. */
  const expectContinue = (path: string) =>
    new Promise<{ status: number; continued: boolean; body: string }>((resolve, reject) => {
      let continued = false;
      const req = httpRequest(`${gateway.url}${path}`, {
        method: "POST",
        headers: { expect: "100-continue", "content-length": "4" },
      });
      req.on("continue", () => {
        continued = true;
        req.end("body");
      });
      req.on("response", (r) => {
        let body = "";
        r.on("data", (c: Buffer) => (body += c));
        r.on("end", () => {
          // Refused before the body was asked for: it is never sent.
          if (!continued) req.destroy();
          resolve({ status: r.statusCode ?? 0, continued, body });
        });
      });
      req.on("error", (e: NodeJS.ErrnoException) => (e.code === "ECONNRESET" ? undefined : reject(e)));
      req.flushHeaders();
    });

  it("answers Expect: 100-continue when the body is wanted, and forwards the body", async () => {
    const before = seen.length;
    const result = await expectContinue("/default/upload");
    expect(result).toEqual({ status: 200, continued: true, body: "ok" });
    expect(seen.length).toBe(before + 1);
    expect(seen.at(-1)!.body).toBe("body");
  });

  it("refuses an Expect: 100-continue request without asking for its body", async () => {
    const result = await expectContinue("/nowhere");
    expect(result.status).toBe(404);
    expect(result.continued).toBe(false);
  });
});

// RFC 9110 §15.2: a client must parse 1xx answers it did not ask for. Node's server sends them on
// request (writeContinue, writeEarlyHints) and keeps the connection alive: the gateway must consume
// them, answer with the final response, and reuse the connection for the next request.
describe("interim answers from a backend (100, 103) before the final one", () => {
  let backend: HttpBackend;
  let gateway: TestGateway;
  const ports: number[] = [];

  beforeAll(async () => {
    backend = await startHttpBackend((req, res) => {
      res.writeContinue();
      res.writeEarlyHints({ link: "</a.css>; rel=preload" });
      res.writeContinue();
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        ports.push(req.socket.remotePort ?? 0);
        res.end(`${req.method} ${req.url} ${Buffer.concat(chunks).toString("utf8")}`);
      });
    });
    const target = [group({ endpoints: [{ name: "e", target: "${BACKEND}" }] })];
    gateway = await startTestGateway(
      {
        "fast.yaml": v4Proxy("fast", "/fast", target),
        // A response-phase step: the answer goes through the gateway's response, not the fast path.
        "stepped.yaml": v4Proxy("stepped", "/stepped", target, {
          flows: [
            {
              name: "tag",
              selectors: [{ type: "HTTP", path: "/", pathOperator: "STARTS_WITH" }],
              response: [
                {
                  name: "tag",
                  policy: "transform-headers",
                  configuration: { addHeaders: [{ name: "x-tagged", value: "yes" }] },
                },
              ],
            },
          ],
        }),
      },
      { BACKEND: backend.url },
    );
  });

  afterAll(async () => {
    await gateway?.close();
    await backend?.close();
  });

  it.each(["fast", "stepped"])("consumes them and keeps the connection (%s)", async (api) => {
    ports.length = 0;
    for (let i = 0; i < 3; i++) {
      const got = await fetch(`${gateway.url}/${api}/g${i}`);
      expect(got.status).toBe(200);
      expect(got.headers.get("link")).toBeNull();
      if (api === "stepped") expect(got.headers.get("x-tagged")).toBe("yes");
      expect(await got.text()).toBe(`GET /g${i} `);
      const posted = await fetch(`${gateway.url}/${api}/p${i}`, { method: "POST", body: `body ${i}` });
      expect(posted.status).toBe(200);
      expect(await posted.text()).toBe(`POST /p${i} body ${i}`);
    }
    // Six requests one after another: one upstream connection, never torn down by an interim answer.
    expect(ports).toHaveLength(6);
    expect(new Set(ports).size).toBe(1);
  });
});
