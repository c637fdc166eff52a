// Gravitee policies Sluice does not run (groovy, xslt): one located error each, on the
// step's `policy`, saying why and what to use instead — in v4 and v2 specs — while a typo of a
// supported policy keeps its "did you mean".
import { describe, expect, it } from "vitest";
import { diagnose, summary } from "../helpers/check.ts";
import { proxyApi } from "../helpers/specs.ts";

const steps = `  flows:
    - name: scripts
      request:
        - policy: groovy
          configuration:
            onRequestScript: "request.headers.remove('X-Debug')"
        - policy: xslt
          configuration:
            stylesheet: "<xsl:stylesheet/>"
        - policy: latncy
`;

const v2 = `apiVersion: gravitee.io/v1alpha1
kind: ApiDefinition
metadata:
  name: legacy
spec:
  name: legacy
  version: "1"
  proxy:
    virtual_hosts:
      - path: /legacy
    groups:
      - name: default
        endpoints:
          - name: default
            target: http://127.0.0.1:1
  plans:
    - name: free
      security: KEY_LESS
  flows:
    - name: scripts
      pre:
        - policy: groovy
          configuration: {}
`;

describe("unsupported Gravitee policies", () => {
  it("are one policy/unsupported error each, on the step's policy, with the way forward", () => {
    const spec = proxyApi("scripts", "/scripts", "http://127.0.0.1:1", steps);
    const found = diagnose({ "api.yaml": spec, "legacy.yaml": v2 });
    const line = (text: string, needle: string) => text.split("\n").findIndex((l) => l.includes(needle)) + 1;
    expect(summary(found)).toEqual([
      `policy/unsupported@${line(spec, "policy: groovy")}:19`,
      `policy/unsupported@${line(spec, "policy: xslt")}:19`,
      `schema/enum@${line(spec, "policy: latncy")}:19`,
      `policy/unsupported@${line(v2, "policy: groovy")}:19`,
    ]);
    const [groovy, xslt, typo] = found;
    expect(groovy?.message).toMatch(/^policy `groovy` is not supported by Sluice: .*Groovy/);
    expect(groovy?.hint).toContain("docs/custom-policies.md");
    expect(xslt?.hint).toContain("xml-json");
    expect(typo?.hint).toContain("latency");
  });
});
