// An AsyncAPI 3.0 document for a MESSAGE API (https://www.asyncapi.com/docs/reference/specification/v3.0.0):
// one channel per context path, one operation per entrypoint — what a client does through it —
// with its binding (HTTP method for http-get, http-post and SSE; the WebSocket channel binding),
// the plans as security schemes on every server, servers from the listeners' hosts.
import type { ApiModel } from "../model/model.ts";
import { type ApiDescription, type SecurityScheme, schemeDescription } from "./describe-api.ts";
import type { JsonObject } from "./openapi.ts";

/** Per entrypoint: the client's action as AsyncAPI names it (from the application's view) and its binding. */
const ENTRYPOINTS: Record<string, { action: "send" | "receive"; summary: string; method?: string }> = {
  "http-get": { action: "receive", summary: "Poll messages (GET, JSON or XML batch)", method: "GET" },
  "http-post": { action: "send", summary: "Publish a message (POST, 202 Accepted)", method: "POST" },
  sse: {
    action: "receive",
    summary: "Stream messages as Server-Sent Events (GET, text/event-stream)",
    method: "GET",
  },
  websocket: { action: "receive", summary: "Receive messages over a WebSocket" },
  webhook: { action: "receive", summary: "Messages pushed to a subscription's callback URL (PUSH plan)" },
};

export function asyncApiDocument(api: ApiModel, description: ApiDescription, summary?: string): JsonObject {
  const servers: Record<string, JsonObject> = {};
  const security = description.schemes.map((s) => ({ $ref: `#/components/securitySchemes/${s.id}` }));
  const hasWs = api.entrypoints.some((e) => e.type === "websocket");
  description.servers.forEach((url, i) => {
    const u = new URL(url);
    const name = description.servers.length === 1 ? "gateway" : `gateway${i + 1}`;
    servers[name] = {
      host: u.host,
      protocol: u.protocol.replace(/:$/, ""),
      ...(security.length > 0 ? { security } : {}),
    };
    if (hasWs)
      servers[`${name}-ws`] = {
        host: u.host,
        protocol: u.protocol === "https:" ? "wss" : "ws",
        ...(security.length > 0 ? { security } : {}),
      };
  });
  const channels: Record<string, JsonObject> = {};
  const operations: Record<string, JsonObject> = {};
  const contexts = [...new Set(api.paths.map((p) => p.path.replace(/(.)\/$/, "$1")))];
  contexts.forEach((address, ci) => {
    const channel = contexts.length === 1 ? "messages" : `messages${ci + 1}`;
    channels[channel] = {
      address,
      title: `Messages at ${address}`,
      messages: { message: { $ref: "#/components/messages/message" } },
      ...(hasWs ? { bindings: { ws: { method: "GET" } } } : {}),
    };
    for (const e of api.entrypoints) {
      const facts = ENTRYPOINTS[e.type];
      if (!facts) continue;
      const ops = e.type === "websocket" ? (["receive", "send"] as const) : [facts.action];
      for (const action of ops) {
        operations[`${channel}-${e.type}-${action}`] = {
          action,
          channel: { $ref: `#/channels/${channel}` },
          summary: action === facts.action ? facts.summary : "Publish messages over the WebSocket",
          messages: [{ $ref: `#/channels/${channel}/messages/message` }],
          ...(facts.method ? { bindings: { http: { method: facts.method } } } : {}),
        };
      }
    }
  });
  return {
    asyncapi: "3.0.0",
    info: { title: api.name, version: api.version, ...(summary ? { description: summary } : {}) },
    servers,
    channels,
    operations,
    components: {
      messages: {
        message: {
          name: "message",
          title: "A message",
          summary: "The endpoint's message content, as the entrypoint frames it",
          payload: {},
        },
      },
      ...(description.schemes.length > 0
        ? { securitySchemes: Object.fromEntries(description.schemes.map((s) => [s.id, asyncApiScheme(s)])) }
        : {}),
    },
  };
}

function asyncApiScheme(s: SecurityScheme): JsonObject {
  const description = schemeDescription(s);
  switch (s.kind) {
    case "apiKey":
      return { type: "httpApiKey", in: s.in, name: s.name, description };
    case "bearer":
      return { type: "http", scheme: "bearer", ...(s.format ? { bearerFormat: s.format } : {}), description };
    case "mutualTLS":
      return { type: "X509", description };
  }
}
