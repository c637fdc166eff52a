// TLS to backends with the `ssl` options, against real https backends using certificates
// generated for the test: a custom CA (PEM file or inline content), trustAll, hostname
// verification, and a client certificate for a backend that requires mutual TLS.
import { rm } from "node:fs/promises";
import { request } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type HttpBackend,
  makeCerts,
  startHttpBackend,
  streamingHandler,
  type TestCerts,
} from "../helpers/backends.ts";
import { startTestGateway, type TestGateway } from "../helpers/gateway.ts";
import { group, v4Proxy } from "./specs.ts";

describe("TLS to backends", () => {
  let certs: TestCerts;
  let https: HttpBackend;
  let wrongName: HttpBackend;
  let mutual: HttpBackend;
  let gateway: TestGateway;

  beforeAll(async () => {
    certs = makeCerts();
    https = await startHttpBackend(streamingHandler("https"), {
      tls: { cert: certs.serverCert, key: certs.serverKey },
    });
    wrongName = await startHttpBackend(streamingHandler("wrong-name"), {
      tls: { cert: certs.otherCert, key: certs.otherKey },
    });
    mutual = await startHttpBackend(
      (req, res) => {
        const peer = (req.socket as import("node:tls").TLSSocket).getPeerCertificate();
        res.end(`client=${peer.subject?.CN}`);
      },
      {
        tls: {
          cert: certs.serverCert,
          key: certs.serverKey,
          ca: certs.ca,
          requestCert: true,
          rejectUnauthorized: true,
        },
      },
    );
    const api = (name: string, target: string, ssl?: Record<string, unknown>) =>
      v4Proxy(name, `/${name}`, [
        group({ endpoints: [{ name: "e", target }], ...(ssl ? { sharedConfiguration: { ssl } } : {}) }),
      ]);
    const caFile = { trustStore: { type: "PEM", path: certs.caPath } };
    gateway = await startTestGateway(
      {
        "a.yaml": [
          api("default-trust", https.url),
          api("ca-path", https.url, caFile),
          api("ca-content", https.url, { trustStore: { type: "PEM", content: "${CA_PEM}" } }),
          api("trust-all", https.url, { trustAll: true }),
          api("wrong-name", `https://127.0.0.1:${wrongName.port}`, caFile),
          api("no-verify", `https://127.0.0.1:${wrongName.port}`, { ...caFile, hostnameVerifier: false }),
          api("mtls", mutual.url, {
            ...caFile,
            keyStore: { type: "PEM", certPath: certs.clientCertPath, keyPath: certs.clientKeyPath },
          }),
          api("mtls-inline", mutual.url, {
            ...caFile,
            keyStore: { type: "PEM", certContent: "${CLIENT_CERT}", keyContent: "${CLIENT_KEY}" },
          }),
          api("mtls-missing", mutual.url, caFile),
        ].join("\n---\n"),
      },
      { CA_PEM: certs.ca, CLIENT_CERT: certs.clientCert, CLIENT_KEY: certs.clientKey },
    );
  });

  afterAll(async () => {
    await gateway?.close();
    await Promise.all([https?.close(), wrongName?.close(), mutual?.close()]);
    if (certs) await rm(certs.dir, { recursive: true, force: true });
  });

  const call = async (path: string) => {
    const res = await request(`${gateway.url}${path}`, { headers: { accept: "application/json" } });
    return { status: res.statusCode, text: await res.body.text() };
  };

  it.each([
    ["/default-trust/x", 502, "an unknown CA is refused"],
    ["/ca-path/x", 200, "a PEM trust store file"],
    ["/ca-content/x", 200, "inline PEM trust store content"],
    ["/trust-all/x", 200, "trustAll"],
    ["/wrong-name/x", 502, "a certificate for another host name"],
    ["/no-verify/x", 200, "hostnameVerifier: false"],
    ["/mtls-missing/x", 502, "no client certificate where one is required"],
  ])("%s → %i (%s)", async (path, status) => {
    expect((await call(path)).status).toBe(status);
  });

  it("presents the client certificate from PEM files or inline content", async () => {
    expect(await call("/mtls/x")).toEqual({ status: 200, text: "client=sluice-gateway" });
    expect(await call("/mtls-inline/x")).toEqual({ status: 200, text: "client=sluice-gateway" });
  });
});
