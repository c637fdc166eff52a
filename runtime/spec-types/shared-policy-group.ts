// DO NOT EDIT: generated from compiler/validate/schemas/shared-policy-group.schema.json by
// compiler/validate/generate-types.ts. Change the schema, then run `npm run gen:types`.

import type { HttpHeader, AssignAttributesPolicyConfiguration, AssignedAttribute, AssignAttributesStep, AssignContentPolicyConfiguration, AssignContentStep, AvroJsonPolicyConfiguration, AvroJsonStep, CachePolicyConfiguration, CacheStep, CloudEventsPolicyConfiguration, CloudEventsStep, DataLoggingMaskingPolicyConfiguration, DataLoggingMaskingHeaderRule, DataLoggingMaskingBodyRule, DataLoggingMaskingStep, DynamicRoutingPolicyConfiguration, DynamicRoutingRule, DynamicRoutingStep, GraphqlGuardPolicyConfiguration, GraphqlGuardStep, GraphqlRateLimitPolicyConfiguration, GraphqlRateLimitStep, HtmlJsonPolicyConfiguration, HtmlJsonSelector, HtmlJsonStep, HttpCalloutPolicyConfiguration, HttpCalloutVariable, HttpCalloutStep, IpFilteringPolicyConfiguration, IpFilteringStep, JavascriptPolicyConfiguration, JavascriptStep, JsonThreatProtectionPolicyConfiguration, JsonThreatProtectionStep, JsonValidationPolicyConfiguration, JsonValidationSchemaSource, JsonValidationStep, JsonToXmlPolicyConfiguration, JsonToXmlStep, LatencyPolicyConfiguration, LatencyStep, MessageFilteringPolicyConfiguration, MessageFilteringStep, MockPolicyConfiguration, MockStep, BasicAuthenticationPolicyConfiguration, BasicAuthenticationStep, InterruptPolicyConfiguration, InterruptVariable, InterruptStep, OverrideRequestMethodPolicyConfiguration, OverrideRequestMethodStep, RequestValidationPolicyConfiguration, RequestValidationRule, RequestValidationConstraint, RequestValidationStep, ProtobufJsonPolicyConfiguration, ProtobufJsonPrinterOptions, ProtobufJsonInput, ProtobufJsonOutput, ProtobufJsonInlineSchema, ProtobufJsonOutputSchema, ProtobufJsonStep, QuotaPolicyConfiguration, QuotaRate, QuotaStep, RateLimitPolicyConfiguration, RateLimitRate, RateLimitStep, RegexThreatProtectionPolicyConfiguration, RegexThreatProtectionStep, RequestContentLimitPolicyConfiguration, RequestContentLimitStep, ResourceFilteringPolicyConfiguration, ResourceFilteringRule, ResourceFilteringStep, RestToSoapPolicyConfiguration, RestToSoapStep, RetryPolicyConfiguration, RetryStep, SpikeArrestPolicyConfiguration, SpikeArrestRate, SpikeArrestStep, SslEnforcementPolicyConfiguration, SslEnforcementStep, TrafficShadowingPolicyConfiguration, TrafficShadowingHeader, TrafficShadowingStep, TransformHeadersPolicyConfiguration, TransformHeadersStep, TransformQueryParamsPolicyConfiguration, TransformQueryParamsStep, UrlRewritingPolicyConfiguration, UrlRewritingStep, XmlToJsonPolicyConfiguration, XmlToJsonStep, XmlThreatProtectionPolicyConfiguration, XmlThreatProtectionStep, XmlValidationPolicyConfiguration, XmlValidationStep, FlowStep } from "./shared-definitions.ts";
export type { HttpHeader, AssignAttributesPolicyConfiguration, AssignedAttribute, AssignAttributesStep, AssignContentPolicyConfiguration, AssignContentStep, AvroJsonPolicyConfiguration, AvroJsonStep, CachePolicyConfiguration, CacheStep, CloudEventsPolicyConfiguration, CloudEventsStep, DataLoggingMaskingPolicyConfiguration, DataLoggingMaskingHeaderRule, DataLoggingMaskingBodyRule, DataLoggingMaskingStep, DynamicRoutingPolicyConfiguration, DynamicRoutingRule, DynamicRoutingStep, GraphqlGuardPolicyConfiguration, GraphqlGuardStep, GraphqlRateLimitPolicyConfiguration, GraphqlRateLimitStep, HtmlJsonPolicyConfiguration, HtmlJsonSelector, HtmlJsonStep, HttpCalloutPolicyConfiguration, HttpCalloutVariable, HttpCalloutStep, IpFilteringPolicyConfiguration, IpFilteringStep, JavascriptPolicyConfiguration, JavascriptStep, JsonThreatProtectionPolicyConfiguration, JsonThreatProtectionStep, JsonValidationPolicyConfiguration, JsonValidationSchemaSource, JsonValidationStep, JsonToXmlPolicyConfiguration, JsonToXmlStep, LatencyPolicyConfiguration, LatencyStep, MessageFilteringPolicyConfiguration, MessageFilteringStep, MockPolicyConfiguration, MockStep, BasicAuthenticationPolicyConfiguration, BasicAuthenticationStep, InterruptPolicyConfiguration, InterruptVariable, InterruptStep, OverrideRequestMethodPolicyConfiguration, OverrideRequestMethodStep, RequestValidationPolicyConfiguration, RequestValidationRule, RequestValidationConstraint, RequestValidationStep, ProtobufJsonPolicyConfiguration, ProtobufJsonPrinterOptions, ProtobufJsonInput, ProtobufJsonOutput, ProtobufJsonInlineSchema, ProtobufJsonOutputSchema, ProtobufJsonStep, QuotaPolicyConfiguration, QuotaRate, QuotaStep, RateLimitPolicyConfiguration, RateLimitRate, RateLimitStep, RegexThreatProtectionPolicyConfiguration, RegexThreatProtectionStep, RequestContentLimitPolicyConfiguration, RequestContentLimitStep, ResourceFilteringPolicyConfiguration, ResourceFilteringRule, ResourceFilteringStep, RestToSoapPolicyConfiguration, RestToSoapStep, RetryPolicyConfiguration, RetryStep, SpikeArrestPolicyConfiguration, SpikeArrestRate, SpikeArrestStep, SslEnforcementPolicyConfiguration, SslEnforcementStep, TrafficShadowingPolicyConfiguration, TrafficShadowingHeader, TrafficShadowingStep, TransformHeadersPolicyConfiguration, TransformHeadersStep, TransformQueryParamsPolicyConfiguration, TransformQueryParamsStep, UrlRewritingPolicyConfiguration, UrlRewritingStep, XmlToJsonPolicyConfiguration, XmlToJsonStep, XmlThreatProtectionPolicyConfiguration, XmlThreatProtectionStep, XmlValidationPolicyConfiguration, XmlValidationStep, FlowStep };

