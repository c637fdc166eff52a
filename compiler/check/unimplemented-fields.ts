// No silent acceptance: a valid spec field that the runtime does not implement is a
// `compile/not-implemented` warning on its key, so a team sees that e.g. its `analytics` or `logging`
// block does nothing before it relies on it. The spec is walked along its JSON Schema (through
// `$ref`, and the `oneOf` branch its `type` selects), naming each object by its schema `title`.
// Fields the runtime implements are listed next to the runtime (runtime/implemented-fields.ts);
// test/check/field-coverage.test.ts fails on a schema field that is in none of the lists.

import { POLICY_STEPS, V2_POLICY_STEPS } from "../../runtime/implemented-fields.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { LoadedDocument } from "../load/load-specs.ts";
import { loadSchemas, type SchemaKind } from "../validate/schemas.ts";

/** Fields the runtime ignores today, with what the warning says instead. `<title>.*`: the whole object. */
export const NOT_IMPLEMENTED_FIELDS: Readonly<Record<string, string>> = {
  "ApiV4Spec.services": "API services (dynamic properties) are not run",
  "ApiServices.dynamicProperty": "dynamic properties are not fetched",
  "HttpListener.pathMappings": "path mappings are not matched: access-log lines carry the path itself",
  "HttpListener.servers": "the listener serves on every port of the gateway",
  "ListenerPath.overrideAccess": "overrideAccess has no effect (Sluice has no portal access URLs)",
  "ApiProperty.encrypted": "properties are not decrypted: write a ${ENV} reference for secrets",
  "ApiProperty.dynamic": "dynamic properties are not fetched",
  "ApiProperty.encryptable": "properties are not encrypted: write a ${ENV} reference for secrets",
  "HttpProxyEntrypoint.dlq": "a dead letter queue is used by the webhook entrypoint only (as in Gravitee)",
  "HttpGetEntrypoint.dlq": "a dead letter queue is used by the webhook entrypoint only (as in Gravitee)",
  "HttpPostEntrypoint.dlq": "a dead letter queue is used by the webhook entrypoint only (as in Gravitee)",
  "SseEntrypoint.dlq": "a dead letter queue is used by the webhook entrypoint only (as in Gravitee)",
  "WebsocketEntrypoint.dlq": "a dead letter queue is used by the webhook entrypoint only (as in Gravitee)",
  "HttpClientOptions.useCompression": "the backend's body is passed as it comes, never decompressed",
  "HttpClientOptions.propagateClientAcceptEncoding":
    "Accept-Encoding is forwarded as a header like any other",
  "HttpClientOptions.clearTextUpgrade": "the HTTP/2 transport decides clear-text HTTP/2 itself",
  "HttpClientOptions.http2MultiplexingLimit": "Node.js's HTTP/2 defaults apply",
  "HttpClientOptions.http2ConnectionWindowSize": "Node.js's HTTP/2 defaults apply",
  "HttpClientOptions.http2StreamWindowSize": "Node.js's HTTP/2 defaults apply",
  "HttpClientOptions.http2MaxFrameSize": "Node.js's HTTP/2 defaults apply",
  "KafkaConsumer.removeConfluentHeader": "message content is delivered as stored",
  "Mqtt5EndpointConfiguration.reconnectAttempts": "the endpoint reconnects until the gateway stops",
  "WebhookEntrypointConfiguration.proxy": "callbacks are called directly, without a proxy",
  "WebhookEntrypointConfiguration.logging": "callback calls are not logged",
  "EndpointGroupServices.discovery": "service discovery is not run: list the endpoints",
  "HttpProxyEndpoint.tenants": "tenants are not selected: every endpoint is used",
  "KafkaEndpoint.tenants": "tenants are not selected: every endpoint is used",
  "Mqtt5Endpoint.tenants": "tenants are not selected: every endpoint is used",
  "SolaceEndpoint.tenants": "tenants are not selected: every endpoint is used",
  "RabbitMqEndpoint.tenants": "tenants are not selected: every endpoint is used",
  "MockEndpoint.tenants": "tenants are not selected: every endpoint is used",
  "Flow.interact": "the interact phase is not run",
  "Flow.connect": "the connect phase is not run",
  "Plan.generalConditions": "general conditions (portal) are not enforced",
  "Plan.excludedGroups": "excluded groups (portal) are not enforced",
  "ApiDefinitionV2Spec.execution_mode": "the v2 API runs on Sluice's one engine",
  "ApiDefinitionV2Spec.path_mappings":
    "path mappings are not matched: access-log lines carry the path itself",
  "ApiDefinitionV2Spec.services": "API services (discovery, dynamic properties) are not run",
  "V2ApiServices.discovery": "service discovery is not run: list the endpoints",
  "V2ApiServices.dynamic-property": "dynamic properties are not fetched",
  "V2EndpointGroupServices.discovery": "service discovery is not run: list the endpoints",
  "V2VirtualHost.override_entrypoint": "the entrypoint URL (portal) is not overridden",
  "V2Endpoint.tenants": "tenants are not selected: every endpoint is used",
  "V2Flow.consumers": "flow consumers are not matched: the flow applies to every consumer",
  "V2Plan.excluded_groups": "excluded groups (portal) are not enforced",
};

