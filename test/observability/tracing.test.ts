// OpenTelemetry traces end to end: a compiled gateway exports to a real OTLP/HTTP receiver this test
// starts (JSON decoded and asserted span by span; protobuf checked on the wire), the backend sees
// the endpoint span's W3C traceparent, and an API without `analytics.tracing` or a gateway with
// OTEL_SDK_DISABLED exports nothing and leaves the client's traceparent alone.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { type EchoBackend, startEchoBackend } from "../helpers/backends.ts";
import { startTestGateway, type TestGateway } from "../helpers/gateway.ts";
import { proxyApi } from "../helpers/specs.ts";
import { messageApi, mockOf, waitReady } from "../message/message-api.ts";
import { attr, type Receiver, startReceiver, until } from "./otlp-receiver.ts";

const tracedApi = (verbose: boolean) => `apiVersion: gravitee.io/v1alpha1
kind: ApiV4Definition
metadata:
  name: traced
spec:
  name: Traced
  version: "1"
  type: PROXY
  analytics:
    tracing:
      enabled: true
      verbose: ${verbose}
  listeners:
    - type: HTTP
      paths:
        - path: /traced
      entrypoints:
        - type: http-proxy
  endpointGroups:
    - name: backend
      type: http-proxy
      endpoints:
        - name: echo
          type: http-proxy
          configuration:
            target: \${BACKEND}/in
  flows:
    - name: tag
      request:
        - name: add a header
          policy: transform-headers
          configuration:
            addHeaders:
              - name: X-Tagged
                value: "yes"
        - name: only for x-never
          policy: transform-headers
          condition: "{#request.headers['x-never'] != null}"
          configuration:
            addHeaders:
              - name: X-Never
                value: "1"
  plans:
    open:
      name: Open
      security:
        type: KEY_LESS
`;

const CLIENT_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
const CLIENT_SPAN = "00f067aa0ba902b7";
const CLIENT_TRACEPARENT = `00-${CLIENT_TRACE}-${CLIENT_SPAN}-01`;

