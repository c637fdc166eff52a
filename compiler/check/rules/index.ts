// The registry of check rules. Every file under rules/<group>/ is listed here; a test keeps the
// list, the file names and the codes in step (the file name is the rule's code).
import type { ApiRule, RepositoryRule } from "../rule.ts";
import consumerApiKeysPlan from "./consumer/api-keys-plan.ts";
import consumerCertificateRequired from "./consumer/certificate-required.ts";
import consumerClientIdRequired from "./consumer/client-id-required.ts";
import consumerClosedPlan from "./consumer/closed-plan.ts";
import consumerDuplicateCertificate from "./consumer/duplicate-certificate.ts";
import consumerDuplicateClientId from "./consumer/duplicate-client-id.ts";
import consumerDuplicateKey from "./consumer/duplicate-key.ts";
import consumerDuplicateSubscription from "./consumer/duplicate-subscription.ts";
import consumerEnded from "./consumer/ended.ts";
import consumerKeylessPlan from "./consumer/keyless-plan.ts";
import consumerLiteralKey from "./consumer/literal-key.ts";
import consumerPushConfiguration from "./consumer/push-configuration.ts";
import consumerSharedPolicyGroupMismatch from "./consumer/shared-policy-group-mismatch.ts";
import consumerUnknownApi from "./consumer/unknown-api.ts";
import consumerUnknownApplication from "./consumer/unknown-application.ts";
import consumerUnknownDictionary from "./consumer/unknown-dictionary.ts";
import consumerUnknownPlan from "./consumer/unknown-plan.ts";
import consumerUnknownResource from "./consumer/unknown-resource.ts";
import consumerUnknownSharedPolicyGroup from "./consumer/unknown-shared-policy-group.ts";
import consumerWebhookCallback from "./consumer/webhook-callback.ts";
import consumerWebhookEntrypoint from "./consumer/webhook-entrypoint.ts";
import endpointDlqEntrypoint from "./endpoint/dlq-entrypoint.ts";
import endpointDlqTarget from "./endpoint/dlq-target.ts";
import endpointDuplicateName from "./endpoint/duplicate-name.ts";
import endpointGroupRequired from "./endpoint/group-required.ts";
import endpointInheritWithoutShared from "./endpoint/inherit-without-shared.ts";
import endpointNameColon from "./endpoint/name-colon.ts";
import endpointTypeMismatch from "./endpoint/type-mismatch.ts";
import endpointUnknownReference from "./endpoint/unknown-reference.ts";
import exposureEndpointApiType from "./exposure/endpoint-api-type.ts";
import exposureEntrypointApiType from "./exposure/entrypoint-api-type.ts";
import exposureEntrypointRole from "./exposure/entrypoint-role.ts";
import exposureFlowSelectorApiType from "./exposure/flow-selector-api-type.ts";
import exposureMessageHttpSelector from "./exposure/message-http-selector.ts";
import exposureMqtt5Version from "./exposure/mqtt5-version.ts";
import exposurePolicyPhase from "./exposure/policy-phase.ts";
import exposureProxyMessagePhase from "./exposure/proxy-message-phase.ts";
import exposureQos from "./exposure/qos.ts";
import listenerDuplicateEntrypoint from "./listener/duplicate-entrypoint.ts";
import listenerDuplicateType from "./listener/duplicate-type.ts";
import listenerEntrypointListenerType from "./listener/entrypoint-listener-type.ts";
import listenerRequired from "./listener/required.ts";
import listenerUnsupportedType from "./listener/unsupported-type.ts";
import notificationConsoleTarget from "./notification/console-target.ts";
import notificationUnknownRef from "./notification/unknown-ref.ts";
import notificationWebhookRequired from "./notification/webhook-required.ts";
import pageFileMissing from "./page/file-missing.ts";
import pageSourceSkipped from "./page/source-skipped.ts";
import pathDuplicate from "./path/duplicate.ts";
import pathFlowRegex from "./path/flow-regex.ts";
import pathFlowRegexBacktracking from "./path/flow-regex-backtracking.ts";
import pathInvalid from "./path/invalid.ts";
import planJwtKey from "./plan/jwt-key.ts";
import planPushSecurity from "./plan/push-security.ts";
import planRequired from "./plan/required.ts";
import planSecurityRequired from "./plan/security-required.ts";
import planWebhookWithoutPush from "./plan/webhook-without-push.ts";
import repoDuplicateName from "./repo/duplicate-name.ts";
import v2HttpOnly from "./v2/http-only.ts";

export const apiRules: readonly ApiRule[] = [
  endpointDlqEntrypoint,
  endpointDlqTarget,
  endpointDuplicateName,
  endpointGroupRequired,
  endpointInheritWithoutShared,
  endpointNameColon,
  endpointTypeMismatch,
  endpointUnknownReference,
  exposureEndpointApiType,
  exposureEntrypointApiType,
  exposureEntrypointRole,
  exposureFlowSelectorApiType,
  exposureMqtt5Version,
  exposureMessageHttpSelector,
  exposurePolicyPhase,
  exposureProxyMessagePhase,
  exposureQos,
  listenerDuplicateEntrypoint,
  listenerDuplicateType,
  listenerEntrypointListenerType,
  listenerRequired,
  listenerUnsupportedType,
  notificationConsoleTarget,
  notificationWebhookRequired,
  pageFileMissing,
  pageSourceSkipped,
  pathInvalid,
  pathFlowRegex,
  pathFlowRegexBacktracking,
  planJwtKey,
  planPushSecurity,
  planRequired,
  planSecurityRequired,
  planWebhookWithoutPush,
  v2HttpOnly,
];

export const repositoryRules: readonly RepositoryRule[] = [
  consumerApiKeysPlan,
  consumerCertificateRequired,
  consumerClientIdRequired,
  consumerClosedPlan,
  consumerDuplicateCertificate,
  consumerDuplicateClientId,
  consumerDuplicateKey,
  consumerDuplicateSubscription,
  consumerEnded,
  consumerKeylessPlan,
  consumerLiteralKey,
  consumerPushConfiguration,
  consumerUnknownApi,
  consumerUnknownApplication,
  consumerUnknownPlan,
  consumerUnknownDictionary,
  consumerUnknownResource,
  consumerUnknownSharedPolicyGroup,
  consumerSharedPolicyGroupMismatch,
  consumerWebhookCallback,
  consumerWebhookEntrypoint,
  notificationUnknownRef,
  pathDuplicate,
  repoDuplicateName,
];
