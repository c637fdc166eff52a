// `sluice new`'s answers → an ApiV4Definition. Only what the rules allow can be asked for: the
// choices come from the same lists the checker uses (spec-view.ts), and the endpoint's consumer
// and producer are enabled from the entrypoints' roles, so the exposure rules hold by
// construction; the command still runs `check` on the result before it writes anything.
import { MANIFESTS } from "../../runtime/connector-manifests.ts";
import { MESSAGE_ENTRYPOINTS as ENTRYPOINT_FACTS } from "../../runtime/message/connectors.ts";
import { MESSAGE_ENDPOINTS, MESSAGE_ENTRYPOINTS, PROXY_ENTRYPOINTS } from "../check/spec-view.ts";

export type ApiType = "PROXY" | "MESSAGE";
export type Security = "KEY_LESS" | "API_KEY" | "JWT" | "MTLS";

export const SECURITY_CHOICES: ReadonlyArray<{
  value: Security;
  flag: string;
  name: string;
  description: string;
}> = [
  { value: "KEY_LESS", flag: "keyless", name: "Keyless", description: "anyone may call the API" },
  {
    value: "API_KEY",
    flag: "api-key",
    name: "API key",
    description: "subscribed applications send X-Gravitee-Api-Key",
  },
  { value: "JWT", flag: "jwt", name: "JWT", description: "tokens verified against a JWKS URL" },
  { value: "MTLS", flag: "mtls", name: "mTLS", description: "clients present a certificate" },
];

/** What each message entrypoint and endpoint is: its manifest's summary. */
export const ENTRYPOINT_DESCRIPTIONS: ReadonlyMap<string, string> = summaries("entrypoint");
export const ENDPOINT_DESCRIPTIONS: ReadonlyMap<string, string> = summaries("endpoint");

function summaries(kind: "entrypoint" | "endpoint"): ReadonlyMap<string, string> {
  return new Map(
    MANIFESTS.filter((m) => m.kind === kind && m.apiTypes?.includes("MESSAGE")).map((m) => [m.id, m.summary]),
  );
}

export const MESSAGE_ENTRYPOINT_TYPES = MESSAGE_ENTRYPOINTS;
export const MESSAGE_ENDPOINT_TYPES = MESSAGE_ENDPOINTS;

export interface NewApi {
  name: string;
  displayName: string;
  version: string;
  description?: string;
  type: ApiType;
  path: string;
  /** MESSAGE: the entrypoints; PROXY: always http-proxy. */
  entrypoints: string[];
  /** PROXY: http-proxy; MESSAGE: one of MESSAGE_ENDPOINTS. */
  endpoint: string;
  /** PROXY: the backend URL. MESSAGE: the broker address (host:port, or a URL for solace). */
  target: string;
  /** MESSAGE (not mock): topic, or the RabbitMQ exchange. */
  topic: string;
  security: Security;
  jwksUrl?: string;
  /** The documentation step: one page, published (GKO `spec.pages`); none when undefined. */
  page?: NewPage;
}

export interface NewPage {
  type: "MARKDOWN" | "SWAGGER" | "ASYNCAPI";
  name: string;
  content: string;
}

