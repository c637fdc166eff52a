// SharedPolicyGroup (GKO's kind): a step's `sharedPolicyGroupRef` runs the group's steps there, as
// if written in place — through a compiled gateway, one group used by two APIs in their request
// phase and a RESPONSE group with an expression; the referencing step's `enabled` and `condition`;
// Gravitee's own spelling, the `shared-policy-group-policy` step (by the group's cross id, name, or
// GKO's hrid); and the check rules (unknown group with did-you-mean, wrong API type or phase), located.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compareLocated, locateDiagnostic } from "../../compiler/diagnostics/locate.ts";
import { checkRepository } from "../../compiler/pipeline.ts";
import { type EchoBackend, type Received, startEchoBackend } from "../helpers/backends.ts";
import { diagnose } from "../helpers/check.ts";
import { startTestGateway, type TestGateway, writeRepository } from "../helpers/gateway.ts";

const group = (name: string, apiType: string, phase: string, header: string, value: string) => `
apiVersion: gravitee.io/v1alpha1
kind: SharedPolicyGroup
metadata:
  name: ${name}
spec:
  name: ${name}
  apiType: ${apiType}
  phase: ${phase}
  steps:
    - name: disabled in the group
      enabled: false
      policy: transform-headers
      configuration:
        addHeaders:
          - name: x-disabled
            value: "yes"
    - name: tag
      policy: transform-headers
      configuration:
        addHeaders:
          - name: ${header}
            value: "${value}"
`;

const api = (name: string, path: string, request: string, response = "") => `
apiVersion: gravitee.io/v1alpha1
kind: ApiV4Definition
metadata:
  name: ${name}
spec:
  name: ${name}
  version: "1"
  type: PROXY
  listeners:
    - type: HTTP
      paths:
        - path: ${path}
      entrypoints:
        - type: http-proxy
  endpointGroups:
    - name: backend
      type: http-proxy
      endpoints:
        - name: primary
          type: http-proxy
          configuration:
            target: \${BACKEND}
  plans:
    free:
      name: Free
      security:
        type: KEY_LESS
  flows:
    - name: all
      request:${request}
      response:${response || " []"}
`;

const ref = (name: string, extra = "") => `
        - sharedPolicyGroupRef:
            name: ${name}${extra}`;

/** Gravitee's spelling (Management API exports, GKO's deployments): the policy step with the group's id. */
const policyRef = (id: string, key = "sharedPolicyGroupId", extra = "") => `
        - name: spg
          policy: shared-policy-group-policy
          configuration:
            ${key}: ${id}${extra}`;

/** A group with a Gravitee cross id (`spec.crossId`), as a Management API export names it. */
const withCrossId = (text: string, crossId: string) =>
  text.replace("  apiType:", `  crossId: ${crossId}\n  apiType:`);

describe("SharedPolicyGroup through a compiled gateway", () => {
  let backend: EchoBackend;
  let gateway: TestGateway;

  beforeAll(async () => {
    backend = await startEchoBackend();
    gateway = await startTestGateway(
      {
        "groups.yaml": [
          group("tenant-header", "PROXY", "REQUEST", "x-tenant", "acme"),
          group("path-echo", "PROXY", "RESPONSE", "x-path", "{#request.pathInfo}"),
          withCrossId(
            group("exported", "PROXY", "REQUEST", "x-exported", "by-cross-id"),
            "6f0c9d9e-1b2a-4c3d-8e4f-5a6b7c8d9e0f",
          ),
        ].join("---\n"),
        "imported.yaml": api(
          "imported",
          "/imported",
          `${policyRef("6f0c9d9e-1b2a-4c3d-8e4f-5a6b7c8d9e0f")}${policyRef("tenant-header")}`,
          policyRef("default-path-echo", "hrid"),
        ),
        "orders.yaml": api("orders", "/orders", ref("tenant-header"), ref("path-echo")),
        "billing.yaml": api(
          "billing",
          "/billing",
          `${ref("tenant-header")}
        - policy: transform-headers
          configuration:
            addHeaders:
              - name: x-own
                value: after-the-group`,
        ),
        "gated.yaml": api(
          "gated",
          "/gated",
          `${ref("tenant-header", "\n          condition: \"{#request.headers['x-go'] != null}\"")}`,
          ref("path-echo", "\n          enabled: false"),
        ),
      },
      { BACKEND: backend.url },
    );
  });

  afterAll(async () => {
    await gateway?.close();
    await backend?.close();
  });

  const send = async (path: string, headers: Record<string, string> = {}) => {
    const res = await fetch(`${gateway.url}${path}`, { headers });
    return { res, seen: (await res.json()) as Received };
  };

  it.each([
    // [request, request headers, x-tenant upstream, x-own upstream, x-path on the response]
    ["/orders/1", {}, "acme", undefined, "/1"],
    ["/billing/2", {}, "acme", "after-the-group", null],
    ["/gated/3", {}, undefined, undefined, null],
    ["/gated/4", { "x-go": "1" }, "acme", undefined, null],
  ] as const)("%s %j", async (path, headers, tenant, own, responsePath) => {
    const { res, seen } = await send(path, headers);
    expect(res.status).toBe(200);
    expect(seen.headers["x-tenant"]).toBe(tenant);
    expect(seen.headers["x-own"]).toBe(own);
    expect(seen.headers["x-disabled"]).toBeUndefined();
    expect(res.headers.get("x-path")).toBe(responsePath);
  });

  it("Gravitee's `shared-policy-group-policy` step runs the group it names: by cross id, name or GKO hrid", async () => {
    const { res, seen } = await send("/imported/5");
    expect(res.status).toBe(200);
    expect(seen.headers["x-exported"]).toBe("by-cross-id");
    expect(seen.headers["x-tenant"]).toBe("acme");
    expect(seen.headers["x-disabled"]).toBeUndefined();
    expect(res.headers.get("x-path")).toBe("/5");
  });
});