/**
 * A Gravitee Kubernetes Operator SharedPolicyGroup: steps for one phase of one API type, which v4 flows of any API of that type run where a step names the group (`sharedPolicyGroupRef`). Sluice inlines the steps where they are referenced: see docs/shared-policy-groups.md.
 */
export interface SharedPolicyGroup {
  /**
   * Resource API version.
   */
  apiVersion: "gravitee.io/v1alpha1";
  /**
   * Resource kind.
   */
  kind: "SharedPolicyGroup";
  metadata: SharedPolicyGroupMetadata;
  spec: SharedPolicyGroupSpec;
}
/**
 * Kubernetes object metadata. `name` is the group's identity: what a step's `sharedPolicyGroupRef.name` names.
 *
 * This interface was referenced by `SharedPolicyGroup`'s JSON-Schema
 * via the `definition` "SharedPolicyGroupMetadata".
 */
export interface SharedPolicyGroupMetadata {
  /**
   * The group's identity, as `sharedPolicyGroupRef.name` names it: a DNS-1123 subdomain, unique among the SharedPolicyGroups of the repository.
   */
  name: string;
  /**
   * Kubernetes namespace (informational for Sluice).
   */
  namespace?: string;
  /**
   * Kubernetes labels (informational for Sluice).
   */
  labels?: {
    [k: string]: string | undefined;
  };
  /**
   * Kubernetes annotations (informational for Sluice).
   */
  annotations?: {
    [k: string]: string | undefined;
  };
}
/**
 * The group: the API type and phase it serves, and its steps.
 *
 * This interface was referenced by `SharedPolicyGroup`'s JSON-Schema
 * via the `definition` "SharedPolicyGroupSpec".
 */
export interface SharedPolicyGroupSpec {
  /**
   * Display name (management only).
   */
  name: string;
  /**
   * Description (management only).
   */
  description?: string;
  /**
   * What an API needs before using the group (management only).
   */
  prerequisiteMessage?: string;
  /**
   * Gravitee's cross-environment id (management only).
   */
  crossId?: string;
  /**
   * GKO management context (ignored: Sluice compiles the repository).
   */
  contextRef?: {
    name?: string;
    namespace?: string;
  };
  /**
   * The type of the APIs that may reference the group.
   */
  apiType: "PROXY" | "MESSAGE";
  /**
   * The flow phase whose steps may reference the group (`PUBLISH` and `SUBSCRIBE` on MESSAGE APIs).
   */
  phase: "REQUEST" | "RESPONSE" | "PUBLISH" | "SUBSCRIBE";
  /**
   * The steps, run in order where the group is referenced, like the flow's own steps.
   */
  steps?: FlowStep[];
}
