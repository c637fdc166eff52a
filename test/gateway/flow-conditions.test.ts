// When a flow's CONDITION selector is evaluated, through a compiled gateway, as Gravitee's v4
// FlowChain does it: in DEFAULT mode right before the flow runs, so it sees the attributes the flows
// before it set (the plan's chain runs before the API's); the response phase replays the flows the
// request phase ran without evaluating their conditions again; in BEST_MATCH the API's chain is
// resolved after the plan's chain ran.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EchoBackend, type Received, startEchoBackend } from "../helpers/backends.ts";
import { startTestGateway, type TestGateway } from "../helpers/gateway.ts";

/** A flow on `/` with a CONDITION selector (none when empty) and steps. */
const flow = (name: string, condition: string, request: string, response = "") => `
    - name: ${name}
      selectors:
        - type: HTTP
          path: /${condition ? `\n        - type: CONDITION\n          condition: "${condition}"` : ""}
      request:${request || " []"}
      response:${response || " []"}`;

const assign = (name: string, value: string, when = "") => `
        - policy: assign-attributes${when ? `\n          condition: "${when}"` : ""}
          configuration:
            scope: REQUEST
            attributes:
              - name: ${name}
                value: ${value}`;

const header = (name: string, value = "yes") => `
        - policy: transform-headers
          configuration:
            addHeaders:
              - name: ${name}
                value: "${value}"`;

const api = (name: string, mode: string, planFlows: string, apiFlows: string) => `
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
        - path: /${name}
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
  plans:
    free:
      name: Free
      security:
        type: KEY_LESS
      flows:${planFlows.replaceAll("\n", "\n    ") || " []"}
  flows:${apiFlows}
`;

const marked = "{#context.attributes['marked'] == 'yes'}";

const defaultMode = api(
  "default",
  "DEFAULT",
  flow("plan", "", assign("from-plan", "yes")),
  [
    // Evaluated before `mark` ran: never runs, even though `mark` sets what it asks for.
    flow("too-early", marked, header("x-too-early")),
    flow("mark", "", assign("marked", "yes", "{#request.headers['x-mark'] != null}")),
    flow("after-mark", marked, header("x-after-mark"), header("x-after-mark-response")),
    flow("sees-plan", "{#context.attributes['from-plan'] == 'yes'}", header("x-sees-plan")),
    // Holds in the request phase; `unset` then sets the attribute it checks: the response phase
    // still runs its response steps (replayed, not evaluated again).
    flow("before-unset", "{#context.attributes['unset'] == null}", "", header("x-before-unset-response")),
    flow("unset", "", assign("unset", "no")),
  ].join(""),
);

/** A step that completes asynchronously (a promise): the chains go on from the flow after it. */
const wait = `
        - policy: latency
          configuration:
            time: 1`;

// The same checks with a step that returns a promise in the middle of each chain.
const asyncSteps = api(
  "async",
  "DEFAULT",
  [flow("plan-wait", "", wait), flow("plan", "", assign("from-plan", "yes"))].join(""),
  [
    flow("too-early", marked, header("x-too-early")),
    flow("mark", "", `${wait}${assign("marked", "yes", "{#request.headers['x-mark'] != null}")}`),
    flow("after-mark", marked, header("x-after-mark"), header("x-after-mark-response")),
    flow("sees-plan", "{#context.attributes['from-plan'] == 'yes'}", header("x-sees-plan")),
  ].join(""),
);

const bestMatch = api(
  "best",
  "BEST_MATCH",
  flow("plan", "", assign("from-plan", "yes")),
  flow("sees-plan", "{#context.attributes['from-plan'] == 'yes'}", header("x-sees-plan")),
);

describe("flow conditions", () => {
  let backend: EchoBackend;
  let gateway: TestGateway;

  beforeAll(async () => {
    backend = await startEchoBackend();
    gateway = await startTestGateway(
      { "default.yaml": defaultMode, "best.yaml": bestMatch, "async.yaml": asyncSteps },
      { BACKEND: backend.url },
    );
  });

  afterAll(async () => {
    await gateway?.close();
    await backend?.close();
  });

  const send = async (path: string, headers: Record<string, string> = {}) => {
    const res = await fetch(`${gateway.url}${path}`, { headers });
    const body = (await res.json()) as Received;
    return { res, upstream: body.headers };
  };

  it("DEFAULT: a flow's condition sees the attributes set by the flows before it, not after it", async () => {
    const { res, upstream } = await send("/default/x", { "x-mark": "1" });
    expect(res.status).toBe(200);
    expect(upstream["x-after-mark"]).toBe("yes");
    expect(res.headers.get("x-after-mark-response")).toBe("yes");
    expect(upstream["x-too-early"]).toBeUndefined();
    expect(upstream["x-sees-plan"]).toBe("yes");
  });

  it("DEFAULT, steps that complete asynchronously: every later flow of both chains still runs, in order", async () => {
    const { res, upstream } = await send("/async/x", { "x-mark": "1" });
    expect(res.status).toBe(200);
    expect(upstream["x-after-mark"]).toBe("yes");
    expect(res.headers.get("x-after-mark-response")).toBe("yes");
    expect(upstream["x-too-early"]).toBeUndefined();
    expect(upstream["x-sees-plan"]).toBe("yes");
  });

  it("DEFAULT: without the attribute, the conditional flow runs in neither phase", async () => {
    const { res, upstream } = await send("/default/x");
    expect(upstream["x-after-mark"]).toBeUndefined();
    expect(res.headers.get("x-after-mark-response")).toBeNull();
  });

  it("DEFAULT: the response phase replays the flows that ran, without evaluating conditions again", async () => {
    const { res } = await send("/default/x");
    expect(res.headers.get("x-before-unset-response")).toBe("yes");
  });

  it("BEST_MATCH: the API's chain is chosen after the plan's chain ran", async () => {
    const { upstream } = await send("/best/x");
    expect(upstream["x-sees-plan"]).toBe("yes");
  });
});
