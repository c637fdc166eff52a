// TLS on the traffic port and MTLS plans, through a compiled gateway with certificates made by
// openssl: HTTPS with ALPN (h2 and http/1.1), a client certificate requested but not required,
// `SLUICE_HTTP_PORT=off`, start-up errors, and the mTLS bypass table — an unregistered
// certificate, one from an unknown CA (with SLUICE_TLS_CLIENT_CA), none at all, and a client
// certificate sent as a header over clear text — every row refused.

import { X509Certificate } from "node:crypto";
import { mkdtempSync, renameSync, writeFileSync } from "node:fs";
import { connect as http2Connect } from "node:http2";
import { request as httpsRequest } from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { connect as tlsConnect } from "node:tls";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { thumbprintOf } from "../../runtime/security/client-certificate.ts";
import { type EchoBackend, type Received, startEchoBackend } from "../helpers/backends.ts";
import { startTestGateway, type TestGateway } from "../helpers/gateway.ts";
import { keylessPlan, securedApi } from "../helpers/specs.ts";
import { makePki, type Pem, type TestPki } from "./certificates.ts";
import { subscription, withConsumers } from "./consumers.ts";

const mtlsPlan = `    mtls:
      name: mTLS
      security:
        type: MTLS
      flows:
        - name: mark
          selectors:
            - type: HTTP
              path: /
              pathOperator: STARTS_WITH
          request:
            - policy: transform-headers
              configuration:
                scope: REQUEST
                addHeaders:
                  - name: X-Plan
                    value: mtls
`;

interface Answer {
  status: number;
  body: string;
}