describe("OpenTelemetry traces (OTLP/HTTP JSON)", () => {
  let receiver: Receiver;
  let backend: EchoBackend;
  let gateway: TestGateway;

  beforeAll(async () => {
    receiver = await startReceiver();
    backend = await startEchoBackend();
    gateway = await startTestGateway(
      {
        "traced.yaml": tracedApi(true),
        "plain.yaml": proxyApi("plain", "/plain", "${BACKEND}/plain"),
      },
      {
        BACKEND: backend.url,
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
        OTEL_EXPORTER_OTLP_PROTOCOL: "http/json",
        OTEL_SERVICE_NAME: "edge-gateway",
        OTEL_RESOURCE_ATTRIBUTES: "deployment.environment.name=test",
        OTEL_EXPORTER_OTLP_HEADERS: "authorization=Bearer%20collector-token",
        OTEL_BSP_SCHEDULE_DELAY: "50",
      },
    );
  });

  afterAll(async () => {
    await gateway?.close();
    await backend?.close();
    await receiver?.close();
  });

  it("exports the request, each policy step and the endpoint call as one trace under the client's", async () => {
    const res = await fetch(`${gateway.url}/traced/items?secret=1`, {
      headers: { traceparent: CLIENT_TRACEPARENT },
    });
    expect(res.status).toBe(200);
    await res.text();
    const spans = await until(() => {
      const all = receiver.spans().filter((s) => s.traceId === CLIENT_TRACE);
      return all.some((s) => s.kind === 2) ? all : undefined;
    });
    const server = spans.find((s) => s.kind === 2)!; // SERVER
    expect(server.name).toBe("GET /traced/");
    expect(server.parentSpanId).toBe(CLIENT_SPAN);
    expect(attr(server, "http.request.method")).toBe("GET");
    expect(attr(server, "url.path")).toBe("/traced/items");
    expect(attr(server, "http.response.status_code")).toBe(200);
    expect(attr(server, "http.route")).toBe("/traced/");
    expect(attr(server, "gravitee.api.id")).toBe("traced");
    expect(attr(server, "gravitee.plan.id")).toBe("open");
    expect(attr(server, "sluice.flows")).toEqual(["tag"]);
    // The query never reaches a span (it may hold a key).
    expect(JSON.stringify(server)).not.toContain("secret=1");

    const policies = spans.filter((s) => s.kind === 1); // INTERNAL: one per step that ran
    expect(policies.map((s) => s.name)).toEqual(["policy transform-headers"]);
    expect(policies[0]!.parentSpanId).toBe(server.spanId);
    expect(attr(policies[0]!, "sluice.phase")).toBe("request");
    expect(attr(policies[0]!, "sluice.flow")).toBe("tag");

    const client = spans.find((s) => s.kind === 3)!; // CLIENT: the endpoint call
    expect(client.parentSpanId).toBe(server.spanId);
    expect(attr(client, "sluice.endpoint")).toBe("echo");
    expect(attr(client, "http.response.status_code")).toBe(200);

    // The backend continues the trace from the endpoint span.
    const seen = backend.received.at(-1)!;
    expect(seen.headers["x-tagged"]).toBe("yes");
    expect(seen.headers.traceparent).toBe(`00-${CLIENT_TRACE}-${client.spanId}-01`);

    expect(receiver.exports[0]!.authorization).toBe("Bearer collector-token");
    expect(gateway.logs.join("")).not.toContain("collector-token");
    const resource = receiver.resources()[0]!;
    expect(resource.find((a) => a.key === "service.name")?.value.stringValue).toBe("edge-gateway");
    expect(resource.find((a) => a.key === "deployment.environment.name")?.value.stringValue).toBe("test");
  });

  it("starts a new trace without a traceparent, and marks a gateway error on the server span", async () => {
    const res = await fetch(`${gateway.url}/traced/new`);
    expect(res.status).toBe(200);
    await res.text();
    const seen = backend.received.at(-1)!.headers.traceparent as string;
    const [, traceId, parentId] = /^00-([0-9a-f]{32})-([0-9a-f]{16})-01$/.exec(seen) ?? [];
    expect(traceId).toBeDefined();
    expect(traceId).not.toBe(CLIENT_TRACE);
    const server = await until(() => receiver.spans().find((s) => s.traceId === traceId && s.kind === 2));
    expect(server.parentSpanId ?? "").toBe("");
    const client = receiver.spans().find((s) => s.traceId === traceId && s.kind === 3);
    expect(client?.spanId).toBe(parentId);
  });

  it("does not trace an API whose spec does not ask for it, and passes the client's traceparent on", async () => {
    const before = receiver.spans().length;
    const res = await fetch(`${gateway.url}/plain/x`, { headers: { traceparent: CLIENT_TRACEPARENT } });
    await res.text();
    expect(backend.received.at(-1)!.headers.traceparent).toBe(CLIENT_TRACEPARENT);
    // A traced request after it is exported; the plain one never is.
    const marker = await fetch(`${gateway.url}/traced/marker`);
    await marker.text();
    await until(() =>
      receiver.spans().some((s) => attr(s, "url.path") === "/traced/marker") ? true : undefined,
    );
    const plain = receiver
      .spans()
      .slice(before)
      .filter((s) => attr(s, "gravitee.api.id") === "plain");
    expect(plain).toEqual([]);
  });
});

