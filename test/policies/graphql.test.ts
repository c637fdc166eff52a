// GraphQL policies: the static measures (table-driven), then graphql-guard and graphql-rate-limit in
// a compiled gateway in front of a real GraphQL server (graphql-js over node:http).
import { parse } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  complexityOf,
  depthOf,
  type GraphqlOperation,
  usesIntrospection,
} from "../../runtime/policies/lib/graphql.ts";
import { startTestGateway, type TestGateway } from "../helpers/gateway.ts";
import { proxyApi } from "../helpers/specs.ts";
import { type Backend, startGraphqlServer } from "./backends.ts";

const operation = (query: string, variables: Record<string, unknown> = {}): GraphqlOperation => {
  const document = parse(query);
  const op = document.definitions.find((d) => d.kind === "OperationDefinition");
  if (op?.kind !== "OperationDefinition") throw new Error("no operation");
  const fragments = new Map(
    document.definitions.flatMap((d) =>
      d.kind === "FragmentDefinition" ? [[d.name.value, d] as const] : [],
    ),
  );
  return { document, operation: op, fragments, variables };
};

describe("GraphQL measures", () => {
  it.each([
    { query: "{ users { name } }", depth: 2, complexity: 2 },
    { query: "{ user(id: 1) { name friends { name friends { id } } } }", depth: 4, complexity: 6 },
    { query: "{ users(first: 10) { name } }", depth: 2, complexity: 11 },
    {
      query: "query Q($n: Int) { users(first: $n) { id name } }",
      variables: { n: 5 },
      depth: 2,
      complexity: 11,
    },
    {
      query: "{ users(first: 3) { friends(first: 2) { name } } }",
      depth: 3,
      complexity: 1 + 3 * (1 + 2 * 1),
    },
    {
      query: "{ users { ...F } } fragment F on User { friends { ...G } } fragment G on User { name }",
      depth: 3,
      complexity: 3,
    },
    { query: "{ users { ... on User { name } } }", depth: 2, complexity: 2 },
    // A fragment cycle (invalid GraphQL, rejected by the server) is cut, never looped.
    { query: "{ users { ...A } } fragment A on User { friends { ...A } }", depth: 2, complexity: 2 },
  ])("$query: depth $depth, complexity $complexity", ({ query, variables, depth, complexity }) => {
    const op = operation(query, variables);
    expect(depthOf(op)).toBe(depth);
    expect(complexityOf(op)).toBe(complexity);
  });

  it.each([
    { query: "{ __schema { types { name } } }", introspects: true },
    { query: "{ users { ...F } } fragment F on User { __typename }", introspects: false },
    { query: '{ users { ... on User { t: __type(name: "User") { name } } } }', introspects: true },
  ])("$query introspects: $introspects", ({ query, introspects }) => {
    expect(usesIntrospection(operation(query))).toBe(introspects);
  });
});