/** An HTTPS/1.1 request, with a client certificate when given. */
function httpsGet(
  port: number,
  path: string,
  ca: string,
  client?: Pem,
  headers: Record<string, string> = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(
      {
        host: "127.0.0.1",
        port,
        path,
        ca,
        headers,
        agent: false,
        ...(client ? { cert: client.cert, key: client.key } : {}),
      },
      (res) => {
        let body = "";
        res.on("data", (c: Buffer) => {
          body += c.toString();
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on("error", reject);
    req.end();
  });
}

/** An HTTP/2 request over TLS (ALPN h2). */
function h2Get(
  port: number,
  path: string,
  ca: string,
  client?: Pem,
): Promise<Answer & { alpn: string | false }> {
  return new Promise((resolve, reject) => {
    const session = http2Connect(`https://127.0.0.1:${port}`, {
      ca,
      ...(client ? { cert: client.cert, key: client.key } : {}),
    });
    session.on("error", reject);
    const stream = session.request({ ":path": path });
    let status = 0;
    let body = "";
    stream.on("response", (h) => {
      status = Number(h[":status"]);
    });
    stream.on("data", (c: Buffer) => {
      body += c.toString();
    });
    stream.on("end", () => {
      const alpn = session.alpnProtocol ?? false;
      session.close();
      resolve({ status, body, alpn });
    });
    stream.on("error", reject);
    stream.end();
  });
}

describe("TLS on the traffic port and MTLS plans", () => {
  let pki: TestPki;
  let backend: EchoBackend;
  let registered: Pem;
  let unregistered: Pem;
  let foreign: Pem;

  const start = (env: Record<string, string>, plans = mtlsPlan) =>
    startTestGateway(
      {
        "orders.yaml": securedApi("orders", "/orders", "${BACKEND}/orders", plans),
        "open.yaml": securedApi("open", "/open", "${BACKEND}/open", keylessPlan("free")),
      },
      {
        BACKEND: backend.url,
        SLUICE_TLS_CERT: pki.server.certPath,
        SLUICE_TLS_KEY: pki.server.keyPath,
        SLUICE_HTTPS_PORT: "0",
        ...env,
      },
      withConsumers({
        subscriptions: [
          subscription("orders", "mtls", "partner", {
            certificates: [thumbprintOf(registered.cert), thumbprintOf(foreign.cert)],
          }),
        ],
      }),
    );

  beforeAll(async () => {
    pki = makePki();
    registered = pki.client("registered");
    unregistered = pki.client("unregistered");
    // Registered with the subscription, but signed by a CA the gateway does not trust.
    foreign = pki.client("foreign", "otherCa");
    backend = await startEchoBackend();
  });
  afterAll(async () => backend?.close());

  describe("without SLUICE_TLS_CLIENT_CA: the registered thumbprint is the trust", () => {
    let gateway: TestGateway;
    beforeAll(async () => {
      gateway = await start({});
    });
    afterAll(async () => gateway?.close());

    it("serves HTTP/1.1 over TLS and accepts a registered certificate", async () => {
      const answer = await httpsGet(gateway.httpsPort!, "/orders/1", pki.ca.cert, registered);
      expect(answer.status).toBe(200);
      const seen = JSON.parse(answer.body) as Received;
      expect(seen.url).toBe("/orders/1");
      expect(seen.headers["x-plan"]).toBe("mtls");
    });

    it("negotiates h2 by ALPN and accepts the certificate over HTTP/2", async () => {
      const answer = await h2Get(gateway.httpsPort!, "/orders/2", pki.ca.cert, registered);
      expect(answer.alpn).toBe("h2");
      expect(answer.status).toBe(200);
      expect((JSON.parse(answer.body) as Received).headers["x-plan"]).toBe("mtls");
    });

    it("offers h2 and http/1.1 by ALPN", async () => {
      for (const protocol of ["h2", "http/1.1"]) {
        const socket = tlsConnect({
          host: "127.0.0.1",
          port: gateway.httpsPort!,
          ca: pki.ca.cert,
          ALPNProtocols: [protocol],
        });
        await new Promise<void>((resolve, reject) =>
          socket.once("secureConnect", resolve).once("error", reject),
        );
        expect(socket.alpnProtocol).toBe(protocol);
        socket.destroy();
      }
    });

    it("requests a client certificate without requiring one: keyless APIs work without", async () => {
      expect((await httpsGet(gateway.httpsPort!, "/open", pki.ca.cert)).status).toBe(200);
      expect((await h2Get(gateway.httpsPort!, "/open", pki.ca.cert)).status).toBe(200);
    });

    it("keeps clear text beside TLS", async () => {
      expect((await fetch(`${gateway.url}/open`)).status).toBe(200);
    });

    const bypasses: Array<[string, () => Promise<Answer>]> = [
      ["no client certificate over TLS", () => httpsGet(gateway.httpsPort!, "/orders", pki.ca.cert)],
      [
        "an unregistered certificate of the trusted CA",
        () => httpsGet(gateway.httpsPort!, "/orders", pki.ca.cert, unregistered),
      ],
      [
        "an unregistered certificate over HTTP/2",
        () => h2Get(gateway.httpsPort!, "/orders", pki.ca.cert, unregistered),
      ],
      [
        "the registered certificate sent as headers over clear text",
        async () => {
          const header = encodeURIComponent(registered.cert);
          const res = await fetch(`${gateway.url}/orders`, {
            headers: {
              accept: "text/plain",
              "ssl-client-cert": header,
              "x-gravitee-client-cert": header,
              "x-client-cert": header,
            },
          });
          return { status: res.status, body: await res.text() };
        },
      ],
      [
        "the registered certificate's thumbprint as a header over TLS",
        () =>
          httpsGet(gateway.httpsPort!, "/orders", pki.ca.cert, unregistered, {
            "x-client-cert-sha256": thumbprintOf(registered.cert),
          }),
      ],
    ];
    it.each(bypasses)("refuses %s with 401", async (_name, attempt) => {
      const answer = await attempt();
      expect(answer.status).toBe(401);
      expect(answer.body).toBe("Unauthorized");
    });
  });

  describe("with SLUICE_TLS_CLIENT_CA: certificates must also chain to that CA", () => {
    let gateway: TestGateway;
    beforeAll(async () => {
      gateway = await start({ SLUICE_TLS_CLIENT_CA: pki.ca.certPath });
    });
    afterAll(async () => gateway?.close());

    it("accepts a registered certificate of the configured CA", async () => {
      expect((await httpsGet(gateway.httpsPort!, "/orders", pki.ca.cert, registered)).status).toBe(200);
    });

    it.each([
      ["a registered certificate from an unknown CA", () => foreign],
      ["an unregistered certificate of the configured CA", () => unregistered],
    ])("refuses %s with 401", async (_name, client) => {
      const answer = await httpsGet(gateway.httpsPort!, "/orders", pki.ca.cert, client());
      expect(answer.status).toBe(401);
    });

    it("still serves keyless APIs to a client with a certificate from an unknown CA", async () => {
      expect((await httpsGet(gateway.httpsPort!, "/open", pki.ca.cert, foreign)).status).toBe(200);
    });
  });

  it("uses a renewed certificate for new connections without a restart; a broken one is ignored", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sluice-renew-"));
    const put = (name: string, content: string) => {
      writeFileSync(join(dir, `${name}.tmp`), content);
      renameSync(join(dir, `${name}.tmp`), join(dir, name));
    };
    put("tls.crt", pki.server.cert);
    put("tls.key", pki.server.key);
    const gateway = await start({
      SLUICE_TLS_CERT: join(dir, "tls.crt"),
      SLUICE_TLS_KEY: join(dir, "tls.key"),
    });
    const served = async () => {
      const socket = tlsConnect({ host: "127.0.0.1", port: gateway.httpsPort!, rejectUnauthorized: false });
      await new Promise<void>((resolve, reject) =>
        socket.once("secureConnect", resolve).once("error", reject),
      );
      const fingerprint = socket.getPeerX509Certificate()?.fingerprint256;
      socket.destroy();
      return fingerprint;
    };
    const eventually = async (expected: string) => {
      for (let i = 0; i < 50 && (await served()) !== expected; i++)
        await new Promise((r) => setTimeout(r, 100));
      return served();
    };
    try {
      const first = new X509Certificate(pki.server.cert).fingerprint256;
      expect(await served()).toBe(first);
      const renewed = makePki().server;
      put("tls.key", renewed.key);
      put("tls.crt", renewed.cert);
      const second = new X509Certificate(renewed.cert).fingerprint256;
      expect(await eventually(second)).toBe(second);
      expect(gateway.logs.join("\n")).toContain("TLS certificate reloaded");
      put("tls.crt", "not a certificate");
      await new Promise((r) => setTimeout(r, 600));
      expect(await served()).toBe(second);
      expect(gateway.logs.join("\n")).toContain("TLS files changed but cannot be used");
    } finally {
      await gateway.close();
    }
  });

  it("SLUICE_HTTP_PORT=off serves TLS only", async () => {
    const gateway = await start({ SLUICE_HTTP_PORT: "off" });
    try {
      expect(gateway.httpPort).toBeUndefined();
      expect((await httpsGet(gateway.httpsPort!, "/orders", pki.ca.cert, registered)).status).toBe(200);
    } finally {
      await gateway.close();
    }
  });

  it.each([
    [
      "a missing certificate file",
      () => ({ SLUICE_TLS_CERT: "/nonexistent/cert.pem" }),
      /SLUICE_TLS_CERT=\/nonexistent\/cert.pem: ENOENT/,
    ],
    [
      "a key without a certificate",
      () => ({ SLUICE_TLS_CERT: "" }),
      /needs both SLUICE_TLS_CERT and SLUICE_TLS_KEY/,
    ],
    [
      "a key that does not match the certificate",
      () => ({ SLUICE_TLS_KEY: pki.client("mismatch").keyPath }),
      /SLUICE_TLS_CERT\/SLUICE_TLS_KEY: /,
    ],
    [
      "SLUICE_HTTP_PORT=off without TLS",
      () => ({ SLUICE_HTTP_PORT: "off", SLUICE_TLS_CERT: "", SLUICE_TLS_KEY: "", SLUICE_HTTPS_PORT: "" }),
      /SLUICE_HTTP_PORT=off needs TLS/,
    ],
    [
      "a client CA without TLS",
      () => ({ SLUICE_TLS_CERT: "", SLUICE_TLS_KEY: "", SLUICE_TLS_CLIENT_CA: pki.ca.certPath }),
      /SLUICE_TLS_CLIENT_CA is set but TLS is off/,
    ],
  ])("refuses to start with %s", async (_name, env, message) => {
    await expect(start(env())).rejects.toThrow(message);
  });
});