describe("OpenTelemetry traces: protocol and switches", () => {
  let backend: EchoBackend;
  let receiver: Receiver;

  beforeAll(async () => {
    backend = await startEchoBackend();
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await backend?.close();
    await receiver?.close();
  });

  it("exports protobuf by default (OTEL_EXPORTER_OTLP_PROTOCOL unset); without verbose, no policy spans", async () => {
    const gateway = await startTestGateway(
      { "traced.yaml": tracedApi(false) },
      {
        BACKEND: backend.url,
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: `${receiver.url}/v1/traces`,
        OTEL_BSP_SCHEDULE_DELAY: "50",
      },
    );
    try {
      const res = await fetch(`${gateway.url}/traced/p`);
      await res.text();
      const exported = await until(() => receiver.exports.find((e) => e.body.includes("GET /traced/")));
      expect(exported.contentType).toBe("application/x-protobuf");
      // Protobuf strings are on the wire as they are: the spans' names and the default service name.
      expect(exported.body.includes("sluice")).toBe(true);
      expect(exported.body.includes("policy transform-headers")).toBe(false);
      expect(backend.received.at(-1)!.headers.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    } finally {
      await gateway.close();
    }
  });

  it("OTEL_TRACES_SAMPLER=always_off: nothing exported, the context still propagated, marked not sampled", async () => {
    const gateway = await startTestGateway(
      { "traced.yaml": tracedApi(true) },
      {
        BACKEND: backend.url,
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
        OTEL_EXPORTER_OTLP_PROTOCOL: "http/json",
        OTEL_TRACES_SAMPLER: "always_off",
        OTEL_BSP_SCHEDULE_DELAY: "50",
      },
    );
    try {
      const before = receiver.exports.length;
      const res = await fetch(`${gateway.url}/traced/sampled-out`, {
        headers: { traceparent: CLIENT_TRACEPARENT },
      });
      await res.text();
      expect(backend.received.at(-1)!.headers.traceparent).toMatch(
        new RegExp(`^00-${CLIENT_TRACE}-[0-9a-f]{16}-00$`),
      );
      await new Promise((r) => setTimeout(r, 300));
      expect(receiver.exports.length).toBe(before);
    } finally {
      await gateway.close();
    }
  });

  it("OTEL_SDK_DISABLED=true: nothing exported, no OpenTelemetry loaded, the traceparent untouched", async () => {
    const gateway = await startTestGateway(
      { "traced.yaml": tracedApi(true) },
      {
        BACKEND: backend.url,
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
        OTEL_SDK_DISABLED: "true",
        OTEL_BSP_SCHEDULE_DELAY: "50",
      },
    );
    try {
      const before = receiver.exports.length;
      const res = await fetch(`${gateway.url}/traced/off`, { headers: { traceparent: CLIENT_TRACEPARENT } });
      await res.text();
      expect(backend.received.at(-1)!.headers.traceparent).toBe(CLIENT_TRACEPARENT);
      await new Promise((r) => setTimeout(r, 300));
      expect(receiver.exports.length).toBe(before);
      expect(gateway.logs.some((l) => l.includes('"tracing on"'))).toBe(false);
    } finally {
      await gateway.close();
    }
  });
});

describe("OpenTelemetry traces: messages published over a WebSocket", () => {
  it("each published message carries the handshake's trace context; the server span ends with the socket", async () => {
    const receiver = await startReceiver();
    const gateway = await startTestGateway(
      {
        "ws.yaml": messageApi({
          name: "ws",
          path: "/ws",
          entrypoints: "        - type: websocket",
          mock: "            messageInterval: 60000",
          extra: "  analytics:\n    tracing: { enabled: true }\n",
        }),
      },
      {
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
        OTEL_EXPORTER_OTLP_PROTOCOL: "http/json",
        OTEL_BSP_SCHEDULE_DELAY: "50",
      },
    );
    try {
      await waitReady(gateway);
      const ws = new WebSocket(`ws://127.0.0.1:${gateway.httpPort}/ws`, {
        headers: { traceparent: CLIENT_TRACEPARENT },
      });
      await new Promise((resolve, reject) => {
        ws.once("open", resolve);
        ws.once("error", reject);
      });
      ws.send("over the socket");
      const published = await until(() =>
        mockOf(gateway, "ws").published.find((m) => m.content.toString() === "over the socket"),
      );
      const [, traceId, parent] =
        /^00-([0-9a-f]{32})-([0-9a-f]{16})-01$/.exec(published.headers.traceparent?.[0] ?? "") ?? [];
      expect(traceId).toBe(CLIENT_TRACE);
      ws.close();
      const server = await until(() =>
        receiver.spans().find((s) => s.traceId === CLIENT_TRACE && s.kind === 2),
      );
      expect(server.spanId).toBe(parent);
      expect(server.parentSpanId).toBe(CLIENT_SPAN);
      expect(attr(server, "http.response.status_code")).toBe(101);
    } finally {
      await gateway.close();
      await receiver.close();
    }
  });
});

describe("OpenTelemetry traces: messages delivered over SSE", () => {
  it("each delivered message gets a CONSUMER span linked to the producer's traceparent", async () => {
    const producerTrace = "5b8efff798038103d269b633813fc60c";
    const producerSpan = "eee19b7ec3c1b174";
    const receiver = await startReceiver();
    const gateway = await startTestGateway(
      {
        "feed.yaml": messageApi({
          name: "feed",
          path: "/feed",
          entrypoints: "        - type: sse",
          mock: `            messageInterval: 20
            messageCount: 2
            headers:
              - name: traceparent
                value: 00-${producerTrace}-${producerSpan}-01`,
          extra: "  analytics:\n    tracing: { enabled: true }\n",
        }),
      },
      {
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
        OTEL_EXPORTER_OTLP_PROTOCOL: "http/json",
        OTEL_BSP_SCHEDULE_DELAY: "50",
      },
    );
    try {
      await waitReady(gateway);
      const res = await fetch(`${gateway.url}/feed`, {
        headers: { accept: "text/event-stream", traceparent: CLIENT_TRACEPARENT },
      });
      const text = await res.text(); // the mock ends after two messages, and so does the stream
      expect(text.match(/data: /g)?.length).toBe(2);
      const delivered = await until(() => {
        const spans = receiver.spans().filter((s) => s.traceId === CLIENT_TRACE && s.kind === 5);
        return spans.length === 2 ? spans : undefined;
      });
      const server = await until(() =>
        receiver.spans().find((s) => s.traceId === CLIENT_TRACE && s.kind === 2),
      );
      for (const span of delivered) {
        expect(span.name).toBe("deliver");
        expect(span.parentSpanId).toBe(server.spanId);
        expect(span.links).toEqual([
          expect.objectContaining({ traceId: producerTrace, spanId: producerSpan }),
        ]);
      }
      expect(delivered.map((s) => attr(s, "messaging.message.id")).sort()).toEqual(["0", "1"]);
    } finally {
      await gateway.close();
      await receiver.close();
    }
  });
});

describe("OpenTelemetry traces: a collector that is down", () => {
  it("serves requests as usual and logs the failed export, without the exporter's headers", async () => {
    const backend = await startEchoBackend();
    const down = await startReceiver();
    const url = down.url;
    await down.close(); // nothing listens there any more
    const gateway = await startTestGateway(
      { "traced.yaml": tracedApi(false) },
      {
        BACKEND: backend.url,
        OTEL_EXPORTER_OTLP_ENDPOINT: url,
        OTEL_EXPORTER_OTLP_HEADERS: "authorization=Bearer collector-secret",
        OTEL_BSP_SCHEDULE_DELAY: "50",
      },
    );
    try {
      const res = await fetch(`${gateway.url}/traced/down`);
      expect(res.status).toBe(200);
      await res.text();
      const line = await until(() => gateway.logs.find((l) => l.includes('"trace export failed"')), 15_000);
      expect(line).toContain('"batchesLost":1');
      expect(gateway.logs.join("")).not.toContain("collector-secret");
    } finally {
      await gateway.close();
      await backend.close();
    }
  });
});
