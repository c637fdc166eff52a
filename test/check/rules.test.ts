// Every rule of docs/contract.md §2 with a spec that breaks it and one that does not, asserting the code
// and the exact line and column of the diagnostic. Rules only (schema validation has its own tests).
import { describe, expect, it } from "vitest";
import { diagnose, summary } from "../helpers/check.ts";

const rules = (yaml: string) => summary(diagnose(yaml, { rules: true }));

const proxy = (body: {
  listeners?: string;
  groups?: string;
  plans?: string;
  flows?: string;
  type?: string;
}) => `apiVersion: gravitee.io/v1alpha1
kind: ApiV4Definition
metadata:
  name: orders
spec:
  name: Orders
  type: ${body.type ?? "PROXY"}
${
  body.listeners ??
  `  listeners:
    - type: HTTP
      paths:
        - path: /orders
      entrypoints:
        - type: http-proxy`
}
${
  body.groups ??
  `  endpointGroups:
    - name: backend
      type: http-proxy
      endpoints:
        - name: primary
          type: http-proxy
          configuration:
            target: http://localhost:8080`
}
${
  body.plans ??
  `  plans:
    free:
      name: Free
      security:
        type: KEY_LESS`
}
${body.flows ?? ""}`;

const kafkaGroup = (consumer: boolean, producer: boolean) => `  endpointGroups:
    - name: events
      type: kafka
      sharedConfiguration:
        consumer:
          enabled: ${consumer}
          topics: [orders]
        producer:
          enabled: ${producer}
          topics: [orders]
      endpoints:
        - name: broker
          type: kafka
          inheritConfiguration: true
          configuration:
            bootstrapServers: localhost:9092`;

const messageListener = (entrypoints: string) => `  listeners:
    - type: HTTP
      paths:
        - path: /events
      entrypoints:
${entrypoints}`;

describe("check rules", () => {
  it("accepts a valid PROXY API", () => {
    expect(rules(proxy({}))).toEqual([]);
  });

  it.each([
    [
      "exposure/entrypoint-api-type: message entrypoint on PROXY",
      proxy({ listeners: messageListener("        - type: sse") }),
      ["exposure/entrypoint-api-type@13:17"],
    ],
    [
      "exposure/entrypoint-api-type: http-proxy on MESSAGE",
      proxy({ type: "MESSAGE", groups: kafkaGroup(true, true) }),
      ["exposure/entrypoint-api-type@13:17"],
    ],
    [
      "exposure/endpoint-api-type: kafka group on PROXY",
      proxy({ groups: kafkaGroup(true, true) }),
      ["exposure/endpoint-api-type@16:13"],
    ],
    [
      "exposure/proxy-message-phase",
      proxy({
        flows: `  flows:
    - name: f
      publish:
        - policy: transform-headers`,
      }),
      ["exposure/proxy-message-phase@29:7"],
    ],
    [
      "exposure/policy-phase: a request-phase policy in the response phase",
      proxy({
        flows: `  flows:
    - name: f
      response:
        - policy: ip-filtering
          configuration: {}`,
      }),
      ["exposure/policy-phase@30:19"],
    ],
    [
      "exposure/policy-phase: a policy its manifest does not offer on MESSAGE APIs, by its alias too",
      proxy({
        type: "MESSAGE",
        listeners: messageListener("        - type: sse"),
        groups: kafkaGroup(true, true),
        flows: `  flows:
    - name: f
      request:
        - policy: ip-filtering
          configuration: {}
        - policy: policy-request-content-limit
          configuration: { limit: 10 }
        - policy: transform-headers
          configuration: {}`,
      }),
      ["exposure/policy-phase@38:19", "exposure/policy-phase@40:19"],
    ],
    [
      "exposure/flow-selector-api-type",
      proxy({
        flows: `  flows:
    - name: f
      selectors:
        - type: CHANNEL
          channel: /x`,
      }),
      ["exposure/flow-selector-api-type@30:17"],
    ],
  ])("%s", (_name, yaml, expected) => {
    expect(rules(yaml)).toEqual(expected);
  });

  describe("MESSAGE APIs", () => {
    const message = (entrypoints: string, groups: string, plans?: string) =>
      proxy({
        type: "MESSAGE",
        listeners: messageListener(entrypoints),
        groups,
        ...(plans ? { plans } : {}),
      });

    it("accepts http-get + http-post over a kafka group with both roles", () => {
      expect(
        rules(message("        - type: http-get\n        - type: http-post", kafkaGroup(true, true))),
      ).toEqual([]);
    });

    it("exposure/entrypoint-role: consumer missing", () => {
      expect(rules(message("        - type: http-get", kafkaGroup(false, true)))).toEqual([
        "exposure/entrypoint-role@13:17",
      ]);
    });

    it("exposure/entrypoint-role: producer missing (websocket publisher on by default)", () => {
      expect(rules(message("        - type: websocket", kafkaGroup(true, false)))).toEqual([
        "exposure/entrypoint-role@13:17",
      ]);
    });

    it("exposure/entrypoint-role: websocket subscriber only needs no producer", () => {
      const ws =
        "        - type: websocket\n          configuration:\n            publisher:\n              enabled: false";
      expect(rules(message(ws, kafkaGroup(true, false)))).toEqual([]);
    });

    it("exposure/qos: not supported by the entrypoint", () => {
      expect(
        rules(message("        - type: http-post\n          qos: AT_LEAST_ONCE", kafkaGroup(true, true))),
      ).toEqual(["exposure/qos@14:16"]);
    });

    it("exposure/qos: not honoured by mqtt5", () => {
      const mqtt = `  endpointGroups:
    - name: sensors
      type: mqtt5
      endpoints:
        - name: mosquitto
          type: mqtt5
          configuration:
            serverHost: localhost
            serverPort: 1883
          sharedConfigurationOverride:
            consumer:
              enabled: true
              topic: sensors/#`;
      expect(rules(message("        - type: http-get\n          qos: AT_LEAST_ONCE", mqtt))).toEqual([
        "exposure/qos@14:16",
      ]);
      expect(rules(message("        - type: http-get\n          qos: AUTO", mqtt))).toEqual([]);
    });

    it("exposure/qos follows docs/contract.md §2 rule 5's table for every entrypoint × endpoint × QoS", () => {
      const ALL = ["NONE", "AUTO", "AT_MOST_ONCE", "AT_LEAST_ONCE"];
      // The table as docs/contract.md writes it: [entrypoint, with mqtt5/solace, with kafka/rabbitmq/mock].
      const table: Array<[string, string[], string[]]> = [
        ["http-post", ["NONE", "AUTO"], ["NONE", "AUTO"]],
        ["http-get", ["AUTO"], ["AUTO", "AT_MOST_ONCE", "AT_LEAST_ONCE"]],
        ["sse", ["NONE", "AUTO"], ALL],
        ["websocket", ["NONE", "AUTO"], ["NONE", "AUTO"]],
        ["webhook", ALL, ALL],
      ];
      const group = (type: string) => `  endpointGroups:
    - name: events
      type: ${type}
      sharedConfiguration:
        consumer: { enabled: true }
        producer: { enabled: true }
      endpoints:
        - name: broker
          type: ${type}
          inheritConfiguration: true`;
      const cells: string[] = [];
      for (const [entrypoint, limited, full] of table) {
        for (const endpoint of ["mqtt5", "solace", "kafka", "rabbitmq", "mock"]) {
          const allowed = endpoint === "mqtt5" || endpoint === "solace" ? limited : full;
          for (const qos of ALL) {
            const found = rules(
              message(`        - type: ${entrypoint}\n          qos: ${qos}`, group(endpoint)),
            );
            const rejected = found.some((d) => d.startsWith("exposure/qos@"));
            if (rejected === allowed.includes(qos)) cells.push(`${entrypoint} × ${endpoint} × ${qos}`);
          }
        }
      }
      expect(cells).toEqual([]);
    });

    it("exposure/mqtt5-version", () => {
      const mqtt = `  endpointGroups:
    - name: sensors
      type: mqtt5
      endpoints:
        - name: mosquitto
          type: mqtt5
          configuration:
            serverHost: localhost
            serverPort: 1883
            protocolVersion: 3
          sharedConfigurationOverride:
            consumer:
              enabled: true
              topic: sensors/#`;
      expect(rules(message("        - type: sse", mqtt))).toEqual(["exposure/mqtt5-version@23:30"]);
    });

    it("endpoint/dlq-entrypoint and endpoint/dlq-target", () => {
      const webhookApi = `${proxy({
        type: "MESSAGE",
        listeners: `  listeners:
    - type: SUBSCRIPTION
      entrypoints:
        - type: webhook
          dlq:
            endpoint: nowhere`,
        groups: kafkaGroup(true, true),
        plans: `  plans:
    push:
      name: Push
      mode: PUSH`,
      })}`;
      expect(rules(webhookApi)).toEqual(["endpoint/dlq-target@13:23"]);
      expect(rules(webhookApi.replace("endpoint: nowhere", "endpoint: events"))).toEqual([]);
      expect(
        rules(
          webhookApi
            .replace("endpoint: nowhere", "endpoint: broker")
            .replace(
              "enabled: true\n          topics: [orders]\n        producer:\n          enabled: true",
              "enabled: true\n          topics: [orders]\n        producer:\n          enabled: false",
            ),
        ),
      ).toEqual(["endpoint/dlq-target@13:23"]);
      const sse = message(
        "        - type: sse\n          dlq:\n            endpoint: events",
        kafkaGroup(true, true),
      );
      expect(rules(sse)).toEqual(["endpoint/dlq-entrypoint@14:11"]);
    });

    it("plan/webhook-without-push is a warning; plan/push-security", () => {
      const api = proxy({
        type: "MESSAGE",
        listeners: "  listeners:\n    - type: SUBSCRIPTION\n      entrypoints:\n        - type: webhook",
        groups: kafkaGroup(true, true),
      });
      const found = diagnose(api, { rules: true });
      expect(summary(found)).toEqual(["plan/webhook-without-push@11:17"]);
      expect(found[0]?.severity).toBe("warning");
      const push = api.replace(
        "      security:\n        type: KEY_LESS",
        "      mode: PUSH\n      security:\n        type: KEY_LESS",
      );
      expect(rules(push)).toEqual(["plan/push-security@32:7"]);
    });
  });

  it.each([
    ["listener/required", proxy({ listeners: "  listeners: []" }), ["listener/required@8:3"]],
    [
      "listener/duplicate-type + listener/duplicate-entrypoint",
      proxy({
        listeners: `  listeners:
    - type: HTTP
      paths:
        - path: /a
      entrypoints:
        - type: http-proxy
    - type: HTTP
      paths:
        - path: /b
      entrypoints:
        - type: http-proxy`,
      }),
      ["listener/duplicate-type@14:13", "listener/duplicate-entrypoint@18:17"],
    ],
    [
      "listener/entrypoint-listener-type",
      proxy({
        type: "MESSAGE",
        listeners: `  listeners:
    - type: SUBSCRIPTION
      entrypoints:
        - type: sse`,
        groups: kafkaGroup(true, true),
      }),
      ["listener/entrypoint-listener-type@11:17"],
    ],
    [
      "listener/unsupported-type",
      proxy({ listeners: "  listeners:\n    - type: TCP\n      entrypoints:\n        - type: http-proxy" }),
      ["listener/unsupported-type@9:13"],
    ],
    ["plan/required", proxy({ plans: "  plans: {}" }), ["plan/required@22:3"]],
    [
      "plan/security-required",
      proxy({ plans: "  plans:\n    free:\n      name: Free" }),
      ["plan/security-required@24:7"],
    ],
    ["endpoint/group-required", proxy({ groups: "  endpointGroups: []" }), ["endpoint/group-required@14:3"]],
    [
      "endpoint/duplicate-name + endpoint/name-colon",
      proxy({
        groups: `  endpointGroups:
    - name: backend
      type: http-proxy
      endpoints:
        - name: backend
          type: http-proxy
          configuration:
            target: http://a
        - name: "a:b"
          type: http-proxy
          configuration:
            target: http://b`,
      }),
      ["endpoint/duplicate-name@18:17", "endpoint/name-colon@22:17"],
    ],
    [
      "endpoint/type-mismatch",
      proxy({
        groups: `  endpointGroups:
    - name: backend
      type: http-proxy
      endpoints:
        - name: primary
          type: kafka
          configuration:
            target: http://a`,
      }),
      ["endpoint/type-mismatch@19:17"],
    ],
    [
      "endpoint/inherit-without-shared",
      proxy({
        groups: `  endpointGroups:
    - name: backend
      type: http-proxy
      endpoints:
        - name: primary
          type: http-proxy
          inheritConfiguration: true
          configuration:
            target: http://a`,
      }),
      ["endpoint/inherit-without-shared@20:33"],
    ],
    [
      "path/invalid",
      proxy({
        listeners:
          "  listeners:\n    - type: HTTP\n      paths:\n        - path: /a?b=1\n      entrypoints:\n        - type: http-proxy",
      }),
      ["path/invalid@11:17"],
    ],
    [
      "path/flow-regex: a flow path is a regular expression; one Java refuses or JavaScript reads otherwise is an error at the construct",
      proxy({
        flows: `  flows:
    - name: regex
      selectors:
        - type: HTTP
          path: /(.*)/products/v1.0
    - name: openapi style
      selectors:
        - type: HTTP
          path: /items/{id}
    - name: possessive
      selectors:
        - type: HTTP
          path: /a*+/:id
          pathOperator: EQUALS
    - name: disabled
      enabled: false
      selectors:
        - type: HTTP
          path: /(unclosed`,
      }),
      ["path/flow-regex@35:24", "path/flow-regex@39:19"],
    ],
    [
      "path/flow-regex in a plan flow: an inline flag",
      proxy({
        plans: `  plans:
    free:
      name: Free
      security:
        type: KEY_LESS
      flows:
        - name: case
          selectors:
            - type: HTTP
              path: /x/(?i)admin`,
      }),
      ["path/flow-regex@31:24"],
    ],
    [
      "path/flow-regex-backtracking: nested or competing repetitions; one bounded to a segment is fine",
      proxy({
        flows: `  flows:
    - name: nested
      selectors:
        - type: HTTP
          path: /([a-z]+)*
          pathOperator: EQUALS
    - name: competing
      selectors:
        - type: HTTP
          path: /(.*)/(.*)/x
    - name: bounded
      selectors:
        - type: HTTP
          path: /([^/]*)/([^/]*)/x
          pathOperator: EQUALS`,
      }),
      ["path/flow-regex-backtracking@31:17", "path/flow-regex-backtracking@36:17"],
    ],
    [
      "path/duplicate within one API",
      proxy({
        listeners:
          "  listeners:\n    - type: HTTP\n      paths:\n        - path: /a\n        - path: //a/\n      entrypoints:\n        - type: http-proxy",
      }),
      ["path/duplicate@12:17"],
    ],
  ])("%s", (_name, yaml, expected) => {
    expect(rules(yaml)).toEqual(expected);
  });

  it("path/duplicate and repo/duplicate-name across files name both files", () => {
    const found = diagnose({ "apis/a.yaml": proxy({}), "apis/b.yaml": proxy({}) }, { rules: true });
    expect(found.map((d) => `${d.file}:${d.code}@${d.line}:${d.column}`)).toEqual([
      "apis/b.yaml:repo/duplicate-name@4:9",
      "apis/b.yaml:path/duplicate@11:17",
    ]);
    expect(found[1]?.message).toContain("apis/a.yaml");
    expect(found[1]?.related?.[0]).toMatchObject({ file: "apis/a.yaml", line: 11, column: 17 });
  });

  it("a host makes the same path a different route", () => {
    const withHost = (host: string) =>
      proxy({
        listeners: `  listeners:\n    - type: HTTP\n      paths:\n        - path: /orders\n          host: ${host}\n      entrypoints:\n        - type: http-proxy`,
      });
    const found = diagnose(
      {
        "a.yaml": withHost("a.example.com"),
        "b.yaml": withHost("b.example.com").replace("name: orders", "name: orders-b"),
      },
      { rules: true },
    );
    expect(summary(found)).toEqual([]);
  });

  it("v2/http-only", () => {
    const v2 = `apiVersion: gravitee.io/v1alpha1
kind: ApiDefinition
metadata:
  name: legacy
spec:
  name: legacy
  version: "1"
  proxy:
    virtual_hosts:
      - path: /legacy
    groups:
      - name: default
        endpoints:
          - name: a
            target: http://a
          - name: b
            type: kafka
            target: http://b
  plans:
    - name: free
      security: KEY_LESS
`;
    expect(rules(v2)).toEqual(["v2/http-only@17:19"]);
    expect(rules(v2.replace("type: kafka", "type: http"))).toEqual([]);
  });

  it("path/flow-regex on a v2 flow's path-operator", () => {
    const v2 = `apiVersion: gravitee.io/v1alpha1
kind: ApiDefinition
metadata:
  name: legacy
spec:
  name: legacy
  version: "1"
  proxy:
    virtual_hosts:
      - path: /legacy
    groups:
      - name: default
        endpoints:
          - name: a
            target: http://a
  flows:
    - name: property class
      path-operator:
        path: /\\p{Alpha}+
        operator: STARTS_WITH
  plans:
    - name: free
      security: KEY_LESS
`;
    expect(rules(v2)).toEqual(["path/flow-regex@19:16"]);
    expect(rules(v2.replace("\\p{Alpha}+", "[a-zA-Z]+"))).toEqual([]);
  });
});
