// An OpenAPI 3.1 document for a PROXY API (https://spec.openapis.org/oas/v3.1.0), from
// ./describe-api.ts: one path item per operation, the plans as security schemes (alternatives:
// any one plan's credential lets a request in), servers from the listeners' hosts.
import type { ApiModel } from "../model/model.ts";
import { type ApiDescription, type SecurityScheme, schemeDescription } from "./describe-api.ts";

export type JsonObject = { [key: string]: unknown };

export function openApiDocument(api: ApiModel, description: ApiDescription, summary?: string): JsonObject {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of description.operations) {
    const item = paths[op.path] ?? {};
    paths[op.path] = item;
    if (op.params.length > 0 && !item.parameters)
      item.parameters = op.params.map((name) => ({
        name,
        in: "path",
        required: true,
        schema: { type: "string" },
      }));
    item[op.method] = {
      operationId: `${op.method}${op.path.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ""))}`,
      summary: `${op.method.toUpperCase()} ${op.path}`,
      description: [
        op.prefix
          ? `Also matches the paths below \`${op.path}\`; forwarded to the backend.`
          : "Forwarded to the backend.",
        ...(op.flows.length > 0 ? [`Flows: ${op.flows.join(", ")}.`] : []),
      ].join(" "),
      responses: {
        default: { description: "The backend's response" },
        ...(description.schemes.length > 0
          ? { "401": { description: "Missing or refused credentials" } }
          : {}),
      },
    };
  }
  const doc: JsonObject = {
    openapi: "3.1.0",
    info: { title: api.name, version: api.version, ...(summary ? { description: summary } : {}) },
    servers: description.servers.map((url) => ({ url })),
    paths,
  };
  if (description.schemes.length > 0) {
    doc.components = {
      securitySchemes: Object.fromEntries(description.schemes.map((s) => [s.id, openApiScheme(s)])),
    };
    doc.security = [
      // Alternatives: one scheme each (the API key's header and query forms are two).
      ...description.schemes.map((s) => ({ [s.id]: [] })),
      ...(description.anonymous ? [{}] : []),
    ];
  }
  return doc;
}

function openApiScheme(s: SecurityScheme): JsonObject {
  const description = schemeDescription(s);
  switch (s.kind) {
    case "apiKey":
      return { type: "apiKey", in: s.in, name: s.name, description };
    case "bearer":
      return { type: "http", scheme: "bearer", ...(s.format ? { bearerFormat: s.format } : {}), description };
    case "mutualTLS":
      return { type: "mutualTLS", description };
  }
}
