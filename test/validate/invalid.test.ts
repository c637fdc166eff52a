// Invalid snippets fail at the right place, with few errors (discriminated unions report in the
// branch the tag chose, not in every branch), and a few deliberate acceptances.
import { describe, expect, it } from "vitest";
import { compileSchemas, type ErrorSummary, errorsOf } from "./ajv.ts";

const { ApiV4Definition: v4, ApiDefinition: v2 } = compileSchemas();

// biome-ignore lint/suspicious/noExplicitAny: fixtures are mutated freely by the cases below
type Doc = Record<string, any>;

function proxyApi(): Doc {
  return {
    apiVersion: "gravitee.io/v1alpha1",
    kind: "ApiV4Definition",
    metadata: { name: "orders" },
    spec: {
      name: "Orders",
      version: "1.0",
      type: "PROXY",
      listeners: [
        { type: "HTTP", paths: [{ path: "/orders" }], entrypoints: [{ type: "http-proxy", qos: "AUTO" }] },
      ],
      endpointGroups: [
        {
          name: "default",
          type: "http-proxy",
          loadBalancer: { type: "ROUND_ROBIN" },
          sharedConfiguration: {
            http: { version: "HTTP_2", connectTimeout: 1000 },
            headers: [{ name: "x", value: "y" }],
          },
          endpoints: [
            {
              name: "a",
              type: "http-proxy",
              inheritConfiguration: true,
              configuration: { target: "http://a" },
            },
          ],
        },
      ],
      flowExecution: { mode: "BEST_MATCH", matchRequired: false },
      flows: [
        {
          name: "limit",
          enabled: true,
          selectors: [{ type: "HTTP", path: "/", pathOperator: "STARTS_WITH", methods: ["GET"] }],
          request: [
            {
              name: "Rate Limit",
              enabled: true,
              policy: "rate-limit",
              configuration: {
                addHeaders: true,
                rate: { limit: 10, periodTime: 1, periodTimeUnit: "MINUTES" },
              },
            },
          ],
        },
      ],
      plans: {
        keyless: { name: "Free", security: { type: "KEY_LESS" } },
        jwt: {
          name: "JWT",
          security: {
            type: "JWT",
            configuration: {
              signature: "HMAC_HS256",
              publicKeyResolver: "GIVEN_KEY",
              resolverParameter: "s",
            },
          },
        },
      },
    },
  };
}

function messageApi(): Doc {
  return {
    apiVersion: "gravitee.io/v1alpha1",
    kind: "ApiV4Definition",
    metadata: { name: "events" },
    spec: {
      name: "Events",
      version: "1.0",
      type: "MESSAGE",
      listeners: [
        {
          type: "HTTP",
          paths: [{ path: "/events" }],
          entrypoints: [
            {
              type: "http-get",
              qos: "AT_LEAST_ONCE",
              configuration: { messagesLimitCount: 10, headersInPayload: true },
            },
            { type: "sse", configuration: { heartbeatIntervalInMs: 5000 } },
            {
              type: "websocket",
              configuration: { publisher: { enabled: false }, subscriber: { enabled: true } },
            },
          ],
        },
        { type: "SUBSCRIPTION", entrypoints: [{ type: "webhook", qos: "AUTO", dlq: { endpoint: "dlq" } }] },
      ],
      endpointGroups: [
        {
          name: "kafka",
          type: "kafka",
          sharedConfiguration: {
            security: { protocol: "SASL_SSL", sasl: { saslMechanism: "SCRAM-SHA-512", saslJaasConfig: "x" } },
            consumer: { enabled: true, topics: ["orders"], autoOffsetReset: "earliest" },
          },
          endpoints: [
            {
              name: "k",
              type: "kafka",
              inheritConfiguration: true,
              configuration: { bootstrapServers: "k:9092" },
            },
          ],
        },
        {
          name: "mqtt",
          type: "mqtt5",
          endpoints: [
            {
              name: "m",
              type: "mqtt5",
              configuration: { serverHost: "broker", serverPort: 1883 },
              sharedConfigurationOverride: {
                consumer: { enabled: true, topic: "a/b" },
                producer: { enabled: true, topic: "a/c" },
              },
            },
          ],
        },
      ],
      flows: [
        {
          selectors: [
            { type: "CHANNEL", channel: "/", channelOperator: "STARTS_WITH", operations: ["SUBSCRIBE"] },
          ],
          subscribe: [{ policy: "message-filtering", configuration: { filter: "{#message.content != ''}" } }],
        },
      ],
      plans: { push: { name: "Push", mode: "PUSH" } },
    },
  };
}

