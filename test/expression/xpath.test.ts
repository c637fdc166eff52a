// #xpath over a body through a compiled gateway: the request body is buffered because an expression
// reads it, parsed as XML and queried (a header for the backend, a flow condition); a body that is
// not XML fails the request as in Gravitee. And the XML parser and XPath engine are linked only into
// gateways whose expressions call #xpath.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EchoBackend, startEchoBackend } from "../helpers/backends.ts";
import { compileForTest, startTestGateway, type TestGateway } from "../helpers/gateway.ts";
import { keylessPlan, proxyApi } from "../helpers/specs.ts";

const api = (name: string, path: string, flows: string) =>
  proxyApi(name, path, "${ECHO_URL}", flows, { endpoint: "echo", plans: keylessPlan("free") });

const XPATH_FLOWS = `  flows:
    - name: order
      selectors:
        - type: HTTP
          path: /
          pathOperator: STARTS_WITH
      request:
        - policy: transform-headers
          configuration:
            scope: REQUEST
            addHeaders:
              - name: X-Order-Id
                value: "{#xpath(#request.content, '/order/@id')}"
              - name: X-Total
                value: "{#xpath(#request.content, 'sum(//line/price)', 'number')}"
        - policy: transform-headers
          condition: "{#xpath(#request.content, 'count(//line) > 1', 'boolean')}"
          configuration:
            scope: REQUEST
            addHeaders:
              - name: X-Bulk
                value: "yes"
`;

const PLAIN_FLOWS = `  flows:
    - name: tag
      selectors:
        - type: HTTP
          path: /
          pathOperator: STARTS_WITH
      request:
        - policy: transform-headers
          configuration:
            scope: REQUEST
            addHeaders:
              - name: X-Method
                value: "{#request.method}"
`;

const ORDER = `<?xml version="1.0"?>
<order id="A-17"><line><price>2.5</price></line><line><price>4</price></line></order>`;

let backend: EchoBackend;
let gateway: TestGateway;

beforeAll(async () => {
  backend = await startEchoBackend();
  gateway = await startTestGateway(
    { "orders.yaml": api("orders", "/orders", XPATH_FLOWS) },
    { ECHO_URL: backend.url },
  );
});

afterAll(async () => {
  await gateway?.close();
  await backend?.close();
});

describe("#xpath through a compiled gateway", () => {
  it("queries the buffered request body, and forwards the body unchanged", async () => {
    const res = await fetch(`${gateway.url}/orders`, {
      method: "POST",
      headers: { "Content-Type": "application/xml" },
      body: ORDER,
    });
    expect(res.status).toBe(200);
    const received = backend.received.at(-1)!;
    expect(received.headers["x-order-id"]).toBe("A-17");
    expect(received.headers["x-total"]).toBe("6.5");
    expect(received.headers["x-bulk"]).toBe("yes");
    expect(received.body).toBe(ORDER);
  });

  it("a condition false in XPath skips its step", async () => {
    const res = await fetch(`${gateway.url}/orders`, {
      method: "POST",
      body: '<order id="B"><line><price>1</price></line></order>',
    });
    expect(res.status).toBe(200);
    const received = backend.received.at(-1)!;
    expect(received.headers["x-order-id"]).toBe("B");
    expect(received.headers["x-total"]).toBe("1.0");
    expect(received.headers["x-bulk"]).toBeUndefined();
  });

  it("a body that is not XML fails the request, as Gravitee's parser does", async () => {
    const before = backend.received.length;
    const res = await fetch(`${gateway.url}/orders`, { method: "POST", body: '{"id": 1}' });
    expect(res.status).toBeGreaterThanOrEqual(500);
    expect(backend.received.length).toBe(before);
  });
});

describe("linking", () => {
  it("links the XML parser and XPath engine only where an expression calls #xpath", async () => {
    const withXPath = await compileForTest({ "orders.yaml": api("orders", "/orders", XPATH_FLOWS) });
    const without = await compileForTest({ "plain.yaml": api("plain", "/plain", PLAIN_FLOWS) });
    expect(await readFile(join(withXPath.out, "link.ts"), "utf8")).toContain("/el-xml.ts");
    expect(await readFile(join(without.out, "link.ts"), "utf8")).not.toContain("el-xml");
  });
});
