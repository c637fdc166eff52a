// `#request.ssl` over a real TLS connection with client certificates: the EL view of a
// GatewayExchange, read by compiled expressions (written to a module, imported, no eval). Values as
// Gravitee's EvaluableSSLSession/EvaluableSSLPrincipal give them: RFC 2253 DN, most specific first,
// attributes without an RFC 2253 keyword as `OID=#hex`; first values by name; all values by symbol.
import { mkdtempSync } from "node:fs";
import { createServer as createHttpsServer, request } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { makeAuthority } from "../../compiler/conformance/certificates.ts";
import { compileExpression } from "../../compiler/expression/compile-expression.ts";
import type { ElContext } from "../../runtime/el.ts";
import { GatewayExchange } from "../../runtime/server/exchange.ts";
import { runtimeApi } from "../policies/harness.ts";
import { removeDirectory, scratchDirectory, writeModule } from "./emitted-module.ts";

const CASES: Array<[source: string, expected: string]> = [
  ["{#request.ssl.client.cn}", "john"],
  ["{#request.ssl.client.o}", "ACME"],
  ["{#request.ssl.client.ou}", "Test"],
  ["{#request.ssl.client.attributes['ou'][1]}", "Test2"],
  ["{#request.ssl.client.attributes['OU'].size()}", "2"],
  ["{#request.ssl.client.attributes['2.5.4.11'][0]}", "Test"],
  ["{#request.ssl.client.emailAddress}", "j@acme.test"],
  ["{#request.ssl.client.e}", "j@acme.test"],
  // Java's X500Principal.getName(): reversed, emailAddress has no RFC 2253 keyword (IA5String, tag 0x16).
  [
    "{#request.ssl.client.dn}",
    `1.2.840.113549.1.9.1=#160b${Buffer.from("j@acme.test").toString("hex")},CN=john,OU=Test2,OU=Test,O=ACME,C=FR`,
  ],
  ["{#request.ssl.client.defined}", "true"],
  ["{#request.ssl.server.cn}", "localhost"],
  ["{#request.ssl.server.dn}", "CN=localhost,O=Gravitee,C=FR"],
  ["{#request.ssl.clientHost}", "127.0.0.1"],
  ["{#request.ssl.clientPort > 0}", "true"],
  ["{#request.scheme}", "https"],
];

let directory = "";
let results: string[] = [];
let plain: string[] = [];

beforeAll(async () => {
  directory = scratchDirectory("expression-ssl");
  const functions = CASES.map(([source], i) => {
    const result = compileExpression(source);
    if (!result.ok) throw new Error(`${source}: ${result.error.message}`);
    return { name: String(i), code: result.code, imports: result.imports };
  });
  const module = writeModule(directory, functions, "ssl.ts");
  const { compiled } = (await import(module)) as { compiled: Record<string, (ctx: ElContext) => unknown> };
  const render = (el: ElContext) => CASES.map((_c, i) => String(compiled[String(i)]!(el) ?? ""));

  const certs = mkdtempSync(join(tmpdir(), "sluice-el-ssl-"));
  const server = makeAuthority(certs, "server", "/C=FR/O=Gravitee/CN=localhost");
  const client = makeAuthority(
    certs,
    "client",
    "/C=FR/O=ACME/OU=Test/OU=Test2/CN=john/emailAddress=j@acme.test",
  );
  const https = createHttpsServer(
    { cert: server.cert, key: server.key, requestCert: true, rejectUnauthorized: false },
    (req, res) => {
      const exchange = new GatewayExchange(runtimeApi(), req, res, "/", req.url ?? "/");
      res.end(JSON.stringify(render(exchange.el())));
    },
  );
  await new Promise<void>((resolve) => https.listen(0, "127.0.0.1", resolve));
  const { port } = https.address() as AddressInfo;
  const call = (withCertificate: boolean) =>
    new Promise<string[]>((resolve, reject) => {
      const req = request(
        {
          host: "127.0.0.1",
          port,
          path: "/",
          rejectUnauthorized: false,
          ...(withCertificate ? client : {}),
          agent: false,
        },
        (res) => {
          let body = "";
          res.on("data", (chunk: Buffer) => {
            body += chunk.toString("utf8");
          });
          res.on("end", () => resolve(JSON.parse(body) as string[]));
        },
      );
      req.on("error", reject);
      req.end();
    });
  results = await call(true);
  plain = await call(false);
  await new Promise<void>((resolve) => https.close(() => resolve()));
}, 30_000);

afterAll(() => removeDirectory(directory));

describe("#request.ssl over TLS", () => {
  test.each(CASES.map(([source, expected], i) => ({ source, expected, i })))(
    "$source → $expected",
    ({ i, expected }) => {
      expect(results[i]).toBe(expected);
    },
  );

  test("without a client certificate, the client principal is undefined and its values empty", () => {
    expect(plain[CASES.findIndex(([s]) => s === "{#request.ssl.client.defined}")]).toBe("false");
    expect(plain[CASES.findIndex(([s]) => s === "{#request.ssl.client.dn}")]).toBe("");
    expect(plain[CASES.findIndex(([s]) => s === "{#request.ssl.server.cn}")]).toBe("localhost");
  });
});
