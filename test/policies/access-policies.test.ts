// mock, ip-filtering and ssl-enforcement through a compiled gateway, with the configuration shapes
// of real Gravitee exports (ssl-enforcement's is read from the quick-setup export, a verbatim copy in
// test/load/fixtures/gravitee-json): Gravitee's statuses, messages and error keys.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addressList, listed } from "../../runtime/policies/ip-filtering/index.ts";
import { dnAttributes, dnMatches } from "../../runtime/policies/ssl-enforcement/index.ts";
import { type EchoBackend, startEchoBackend } from "../helpers/backends.ts";
import { startTestGateway, type TestGateway } from "../helpers/gateway.ts";
import { proxyApi } from "../helpers/specs.ts";

const corpusExport = JSON.parse(
  readFileSync(
    join(
      import.meta.dirname,
      "../load/fixtures/gravitee-json/v4/apim-quicksetup_export-wrapper_echo-v4.json",
    ),
    "utf8",
  ),
) as { plans: Array<{ flows: Array<{ request: Array<{ policy: string; configuration: unknown }> }> }> };
// The plan flow's step of the export (a keyless plan with SSL enforcement in the quick-setup echo API).
const sslConfiguration = corpusExport.plans
  .flatMap((p) => p.flows)
  .flatMap((f) => f.request)
  .find((s) => s.policy === "ssl-enforcement")?.configuration;

const withSteps = (name: string, request: string, response = "[]") =>
  proxyApi(
    name,
    `/${name}`,
    "${ECHO}",
    `  flows:
    - name: steps
      selectors:
        - type: HTTP
          path: /
          pathOperator: STARTS_WITH
      request:
${request}
      response: ${response === "[]" ? "[]" : `\n${response}`}
`,
  );

const ipStep = (configuration: string) => `        - policy: ip-filtering
          configuration: ${configuration}`;

/** A self-signed certificate with the given subject (openssl -subj form), as PEM. */
function certificate(subject: string): string {
  const dir = mkdtempSync(join(tmpdir(), "sluice-ssl-"));
  execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-keyout",
      "k.pem",
      "-out",
      "c.pem",
      "-days",
      "2",
      "-subj",
      subject,
    ],
    { cwd: dir, stdio: "pipe" },
  );
  return readFileSync(join(dir, "c.pem"), "utf8");
}

let echo: EchoBackend;
let gateway: TestGateway;
const json = { accept: "application/json" };

beforeAll(async () => {
  echo = await startEchoBackend();
  gateway = await startTestGateway(
    {
      "mock.yaml": withSteps(
        "mock",
        `        - policy: mock
          configuration:
            status: "201"
            headers:
              - name: X-Mock
                value: "{#request.headers['x-who'][0]}"
              - name: Content-Type
                value: application/json
            content: '{"mocked": "{#request.pathInfo}"}'`,
        `        - policy: transform-headers
          configuration:
            addHeaders:
              - name: X-Response-Phase
                value: "ran"`,
      ),
      "ip-deny.yaml": withSteps("ip-deny", ipStep(`{ blacklistIps: ["127.0.0.0/8"] }`)),
      "ip-allow.yaml": withSteps("ip-allow", ipStep(`{ whitelistIps: ["10.0.0.0/8", "127.0.0.1", "::1"] }`)),
      "ip-xff.yaml": withSteps(
        "ip-xff",
        ipStep(`{ matchAllFromXForwardedFor: true, whitelistIps: ["127.0.0.1", "198.51.100.0/24"] }`),
      ),
      "ip-direct.yaml": withSteps(
        "ip-direct",
        ipStep(`{ whitelistIps: ["127.0.0.1"], blacklistIps: ["203.0.113.0/24"] }`),
      ),
      "ssl.yaml": withSteps(
        "ssl",
        `        - policy: ssl-enforcement\n          configuration: ${JSON.stringify(sslConfiguration)}`,
      ),
      "ssl-required.yaml": withSteps(
        "ssl-required",
        "        - policy: ssl-enforcement\n          configuration: {}",
      ),
    },
    { ECHO: echo.url },
  );
});
afterAll(async () => {
  await gateway?.close();
  await echo?.close();
});

