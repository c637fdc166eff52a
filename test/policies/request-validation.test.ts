// policy-request-validation through a compiled gateway: every constraint type on values read by
// EL (query, headers, body), Gravitee's default and custom messages in its JSON payload, the
// configured status and key, and optional rules.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EchoBackend, startEchoBackend } from "../helpers/backends.ts";
import { startTestGateway, type TestGateway } from "../helpers/gateway.ts";
import { proxyApi } from "../helpers/specs.ts";

const rule = (input: string, type: string, parameters: string[] = [], extra = "") =>
  `              - input: "${input}"${extra}
                constraint:
                  type: ${type}${parameters.length ? `\n                  parameters: [${parameters.map((p) => JSON.stringify(p)).join(", ")}]` : ""}`;

const q = (name: string) => `{#request.params['${name}'][0]}`;

let echo: EchoBackend;
let gateway: TestGateway;

beforeAll(async () => {
  echo = await startEchoBackend();
  gateway = await startTestGateway(
    {
      "rv.yaml": proxyApi(
        "rv",
        "/rv",
        "${ECHO}",
        `  flows:
    - name: validate
      selectors:
        - type: HTTP
          path: /
          pathOperator: STARTS_WITH
      request:
        - policy: policy-request-validation
          configuration:
            status: "422"
            rules:
${[
  rule(q("page"), "MIN", ["1"]),
  rule(q("page"), "MAX", ["{#request.headers['x-max'][0]}"]),
  rule(q("mail"), "MAIL", [], "\n                isRequired: false"),
  rule(q("day"), "DATE", ["yyyy-MM-dd"], "\n                isRequired: false"),
  rule(q("code"), "PATTERN", ["^[A-Z]{3}$"], "\n                isRequired: false"),
  rule(q("name"), "SIZE", ["2", "5"], "\n                isRequired: false"),
  rule(q("sort"), "ENUM", ["asc", "desc"], "\n                isRequired: false"),
  rule("{#request.headers['x-client'][0]}", "NOT_NULL"),
].join("\n")}
`,
      ),
      "body.yaml": proxyApi(
        "body",
        "/body",
        "${ECHO}",
        `  flows:
    - name: validate
      request:
        - policy: request-validation
          configuration:
            scope: REQUEST_CONTENT
            rules:
              - input: "{#request.jsonContent.id}"
                constraint:
                  type: MIN
                  parameters: ["10"]
                  message: "id %s is below %s"
`,
      ),
    },
    { ECHO: echo.url },
  );
});
afterAll(async () => {
  await gateway?.close();
  await echo?.close();
});

const call = async (query: string, headers: Record<string, string> = { "x-client": "c", "x-max": "50" }) => {
  const res = await fetch(`${gateway.url}/rv?${query}`, {
    headers: { accept: "application/json", ...headers },
  });
  const body = (await res.json()) as { message: string };
  return { status: res.status, body };
};
const constraints = (r: { body: { message: string } }) => JSON.parse(r.body.message).constraints as string[];

describe("policy-request-validation", () => {
  it("passes a request whose values satisfy every rule", async () => {
    const ok = await call("page=3&mail=a%40b.io&day=2024-02-29&code=ABC&name=abc&sort=asc");
    expect(ok.status).toBe(200);
  });

  it("refuses with the status, the key's payload and Gravitee's messages", async () => {
    const bad = await call("page=0&mail=nope&day=2023-02-29&code=abc&name=a&sort=up", {});
    expect(bad.status).toBe(422);
    expect(JSON.parse(bad.body.message).message).toBe("Request is not valid according to constraint rules");
    expect(constraints(bad)).toEqual([
      "'0' must be higher or equals to '1'",
      "'0' must be lower or equals to ''",
      "nope is not a valid email.",
      "'2023-02-29' is not valid (format: 'yyyy-MM-dd')",
      "'abc' is not valid (pattern: '^[A-Z]{3}$')",
      "'a' length must be higher or equals to '2' and lower or equals to '5'",
      "'up' not included in ENUM",
      "'' can not be null.",
    ]);
    expect(constraints(await call("page=51"))).toEqual(["'51' must be lower or equals to '50'"]);
    expect(constraints(await call(""))).toEqual([
      "'' must be higher or equals to '1'",
      "'' must be lower or equals to '50'",
    ]);
  });

  it("reads the body with REQUEST_CONTENT, with a custom message", async () => {
    const post = (body: string) =>
      fetch(`${gateway.url}/body`, { method: "POST", headers: { "content-type": "application/json" }, body });
    expect((await post('{"id": 12}')).status).toBe(200);
    const bad = await post('{"id": 3}');
    expect(bad.status).toBe(400);
    const payload = JSON.parse(((await bad.json()) as { message: string }).message);
    expect(payload.constraints).toEqual(["id 3 is below 10"]);
  });
});