function v2Api(): Doc {
  return {
    apiVersion: "gravitee.io/v1alpha1",
    kind: "ApiDefinition",
    metadata: { name: "legacy" },
    spec: {
      name: "Legacy",
      version: "1",
      flow_mode: "DEFAULT",
      proxy: {
        virtual_hosts: [{ path: "/legacy" }],
        strip_context_path: false,
        groups: [
          {
            name: "g",
            endpoints: [{ name: "e", target: "http://e", weight: 1, backup: false }],
            load_balancing: { type: "ROUND_ROBIN" },
          },
        ],
      },
      plans: [
        {
          name: "Key",
          description: "API key",
          security: "API_KEY",
          securityDefinition: '{"propagateApiKey":true}',
          flows: [
            {
              "path-operator": { path: "/", operator: "STARTS_WITH" },
              methods: ["GET"],
              pre: [
                { policy: "transform-headers", configuration: { addHeaders: [{ name: "a", value: "b" }] } },
              ],
              post: [],
              enabled: true,
            },
          ],
        },
      ],
    },
  };
}

interface Case {
  name: string;
  base: () => Doc;
  validate: typeof v4;
  mutate: (doc: Doc) => void;
  errors: ErrorSummary[];
}

const cases: Case[] = [
  {
    name: "unknown property in spec",
    base: proxyApi,
    validate: v4,
    mutate: (d) => {
      d.spec.contextPath = "/orders";
    },
    errors: [
      {
        instancePath: "/spec",
        keyword: "additionalProperties",
        params: { additionalProperty: "contextPath" },
      },
    ],
  },
  {
    name: "enum typo (flow mode)",
    base: proxyApi,
    validate: v4,
    mutate: (d) => {
      d.spec.flowExecution.mode = "BEST-MATCH";
    },
    errors: [
      {
        instancePath: "/spec/flowExecution/mode",
        keyword: "enum",
        params: { allowedValues: ["DEFAULT", "BEST_MATCH"] },
      },
    ],
  },
  {
    name: "Gravitee's own pathOperator typo START_WITH",
    base: proxyApi,
    validate: v4,
    mutate: (d) => {
      d.spec.flows[0].selectors[0].pathOperator = "START_WITH";
    },
    errors: [
      {
        instancePath: "/spec/flows/0/selectors/0/pathOperator",
        keyword: "enum",
        params: { allowedValues: ["STARTS_WITH", "EQUALS"] },
      },
    ],
  },
  {
    name: "lowercase enum from the gateway format",
    base: proxyApi,
    validate: v4,
    mutate: (d) => {
      d.spec.type = "proxy";
    },
    errors: [
      { instancePath: "/spec/type", keyword: "enum", params: { allowedValues: ["PROXY", "MESSAGE"] } },
    ],
  },
  {
    name: "wrong connector configuration key (kafka bootstrapServer)",
    base: messageApi,
    validate: v4,
    mutate: (d) => {
      d.spec.endpointGroups[0].endpoints[0].configuration = { bootstrapServer: "k:9092" };
    },
    errors: [
      {
        instancePath: "/spec/endpointGroups/0/endpoints/0/configuration",
        keyword: "required",
        params: { missingProperty: "bootstrapServers" },
      },
      {
        instancePath: "/spec/endpointGroups/0/endpoints/0/configuration",
        keyword: "additionalProperties",
        params: { additionalProperty: "bootstrapServer" },
      },
    ],
  },
  {
    name: "kafka key in an mqtt5 override (topics instead of topic)",
    base: messageApi,
    validate: v4,
    mutate: (d) => {
      d.spec.endpointGroups[1].endpoints[0].sharedConfigurationOverride.consumer = {
        enabled: true,
        topics: ["a/b"],
      };
    },
    errors: [
      {
        instancePath: "/spec/endpointGroups/1/endpoints/0/sharedConfigurationOverride/consumer",
        keyword: "additionalProperties",
        params: { additionalProperty: "topics" },
      },
    ],
  },
  {
    name: "group sharedConfiguration checked against the group's type",
    base: messageApi,
    validate: v4,
    mutate: (d) => {
      d.spec.endpointGroups[0].sharedConfiguration.consumer.autoOffsetReset = "EARLIEST";
    },
    errors: [
      {
        instancePath: "/spec/endpointGroups/0/sharedConfiguration/consumer/autoOffsetReset",
        keyword: "enum",
        params: { allowedValues: ["earliest", "latest", "none"] },
      },
      // An EL template is allowed too (rendered per subscription); the diagnostic keeps the enum's.
      {
        instancePath: "/spec/endpointGroups/0/sharedConfiguration/consumer/autoOffsetReset",
        keyword: "pattern",
        params: { pattern: "\\{\\s*[#T(]" },
      },
      {
        instancePath: "/spec/endpointGroups/0/sharedConfiguration/consumer/autoOffsetReset",
        keyword: "anyOf",
        params: {},
      },
    ],
  },
  {
    name: "endpoint configuration checked against the endpoint's own type",
    base: proxyApi,
    validate: v4,
    mutate: (d) => {
      // A kafka endpoint in an http-proxy group: the mismatch is a check rule; the schema checks the
      // endpoint as the kafka endpoint it says it is.
      d.spec.endpointGroups[0].endpoints[0].type = "kafka";
    },
    errors: [
      {
        instancePath: "/spec/endpointGroups/0/endpoints/0/configuration",
        keyword: "required",
        params: { missingProperty: "bootstrapServers" },
      },
      {
        instancePath: "/spec/endpointGroups/0/endpoints/0/configuration",
        keyword: "additionalProperties",
        params: { additionalProperty: "target" },
      },
    ],
  },
  {
    name: "unknown entrypoint type",
    base: messageApi,
    validate: v4,
    mutate: (d) => {
      d.spec.listeners[0].entrypoints[0].type = "http-gets";
    },
    errors: [
      {
        instancePath: "/spec/listeners/0/entrypoints/0",
        keyword: "discriminator",
        params: { error: "mapping", tag: "type", tagValue: "http-gets" },
      },
    ],
  },
  {
    name: "entrypoint configuration key of another entrypoint",
    base: messageApi,
    validate: v4,
    mutate: (d) => {
      d.spec.listeners[0].entrypoints[1].configuration = { messagesLimitCount: 5 };
    },
    errors: [
      {
        instancePath: "/spec/listeners/0/entrypoints/1/configuration",
        keyword: "additionalProperties",
        params: { additionalProperty: "messagesLimitCount" },
      },
    ],
  },
  {
    name: "unknown policy",
    base: proxyApi,
    validate: v4,
    mutate: (d) => {
      d.spec.flows[0].request[0].policy = "ratelimit";
    },
    errors: [
      {
        instancePath: "/spec/flows/0/request/0",
        keyword: "discriminator",
        params: { error: "mapping", tag: "policy", tagValue: "ratelimit" },
      },
    ],
  },
  {
    name: "policy configuration typo",
    base: proxyApi,
    validate: v4,
    mutate: (d) => {
      d.spec.flows[0].request[0].configuration.rate.periodTimeUnit = "MINUTE";
    },
    errors: [
      {
        instancePath: "/spec/flows/0/request/0/configuration/rate/periodTimeUnit",
        keyword: "enum",
        params: { allowedValues: ["SECONDS", "MINUTES", "HOURS", "DAYS"] },
      },
    ],
  },
  {
    name: "plan security in lowercase",
    base: proxyApi,
    validate: v4,
    mutate: (d) => {
      d.spec.plans.keyless.security.type = "key_less";
    },
    errors: [
      {
        instancePath: "/spec/plans/keyless/security",
        keyword: "discriminator",
        params: { error: "mapping", tag: "type", tagValue: "key_less" },
      },
    ],
  },
  {
    name: "JWT plan configuration typo",
    base: proxyApi,
    validate: v4,
    mutate: (d) => {
      d.spec.plans.jwt.security.configuration.resolver = "GIVEN_KEY";
    },
    errors: [
      {
        instancePath: "/spec/plans/jwt/security/configuration",
        keyword: "additionalProperties",
        params: { additionalProperty: "resolver" },
      },
    ],
  },
  {
    name: "plans as a list (v2 style) in a v4 API",
    base: proxyApi,
    validate: v4,
    mutate: (d) => {
      d.spec.plans = [d.spec.plans.keyless];
    },
    errors: [{ instancePath: "/spec/plans", keyword: "type", params: { type: "object" } }],
  },
  {
    name: "metadata.name not a DNS-1123 label",
    base: proxyApi,
    validate: v4,
    mutate: (d) => {
      d.metadata.name = "Orders_API";
    },
    errors: [
      {
        instancePath: "/metadata/name",
        keyword: "pattern",
        params: { pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$" },
      },
    ],
  },
  {
    name: "v2: plans as a map (v4 style)",
    base: v2Api,
    validate: v2,
    mutate: (d) => {
      d.spec.plans = { key: d.spec.plans[0] };
    },
    errors: [{ instancePath: "/spec/plans", keyword: "type", params: { type: "array" } }],
  },
  {
    name: "v2: v4 flow keys",
    base: v2Api,
    validate: v2,
    mutate: (d) => {
      d.spec.plans[0].flows[0].request = [];
    },
    errors: [
      {
        instancePath: "/spec/plans/0/flows/0",
        keyword: "additionalProperties",
        params: { additionalProperty: "request" },
      },
    ],
  },
  {
    name: "v2: message policy",
    base: v2Api,
    validate: v2,
    mutate: (d) => {
      d.spec.plans[0].flows[0].pre[0] = { policy: "message-filtering", configuration: { filter: "x" } };
    },
    errors: [
      {
        instancePath: "/spec/plans/0/flows/0/pre/0",
        keyword: "discriminator",
        params: { error: "mapping", tag: "policy", tagValue: "message-filtering" },
      },
    ],
  },
];

describe("valid snippets", () => {
  it.each([
    ["v4 PROXY", proxyApi, v4],
    ["v4 MESSAGE", messageApi, v4],
    ["v2", v2Api, v2],
  ] as const)("%s", (_name, base, validate) => {
    expect(errorsOf(validate, base())).toEqual([]);
  });

  it("accepts a TCP listener, so a check rule reports it once", () => {
    const d = proxyApi();
    d.spec.listeners.push({ type: "TCP", hosts: ["db.local"], entrypoints: [{ type: "tcp-proxy" }] });
    expect(errorsOf(v4, d)).toEqual([]);
  });

  it("accepts the GKO management-only fields", () => {
    const d = proxyApi();
    Object.assign(d.spec, {
      contextRef: { name: "dev-ctx", namespace: "default" },
      definitionContext: { origin: "KUBERNETES", syncFrom: "MANAGEMENT" },
      state: "STARTED",
      lifecycleState: "PUBLISHED",
      visibility: "PUBLIC",
      notifyMembers: false,
      groups: ["devs"],
      members: [{ source: "memory", sourceId: "admin", role: "OWNER" }],
      categories: ["shop"],
      labels: ["beta"],
      local: true,
      pages: { readme: { name: "Readme", type: "MARKDOWN", content: "# Orders", published: true } },
    });
    expect(errorsOf(v4, d)).toEqual([]);
  });
});

describe("invalid snippets", () => {
  it.each(cases)("$name", ({ base, validate, mutate, errors }) => {
    const d = base();
    mutate(d);
    expect(errorsOf(validate, d)).toEqual(errors);
  });
});