/**
 * Fields with no gateway behaviour in Gravitee either (portal, console, GKO bookkeeping): nothing
 * to implement, accepted without a word.
 */
export const MANAGEMENT_FIELDS: Readonly<Record<string, string>> = {
  ...Object.fromEntries(
    [
      "description",
      "tags",
      "contextRef",
      "definitionContext",
      "definitionVersion",
      "id",
      "crossId",
      "state",
      "lifecycleState",
      "visibility",
      "notifyMembers",
      "groups",
      "groupRefs",
      "members",
      "categories",
      "labels",
      "metadata",
      "local",
    ].map((f) => [`ApiV4Spec.${f}`, "management"]),
  ),
  ...Object.fromEntries(
    [
      "description",
      "gravitee",
      "tags",
      "contextRef",
      "definition_context",
      "id",
      "crossId",
      "state",
      "lifecycle_state",
      "visibility",
      "notifyMembers",
      "groups",
      "groupRefs",
      "members",
      "categories",
      "labels",
      "metadata",
      "local",
    ].map((f) => [`ApiDefinitionV2Spec.${f}`, "management"]),
  ),
  "ResourceMetadata.namespace": "Kubernetes",
  "ResourceMetadata.labels": "Kubernetes",
  "ResourceMetadata.annotations": "Kubernetes",
  "ApiMember.*": "management",
  "ApiMetadataEntry.*": "portal",
  "PageAccessControl.*": "portal (a static site publishes PUBLIC pages only)",
  "DefinitionContext.*": "management",
  "V2DefinitionContext.*": "management",
  "Flow.id": "management",
  "Flow.tags": "sharding tags: which gateways deploy the API, not what one does",
  "V2Flow.id": "management",
  "Plan.description": "portal",
  "Plan.validation": "management: whether subscriptions are approved automatically",
  "Plan.characteristics": "portal",
  "Plan.tags": "sharding tags: which gateways deploy the API, not what one does",
  "Plan.order": "portal",
  "Plan.type": "management",
  "Plan.crossId": "management",
  "Plan.definitionVersion": "management",
  "Plan.comment_required": "portal",
  "V2Plan.description": "portal",
  "V2Plan.validation": "management",
  "V2Plan.type": "management",
  "V2Plan.characteristics": "portal",
  "V2Plan.tags": "sharding tags",
  "V2Plan.order": "portal",
  "V2Plan.comment_required": "portal",
  "V2Plan.crossId": "management",
  "V2Plan.api": "management",
  ...Object.fromEntries(
    POLICY_STEPS.flatMap((p) => [
      [`${p}Step.description`, "console"],
      ...(V2_POLICY_STEPS.includes(p) ? [[`V2${p}Step.description`, "console"]] : []),
    ]),
  ),
};

/**
 * Fields reported by another diagnostic already (no second warning): listener types the gateway
 * does not serve (listener/unsupported-type), and the insides of a field reported as a whole.
 */
export const REPORTED_ELSEWHERE: Readonly<Record<string, string>> = {
  "SubscriptionListener.*": "listener/unsupported-type",
  "TcpListener.*": "listener/unsupported-type",
  "TcpEntrypoint.*": "listener/unsupported-type",
  "WebhookLogging.*": "compile/not-implemented (webhook logging)",
  "WebhookLoggingPart.*": "compile/not-implemented (webhook logging)",
  "DiscoveryService.*": "compile/not-implemented (discovery)",
  "DynamicPropertyService.*": "compile/not-implemented (dynamicProperty)",
  "V2DiscoveryService.*": "compile/not-implemented (discovery)",
  "V2DynamicPropertyService.*": "compile/not-implemented (dynamic-property)",
  "V2FlowConsumer.*": "compile/not-implemented (consumers)",
};

