// The expressions of ./gravitee-values.ts, compiled by the real compiler into a gateway and run over
// real requests: a PROXY API renders every case into the response body (assign-content, response
// phase) over a request with repeated headers, query parameters and a JSON body, proxied to a
// backend answering with repeated headers and a JSON body; a MESSAGE API renders the message cases
// into the published message. Every rendering must equal Gravitee's.
import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startTestGateway, type TestGateway } from "../helpers/gateway.ts";
import { messageApi, mockOf, waitReady } from "../message/message-api.ts";
import {
  ATTRIBUTES,
  BACKEND,
  FAILING_CASES,
  type GraviteeCase,
  MESSAGE,
  MESSAGE_CASES,
  REQUEST,
  REQUEST_CASES,
} from "./gravitee-values.ts";

/** One template rendering every case, each after a marker `@@i@@` on its own line. */
const render = (cases: readonly GraviteeCase[]) =>
  cases.map((item, i) => `@@${i}@@${item.source}`).join("\n");

function parse(body: string): Map<number, string> {
  const out = new Map<number, string>();
  const parts = body.split(/(?:^|\n)@@(\d+)@@/);
  for (let i = 1; i + 1 < parts.length; i += 2) out.set(Number(parts[i]), parts[i + 1]!);
  return out;
}

const yaml = (value: string) => JSON.stringify(value);

const attributes = Object.entries(ATTRIBUTES)
  .map(([name, value]) => `              - name: ${name}\n                value: ${yaml(value)}`)
  .join("\n");

const flow = (name: string, path: string, template: string) => `    - name: ${name}
      selectors:
        - type: HTTP
          path: ${path}
          pathOperator: EQUALS
      request:
        - policy: assign-attributes
          configuration:
            attributes:
${attributes}
      response:
        - policy: assign-content
          configuration:
            scope: RESPONSE
            body: ${yaml(template)}
`;

const proxySpec = (target: string) => `apiVersion: gravitee.io/v1alpha1
kind: ApiV4Definition
metadata:
  name: el-values
spec:
  name: EL values
  version: "1.2"
  type: PROXY
  properties:
    - key: region
      value: eu
  listeners:
    - type: HTTP
      paths:
        - path: /el/
      entrypoints:
        - type: http-proxy
  endpointGroups:
    - name: backend
      type: http-proxy
      endpoints:
        - name: primary
          type: http-proxy
          configuration:
            target: ${target}
  plans:
    free:
      name: Free
      security:
        type: KEY_LESS
  flows:
${flow("cases", "/all", render(REQUEST_CASES))}${FAILING_CASES.map((item, i) => flow(`fails-${i}`, `/fails/${i}`, item.source)).join("")}`;

const messageSpec = messageApi({
  name: "el-messages",
  path: "/el-messages",
  entrypoints: `        - type: http-post
          configuration:
            requestHeadersToMessage: true`,
  mock: `            messageInterval: 1000
            messageContent: tick`,
  extra: `  flows:
    - name: cases
      selectors:
        - type: CHANNEL
          channel: /
      publish:
        - policy: assign-content
          configuration:
            body: ${yaml(render(MESSAGE_CASES))}
`,
});

/** A raw HTTP/1.1 request: node:http sends each value of an array header as its own line (fetch would join them). */
function send(
  url: string,
  options: {
    method: string;
    path: string;
    headers: Record<string, string | readonly string[]>;
    body?: string;
  },
): Promise<{ status: number; body: string }> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method: options.method,
        path: options.path,
        headers: options.headers as Record<string, string | string[]>,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }),
        );
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });
}

let backend: Server;
let gateway: TestGateway;
let rendered = new Map<number, string>();
let renderedMessage = new Map<number, string>();

beforeAll(async () => {
  backend = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      res.statusCode = BACKEND.status;
      for (const [name, value] of Object.entries(BACKEND.headers)) res.setHeader(name, value);
      res.end(BACKEND.body);
    });
  });
  await new Promise<void>((resolve) => backend.listen(0, "127.0.0.1", resolve));
  const { port } = backend.address() as AddressInfo;
  gateway = await startTestGateway({
    "el-values.yaml": proxySpec(`http://127.0.0.1:${port}`),
    "el-messages.yaml": messageSpec,
  });
  await waitReady(gateway);
  const response = await send(gateway.url, REQUEST);
  expect(response.status).toBe(BACKEND.status);
  rendered = parse(response.body);
  const posted = await send(gateway.url, {
    method: "POST",
    path: "/el-messages",
    headers: MESSAGE.headers,
    body: MESSAGE.body,
  });
  expect(posted.status).toBe(202);
  renderedMessage = parse(mockOf(gateway, "el-messages").published.at(-1)?.content.toString("utf8") ?? "");
}, 60_000);

afterAll(async () => {
  await gateway?.close();
  await new Promise<void>((resolve) => (backend ? backend.close(() => resolve()) : resolve()));
});

describe("Gravitee's values through a compiled gateway", () => {
  test("the table is large enough to mean something", () => {
    expect(REQUEST_CASES.length + MESSAGE_CASES.length + FAILING_CASES.length).toBeGreaterThanOrEqual(150);
  });

  test.each(REQUEST_CASES.map((item, i) => ({ ...item, i })))(
    "request: $source → $expected ($why)",
    ({ i, expected }) => {
      expect(rendered.get(i)).toBe(expected);
    },
  );

  test.each(MESSAGE_CASES.map((item, i) => ({ ...item, i })))(
    "message: $source → $expected ($why)",
    ({ i, expected }) => {
      expect(renderedMessage.get(i)).toBe(expected);
    },
  );

  test.each(FAILING_CASES.map((item, i) => ({ ...item, i })))("fails: $source ($why)", async ({ i }) => {
    const response = await send(gateway.url, { ...REQUEST, path: `/el/fails/${i}` });
    expect(response.status).toBe(500);
  });
});
