// A user mistake is a diagnostic, never an internal error. Rules, the expression check and the
// model run on documents that failed schema validation, so each must tolerate any JSON value where
// the schema expects a mapping (`listeners: [null]`), and user-provided names (`policy:
// constructor`, a `__proto__` key) must never be looked up on a plain object's prototype.
import { describe, expect, it } from "vitest";
import { compareLocated, locateDiagnostic } from "../../compiler/diagnostics/locate.ts";
import { checkRepository } from "../../compiler/pipeline.ts";

async function check(yaml: string): Promise<{ errors: number; found: string[] }> {
  const result = await checkRepository({ target: "-", stdin: async () => yaml });
  const located = result.diagnostics.map((d) => locateDiagnostic(result.sources, d)).sort(compareLocated);
  return {
    errors: located.filter((d) => d.severity === "error").length,
    found: located.map((d) => `${d.line}:${d.column} ${d.code} ${d.message}`),
  };
}

const proxy = `apiVersion: gravitee.io/v1alpha1
kind: ApiV4Definition
metadata:
  name: orders
spec:
  name: Orders
  version: "1"
  type: PROXY
  listeners:
    - type: HTTP
      paths:
        - path: /orders
      entrypoints:
        - type: http-proxy
  endpointGroups:
    - name: backend
      type: http-proxy
      endpoints:
        - name: primary
          type: http-proxy
          configuration:
            target: http://localhost:8080
  flows:
    - name: tag
      selectors:
        - type: HTTP
          path: /
      request:
        - name: Tenant header
          policy: transform-headers
          configuration:
            scope: REQUEST
            addHeaders:
              - name: X-Tenant
                value: "{#request.headers['x-tenant'][0]}"
  plans:
    free:
      name: Free
      security:
        type: KEY_LESS
      flows:
        - name: limit
          request:
            - policy: rate-limit
              configuration:
                rate:
                  limit: 10
                  periodTime: 1
                  periodTimeUnit: SECONDS
`;

const message = `apiVersion: gravitee.io/v1alpha1
kind: ApiV4Definition
metadata:
  name: events
spec:
  name: Events
  version: "1"
  type: MESSAGE
  listeners:
    - type: HTTP
      paths:
        - path: /events
      entrypoints:
        - type: sse
          qos: AUTO
  endpointGroups:
    - name: mock-group
      type: mock
      endpoints:
        - name: mock
          type: mock
          configuration:
            messageContent: tick
  plans:
    free:
      name: Free
      security:
        type: KEY_LESS
`;

const v2 = `apiVersion: gravitee.io/v1alpha1
kind: ApiDefinition
metadata:
  name: legacy
spec:
  name: Legacy
  version: "1"
  proxy:
    virtual_hosts:
      - path: /legacy
    groups:
      - name: default
        endpoints:
          - name: echo
            target: http://localhost:8080
  plans:
    - name: Free
      security: KEY_LESS
`;

/** `base` with `from` (which must occur in it) replaced by `to`. */
function mutate(base: string, from: string, to: string): string {
  if (!base.includes(from)) throw new Error(`not in the spec: ${from}`);
  return base.replace(from, to);
}

/** The text of `base` from `from` up to (not including) `to`, or to its end. */
function slice(base: string, from: string, to?: string): string {
  return base.slice(base.indexOf(from), to === undefined ? undefined : base.indexOf(to));
}

/** A second, unrelated error, so that the document is checked without a model. */
const withOtherError = (yaml: string) => mutate(yaml, 'version: "1"', "version: 1");

const LISTENER = slice(proxy, "    - type: HTTP", "  endpointGroups:");
const GROUP = slice(proxy, "    - name: backend", "  flows:");
const ENDPOINT = slice(proxy, "        - name: primary", "  flows:");
const FLOW = slice(proxy, "    - name: tag", "  plans:");
const STEP = slice(proxy, "        - name: Tenant header", "  plans:");
const PLAN = slice(proxy, "    free:");
const PLAN_FLOW = slice(proxy, "        - name: limit");
const PLAN_STEP = slice(proxy, "            - policy: rate-limit");
const VERSION_ERROR = "7:12 schema/type";