describe("SharedPolicyGroup rules", () => {
  const found = (files: Record<string, string>) =>
    diagnose(files)
      .filter((d) => d.code.includes("shared-policy-group"))
      .map((d) => `${d.file}:${d.code}@${d.line}:${d.column}`);

  const groups = withCrossId(group("tenant-header", "PROXY", "REQUEST", "x-tenant", "acme"), "cross-1");

  it.each([
    ["a known group in its phase", api("a", "/a", ref("tenant-header")), []],
    [
      "an unknown group",
      api("a", "/a", ref("tenant-headers")),
      ["apis/a.yaml:consumer/unknown-shared-policy-group@33:19"],
    ],
    [
      "Gravitee's step with an unknown id, located on the id",
      api("a", "/a", policyRef("0000-unknown")),
      ["apis/a.yaml:consumer/unknown-shared-policy-group@35:34"],
    ],
    [
      "Gravitee's step naming a REQUEST group by its cross id in the response phase",
      api("a", "/a", " []", policyRef("cross-1")),
      ["apis/a.yaml:consumer/shared-policy-group-mismatch@36:34"],
    ],
    [
      "a REQUEST group in the response phase",
      api("a", "/a", " []", ref("tenant-header")),
      ["apis/a.yaml:consumer/shared-policy-group-mismatch@34:19"],
    ],
    [
      "a PROXY group on a MESSAGE API",
      api("a", "/a", ref("tenant-header")).replace("type: PROXY", "type: MESSAGE"),
      ["apis/a.yaml:consumer/shared-policy-group-mismatch@33:19"],
    ],
  ])("%s", (_, spec, expected) => {
    expect(found({ "apis/groups.yaml": groups, "apis/a.yaml": spec })).toEqual(expected);
  });

  it("says which group was meant", () => {
    const [finding] = diagnose({
      "apis/groups.yaml": groups,
      "apis/a.yaml": api("a", "/a", ref("tenant-headers")),
    }).filter((d) => d.code === "consumer/unknown-shared-policy-group");
    expect(finding?.hint).toBe("did you mean `tenant-header`?");
  });

  it("says which cross id was meant for Gravitee's step", () => {
    const [finding] = diagnose({
      "apis/groups.yaml": groups,
      "apis/a.yaml": api("a", "/a", policyRef("cross-2")),
    }).filter((d) => d.code === "consumer/unknown-shared-policy-group");
    expect(finding?.message).toBe(
      "`sharedPolicyGroupId` `cross-2` names no SharedPolicyGroup of the repository",
    );
    expect(finding?.hint).toBe("did you mean `cross-1`?");
  });

  it("a group's own steps are validated in its file", () => {
    const bad = groups.replace(
      "policy: transform-headers\n      configuration:\n        addHeaders:\n          - name: x-tenant",
      "policy: transform-headerz\n      configuration:\n        addHeaders:\n          - name: x-tenant",
    );
    const codes = diagnose({ "apis/groups.yaml": bad, "apis/a.yaml": api("a", "/a", ref("tenant-header")) })
      .filter((d) => d.severity === "error")
      .map((d) => `${d.file}:${d.code}@${d.line}:${d.column} ${d.hint}`);
    expect(codes).toEqual(["apis/groups.yaml:schema/enum@20:15 did you mean `transform-headers`?"]);
  });

  it("a step of the group that never acts in the group's phase is warned about in the group's file", () => {
    const misplaced = group("limit", "PROXY", "RESPONSE", "x", "y").replace(
      "    - name: tag\n      policy: transform-headers",
      "    - name: limit\n      policy: rate-limit\n      configuration:\n        rate: { limit: 1, periodTime: 1, periodTimeUnit: SECONDS }\n    - name: tag\n      policy: transform-headers",
    );
    const found = diagnose({ "apis/groups.yaml": misplaced })
      .filter((d) => d.code === "exposure/policy-phase")
      .map((d) => `${d.file}@${d.line}:${d.column}`);
    expect(found).toEqual(["apis/groups.yaml@19:15"]);
  });

  it("an expression error in a group used by two APIs is reported once, in the group's file", async () => {
    const dir = await writeRepository({
      "groups.yaml": group("broken", "PROXY", "REQUEST", "x-b", "{#request.headers['a'][0] +}"),
      "a.yaml": api("a", "/a", ref("broken")),
      "b.yaml": api("b", "/b", ref("broken")),
    });
    const result = await checkRepository({ target: `${dir}/apis`, cwd: dir });
    const errors = result.diagnostics
      .filter((d) => d.severity === "error")
      .map((d) => locateDiagnostic(result.sources, d))
      .sort(compareLocated)
      .map((d) => `${d.file.replace(/^(.*\/)?apis\//, "")}:${d.line}:${d.column} ${d.code}`);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^groups\.yaml:23:\d+ expression\//);
  });
});
