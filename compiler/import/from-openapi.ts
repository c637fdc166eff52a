// An OpenAPI 3.0 / 3.1 document as a v4 PROXY API, as Gravitee's own OpenAPI import does: the
// first server URL is the endpoint (its path the context path), every operation a flow selecting
// its path and method, the security schemes the operations use become plans (none: one KEY_LESS
// plan). The document is validated and dereferenced by @apidevtools/swagger-parser, so a broken
// file is reported by the parser that knows the specification, not half-converted.
import SwaggerParser from "@apidevtools/swagger-parser";
import type { Notes } from "./notes.ts";
import { isObject, type Json, type JsonObject, resourceName, uniqueName } from "./values.ts";

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

export function isOpenApi(value: JsonObject): boolean {
  return typeof value.openapi === "string";
}

/** Validates (throws the parser's message on a broken document) and converts. */
export async function fromOpenApi(source: JsonObject | string, notes: Notes): Promise<JsonObject> {
  let doc: JsonObject;
  try {
    const input = typeof source === "string" ? source : structuredClone(source);
    doc = (await SwaggerParser.validate(
      input as Parameters<typeof SwaggerParser.validate>[0],
    )) as unknown as JsonObject;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(
      `invalid OpenAPI document: ${message.replace(/^Swagger schema validation failed\.\s*/, "").trim()}`,
    );
  }
  const info = isObject(doc.info) ? doc.info : {};
  const title = typeof info.title === "string" ? info.title : "api";
  const name = resourceName(title);
  const { target, contextPath } = server(doc, name, notes);
  const spec: JsonObject = {
    name: title,
    ...(typeof info.description === "string" && info.description !== ""
      ? { description: info.description }
      : {}),
    version: typeof info.version === "string" ? info.version : "1.0",
    type: "PROXY",
    listeners: [{ type: "HTTP", paths: [{ path: contextPath }], entrypoints: [{ type: "http-proxy" }] }],
    endpointGroups: [
      {
        name: "default-group",
        type: "http-proxy",
        endpoints: [{ name: "default", type: "http-proxy", configuration: { target } }],
      },
    ],
  };
  const flows = operationFlows(doc);
  if (flows.length > 0) spec.flows = flows;
  spec.plans = plans(doc, name, notes);
  return { apiVersion: "gravitee.io/v1alpha1", kind: "ApiV4Definition", metadata: { name }, spec };
}

/** The first server: its URL (variables at their defaults) as the target, its path as the context path. */
function server(doc: JsonObject, name: string, notes: Notes): { target: string; contextPath: string } {
  const servers = Array.isArray(doc.servers) ? doc.servers.filter(isObject) : [];
  const first = servers[0];
  const env = `${name.toUpperCase().replaceAll("-", "_")}_BACKEND`;
  if (servers.length > 1)
    notes.add(
      "changed",
      "/spec/endpointGroups/0/endpoints/0",
      `the first of ${servers.length} servers is the endpoint`,
    );
  let url = typeof first?.url === "string" ? first.url : "";
  const variables = isObject(first?.variables) ? first.variables : {};
  url = url.replace(/\{([^}]+)\}/g, (all, v: string) => {
    const variable = variables[v];
    return isObject(variable) && typeof variable.default === "string" ? variable.default : all;
  });
  if (!/^https?:\/\//i.test(url)) {
    const path = url.startsWith("/") ? url : "";
    notes.add(
      "changed",
      "/spec/endpointGroups/0/endpoints/0/configuration/target",
      `no absolute server URL in the document: the backend comes from \${${env}} at start-up`,
    );
    return {
      target: `\${${env}}${path.replace(/\/$/, "")}`,
      contextPath: path && path !== "/" ? path : `/${name}`,
    };
  }
  const parsed = new URL(url);
  const path = parsed.pathname.replace(/\/$/, "");
  return { target: url.replace(/\/$/, ""), contextPath: path !== "" ? path : `/${name}` };
}

/** One flow per operation: `GET /pets/{id}` selects `/pets/:id` exactly, method GET. */
function operationFlows(doc: JsonObject): Json[] {
  const flows: Json[] = [];
  const paths = isObject(doc.paths) ? doc.paths : {};
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    for (const method of METHODS) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      const summary = typeof operation.summary === "string" ? operation.summary : undefined;
      const id = typeof operation.operationId === "string" ? operation.operationId : undefined;
      flows.push({
        name: summary ?? id ?? `${method.toUpperCase()} ${path}`,
        selectors: [
          {
            type: "HTTP",
            path: path.replace(/\{([^}]+)\}/g, ":$1"),
            pathOperator: "EQUALS",
            methods: [method.toUpperCase()],
          },
        ],
      });
    }
  }
  return flows;
}

