// Gravitee's real plugin ids (`policy-assign-attributes`, `policy-assign-content`), as GKO manifests
// and exports spell them, validate and link the same runtime module as Sluice's ids; the alias list
// is read from the policy's step definition in the schemas, and the v2 and v4 copies agree.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSchemas, policyAliases } from "../../compiler/validate/schemas.ts";
import { type EchoBackend, startEchoBackend } from "../helpers/backends.ts";
import { diagnose, summary } from "../helpers/check.ts";
import { startTestGateway, type TestGateway } from "../helpers/gateway.ts";
import { proxyApi } from "../helpers/specs.ts";

const spec = (steps: string) =>
  proxyApi(
    "aliased",
    "/aliased",
    "${ECHO}",
    `  flows:
    - name: aliased
      selectors:
        - type: HTTP
          path: /
          pathOperator: STARTS_WITH
      request:
${steps}
`,
  );

const steps = `        - policy: policy-assign-attributes
          configuration:
            attributes:
              - name: tenant
                value: "{#request.headers['x-tenant'][0]}"
        - policy: transform-headers
          configuration:
            addHeaders:
              - name: X-Tenant-Attribute
                value: "{#context.attributes['tenant']}"
        - policy: policy-assign-content
          configuration:
            body: '{"tenant": "{#context.attributes[''tenant'']}"}'`;

describe("Gravitee's plugin ids as aliases", () => {
  let echo: EchoBackend;
  let gateway: TestGateway;
  beforeAll(async () => {
    echo = await startEchoBackend();
    gateway = await startTestGateway({ "aliased.yaml": spec(steps) }, { ECHO: echo.url });
  });
  afterAll(async () => {
    await gateway?.close();
    await echo?.close();
  });

  it("policy-assign-attributes and policy-assign-content run as assign-attributes and assign-content", async () => {
    const res = await fetch(`${gateway.url}/aliased`, {
      method: "POST",
      headers: { "x-tenant": "acme" },
      body: "x",
    });
    expect(res.status).toBe(200);
    const sent = echo.received.at(-1);
    expect(sent?.headers["x-tenant-attribute"]).toBe("acme");
    expect(sent?.body).toBe('{"tenant": "acme"}');
  });

  it("an id that is neither a policy nor an alias is still an error on its line", () => {
    const diagnostics = diagnose(spec("        - policy: policy-assign-everything"));
    const bad = diagnostics.filter((d) => d.message.includes("policy-assign-everything"));
    expect(summary(bad)).toEqual(["schema/enum@35:19"]);
    expect(bad[0]?.hint).toMatch(/did you mean `policy-assign-(attributes|content)`/i);
  });

  it("the manifests' aliases are what both assembled schemas accept, and map to the policy's id", () => {
    const schemas = loadSchemas();
    const accepted = (schema: Record<string, unknown>) =>
      Object.values(schema.definitions as Record<string, { properties?: { policy?: { enum?: string[] } } }>)
        .map((d) => d.properties?.policy?.enum)
        .filter((e): e is string[] => Array.isArray(e))
        .flatMap(([id, ...aliases]) => aliases.map((alias) => `${alias}→${id}`))
        .sort();
    const fromManifests = [...policyAliases()].map(([alias, id]) => `${alias}→${id}`).sort();
    expect(accepted(schemas.ApiV4Definition)).toEqual(fromManifests);
    expect(accepted(schemas.ApiDefinition)).toEqual(fromManifests);
    expect(policyAliases().get("policy-assign-attributes")).toBe("assign-attributes");
    expect(policyAliases().get("policy-assign-content")).toBe("assign-content");
  });
});