type Schema = Record<string, unknown>;

const API_KINDS: readonly SchemaKind[] = ["ApiV4Definition", "ApiDefinition"];
let schemas: Record<SchemaKind, Schema> | undefined;

/** The entry for `title.key` in a list, exact or by the title's wildcard. */
export function lookup(
  list: Readonly<Record<string, string>>,
  title: string,
  key: string,
): string | undefined {
  return list[`${title}.${key}`] ?? list[`${title}.*`];
}

/** The `compile/not-implemented` warnings for one document (API kinds only). */
export function unimplementedFields(doc: LoadedDocument): Diagnostic[] {
  if (!API_KINDS.includes(doc.kind as SchemaKind)) return [];
  schemas ??= loadSchemas() as Record<SchemaKind, Schema>;
  const root = schemas[doc.kind as SchemaKind];
  const definitions = (root.definitions ?? {}) as Record<string, Schema>;
  const out: Diagnostic[] = [];
  const walk = (value: unknown, node: Schema | undefined, pointer: string): void => {
    const schema = resolve(node, value, definitions);
    if (!schema) return;
    if (Array.isArray(value)) {
      const items = schema.items as Schema | undefined;
      value.forEach((item, i) => {
        walk(item, items, `${pointer}/${i}`);
      });
      return;
    }
    if (value === null || typeof value !== "object") return;
    const title = typeof schema.title === "string" ? schema.title : undefined;
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    const additional =
      typeof schema.additionalProperties === "object" ? (schema.additionalProperties as Schema) : undefined;
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      const at = `${pointer}/${escapePointer(key)}`;
      const note = title ? lookup(NOT_IMPLEMENTED_FIELDS, title, key) : undefined;
      if (note !== undefined && properties[key]) {
        out.push({
          code: "compile/not-implemented",
          severity: "warning",
          message: `\`${key}\` is valid but not implemented by the Sluice runtime yet: ${note}`,
          hint: "remove it, or keep it for Gravitee knowing Sluice ignores it (see Sluice's docs/spec-format.md)",
          at: { ...doc.at, pointer: at, key: true },
        });
        continue;
      }
      walk(child, properties[key] ?? additional, at);
    }
  };
  walk(doc.value, root, "");
  return out;
}

/**
 * Follows `$ref`s and picks the `oneOf`/`anyOf` branch the value's `type` (or shape) selects, and
 * the `then`/`else` of an `if` on required keys (a flow step: `sharedPolicyGroupRef` or a policy).
 */
function resolve(
  node: Schema | undefined,
  value: unknown,
  definitions: Record<string, Schema>,
): Schema | undefined {
  let current = node;
  for (let depth = 0; current && depth < 16; depth++) {
    const ref = current.$ref;
    if (typeof ref === "string") {
      current = definitions[ref.slice(ref.lastIndexOf("/") + 1)];
      continue;
    }
    const condition = current.if as { required?: string[] } | undefined;
    if (condition?.required) {
      const has =
        value !== null &&
        typeof value === "object" &&
        condition.required.every((k) => Object.hasOwn(value as object, k));
      current = (has ? current.then : current.else) as Schema | undefined;
      continue;
    }
    const branches = (current.oneOf ?? current.anyOf) as Schema[] | undefined;
    if (!branches) return current;
    const resolved = branches.map((b) => resolve(b, value, definitions)).filter((b) => b !== undefined);
    const by = ((current.discriminator ?? {}) as { propertyName?: string }).propertyName ?? "type";
    const type = value && typeof value === "object" ? (value as Record<string, unknown>)[by] : undefined;
    current =
      resolved.find((b) => {
        const t = ((b.properties ?? {}) as Record<string, Schema>)[by];
        return t !== undefined && (t.const === type || (Array.isArray(t.enum) && t.enum.includes(type)));
      }) ?? (resolved.length === 1 ? resolved[0] : undefined);
    return current;
  }
  return current;
}

function escapePointer(key: string): string {
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}
