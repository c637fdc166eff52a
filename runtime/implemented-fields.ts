// The spec fields the runtime implements, each with the module that does: the other half of
// compiler/check/unimplemented-fields.ts, which reports every field in neither list as
// `compile/not-implemented`. Keys are `<schema title>.<property>` (the JSON Schemas' `title`s);
// `<title>.*` hands a whole connector or policy configuration to the module that owns it (its
// fields are its configuration type, runtime/spec-types/). test/check/field-coverage.test.ts walks
// the schemas and fails on a field that is in no list, so a new schema field must be decided here.
// Adding an implementation: move its key from the compiler's list to this one.
import { MANIFESTS } from "./connector-manifests.ts";
import { folderName } from "./manifest.ts";

/**
 * The policy step definitions of the schemas (`<title>Step`, v2: `V2<title>Step`) the runtime
 * implements: every built-in policy's manifest (runtime/policies/<id>/manifest.json).
 */
export const POLICY_STEPS: readonly string[] = MANIFESTS.filter(
  (m) => m.kind === "policy" && (m.phases?.PROXY || m.phases?.MESSAGE),
).map((m) => m.title);
/** v2 APIs: the policies with v2 phases. */
export const V2_POLICY_STEPS: readonly string[] = MANIFESTS.filter(
  (m) => m.kind === "policy" && m.phases?.V2,
).map((m) => m.title);