/** The page type of a document's text: an OpenAPI/Swagger or AsyncAPI document, else Markdown. */
export function pageTypeOf(text: string): NewPage["type"] {
  let keys: string[];
  try {
    const parsed: unknown = JSON.parse(text);
    keys = typeof parsed === "object" && parsed !== null ? Object.keys(parsed) : [];
  } catch {
    keys = [...text.matchAll(/^["']?([A-Za-z]+)["']?\s*:/gm)].map((m) => m[1]!);
  }
  if (keys.includes("openapi") || keys.includes("swagger")) return "SWAGGER";
  if (keys.includes("asyncapi")) return "ASYNCAPI";
  return "MARKDOWN";
}

/** The page written when the documentation step asks for one generated from the answers. */
export function generatedPage(a: Omit<NewApi, "page">): NewPage {
  const plan = SECURITY_CHOICES.find((c) => c.value === a.security);
  const lines = [
    `# ${a.displayName}`,
    "",
    ...(a.description ? [a.description, ""] : []),
    `- Context path: \`${a.path}\``,
    `- Entrypoints: ${a.entrypoints.join(", ")}`,
    `- Plan: ${plan?.name ?? a.security} — ${plan?.description ?? ""}`,
    "",
  ];
  return { type: "MARKDOWN", name: a.displayName, content: lines.join("\n") };
}

type Obj = Record<string, unknown>;

/** Whether an entrypoint receives messages from the endpoint (consumes) and sends to it (produces). */
function roles(entrypoints: readonly string[]): { consumes: boolean; produces: boolean } {
  const modes = entrypoints.flatMap((e) => ENTRYPOINT_FACTS.get(e)?.modes ?? []);
  return { consumes: modes.includes("SUBSCRIBE"), produces: modes.includes("PUBLISH") };
}

export function buildApi(a: NewApi): Obj {
  const httpEntrypoints =
    a.type === "PROXY" ? [...PROXY_ENTRYPOINTS] : a.entrypoints.filter((e) => e !== "webhook");
  const listeners: Obj[] = [];
  if (httpEntrypoints.length > 0)
    listeners.push({
      type: "HTTP",
      paths: [{ path: a.path }],
      entrypoints: httpEntrypoints.map((type) => ({ type })),
    });
  if (a.type === "MESSAGE" && a.entrypoints.includes("webhook"))
    listeners.push({ type: "SUBSCRIPTION", entrypoints: [{ type: "webhook" }] });
  const plans: Obj = {};
  if (httpEntrypoints.length > 0) plans[planKey(a.security)] = plan(a);
  if (a.type === "MESSAGE" && a.entrypoints.includes("webhook"))
    plans.subscribers = { name: "Webhook subscribers", mode: "PUSH" };
  return {
    apiVersion: "gravitee.io/v1alpha1",
    kind: "ApiV4Definition",
    metadata: { name: a.name },
    spec: {
      name: a.displayName,
      ...(a.description ? { description: a.description } : {}),
      version: a.version,
      type: a.type,
      listeners,
      endpointGroups: [endpointGroup(a)],
      plans,
      ...(a.page
        ? {
            pages: {
              [a.page.type === "MARKDOWN" ? "home" : a.page.type === "SWAGGER" ? "openapi" : "asyncapi"]: {
                name: a.page.name,
                type: a.page.type,
                content: a.page.content,
                published: true,
                ...(a.page.type === "MARKDOWN" ? { homepage: true } : {}),
              },
            },
          }
        : {}),
    },
  };
}

function planKey(security: Security): string {
  return { KEY_LESS: "keyless", API_KEY: "api-key", JWT: "jwt", MTLS: "mtls" }[security];
}

function plan(a: NewApi): Obj {
  const name = SECURITY_CHOICES.find((c) => c.value === a.security)?.name ?? a.security;
  if (a.security === "JWT")
    return {
      name,
      security: {
        type: "JWT",
        configuration: {
          signature: "RSA_RS256",
          publicKeyResolver: "JWKS_URL",
          resolverParameter: a.jwksUrl ?? "",
        },
      },
    };
  return { name, security: { type: a.security } };
}

function endpointGroup(a: NewApi): Obj {
  const group = (configuration: Obj, shared?: Obj): Obj => ({
    name: `${a.name}-${a.endpoint}`,
    type: a.endpoint,
    ...(shared ? { sharedConfiguration: shared } : {}),
    endpoints: [
      {
        name: a.endpoint,
        type: a.endpoint,
        ...(shared ? { inheritConfiguration: true } : {}),
        configuration,
      },
    ],
  });
  const { consumes, produces } = roles(a.entrypoints);
  const [host, port] = splitHostPort(a.target);
  switch (a.endpoint) {
    case "mock":
      return group({ messageInterval: 1000, messageContent: `{"message": "hello from ${a.name}"}` });
    case "kafka":
      return group(
        { bootstrapServers: a.target },
        {
          ...(consumes ? { consumer: { enabled: true, topics: [a.topic] } } : {}),
          ...(produces ? { producer: { enabled: true, topics: [a.topic] } } : {}),
        },
      );
    case "mqtt5":
      return group(
        { serverHost: host, serverPort: port ?? 1883 },
        {
          ...(consumes ? { consumer: { enabled: true, topic: a.topic } } : {}),
          ...(produces ? { producer: { enabled: true, topic: a.topic } } : {}),
        },
      );
    case "solace":
      return group(
        { url: a.target, vpnName: "default" },
        {
          ...(consumes ? { consumer: { enabled: true, topics: [a.topic] } } : {}),
          ...(produces ? { producer: { enabled: true, topics: [a.topic] } } : {}),
        },
      );
    case "rabbitmq": {
      const exchange = { name: a.topic, type: "topic", durable: true, autoDelete: false };
      return group(
        { serverHost: host, serverPort: port ?? 5672 },
        {
          ...(consumes ? { consumer: { enabled: true, routingKey: "#", exchange } } : {}),
          ...(produces ? { producer: { enabled: true, routingKey: a.name, exchange } } : {}),
        },
      );
    }
    default:
      return group({ target: a.target });
  }
}

function splitHostPort(address: string): [string, number | undefined] {
  const m = /^(.*):(\d+)$/.exec(address);
  return m ? [m[1] ?? address, Number(m[2])] : [address, undefined];
}
