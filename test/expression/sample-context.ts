// ElContext values the compiled expressions are evaluated against. Plain data built with the
// runtime's own elMultiMap, importable both by vitest and by the Node 24 child process that runs
// the emitted code (so it uses only erasable TypeScript).
import { type ElContext, elMultiMap } from "../../runtime/el.ts";

/** A request with everything present: headers, parameters, a response, a message, attributes. */
const full: ElContext = {
  request: {
    id: "req-1",
    transactionId: "tx-1",
    method: "GET",
    scheme: "https",
    host: "api.example.com",
    path: "/v1/orders/42",
    pathInfo: "/orders/42",
    contextPath: "/v1",
    uri: "/v1/orders/42?page=2&tag=a&tag=b",
    remoteAddress: "10.0.0.1",
    headers: elMultiMap(
      { "X-Tenant": "acme", Accept: ["application/json", "text/plain"], "X-Count": "7" },
      true,
    ),
    params: elMultiMap({ page: "2", tag: ["a", "b"] }),
    pathParams: elMultiMap({ id: "42" }),
    content: '{"a":1}',
  },
  response: {
    status: 201,
    headers: elMultiMap({ "content-type": "application/json" }, true),
    content: "created",
  },
  context: {
    attributes: {
      token: "t0k",
      flag: "true",
      count: 3,
      hname: "X-Tenant",
      user: { email: "a@example.com", roles: ["admin", "dev"] },
    },
  },
  message: {
    id: "m-1",
    content: "hello",
    headers: elMultiMap({ "x-kind": "order" }, true),
    metadata: { topic: "orders", partition: 2 },
    attributes: { retries: 1 },
    error: false,
  },
  properties: { region: "eu", backend: "https://backend.internal" },
  subscription: {
    id: "sub-1",
    type: "STANDARD",
    metadata: { tier: "gold" },
    applicationName: "Mobile",
    clientId: "mobile-client",
  },
  application: { id: "mobile", name: "Mobile", metadata: { region: "eu-west" } },
  dictionaries: { countries: { fr: "France" } },
  endpoints: { default: "default:", "shadow-group": "shadow-group:" },
};

/** The least a request can carry: no headers or parameters, no response, no message, no attributes. */
const bare: ElContext = {
  request: {
    id: "req-2",
    transactionId: "tx-2",
    method: "POST",
    scheme: "http",
    host: "localhost",
    path: "/",
    pathInfo: "/",
    contextPath: "/",
    uri: "/",
    remoteAddress: "127.0.0.1",
    headers: elMultiMap({}),
    params: elMultiMap({}),
    pathParams: elMultiMap({}),
  },
  context: { attributes: {} },
  properties: {},
};

export const CONTEXTS = { full, bare } satisfies Record<string, ElContext>;

export type ContextName = keyof typeof CONTEXTS;