/** [what, spec, the diagnostics (`line:column code`) check gives, exactly]. */
const cases: Array<[string, string, string[]]> = [
  ...["null", "0", "x", "[]", "true", "[null]"].map((value): [string, string, string[]] => [
    `listeners: [${value}]`,
    mutate(proxy, LISTENER, `    - ${value}\n`),
    ["10:7 schema/type"],
  ]),
  [
    "entrypoints: [null]",
    mutate(proxy, "        - type: http-proxy\n", "        - null\n"),
    ["14:11 schema/type"],
  ],
  ["paths: [null]", mutate(proxy, "        - path: /orders\n", "        - null\n"), ["12:11 schema/type"]],
  ["endpointGroups: [null]", mutate(proxy, GROUP, "    - null\n"), ["16:7 schema/type"]],
  ["endpointGroups: [[]]", mutate(proxy, GROUP, "    - []\n"), ["16:7 schema/type"]],
  ["endpoints: [null]", mutate(proxy, ENDPOINT, "        - null\n"), ["19:11 schema/type"]],
  ["flows: [null]", mutate(proxy, FLOW, "    - null\n"), ["24:7 schema/type"]],
  [
    "selectors: [null]",
    mutate(proxy, "        - type: HTTP\n          path: /\n", "        - null\n"),
    ["26:11 schema/type"],
  ],
  ["request: [null]", mutate(proxy, STEP, "        - null\n"), ["29:11 schema/type"]],
  [
    "request: [null], with another error",
    withOtherError(mutate(proxy, STEP, "        - null\n")),
    [VERSION_ERROR, "29:11 schema/type"],
  ],
  [
    "addHeaders: [null]",
    mutate(
      proxy,
      "              - name: X-Tenant\n",
      "              - null\n              - name: X-Tenant\n",
    ),
    ["34:17 schema/type"],
  ],
  ["plans: { free: null }", mutate(proxy, PLAN, "    free: null\n"), ["37:11 schema/type"]],
  ["plans: { free: 0 }", mutate(proxy, PLAN, "    free: 0\n"), ["37:11 schema/type"]],
  ["a plan's flows: [null]", mutate(proxy, PLAN_FLOW, "        - null\n"), ["42:11 schema/type"]],
  ["a plan flow's request: [null]", mutate(proxy, PLAN_STEP, "            - null\n"), ["44:15 schema/type"]],
  ["spec: null", mutate(proxy, slice(proxy, "spec:"), "spec: null\n"), ["5:7 schema/type"]],
  ["spec: []", mutate(proxy, slice(proxy, "spec:"), "spec: []\n"), ["5:7 schema/type"]],
  ["metadata: null", mutate(proxy, "metadata:\n  name: orders\n", "metadata: null\n"), ["3:11 schema/type"]],
  ...["constructor", "__proto__", "toString", "hasOwnProperty"].flatMap(
    (name): Array<[string, string, string[]]> => [
      [
        `policy: ${name}`,
        mutate(proxy, "policy: transform-headers", `policy: ${name}`),
        ["30:19 schema/enum"],
      ],
      [
        `policy: ${name}, with another error`,
        withOtherError(mutate(proxy, "policy: transform-headers", `policy: ${name}`)),
        [VERSION_ERROR, "30:19 schema/enum"],
      ],
      [`API type: ${name}`, mutate(proxy, "type: PROXY", `type: ${name}`), ["8:9 schema/enum"]],
      [
        `PROXY entrypoint type: ${name}`,
        mutate(proxy, "- type: http-proxy", `- type: ${name}`),
        ["14:17 schema/enum"],
      ],
      [
        `MESSAGE entrypoint type: ${name}`,
        mutate(message, "- type: sse", `- type: ${name}`),
        ["14:17 schema/enum"],
      ],
      [
        `a \`${name}\` key`,
        mutate(proxy, "  name: Orders\n", `  ${name}: Orders\n`),
        ["5:1 schema/missing-property", "6:3 schema/unknown-property"],
      ],
    ],
  ),
  [
    "listeners: ${LISTENERS}",
    mutate(proxy, `  listeners:\n${LISTENER}`, "  listeners: ${LISTENERS}\n"),
    ["9:14 schema/type"],
  ],
  [
    "MESSAGE entrypoints: [null]",
    mutate(message, "        - type: sse\n          qos: AUTO\n", "        - null\n"),
    ["14:11 schema/type"],
  ],
  [
    "MESSAGE endpointGroups: [null]",
    mutate(message, slice(message, "    - name: mock-group", "  plans:"), "    - null\n"),
    ["17:7 schema/type"],
  ],
  ["v2 virtual_hosts: [null]", mutate(v2, "      - path: /legacy\n", "      - null\n"), ["10:9 schema/type"]],
  [
    "v2 groups: [null]",
    mutate(v2, slice(v2, "      - name: default", "  plans:"), "      - null\n"),
    ["12:9 schema/type"],
  ],
  [
    "v2 endpoints: [null]",
    mutate(v2, "          - name: echo\n            target: http://localhost:8080\n", "          - null\n"),
    ["14:13 schema/type"],
  ],
  [
    "v2 plans: [null]",
    mutate(v2, "    - name: Free\n      security: KEY_LESS\n", "    - null\n"),
    ["17:7 schema/type"],
  ],
];

describe("a malformed value is a diagnostic where it is, not a crash", () => {
  it("the specs the table mutates are valid", async () => {
    for (const spec of [proxy, message, v2]) expect((await check(spec)).found).toEqual([]);
  });

  it.each(cases)("%s", async (_, yaml, expected) => {
    const { errors, found } = await check(yaml);
    expect(errors).toBeGreaterThan(0);
    expect(found.map((d) => d.split(" ").slice(0, 2).join(" "))).toEqual(expected);
  });

  it("says which item of a list is wrong", async () => {
    expect((await check(mutate(proxy, LISTENER, "    - null\n"))).found).toEqual([
      "10:7 schema/type an item of `listeners` must be an object, not null",
    ]);
  });

  it("an environment reference cannot stand for a list or a mapping", async () => {
    const yaml = mutate(
      mutate(proxy, `  listeners:\n${LISTENER}`, "  listeners: ${LISTENERS}\n"),
      "          configuration:\n            target: http://localhost:8080\n",
      "          configuration: ${ENDPOINT_CONFIGURATION}\n",
    );
    expect((await check(yaml)).found).toEqual([
      "9:14 schema/type `listeners` must be an array: `${LISTENERS}` cannot stand for one; the environment gives only strings, numbers and booleans",
      "16:26 schema/type `configuration` must be an object: `${ENDPOINT_CONFIGURATION}` cannot stand for one; the environment gives only strings, numbers and booleans",
    ]);
  });
});
