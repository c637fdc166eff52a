// flowExecution through a compiled gateway, checked against Gravitee's own tables: BEST_MATCH picks
// one flow by AbstractBestMatchFlowSelector's segment scores (1 literal, 0.5 `:param`, left to
// right, a longer path over its equal prefix, ties to the earlier flow), per chain (plan, API);
// matchRequired answers 404 with no body when no flow ran, a plan flow counting (as in Gravitee's
// FlowChain, where the chains of a request share whether one of them ran a flow).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EchoBackend, startEchoBackend } from "../helpers/backends.ts";
import { startTestGateway, type TestGateway } from "../helpers/gateway.ts";

/** A flow named after its path that adds `x-<header>: <path>` to the response. */
const flow = (header: string, path: string, operator = "STARTS_WITH", methods = "") => `
    - name: ${path}
      selectors:
        - type: HTTP
          path: ${path}
          pathOperator: ${operator}${methods ? `\n          methods: [${methods}]` : ""}
      response:
        - policy: transform-headers
          configuration:
            addHeaders:
              - name: x-${header}
                value: "${path}"`;

const v4 = (
  name: string,
  path: string,
  mode: string,
  matchRequired: boolean,
  planFlows: string,
  apiFlows: string,
) => `
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
  flowExecution:
    mode: ${mode}
    matchRequired: ${matchRequired}
  plans:
    free:
      name: Free
      security:
        type: KEY_LESS
      flows:${planFlows.replaceAll("\n", "\n    ") || " []"}
  flows:${apiFlows || " []"}
`;

const v2 = `
apiVersion: gravitee.io/v1alpha1
kind: ApiDefinition
metadata:
  name: legacy
spec:
  name: legacy
  version: "1"
  proxy:
    virtual_hosts:
      - path: /v2
    groups:
      - name: default
        endpoints:
          - name: e
            target: \${BACKEND}
  flow_mode: BEST_MATCH
  flows:
${["/myPath/staticId", "/:id/staticId", "/myPath/:id"]
  .map(
    (p) => `    - name: ${p}
      path-operator:
        path: ${p}
        operator: STARTS_WITH
      post:
        - policy: transform-headers
          configuration:
            addHeaders:
              - name: x-api
                value: "${p}"`,
  )
  .join("\n")}
  plans:
    - name: Open
      security: KEY_LESS
`;

describe("flowExecution", () => {
  let backend: EchoBackend;
  let gateway: TestGateway;

  beforeAll(async () => {
    backend = await startEchoBackend();
    gateway = await startTestGateway(
      {
        // Gravitee's AbstractBestMatchFlowSelector javadoc table.
        "best.yaml": v4(
          "best",
          "/best",
          "BEST_MATCH",
          false,
          "",
          ["/myPath/staticId", "/:id/staticId", "/myPath/:id"].map((p) => flow("api", p)).join(""),
        ),
        // Gravitee's messages/bestmatch integration test, as a proxy: plan and API chains apart.
        "books.yaml": v4(
          "books",
          "/books-api",
          "BEST_MATCH",
          false,
          ["/", "/books", "/books/:bookId"].map((p) => flow("plan", p)).join(""),
          [
            "/books",
            "/books/:bookId/chapters/:chapterId",
            "/books/:bookId/chapters/:chapterId/pages/:pageId",
            "/books/9999/chapters",
          ]
            .map((p) => flow("api", p))
            .join(""),
        ),
        "equals.yaml": v4(
          "equals",
          "/equals",
          "BEST_MATCH",
          false,
          "",
          [
            flow("api", "/a/b", "EQUALS"),
            flow("api", "/a", "STARTS_WITH"),
            flow("api", "/a/:x", "STARTS_WITH", "POST"),
          ].join(""),
        ),
        "all.yaml": v4(
          "all",
          "/all",
          "DEFAULT",
          false,
          "",
          [flow("root", "/"), flow("x", "/x"), flow("y", "/y")].join(""),
        ),
        "required.yaml": v4(
          "required",
          "/required",
          "DEFAULT",
          true,
          flow("plan", "/plan-only"),
          flow("api", "/orders"),
        ),
        "v2.yaml": v2,
      },
      { BACKEND: backend.url },
    );
  });

  afterAll(async () => {
    await gateway?.close();
    await backend?.close();
  });

  it.each([
    // [request, method, x-plan, x-api]
    ["/best/myPath/staticId", "GET", null, "/myPath/staticId"],
    ["/best/myPath/553", "GET", null, "/myPath/:id"],
    ["/best/random/staticId", "GET", null, "/:id/staticId"],
    ["/books-api/books", "GET", "/books", "/books"],
    ["/books-api/books/145/chapters/12", "GET", "/books/:bookId", "/books/:bookId/chapters/:chapterId"],
    ["/books-api/books/9999/chapters", "GET", "/books/:bookId", "/books/9999/chapters"],
    ["/books-api/books/9999/chapters/random", "GET", "/books/:bookId", "/books/9999/chapters"],
    [
      "/books-api/books/145/chapters/12/pages/3",
      "GET",
      "/books/:bookId",
      "/books/:bookId/chapters/:chapterId/pages/:pageId",
    ],
    ["/books-api/random", "GET", "/", null],
    ["/books-api/books/145", "GET", "/books/:bookId", "/books"],
    // The operator filters; it takes no part in the score. /a/b EQUALS does not match /a/b/c.
    ["/equals/a/b", "GET", null, "/a/b"],
    ["/equals/a/b/c", "GET", null, "/a"],
    ["/equals/a/b/c", "POST", null, "/a/:x"],
    // v2 flow_mode: BEST_MATCH, the same selector.
    ["/v2/myPath/553", "GET", null, "/myPath/:id"],
    ["/v2/random/staticId", "GET", null, "/:id/staticId"],
  ])("%s %s runs plan flow %s and API flow %s", async (path, method, plan, api) => {
    const res = await fetch(`${gateway.url}${path}`, { method });
    expect(res.status).toBe(200);
    expect(res.headers.get("x-plan")).toBe(plan);
    expect(res.headers.get("x-api")).toBe(api);
  });

  it("DEFAULT runs every matching flow", async () => {
    const res = await fetch(`${gateway.url}/all/x/1`);
    expect([res.headers.get("x-root"), res.headers.get("x-x"), res.headers.get("x-y")]).toEqual([
      "/",
      "/x",
      null,
    ]);
  });

  it("matchRequired: 404 with no body when no flow ran; a plan flow that ran is enough", async () => {
    const ok = await fetch(`${gateway.url}/required/orders/1`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("x-api")).toBe("/orders");
    const planOnly = await fetch(`${gateway.url}/required/plan-only`);
    expect(planOnly.status).toBe(200);
    expect(planOnly.headers.get("x-plan")).toBe("/plan-only");
    expect(planOnly.headers.get("x-api")).toBeNull();
    for (const accept of ["application/json", "text/plain"]) {
      const res = await fetch(`${gateway.url}/required/customers`, { headers: { accept } });
      expect(res.status).toBe(404);
      expect(await res.text()).toBe("");
      expect(backend.received.some((r) => r.url === "/customers")).toBe(false);
    }
  });
});
