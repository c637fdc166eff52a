// A mistake is reported once, where it is, with what it means: a schema-rejected value gets no
// rule error on top, expressions are checked even in documents with other errors, an
// environment default of the wrong type says so.
import { describe, expect, it } from "vitest";
import { compareLocated, locateDiagnostic } from "../../compiler/diagnostics/locate.ts";
import { checkRepository } from "../../compiler/pipeline.ts";
import { writeRepository } from "../helpers/gateway.ts";
import { proxyApi } from "../helpers/specs.ts";

async function check(files: Record<string, string>) {
  const dir = await writeRepository(files);
  const result = await checkRepository({ target: `${dir}/apis`, cwd: dir });
  return result.diagnostics
    .map((d) => locateDiagnostic(result.sources, d))
    .sort(compareLocated)
    .map((d) => `${d.line}:${d.column} ${d.code} ${d.message}`);
}

describe("one problem, one diagnostic", () => {
  it("an entrypoint typo is a schema error only, not also a rule error", async () => {
    const spec = proxyApi("a", "/a", "http://x").replace("- type: http-proxy", "- type: http-proxi");
    expect(await check({ "a.yaml": spec })).toEqual([
      "14:17 schema/enum `http-proxi` is not a valid value for `type`",
    ]);
  });

  it("checks expressions in a document that has schema errors", async () => {
    const spec = `${proxyApi("a", "/a", "http://x").replace('version: "1"', "version: 1")}  flows:
    - name: f
      selectors:
        - type: CONDITION
          condition: "{#request.headers['a'] = 'b'}"
`;
    expect(await check({ "a.yaml": spec })).toEqual([
      "7:12 schema/type `version` must be a string, not number 1",
      "32:46 expression/unsupported Assignment is not supported: expressions only read the request.",
    ]);
  });

  it("names the environment reference whose default has the wrong type", async () => {
    const spec = proxyApi("a", "/a", "http://x").replace(
      "          configuration:\n",
      "          weight: ${WEIGHT:-heavy}\n          configuration:\n",
    );
    expect(await check({ "a.yaml": spec })).toEqual([
      "21:19 schema/type the default `heavy` of `${WEIGHT}` is not an integer, which `weight` must be",
    ]);
  });
});