describe("mock", () => {
  it("answers instead of the endpoint (status given as text, EL in headers and content); the response phase runs", async () => {
    const before = echo.received.length;
    const res = await fetch(`${gateway.url}/mock/orders`, { headers: { "x-who": "ann" } });
    expect(res.status).toBe(201);
    expect(res.headers.get("x-mock")).toBe("ann");
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(res.headers.get("x-response-phase")).toBe("ran");
    expect(await res.json()).toEqual({ mocked: "/orders" });
    expect(echo.received.length).toBe(before);
  });
});

describe("ip-filtering", () => {
  it("a denied CIDR range gets Gravitee's 403 IP_FILTERING_UNAUTHORIZED", async () => {
    const res = await fetch(`${gateway.url}/ip-deny`, { headers: json });
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({
      message:
        "Your IP (127.0.0.1) or some proxies whereby your request pass through are not allowed to reach this resource.",
      http_status_code: 403,
    });
  });

  it("a whitelisted address passes", async () => {
    expect((await fetch(`${gateway.url}/ip-allow`)).status).toBe(200);
  });

  it("X-Forwarded-For is ignored by default (a client cannot forge its way in or out)", async () => {
    const forged = { "x-forwarded-for": "203.0.113.7" };
    expect((await fetch(`${gateway.url}/ip-direct`, { headers: forged })).status).toBe(200);
  });

  it("matchAllFromXForwardedFor checks every forwarded address too", async () => {
    expect((await fetch(`${gateway.url}/ip-xff`)).status).toBe(200);
    expect(
      (await fetch(`${gateway.url}/ip-xff`, { headers: { "x-forwarded-for": "198.51.100.4" } })).status,
    ).toBe(200);
    const res = await fetch(`${gateway.url}/ip-xff`, {
      headers: { "x-forwarded-for": "198.51.100.4, 203.0.113.7" },
    });
    expect(res.status).toBe(403);
  });

  it.each([
    ["10.1.2.3", true],
    ["11.0.0.1", false],
    ["::ffff:10.9.9.9", true],
    ["2001:db8:1::5", true],
    ["2001:db9::5", false],
    ["not-an-ip", false],
  ])("CIDR lists: %s listed = %s", (address, expected) => {
    const { list } = addressList(["10.0.0.0/8", "2001:db8::/32", "bad/99", "example.com"]);
    expect(listed(list, address)).toBe(expected);
  });
});

describe("ssl-enforcement", () => {
  const allowed = certificate(
    "/C=FR/ST=France/L=Lille/O=GraviteeSource/OU=Demo/CN=localhost/emailAddress=client@graviteesource.com",
  );
  const other = certificate("/C=FR/O=Elsewhere/CN=intruder");

  it("over plain HTTP: Gravitee's 403 SSL_ENFORCEMENT_SSL_REQUIRED", async () => {
    const res = await fetch(`${gateway.url}/ssl-required`, { headers: json });
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({
      message: "Access to the resource requires SSL certificate.",
      http_status_code: 403,
    });
  });

  it("the corpus configuration: X-Forwarded-Proto trusted, the client certificate from X-SSL-CERT", async () => {
    const https = { ...json, "x-forwarded-proto": "https" };
    expect((await fetch(`${gateway.url}/ssl`, { headers: json })).status).toBe(403);
    const missing = await fetch(`${gateway.url}/ssl`, { headers: https });
    expect(missing.status).toBe(401);
    const ok = await fetch(`${gateway.url}/ssl`, {
      headers: { ...https, "x-ssl-cert": encodeURIComponent(allowed) },
    });
    expect(ok.status).toBe(200);
    const forbidden = await fetch(`${gateway.url}/ssl`, {
      headers: { ...https, "x-ssl-cert": encodeURIComponent(other) },
    });
    expect(forbidden.status).toBe(403);
    expect(((await forbidden.json()) as { message: string }).message).toBe(
      "You're not allowed to access this resource",
    );
  });

  it("compares distinguished names as attribute sets, with wildcards", () => {
    const subject = dnAttributes("CN=localhost, O=GraviteeSource, C=FR, E=client@graviteesource.com");
    expect(
      dnMatches(
        dnAttributes("C=FR,O=GraviteeSource,CN=localhost,EMAILADDRESS=client@graviteesource.com"),
        subject,
      ),
    ).toBe(true);
    expect(dnMatches(dnAttributes("C=FR,O=Gravitee*,CN=local?ost,EMAILADDRESS=*"), subject)).toBe(true);
    expect(dnMatches(dnAttributes("C=FR,O=GraviteeSource,CN=localhost"), subject)).toBe(false);
  });
});
