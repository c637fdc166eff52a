// `sluice import` as a user runs it: the report, exit codes, where files go, secrets taken out of
// the written files and never printed, standard input, broken inputs located without a stack.
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_DIR } from "../../compiler/compile.ts";
import { runCli as run } from "../helpers/cli.ts";

/** A v4 gateway definition with secrets in five places Gravitee users put them. */
const KAFKA_PASSWORD = "k4fka-S3cret!";
const CLIENT_SECRET = "0a1b2c3d-oidc-secret";
const URL_PASSWORD = "hunter2";
const BEARER = "Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig";
const HMAC = "a-shared-hmac-key-of-32-characters!";
const JAAS_PASSWORD = "jaas-pa55word";
const withSecrets = {
  id: "orders-stream",
  name: "Orders stream",
  gravitee: "4.0.0",
  type: "message",
  listeners: [
    { type: "http", paths: [{ path: "/orders-stream" }], entrypoints: [{ type: "sse", qos: "auto" }] },
  ],
  endpointGroups: [
    {
      name: "kafka",
      type: "kafka",
      sharedConfiguration: {
        security: {
          protocol: "SASL_SSL",
          sasl: {
            saslMechanism: "PLAIN",
            saslJaasConfig: `org.apache.kafka.common.security.plain.PlainLoginModule required username="gw" password="${JAAS_PASSWORD}";`,
            password: KAFKA_PASSWORD,
          },
        },
        consumer: { enabled: true, topics: ["orders"] },
      },
      endpoints: [
        {
          name: "kafka",
          type: "kafka",
          inheritConfiguration: true,
          configuration: { bootstrapServers: "kafka:9092" },
        },
      ],
    },
  ],
  resources: [
    {
      name: "oidc",
      type: "oauth2",
      configuration: JSON.stringify({
        introspectionEndpoint: "https://idp/introspect",
        clientId: "gw",
        clientSecret: CLIENT_SECRET,
      }),
    },
  ],
  flows: [
    {
      name: "upstream auth",
      selectors: [{ type: "channel", channel: "/", channelOperator: "start-with" }],
      subscribe: [
        {
          policy: "transform-headers",
          configuration: { scope: "REQUEST", addHeaders: [{ name: "Authorization", value: BEARER }] },
        },
      ],
      publish: [],
    },
  ],
  plans: [
    {
      id: "p1",
      name: "Partners (JWT)",
      security: {
        type: "jwt",
        configuration: { signature: "HMAC_HS256", publicKeyResolver: "GIVEN_KEY", resolverParameter: HMAC },
      },
      mode: "standard",
      status: "published",
    },
  ],
  properties: [{ key: "audit", value: `https://auditor:${URL_PASSWORD}@audit.example/log` }],
};