export const IMPLEMENTED_FIELDS: Readonly<Record<string, string>> = {
  // Documents and metadata
  "ApiV4Definition.apiVersion": "compiler/load",
  "ApiV4Definition.kind": "compiler/load",
  "ApiV4Definition.metadata": "compiler/model",
  "ApiV4Definition.spec": "compiler/model",
  "ApiDefinitionV2.apiVersion": "compiler/load",
  "ApiDefinitionV2.kind": "compiler/load",
  "ApiDefinitionV2.metadata": "compiler/model",
  "ApiDefinitionV2.spec": "compiler/model",
  "ResourceMetadata.name": "compiler/model (the API id)",
  "ResourceReference.*": "runtime/server/api-runtime.ts (resources by reference)",
  "HttpHeader.*": "runtime/endpoints/http-proxy/headers.ts",
  // v4 API
  "ApiV4Spec.name": "runtime/server/admin.ts (/info)",
  // Documentation pages and notifications (docs/portal.md, docs/notifications.md)
  "ApiV4Spec.pages": "compiler/docs (sluice docs)",
  "ApiDefinitionV2Spec.pages": "compiler/docs (sluice docs)",
  "Page.*": "compiler/docs/pages.ts",
  "PageSource.*": "compiler/docs/pages.ts",
  "ApiV4Spec.notificationsRefs": "runtime/notifications",
  "ApiDefinitionV2Spec.notificationsRefs": "runtime/notifications",
  "ApiV4Spec.version": "runtime/server/admin.ts (/info)",
  "ApiV4Spec.type": "runtime/server/api-runtime.ts",
  "ApiV4Spec.listeners": "runtime/server/router.ts",
  "ApiV4Spec.endpointGroups": "runtime/server/api-runtime.ts",
  "ApiV4Spec.flowExecution": "runtime/server/flows.ts",
  "ApiV4Spec.flows": "runtime/server/flows.ts",
  "ApiV4Spec.plans": "runtime/server/api-runtime.ts",
  "ApiV4Spec.properties": "runtime/el.ts",
  "ApiV4Spec.resources": "runtime/server/api-runtime.ts",
  "ApiV4Spec.responseTemplates": "runtime/server/response-templates.ts",
  "ApiV4Spec.failover": "runtime/server/failover.ts",
  "ApiV4Spec.analytics": "runtime/observability/access-log.ts (tracing: runtime/observability/tracing.ts)",
  "Analytics.enabled": "runtime/observability/access-log.ts",
  "Analytics.sampling": "runtime/observability/sampling.ts",
  "Analytics.logging": "runtime/observability/access-log.ts",
  "AnalyticsSampling.*": "runtime/observability/sampling.ts",
  "AnalyticsLogging.*":
    "runtime/observability/access-log.ts (messageCondition: runtime/server/api-runtime.ts)",
  "LoggingContent.*": "runtime/observability/access-log.ts",
  "LoggingPhase.*": "runtime/observability/access-log.ts",
  "LoggingMode.*": "runtime/observability/access-log.ts",
  "ResponseTemplate.propagateErrorKeyToLogs":
    "runtime/observability/access-log.ts (errorKey is always logged)",
  "Analytics.tracing": "runtime/observability/tracing.ts",
  "AnalyticsTracing.enabled": "runtime/observability/tracing.ts",
  "AnalyticsTracing.verbose": "runtime/observability/otel.ts (a span per policy step)",
  "ApiProperty.key": "runtime/el.ts",
  "ApiProperty.value": "runtime/el.ts",
  "ApiResource.*": "runtime/server/api-runtime.ts",
  "ResponseTemplate.status": "runtime/server/response-templates.ts",
  "ResponseTemplate.headers": "runtime/server/response-templates.ts",
  "ResponseTemplate.body": "runtime/server/response-templates.ts",
  "HttpListener.type": "runtime/server/router.ts",
  "HttpListener.paths": "runtime/server/router.ts",
  "HttpListener.entrypoints": "runtime/server/api-runtime.ts",
  "HttpListener.cors": "runtime/server/cors.ts",
  "ListenerPath.host": "runtime/server/router.ts",
  "ListenerPath.path": "runtime/server/router.ts",
  "Cors.*": "runtime/server/cors.ts",
  "V2Cors.*": "runtime/server/cors.ts",
  // Entrypoints
  "HttpProxyEntrypoint.type": "runtime/entrypoints/http-proxy/index.ts",
  "HttpProxyEntrypoint.qos": "runtime/entrypoints/http-proxy/index.ts",
  "HttpProxyEntrypoint.configuration": "runtime/entrypoints/http-proxy/index.ts",
  "HttpGetEntrypoint.type": "runtime/entrypoints/http-get/index.ts",
  "HttpGetEntrypoint.qos": "runtime/message/message-flow.ts",
  "HttpGetEntrypoint.configuration": "runtime/entrypoints/http-get/index.ts",
  "HttpPostEntrypoint.type": "runtime/entrypoints/http-post/index.ts",
  "HttpPostEntrypoint.qos": "runtime/message/message-flow.ts",
  "HttpPostEntrypoint.configuration": "runtime/entrypoints/http-post/index.ts",
  "SseEntrypoint.type": "runtime/entrypoints/sse/index.ts",
  "SseEntrypoint.qos": "runtime/message/message-flow.ts",
  "SseEntrypoint.configuration": "runtime/entrypoints/sse/index.ts",
  "WebsocketEntrypoint.type": "runtime/entrypoints/websocket/index.ts",
  "WebsocketEntrypoint.qos": "runtime/message/message-flow.ts",
  "WebsocketEntrypoint.configuration": "runtime/entrypoints/websocket/index.ts",
  "WebhookEntrypoint.type": "runtime/entrypoints/webhook/index.ts",
  "WebhookEntrypoint.qos": "runtime/entrypoints/webhook/index.ts",
  "WebhookEntrypoint.configuration": "runtime/entrypoints/webhook/index.ts",
  "WebhookEntrypoint.dlq": "runtime/entrypoints/webhook/consumer.ts",
  // Read on the webhook entrypoint only; on the others `dlq` itself is reported (compile/not-implemented).
  "DeadLetterQueue.*": "runtime/entrypoints/webhook/consumer.ts",
  "WebhookEntrypointConfiguration.http": "runtime/entrypoints/webhook/index.ts",
  "WebhookEntrypointConfiguration.interruptConsumptionOnServerError":
    "runtime/entrypoints/webhook/consumer.ts",
  "WebhookEntrypointConfiguration.interruptConsumptionOnException": "runtime/entrypoints/webhook/consumer.ts",
  "WebhookHttpOptions.*": "runtime/entrypoints/webhook/index.ts",
  "HttpGetEntrypointConfiguration.*": "runtime/entrypoints/http-get/index.ts",
  "HttpPostEntrypointConfiguration.*": "runtime/entrypoints/http-post/index.ts",
  "SseEntrypointConfiguration.*": "runtime/entrypoints/sse/index.ts",
  "WebsocketEntrypointConfiguration.*": "runtime/entrypoints/websocket/index.ts",
  "WebsocketPublisher.*": "runtime/entrypoints/websocket/index.ts",
  "WebsocketSubscriber.*": "runtime/entrypoints/websocket/index.ts",
  // Endpoints
  "LoadBalancer.*": "runtime/server/load-balancer.ts",
  "V2LoadBalancing.*": "runtime/server/load-balancer.ts",
  ...endpointGroup("HttpProxy", "runtime/endpoints/http-proxy/index.ts"),
  ...endpointGroup("Kafka", "runtime/endpoints/kafka/index.ts"),
  ...endpointGroup("Mqtt5", "runtime/endpoints/mqtt5/index.ts"),
  ...endpointGroup("Solace", "runtime/endpoints/solace/index.ts"),
  ...endpointGroup("RabbitMq", "runtime/endpoints/rabbitmq/index.ts"),
  ...endpointGroup("Mock", "runtime/endpoints/mock/index.ts"),
  "HttpProxyEndpointConfiguration.*": "runtime/endpoints/http-proxy/index.ts",
  "HttpProxySharedConfiguration.*": "runtime/endpoints/http-proxy/index.ts",
  ...Object.fromEntries(
    [
      "version",
      "connectTimeout",
      "readTimeout",
      "idleTimeout",
      "keepAlive",
      "keepAliveTimeout",
      "pipelining",
      "maxConcurrentConnections",
      "propagateClientHost",
      "followRedirects",
    ].map((f) => [`HttpClientOptions.${f}`, "runtime/endpoints/http-proxy/transport.ts"]),
  ),
  "HttpProxyOptions.*": "runtime/endpoints/http-proxy/transport.ts",
  "SslOptions.*": "runtime/endpoints/http-proxy/transport.ts",
  "TrustStore.*": "runtime/endpoints/http-proxy/transport.ts",
  "KeyStore.*": "runtime/endpoints/http-proxy/transport.ts",
  "KafkaEndpointConfiguration.*": "runtime/endpoints/kafka/index.ts",
  "KafkaSharedConfiguration.*": "runtime/endpoints/kafka/index.ts",
  "KafkaSecurity.*": "runtime/endpoints/kafka/security.ts",
  "KafkaSasl.*": "runtime/endpoints/kafka/security.ts",
  "KafkaSsl.*": "runtime/endpoints/kafka/security.ts",
  "KafkaTrustStore.*": "runtime/endpoints/kafka/security.ts",
  "KafkaKeyStore.*": "runtime/endpoints/kafka/security.ts",
  ...Object.fromEntries(
    ["enabled", "topics", "topicPattern", "autoOffsetReset", "checkTopicExistence", "encodeMessageId"].map(
      (f) => [`KafkaConsumer.${f}`, "runtime/endpoints/kafka/index.ts"],
    ),
  ),
  "KafkaProducer.*": "runtime/endpoints/kafka/index.ts",
  "BrokerAuth.*": "runtime/endpoints/broker",
  "BrokerSsl.*": "runtime/endpoints/broker",
  "Mqtt5EndpointConfiguration.serverHost": "runtime/endpoints/mqtt5/index.ts",
  "Mqtt5EndpointConfiguration.serverPort": "runtime/endpoints/mqtt5/index.ts",
  "Mqtt5SharedConfiguration.*": "runtime/endpoints/mqtt5/index.ts",
  "Mqtt5Security.*": "runtime/endpoints/mqtt5/index.ts",
  "Mqtt5Consumer.*": "runtime/endpoints/mqtt5/index.ts",
  "Mqtt5Producer.*": "runtime/endpoints/mqtt5/index.ts",
  "SolaceEndpointConfiguration.*": "runtime/endpoints/solace/index.ts",
  "SolaceSharedConfiguration.*": "runtime/endpoints/solace/index.ts",
  "SolaceSecurity.*": "runtime/endpoints/solace/index.ts",
  "SolaceConsumer.*": "runtime/endpoints/solace/index.ts",
  "SolaceProducer.*": "runtime/endpoints/solace/index.ts",
  "RabbitMqEndpointConfiguration.*": "runtime/endpoints/rabbitmq/index.ts",
  "RabbitMqSharedConfiguration.*": "runtime/endpoints/rabbitmq/index.ts",
  "RabbitMqSecurity.*": "runtime/endpoints/rabbitmq/index.ts",
  "RabbitMqConsumer.*": "runtime/endpoints/rabbitmq/index.ts",
  "RabbitMqProducer.*": "runtime/endpoints/rabbitmq/index.ts",
  "RabbitMqExchange.*": "runtime/endpoints/rabbitmq/index.ts",
  "MockEndpointConfiguration.*": "runtime/endpoints/mock/index.ts",
  "HealthCheckService.*": "runtime/server/health-check.ts",
  "HealthCheckConfiguration.*": "runtime/server/health-check.ts",
  "EndpointGroupServices.healthCheck": "runtime/server/health-check.ts",
  "EndpointServices.healthCheck": "runtime/server/health-check.ts",
  "Failover.*": "runtime/server/failover.ts",
  // Flows and policies
  "FlowExecution.*": "runtime/server/flows.ts",
  "Flow.name": "runtime/server/flows.ts",
  "Flow.enabled": "compiler/model (a disabled flow is left out)",
  // docs/shared-policy-groups.md: the group's steps are inlined where a step references it.
  "SharedPolicyGroupStep.name": "compiler/model (informational)",
  "SharedPolicyGroupStep.description": "compiler/model (informational)",
  "SharedPolicyGroupStep.enabled": "compiler/model (a disabled reference inlines nothing)",
  "SharedPolicyGroupStep.condition": "compiler/model (gates each inlined step)",
  "SharedPolicyGroupStep.sharedPolicyGroupRef": "compiler/model (the group's steps inlined)",
  "SharedPolicyGroupRef.name": "compiler/model",
  "SharedPolicyGroupRef.namespace": "compiler/model (informational)",
  "SharedPolicyGroupRef.kind": "compiler/model (informational)",
  "SharedPolicyGroupPolicyStep.name": "compiler/model (informational)",
  "SharedPolicyGroupPolicyStep.description": "compiler/model (informational)",
  "SharedPolicyGroupPolicyStep.enabled": "compiler/model (a disabled reference inlines nothing)",
  "SharedPolicyGroupPolicyStep.policy": "compiler/model (the group's steps inlined)",
  "SharedPolicyGroupPolicyStep.condition": "compiler/model (gates each inlined step)",
  "SharedPolicyGroupPolicyStep.configuration": "compiler/model",
  "SharedPolicyGroupPolicyConfiguration.sharedPolicyGroupId":
    "compiler/model (the group of that crossId or name)",
  "SharedPolicyGroupPolicyConfiguration.hrid":
    "compiler/model (the group of that <namespace>-<name> or name)",
  "DataLoggingMaskingHeaderRule.*": "runtime/policies/data-logging-masking",
  "DataLoggingMaskingBodyRule.*": "runtime/policies/data-logging-masking",
  "Flow.selectors": "runtime/server/flows.ts",
  "Flow.request": "runtime/server/api-runtime.ts",
  "Flow.response": "runtime/server/api-runtime.ts",
  "Flow.publish": "runtime/server/api-runtime.ts",
  "Flow.subscribe": "runtime/server/api-runtime.ts",
  "HttpSelector.*": "runtime/server/flows.ts",
  "ChannelSelector.*": "runtime/server/flows.ts",
  "ConditionSelector.*": "runtime/server/flows.ts",
  ...steps(POLICY_STEPS, ""),
  ...steps(V2_POLICY_STEPS, "V2"),
  // Each policy's configuration belongs to its module (nested definitions and notes below).
  ...Object.fromEntries(
    MANIFESTS.filter((m) => m.kind === "policy").map((m) => [
      `${m.title}PolicyConfiguration.*`,
      `runtime/policies/${folderName(m)}/index.ts`,
    ]),
  ),
  "RateLimitRate.*": "runtime/policies/lib/rate.ts",
  "QuotaRate.*": "runtime/policies/lib/rate.ts",
  "SpikeArrestRate.*": "runtime/policies/lib/rate.ts",
  "AssignedAttribute.*": "runtime/policies/assign-attributes/index.ts",
  "InterruptVariable.*":
    "runtime/policies/policy-interrupt/index.ts (response templates cannot read them yet)",
  "RequestValidationRule.*": "runtime/policies/policy-request-validation/index.ts",
  "RequestValidationConstraint.*": "runtime/policies/policy-request-validation/index.ts",
  "ResourceFilteringRule.*": "runtime/policies/resource-filtering/index.ts",
  "HttpCalloutVariable.*": "runtime/policies/http-callout/index.ts",
  "DynamicRoutingRule.*": "runtime/policies/dynamic-routing/index.ts",
  "TrafficShadowingHeader.*": "runtime/policies/traffic-shadowing/index.ts",
  "HtmlJsonSelector.*": "runtime/policies/html-json/index.ts",
  "ProtobufJsonPrinterOptions.*": "runtime/policies/protobuf-json/proto.ts",
  "ProtobufJsonInput.*":
    "runtime/policies/protobuf-json/index.ts (schema-registry is compile/not-implemented, compiler/model/message-schemas.ts)",
  "ProtobufJsonOutput.*":
    "runtime/policies/protobuf-json/index.ts (schema-registry is compile/not-implemented, compiler/model/message-schemas.ts)",
  "ProtobufJsonInlineSchema.*":
    "runtime/policies/protobuf-json/index.ts (schemaFile: inlined by the compiler)",
  "ProtobufJsonOutputSchema.*":
    "runtime/policies/protobuf-json/index.ts (schemaFile: inlined by the compiler)",
  "JsonValidationSchemaSource.*":
    "runtime/policies/json-validation/index.ts (SCHEMA_REGISTRY_RESOURCE is compile/not-implemented)",
  "IpFilteringPolicyConfiguration.*":
    "runtime/policies/ip-filtering/index.ts (lookupIpVersion: host names are not resolved, docs/policies.md)",
  // Plans
  "Plan.name": "runtime/server/api-runtime.ts",
  "Plan.security": "runtime/server/api-runtime.ts",
  "Plan.mode": "runtime/server/api-runtime.ts",
  "Plan.status": "compiler/model (closed and staging plans are left out)",
  "Plan.selectionRule": "runtime/server/api-runtime.ts",
  "Plan.flows": "runtime/server/api-runtime.ts",
  "Plan.id": "runtime/server/api-runtime.ts",
  "KeyLessPlanSecurity.*": "runtime/security/key-less/index.ts",
  "ApiKeyPlanSecurity.*": "runtime/security/api-key/index.ts",
  "JwtPlanSecurity.*": "runtime/security/jwt/index.ts",
  "OAuth2PlanSecurity.*": "runtime/security/oauth2/index.ts",
  "MtlsPlanSecurity.*": "runtime/security/mtls/index.ts",
  "ApiKeySecurityConfiguration.*": "runtime/security/api-key/index.ts",
  // Options these modules do not honour are reported by compiler/emit/unimplemented-security.ts.
  "JwtSecurityConfiguration.*": "runtime/security/jwt/index.ts",
  "JwtConfirmationMethodValidation.*": "runtime/security/jwt/index.ts",
  "JwtCertificateBoundThumbprint.*": "runtime/security/jwt/index.ts",
  "JwtTokenTypValidation.*": "runtime/security/jwt/index.ts",
  "OAuth2SecurityConfiguration.*": "runtime/security/oauth2/index.ts",
  // v2 API
  "ApiDefinitionV2Spec.name": "runtime/server/admin.ts (/info)",
  "ApiDefinitionV2Spec.version": "runtime/server/admin.ts (/info)",
  "ApiDefinitionV2Spec.flow_mode": "runtime/server/flows.ts",
  "ApiDefinitionV2Spec.proxy": "runtime/entrypoints/http-proxy/index.ts",
  "ApiDefinitionV2Spec.flows": "runtime/server/flows.ts",
  "ApiDefinitionV2Spec.plans": "runtime/server/api-runtime.ts",
  "ApiDefinitionV2Spec.properties": "runtime/el.ts",
  "ApiDefinitionV2Spec.resources": "runtime/server/api-runtime.ts",
  "ApiDefinitionV2Spec.response_templates": "runtime/server/response-templates.ts",
  "V2Proxy.virtual_hosts": "runtime/server/router.ts",
  "V2Proxy.strip_context_path": "runtime/entrypoints/http-proxy/index.ts",
  "V2Proxy.preserve_host": "runtime/endpoints/http-proxy/index.ts",
  "V2Proxy.groups": "runtime/server/api-runtime.ts",
  "V2Proxy.failover": "runtime/server/failover.ts",
  "V2Proxy.cors": "runtime/server/cors.ts",
  "V2Proxy.logging": "runtime/observability/access-log.ts",
  "V2Logging.*": "runtime/observability/access-log.ts",
  "V2VirtualHost.host": "runtime/server/router.ts",
  "V2VirtualHost.path": "runtime/server/router.ts",
  "V2EndpointGroup.name": "runtime/server/api-runtime.ts",
  "V2EndpointGroup.endpoints": "runtime/server/api-runtime.ts",
  "V2EndpointGroup.load_balancing": "runtime/server/load-balancer.ts",
  "V2EndpointGroup.http": "runtime/endpoints/http-proxy/transport.ts",
  "V2EndpointGroup.ssl": "runtime/endpoints/http-proxy/transport.ts",
  "V2EndpointGroup.proxy": "runtime/endpoints/http-proxy/transport.ts",
  "V2EndpointGroup.headers": "runtime/endpoints/http-proxy/headers.ts",
  "V2EndpointGroup.services": "runtime/server/health-check.ts (discovery inside is reported)",
  "V2Endpoint.name": "runtime/server/api-runtime.ts",
  "V2Endpoint.target": "runtime/endpoints/http-proxy/index.ts",
  "V2Endpoint.weight": "runtime/server/load-balancer.ts",
  "V2Endpoint.backup": "runtime/server/load-balancer.ts",
  "V2Endpoint.type": "runtime/endpoints/http-proxy/index.ts",
  "V2Endpoint.inherit": "compiler/model",
  "V2Endpoint.http": "runtime/endpoints/http-proxy/transport.ts",
  "V2Endpoint.ssl": "runtime/endpoints/http-proxy/transport.ts",
  "V2Endpoint.proxy": "runtime/endpoints/http-proxy/transport.ts",
  "V2Endpoint.headers": "runtime/endpoints/http-proxy/headers.ts",
  "V2Endpoint.healthcheck": "runtime/server/health-check.ts",
  "V2EndpointGroupServices.health-check": "runtime/server/health-check.ts",
  "V2ApiServices.health-check": "runtime/server/health-check.ts",
  "V2HealthCheck.*": "runtime/server/health-check.ts",
  "V2HealthCheckStep.*": "runtime/server/health-check.ts",
  "V2HealthCheckRequest.*": "runtime/server/health-check.ts",
  "V2HealthCheckResponse.*": "runtime/server/health-check.ts",
  "V2Failover.*": "runtime/server/failover.ts",
  "V2Flow.name": "runtime/server/flows.ts",
  "V2Flow.enabled": "compiler/model (a disabled flow is left out)",
  "V2Flow.path-operator": "runtime/server/flows.ts",
  "V2Flow.methods": "runtime/server/flows.ts",
  "V2Flow.condition": "runtime/server/flows.ts",
  "V2Flow.pre": "runtime/server/api-runtime.ts",
  "V2Flow.post": "runtime/server/api-runtime.ts",
  "V2PathOperator.*": "runtime/server/flows.ts",
  "V2Plan.name": "runtime/server/api-runtime.ts",
  "V2Plan.security": "runtime/server/api-runtime.ts",
  "V2Plan.securityDefinition": "runtime/security",
  "V2Plan.flows": "runtime/server/api-runtime.ts",
  "V2Plan.status": "compiler/model (closed and staging plans are left out)",
  "V2Plan.selection_rule": "runtime/server/api-runtime.ts",
  "V2Plan.id": "runtime/server/api-runtime.ts",
};

function endpointGroup(prefix: string, module: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of ["name", "type", "loadBalancer", "sharedConfiguration", "services", "endpoints"])
    out[`${prefix}EndpointGroup.${p}`] = module;
  for (const p of ["name", "type", "weight", "inheritConfiguration", "configuration"])
    out[`${prefix}Endpoint.${p}`] = module;
  out[`${prefix}Endpoint.sharedConfigurationOverride`] = module;
  out[`${prefix}Endpoint.services`] = "runtime/server/health-check.ts";
  out[`${prefix}Endpoint.secondary`] = "runtime/server/load-balancer.ts";
  return out;
}

function steps(policies: readonly string[], prefix: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of policies)
    for (const f of ["name", "enabled", "policy", "configuration", "condition"])
      out[`${prefix}${p}Step.${f}`] = "runtime/server/api-runtime.ts";
  // v4 steps only: the condition on each message.
  if (prefix === "")
    for (const p of policies) out[`${p}Step.messageCondition`] = "runtime/server/api-runtime.ts";
  return out;
}