describe("GraphQL policies in a compiled gateway", () => {
  let backend: Backend;
  let gateway: TestGateway;

  const flow = (policy: string, config: string) => `  flows:
    - name: graphql
      selectors:
        - type: HTTP
          path: /
      request:
        - policy: ${policy}
          configuration:
${config}
`;

  beforeAll(async () => {
    backend = await startGraphqlServer();
    gateway = await startTestGateway(
      {
        "guard.yaml": proxyApi(
          "guard",
          "/graphql",
          "${GRAPHQL}",
          flow(
            "graphql-guard",
            `            maxDepth: 3
            maxComplexity: 20
            allowIntrospection: false`,
          ),
        ),
        "allow.yaml": proxyApi(
          "allow",
          "/allowlisted",
          "${GRAPHQL}",
          flow(
            "graphql-guard",
            `            allowlist:
              - GetUser`,
          ),
        ),
        "cost.yaml": proxyApi(
          "cost",
          "/costed",
          "${GRAPHQL}",
          flow(
            "graphql-rate-limit",
            `            limit: 10
            periodTime: 1
            periodTimeUnit: MINUTES
            maxCost: 8`,
          ),
        ),
      },
      { GRAPHQL: backend.url },
    );
  });

  afterAll(async () => {
    await gateway?.close();
    await backend?.close();
  });

  const post = (path: string, body: unknown) =>
    fetch(`${gateway.url}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify(body),
    });

  it("passes an acceptable query to the backend and returns its data", async () => {
    const res = await post("/graphql", {
      query: "query One($id: ID!) { user(id: $id) { name friends(first: 1) { name } } }",
      variables: { id: "1" },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { user: { name: "ada", friends: [{ name: "grace" }] } } });
  });

  it("accepts GET queries too", async () => {
    const res = await fetch(
      `${gateway.url}/graphql?query=${encodeURIComponent("{ users(first: 2) { id } }")}`,
    );
    expect(await res.json()).toEqual({ data: { users: [{ id: "1" }, { id: "2" }] } });
  });

  it.each([
    {
      name: "too deep",
      query: "{ user(id: 1) { friends { friends { friends { name } } } } }",
      message: "Query depth 5 exceeds the maximum depth of 3.",
      code: "MAX_DEPTH_EXCEEDED",
    },
    {
      name: "too complex",
      query: "{ users(first: 10) { id name } }",
      message: "Query complexity 21 exceeds the maximum complexity of 20.",
      code: "MAX_COMPLEXITY_EXCEEDED",
    },
    {
      name: "introspection",
      query: "{ __schema { types { name } } }",
      message: "GraphQL introspection is not allowed.",
      code: "INTROSPECTION_DISABLED",
    },
    {
      name: "a syntax error",
      query: "{ users { ",
      message: "Syntax Error: Expected Name, found <EOF>.",
      code: "GRAPHQL_PARSE_FAILED",
    },
  ])("rejects $name with 400 and a GraphQL error, before the backend", async ({ query, message, code }) => {
    const before = backend.received.length;
    const res = await post("/graphql", { query });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(await res.json()).toEqual({ errors: [{ message, extensions: { code } }] });
    expect(backend.received.length).toBe(before);
  });

  it.each([
    { query: "query GetUser { user(id: 2) { name } }", status: 200 },
    { query: "query ListUsers { users { name } }", status: 400 },
    { query: "{ user(id: 2) { name } }", status: 400 },
    {
      query: "query ListUsers { users { name } } query GetUser { user(id: 3) { name } }",
      operationName: "GetUser",
      status: 200,
    },
  ])("allowlist: $query ($operationName) → $status", async ({ query, operationName, status }) => {
    const res = await post("/allowlisted", { query, ...(operationName ? { operationName } : {}) });
    expect(res.status).toBe(status);
    const body = (await res.json()) as { data?: unknown; errors?: Array<{ extensions: { code: string } }> };
    if (status === 200) expect(body.data).toBeDefined();
    else expect(body.errors?.[0]?.extensions.code).toBe("OPERATION_NOT_ALLOWED");
  });

  it("graphql-rate-limit counts query cost and rejects a single query over maxCost", async () => {
    const cheap = { query: "{ users(first: 3) { id } }" }; // cost 4
    expect((await post("/costed", cheap)).status).toBe(200);
    expect((await post("/costed", cheap)).status).toBe(200);
    const third = await post("/costed", cheap);
    expect(third.status).toBe(429);
    expect(third.headers.get("x-rate-limit-limit")).toBe("10");
    const errors = ((await third.json()) as { errors: Array<{ message: string }> }).errors;
    expect(errors[0]?.message).toBe(
      "Rate limit exceeded! You reached the limit of 10 cost units per 1 minutes",
    );
    const costly = await post("/costed", { query: "{ users(first: 9) { id } }" });
    expect(costly.status).toBe(400);
  });
});