describe("sluice import", () => {
  it("is in `sluice --help` and has its own help", async () => {
    const dir = await mkdtemp(join(tmpdir(), "sluice-import-"));
    expect((await run(["--help"], dir)).out).toMatch(/^ {2}import FILE\|DIR\|-/m);
    const help = await run(["import", "--help"], dir);
    expect(help.code).toBe(0);
    expect(help.out).toContain("OpenAPI 3.0 / 3.1");
  });

  it("takes secrets out of the written spec, lists their variables and never prints them", async () => {
    const dir = await mkdtemp(join(tmpdir(), "sluice-import-"));
    await writeFile(join(dir, "orders.json"), JSON.stringify(withSecrets, null, 2));
    const { code, out, err } = await run(["import", "orders.json"], dir);
    expect(code).toBe(0);
    const written = await readFile(join(dir, "apis", "orders-stream.yaml"), "utf8");
    for (const secret of [KAFKA_PASSWORD, CLIENT_SECRET, URL_PASSWORD, BEARER, HMAC, JAAS_PASSWORD]) {
      expect(written).not.toContain(secret);
      expect(out + err).not.toContain(secret);
    }
    for (const env of [
      "ORDERS_STREAM_SASL_PASSWORD",
      "ORDERS_STREAM_SASL_JAAS_CONFIG_PASSWORD",
      "ORDERS_STREAM_CONFIGURATION_CLIENT_SECRET",
      "ORDERS_STREAM_VALUE_PASSWORD",
      "ORDERS_STREAM_ADD_HEADERS_VALUE",
      "ORDERS_STREAM_CONFIGURATION_RESOLVER_PARAMETER",
    ]) {
      expect(written).toContain(`\${${env}}`);
      expect(out).toContain(env);
    }
    expect(written).toContain('username="gw" password="${ORDERS_STREAM_SASL_JAAS_CONFIG_PASSWORD}";');
    // The JSON held in a string stays JSON, with the reference inside.
    expect(written).toContain('"clientSecret":"${ORDERS_STREAM_CONFIGURATION_CLIENT_SECRET}"');
    // Enums normalised, the misspelt operator rewritten to what Gravitee does, plans to a map.
    expect(written).toMatch(/type: MESSAGE/);
    expect(written).toMatch(/channelOperator: STARTS_WITH # changed: `start-with`/);
    expect(written).toMatch(/plans:\n {4}partners-jwt:\n {6}name: Partners \(JWT\)/);
    expect(out).toMatch(
      /^apis\/orders-stream\.yaml ← orders\.json \(Gravitee v4 definition \(4\.0\.0\), created\)$/m,
    );
  });

  it("keeps consumer resources, with a literal API key taken out", async () => {
    const dir = await mkdtemp(join(tmpdir(), "sluice-import-"));
    const subscription = [
      "apiVersion: gravitee.io/v1alpha1",
      "kind: Subscription",
      "metadata: { name: shop-orders }",
      "spec:",
      "  api: { name: orders }",
      "  application: { name: shop }",
      "  plan: partners",
      "  apiKeys:",
      "    - key: 3f9a0c7e-literal-key",
      '    - key: "[[ secret `orders-keys/shop` ]]"',
    ].join("\n");
    await writeFile(
      join(dir, "consumers.yaml"),
      `${subscription}\n---\n${subscription.replace("shop-orders", "orders")}\n`,
    );
    const { out, err } = await run(["import", "consumers.yaml"], dir);
    expect(await readdir(join(dir, "apis"))).toEqual([
      "subscription-orders.yaml",
      "subscription-shop-orders.yaml",
    ]);
    const written = await readFile(join(dir, "apis", "subscription-shop-orders.yaml"), "utf8");
    expect(written).toContain("- key: ${SHOP_ORDERS_API_KEYS_KEY}");
    expect(written).toContain('- key: "[[ secret `orders-keys/shop` ]]"');
    expect(out + err + written).not.toContain("3f9a0c7e-literal-key");
    expect(err).toContain("2 resources (0 APIs) imported into apis");
  });

  it("writes to --out, reads standard input, and a second run changes nothing", async () => {
    const dir = await mkdtemp(join(tmpdir(), "sluice-import-"));
    const input = await readFile(join(PROJECT_DIR, "test/import/fixtures/bookshop.openapi.yaml"), "utf8");
    const cli = (args: string[]) =>
      new Promise<{ code: number; out: string; err: string }>((done) => {
        const child = execFile(
          process.execPath,
          [join(PROJECT_DIR, "bin", "sluice.js"), ...args],
          { cwd: dir },
          (error, out, err) => done({ code: error ? Number(error.code) : 0, out, err }),
        );
        child.stdin?.end(input);
      });
    const first = await cli(["import", "-", "--out", "specs"]);
    expect(first.code).toBe(0);
    expect(first.out).toContain("specs/bookshop-inventory.yaml ← <stdin> (OpenAPI 3.1.0, created)");
    expect(await readdir(join(dir, "specs"))).toEqual(["bookshop-inventory.yaml"]);
    const written = await readFile(join(dir, "specs", "bookshop-inventory.yaml"), "utf8");
    const again = await cli(["import", "specs", "--out", "specs"]);
    expect(again.code).toBe(0);
    expect(again.out).toContain("specs/bookshop-inventory.yaml (GKO ApiV4Definition, unchanged, in place)");
    expect(await readFile(join(dir, "specs", "bookshop-inventory.yaml"), "utf8")).toBe(written);
    expect(again.err).toContain("1 API imported, checked, no errors");
  });

  it("locates broken inputs, refuses Swagger 2.0 and invalid OpenAPI, skips what is not an API", async () => {
    const dir = await mkdtemp(join(tmpdir(), "sluice-import-"));
    await writeFile(
      join(dir, "broken.json"),
      '{\n  "api": {\n    "name": "x"\n    "type": "PROXY"\n  }\n}\n',
    );
    await writeFile(
      join(dir, "swagger.json"),
      JSON.stringify({ swagger: "2.0", info: { title: "t", version: "1" }, paths: {} }),
    );
    await writeFile(join(dir, "bad-openapi.yaml"), "openapi: 3.0.3\ninfo: { title: t }\npaths: {}\n");
    await writeFile(
      join(dir, "schema.json"),
      JSON.stringify({ $schema: "http://json-schema.org/draft-07/schema#" }),
    );
    const { code, out, err } = await run(["import", "."], dir);
    expect(code).toBe(1);
    expect(out).toMatch(
      /^broken\.json:4:5: error: not valid JSON or YAML: Missing , between flow map items$/m,
    );
    expect(out).toMatch(/^swagger\.json: error: Swagger 2\.0 is not imported/m);
    expect(out).toMatch(
      /^bad-openapi\.yaml: error: invalid OpenAPI document: #\/info must have required property 'version'$/m,
    );
    expect(out).toMatch(/^schema\.json: skipped, not a Gravitee API or an OpenAPI 3 document$/m);
    expect(out + err).not.toMatch(/\n\s+at /); // no stack trace
    expect(err).toContain("0 APIs imported into apis, 3 inputs failed");
  });

  it("never overwrites a spec it did not write from the same input, unless --force", async () => {
    const dir = await mkdtemp(join(tmpdir(), "sluice-import-"));
    await mkdir(join(dir, "apis"));
    const own = "# hand-written\napiVersion: gravitee.io/v1alpha1\n";
    await writeFile(join(dir, "apis", "bookshop-inventory.yaml"), own);
    const spec = join(PROJECT_DIR, "test/import/fixtures/bookshop.openapi.yaml");
    const refused = await run(["import", spec], dir);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain("apis/bookshop-inventory.yaml exists and was not imported from");
    expect(await readFile(join(dir, "apis", "bookshop-inventory.yaml"), "utf8")).toBe(own);
    expect((await run(["import", spec, "--force"], dir)).code).toBe(0);
    const imported = await readFile(join(dir, "apis", "bookshop-inventory.yaml"), "utf8");
    expect(imported).toMatch(
      /^# Imported by `sluice import` from .*bookshop\.openapi\.yaml \(OpenAPI 3\.1\.0\)\./,
    );
    // Its own file, from the same input, is updated without --force.
    const again = await run(["import", spec], dir);
    expect(again.code).toBe(0);
    expect(again.out).toContain("(OpenAPI 3.1.0, unchanged)");
  });

  it("specs already in the output directory stay where they are", async () => {
    const dir = await mkdtemp(join(tmpdir(), "sluice-import-"));
    await mkdir(join(dir, "apis", "proxy"), { recursive: true });
    const orders = await readFile(join(PROJECT_DIR, "apis", "proxy", "orders.yaml"), "utf8");
    await writeFile(join(dir, "apis", "proxy", "orders.yaml"), orders);
    const { code, out } = await run(["import", "apis"], dir);
    expect(code).toBe(0);
    expect(out).toContain("apis/proxy/orders.yaml (GKO ApiV4Definition, unchanged, in place)");
    expect(await readdir(join(dir, "apis"))).toEqual(["proxy"]);
  });

  it("a missing input is a usage error", async () => {
    const dir = await mkdtemp(join(tmpdir(), "sluice-import-"));
    const { code, err } = await run(["import", "nope.json"], dir);
    expect(code).toBe(2);
    expect(err).toContain("sluice: nope.json: no such file or directory");
    expect((await run(["import"], dir)).code).toBe(2);
  });
});
