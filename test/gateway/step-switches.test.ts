// A step's `enabled: false` and `condition`, wherever steps are written: v4 API and plan flows in
// the request and response phases, v4 MESSAGE flows in the publish and subscribe phases, v2
// `pre`/`post` — through a compiled gateway. Each place has three transform-headers steps: one
// disabled (`x-off`), one whose condition holds when the request carries `x-go` (`x-cond`), and one
// plain (`x-on`, proof the phase ran at all).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EchoBackend, type Received, startEchoBackend } from "../helpers/backends.ts";
import { startTestGateway, type TestGateway } from "../helpers/gateway.ts";
import { messageApi, mockOf, waitReady } from "../message/message-api.ts";

/** The three steps, at `indent`, each header's value naming the place. */
const steps = (place: string, indent: string) =>
  [
    ["x-off", "enabled: false"],
    ["x-cond", `condition: "{#request.headers['x-go'] != null}"`],
    ["x-on", ""],
  ]
    .map(
      ([name, extra]) => `${indent}- policy: transform-headers${extra ? `\n${indent}  ${extra}` : ""}
${indent}  configuration:
${indent}    addHeaders:
${indent}      - name: ${name}-${place}
${indent}        value: "yes"`,
    )
    .join("\n");

const v4 = `apiVersion: gravitee.io/v1alpha1
kind: ApiV4Definition
metadata:
  name: v4
spec:
  name: v4
  version: "1"
  type: PROXY
  listeners:
    - type: HTTP
      paths:
        - path: /v4
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
  plans:
    free:
      name: Free
      security:
        type: KEY_LESS
      flows:
        - name: plan
          request:
${steps("plan-req", "            ")}
          response:
${steps("plan-res", "            ")}
  flows:
    - name: api
      request:
${steps("api-req", "        ")}
      response:
${steps("api-res", "        ")}
`;

const v2 = `apiVersion: gravitee.io/v1alpha1
kind: ApiDefinition
metadata:
  name: v2
spec:
  name: v2
  version: "1"
  proxy:
    virtual_hosts:
      - path: /v2
    groups:
      - name: default
        endpoints:
          - name: e
            target: \${BACKEND}
  flows:
    - name: api
      path-operator:
        path: /
        operator: STARTS_WITH
      pre:
${steps("pre", "        ")}
      post:
${steps("post", "        ")}
  plans:
    - name: Open
      security: KEY_LESS
`;

const message = messageApi({
  name: "msg",
  path: "/msg",
  entrypoints: `        - type: http-get
          configuration:
            headersInPayload: true
            messagesLimitCount: 1
            messagesLimitDurationMs: 2000
        - type: http-post`,
  mock: `            messageInterval: 5
            messageContent: hello`,
  extra: `  flows:
    - name: messages
      publish:
${steps("pub", "        ")}
      subscribe:
${steps("sub", "        ")}
`,
});

const expected = (place: string, go: boolean) => ({
  [`x-off-${place}`]: undefined,
  [`x-cond-${place}`]: go ? "yes" : undefined,
  [`x-on-${place}`]: "yes",
});
const pick = (headers: Record<string, string | undefined>, place: string) => ({
  [`x-off-${place}`]: headers[`x-off-${place}`],
  [`x-cond-${place}`]: headers[`x-cond-${place}`],
  [`x-on-${place}`]: headers[`x-on-${place}`],
});

describe("step enabled and condition", () => {
  let backend: EchoBackend;
  let gateway: TestGateway;

  beforeAll(async () => {
    backend = await startEchoBackend();
    gateway = await startTestGateway(
      { "v4.yaml": v4, "v2.yaml": v2, "msg.yaml": message },
      { BACKEND: backend.url },
    );
    await waitReady(gateway);
  });

  afterAll(async () => {
    await gateway?.close();
    await backend?.close();
  });

  const http = async (path: string, go: boolean) => {
    const res = await fetch(`${gateway.url}${path}`, { headers: go ? { "x-go": "1" } : {} });
    const seen = (await res.json()) as Received;
    const response = Object.fromEntries(res.headers) as Record<string, string | undefined>;
    return { upstream: seen.headers as Record<string, string | undefined>, response };
  };

  it.each([false, true])("proxy phases, x-go %s", async (go) => {
    const a = await http("/v4/x", go);
    expect(pick(a.upstream, "plan-req")).toEqual(expected("plan-req", go));
    expect(pick(a.upstream, "api-req")).toEqual(expected("api-req", go));
    expect(pick(a.response, "plan-res")).toEqual(expected("plan-res", go));
    expect(pick(a.response, "api-res")).toEqual(expected("api-res", go));
    const b = await http("/v2/x", go);
    expect(pick(b.upstream, "pre")).toEqual(expected("pre", go));
    expect(pick(b.response, "post")).toEqual(expected("post", go));
  });

  it.each([false, true])("message phases, x-go %s", async (go) => {
    const got = await fetch(`${gateway.url}/msg`, {
      headers: { accept: "application/json", ...(go ? { "x-go": "1" } : {}) },
    });
    const body = (await got.json()) as { items: Array<{ headers?: Record<string, string[] | string> }> };
    const headers = Object.fromEntries(
      Object.entries(body.items[0]?.headers ?? {}).map(([k, v]) => [
        k.toLowerCase(),
        Array.isArray(v) ? v[0] : v,
      ]),
    );
    expect(pick(headers, "sub")).toEqual(expected("sub", go));

    const posted = await fetch(`${gateway.url}/msg`, {
      method: "POST",
      body: `hello ${go}`,
      headers: go ? { "x-go": "1" } : {},
    });
    expect(posted.status).toBeLessThan(300);
    const last = mockOf(gateway, "msg").published.at(-1);
    expect(last?.content.toString()).toBe(`hello ${go}`);
    const published = Object.fromEntries(
      Object.entries(last?.headers ?? {}).map(([k, v]) => [k.toLowerCase(), Array.isArray(v) ? v[0] : v]),
    ) as Record<string, string | undefined>;
    expect(pick(published, "pub")).toEqual(expected("pub", go));
  });
});