/** The security schemes in use (globally or by an operation) as plans; none: one KEY_LESS plan. */
function plans(doc: JsonObject, name: string, notes: Notes): JsonObject {
  const components = isObject(doc.components) ? doc.components : {};
  const schemes = isObject(components.securitySchemes) ? components.securitySchemes : {};
  const used = new Set<string>();
  let optional = false;
  const collect = (requirements: Json | undefined) => {
    if (!Array.isArray(requirements)) return;
    for (const r of requirements) {
      if (!isObject(r)) continue;
      if (Object.keys(r).length === 0) optional = true;
      for (const k of Object.keys(r)) used.add(k);
    }
  };
  collect(doc.security);
  const global = JSON.stringify(doc.security ?? []);
  for (const [path, item] of Object.entries(isObject(doc.paths) ? doc.paths : {})) {
    if (!isObject(item)) continue;
    for (const m of METHODS) {
      const operation = item[m];
      if (!isObject(operation) || operation.security === undefined) continue;
      collect(operation.security);
      if (JSON.stringify(operation.security) === global) continue;
      const schemes = Array.isArray(operation.security)
        ? operation.security.filter(isObject).map((r) => Object.keys(r).join(" + ") || "none")
        : [];
      notes.add(
        "unsupported",
        "/spec/plans",
        `\`${m.toUpperCase()} ${path}\` requires ${schemes.join(" or ")} only, but a plan applies to the whole API: a client of any plan here can call it — split the API or guard the flow with a condition`,
      );
    }
  }
  const out: JsonObject = {};
  const taken = new Set<string>();
  const env = name.toUpperCase().replaceAll("-", "_");
  for (const schemeName of [...used].sort()) {
    const scheme = schemes[schemeName];
    if (!isObject(scheme)) continue;
    const key = uniqueName(resourceName(schemeName, "plan"), taken);
    const pointer = `/spec/plans/${key}`;
    const description = typeof scheme.description === "string" ? scheme.description : undefined;
    const plan = (security: JsonObject): JsonObject => ({
      name: schemeName,
      ...(description ? { description } : {}),
      security,
    });
    if (scheme.type === "apiKey") {
      out[key] = plan({ type: "API_KEY" });
      if (!(scheme.in === "header" && String(scheme.name).toLowerCase() === "x-gravitee-api-key"))
        notes.add(
          "changed",
          pointer,
          `the API key is read from the \`X-Gravitee-Api-Key\` header or \`api-key\` query parameter, not ${String(scheme.in)} \`${String(scheme.name)}\``,
        );
    } else if (scheme.type === "http" && String(scheme.scheme).toLowerCase() === "bearer") {
      out[key] = plan({
        type: "JWT",
        configuration: {
          signature: "RSA_RS256",
          publicKeyResolver: "JWKS_URL",
          resolverParameter: `\${${env}_JWKS_URL}`,
        },
      });
      notes.add(
        "changed",
        pointer,
        `bearer tokens are verified as JWTs against the JWKS at \${${env}_JWKS_URL}`,
      );
    } else if (scheme.type === "openIdConnect") {
      out[key] = plan({
        type: "JWT",
        configuration: {
          signature: "RSA_RS256",
          publicKeyResolver: "JWKS_URL",
          resolverParameter: `\${${env}_JWKS_URL}`,
        },
      });
      notes.add(
        "changed",
        pointer,
        `OpenID Connect tokens are verified as JWTs; set \${${env}_JWKS_URL} to the \`jwks_uri\` of ${String(scheme.openIdConnectUrl)}`,
      );
    } else if (scheme.type === "mutualTLS") {
      out[key] = plan({ type: "MTLS" });
    } else if (scheme.type === "oauth2") {
      out[key] = plan({ type: "OAUTH2", configuration: { oauthResource: "oauth2" } });
      notes.add(
        "unsupported",
        pointer,
        "an OAUTH2 plan introspects tokens with an OAuth2 resource named `oauth2`: add it under `spec.resources`",
      );
    } else {
      notes.add(
        "unsupported",
        "/spec/plans",
        `security scheme \`${schemeName}\` (${String(scheme.type)} ${String(scheme.scheme ?? "")}) has no Gravitee plan; left out`,
      );
    }
  }
  if (optional || Object.keys(out).length === 0)
    out[uniqueName("keyless", taken)] = { name: "Keyless", security: { type: "KEY_LESS" } };
  return out;
}
