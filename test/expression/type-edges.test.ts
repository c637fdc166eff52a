// Type-checking as the edge: expressions whose types cannot work in Gravitee (a method a value does
// not have, a header list compared with a number, arithmetic on a list, text ordered against a
// number) are compile errors on their YAML line and column, with a hint — through the whole
// checker, as `sluice check` reports them, never a run-time surprise.
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { locateDiagnostic } from "../../compiler/diagnostics/locate.ts";
import { checkRepository } from "../../compiler/pipeline.ts";
import { writeRepository } from "../helpers/gateway.ts";

/** [expression (a flow condition), the message it gets, the text its column points at]. */
const EDGES: ReadonlyArray<readonly [string, string, string]> = [
  ["{#request.path.size() > 1}", "The method size() is not supported on a string.", "size"],
  ["{#request.paths.size() > 1}", "has no method size(): SpEL fails on it.", "size"],
  [
    "{#request.headers['X-Count'] == 5}",
    "compares a list of values with a number",
    "#request.headers['X-Count']",
  ],
  ["{#request.headers['X-Count'] > 5}", "but this is a list of values.", "#request.headers['X-Count']"],
  [
    "{#request.headers['X-A'] + 1 == 2}",
    "'+' needs one value, but this is a list of values.",
    "#request.headers['X-A']",
  ],
  [
    "{#request.params['n'] * 2 > 3}",
    "'*' needs a number, but this is a list of values.",
    "#request.params['n']",
  ],
  [
    "{#request.params['n'] / 2 > 3}",
    "'/' divides numbers, but this is a list of values.",
    "#request.params['n']",
  ],
  ["{#request.method == 5}", "compares a string with a number", "#request.method == 5"],
  ["{#request.method > 5}", "cannot order a string and a number", ">"],
  ["{#response.status.length() > 1}", "Methods on a number are not supported.", "length"],
  ["{#request.headers['X-A'] matches 'a.*'}", "'matches' needs one value", "#request.headers['X-A']"],
  [
    "{#request.headers['X-A'] && true}",
    "'&&' needs true or false, but this is a list of values.",
    "#request.headers['X-A']",
  ],
  ["{#request.method - 1 > 0}", "needs a number, but this is a string", "#request.method"],
  ["{#subscription.metadata.size() > 0}", "size() is not supported on #subscription.metadata", "size"],
  ["{#xpath(#request.content, '//a', 'node') == 'x'}", "is a DOM node", "'node'"],
];

const flow = (i: number, condition: string) => `    - name: edge-${i}
      selectors:
        - type: HTTP
          path: /e${i}
      request:
        - policy: transform-headers
          condition: ${JSON.stringify(condition)}
          configuration:
            addHeaders:
              - name: X-Edge
                value: "${i}"
`;

const SPEC = `apiVersion: gravitee.io/v1alpha1
kind: ApiV4Definition
metadata:
  name: edges
spec:
  name: edges
  version: "1"
  type: PROXY
  listeners:
    - type: HTTP
      paths:
        - path: /edges
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
  plans:
    free:
      name: free
      security:
        type: KEY_LESS
  flows:
${EDGES.map(([expression], i) => flow(i, expression)).join("")}`;

let dir: string;
let found: Array<{ line: number; column: number; code: string; message: string; hint?: string | undefined }>;

beforeAll(async () => {
  dir = await writeRepository({ "edges.yaml": SPEC });
  const result = await checkRepository({ target: join(dir, "apis"), cwd: dir });
  found = result.diagnostics.map((d) => locateDiagnostic(result.sources, d));
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const lines = SPEC.split("\n");

describe("expressions whose types cannot work are errors on their YAML line", () => {
  it.each(EDGES.map((edge, i) => [i, ...edge] as const))("#%i %s", (i, expression, message, at) => {
    const line = lines.findIndex((l) => l.includes(`condition: ${JSON.stringify(expression)}`)) + 1;
    const hits = found.filter((d) => d.line === line);
    expect(hits.map((d) => d.code)).toEqual(["expression/unsupported"]);
    const [hit] = hits;
    expect(hit!.message).toContain(message);
    expect(hit!.hint ?? "").not.toBe("");
    // The column points into the YAML scalar at the offending part of the expression.
    const text = lines[line - 1]!;
    expect(text.slice(hit!.column - 1, hit!.column - 1 + at.length)).toBe(at);
    expect(i).toBeGreaterThanOrEqual(0);
  });

  it("reports nothing else", () => {
    expect(found.filter((d) => d.code !== "expression/unsupported")).toEqual([]);
  });
});
