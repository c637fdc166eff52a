// The catalogue of diagnostic codes. Codes are permanent: once released, a code keeps its meaning
// (a retired code stays here, marked). docs/diagnostics.md is generated from this list
// (`npm run gen:docs`) and a test fails when a code used in compiler/ is missing here.

export interface CatalogueEntry {
  code: string;
  title: string;
  /** Why this is a problem. */
  why: string;
  /** How to fix it. */
  fix: string;
}

export const CATALOGUE: readonly CatalogueEntry[] = [
  // load
  {
    code: "load/yaml-syntax",
    title: "YAML syntax error",
    why: "The file is not valid YAML, so none of its documents can be read.",
    fix: "Fix the syntax at the reported position (indentation, an unclosed quote or bracket, a duplicate key).",
  },
  {
    code: "load/not-a-resource",
    title: "Not a Kubernetes-style resource",
    why: "Every document is a resource with `apiVersion`, `kind`, `metadata` and `spec`, the shape of the Gravitee Kubernetes Operator CRDs.",
    fix: "Add `apiVersion: gravitee.io/v1alpha1` and `kind: ApiV4Definition` (or `ApiDefinition` for a v2 API).",
  },
  {
    code: "load/unsupported-kind",
    title: "Resource kind not compiled",
    why: "The document is a gravitee.io resource of a kind Sluice does not compile (for example a ManagementContext); it is ignored. Resources of other API groups (Deployments, ConfigMaps) are skipped silently.",
    fix: "Nothing, if the resource is meant for another tool; otherwise use `ApiV4Definition` or `ApiDefinition`.",
  },
  {
    code: "load/gravitee-json",
    title: "A Gravitee API in JSON",
    why: "Sluice reads API specs from `*.yaml`/`*.yml` files, as GKO resources. A Management API export, a gateway-format definition (v4 with lowercase enums, v2, v1) or a GKO resource fetched as JSON in the specs directory is not read, so the API it describes would silently be missing from the gateway.",
    fix: "A GKO resource in JSON: rename the file to `.yaml` (JSON is YAML). Any other format: `sluice import FILE` converts it to `ApiV4Definition` (or `ApiDefinition`) resources, one YAML file per API (see docs/import.md); then move the JSON file out of the specs directory.",
  },
  {
    code: "load/no-apis",
    title: "No API in the input",
    why: "The directory, file or standard input holds no `ApiV4Definition` or `ApiDefinition` resource, so the gateway would serve nothing — usually a wrong path, or specs in a format Sluice does not read.",
    fix: "Check the path given to `sluice check`/`compile`. To build a gateway without APIs on purpose, pass `--allow-empty`.",
  },
  {
    code: "load/env-reference",
    title: "Malformed environment reference",
    why: "`${...}` in a value is resolved from the environment when the gateway starts; this one cannot be parsed.",
    fix: "Write `${NAME}` or `${NAME:-default}` (NAME: letters, digits, `_`). Write `$${` for a literal `${`.",
  },
  // schema
  {
    code: "schema/unknown-property",
    title: "Unknown property",
    why: "Validation is strict: Gravitee silently ignores unknown fields, so a misspelt key silently changes nothing. Sluice refuses it.",
    fix: "Fix the spelling (the hint suggests the closest known property) or remove the property.",
  },
  {
    code: "schema/missing-property",
    title: "Missing required property",
    why: "The field is required by the spec format.",
    fix: "Add the property.",
  },
  {
    code: "schema/enum",
    title: "Value not allowed",
    why: "The field takes one of a fixed set of values (UPPERCASE for Gravitee enums, kebab-case for connector ids).",
    fix: "Use one of the listed values; the hint suggests the closest one.",
  },
  {
    code: "schema/type",
    title: "Wrong type",
    why: "The value has the wrong type for the field (for example a string where a number is expected).",
    fix: "Change the value's type; quote strings that look like numbers, unquote numbers.",
  },
  {
    code: "schema/invalid",
    title: "Invalid value",
    why: "The value breaks a constraint of the schema (a pattern, a range, a minimum number of items).",
    fix: "Change the value as the message says.",
  },
  // exposure methods (docs/contract.md §2)
  {
    code: "exposure/entrypoint-api-type",
    title: "Entrypoint not allowed for this API type",
    why: "PROXY APIs (proxy upstream protocol) are entered through `http-proxy`; MESSAGE APIs (introspect messages from an event-driven backend) through `http-get`, `http-post`, `sse`, `websocket` or `webhook`.",
    fix: "Use an entrypoint of the API's type, or change `spec.type`.",
  },
  {
    code: "exposure/endpoint-api-type",
    title: "Endpoint not allowed for this API type",
    why: "PROXY APIs proxy `http-proxy` endpoints (REST, SOAP, WebSocket, gRPC, GraphQL); MESSAGE APIs use `kafka`, `mqtt5`, `solace`, `rabbitmq` or `mock`.",
    fix: "Use an endpoint group of the API's type, or change `spec.type`.",
  },
  {
    code: "exposure/proxy-message-phase",
    title: "Message-level policy on a PROXY API",
    why: "A PROXY API proxies traffic as-is (WebSocket frames included), so `publish`/`subscribe` phases and `messageCondition` never run.",
    fix: "Move the steps to `request`/`response`, use `condition`, or make the API a MESSAGE API.",
  },
  {
    code: "exposure/policy-phase",
    title: "Policy in a phase where it does not run",
    why: "Each policy says in which phases of which API types it runs (its manifest's `phases`, listed in docs/connectors-reference.md). A step elsewhere is linked but never acts: a rate limit in the response phase counts nothing, an IP filter on a MESSAGE API filters nothing.",
    fix: "Move the step to a phase the policy runs in, or remove it.",
  },
  {
    code: "exposure/flow-selector-api-type",
    title: "Flow selector not allowed for this API type",
    why: "PROXY flows select on `HTTP` and `CONDITION`; MESSAGE flows on `CHANNEL` and `CONDITION` (an `HTTP` selector there is exposure/message-http-selector's).",
    fix: "Use the selector type of the API's type.",
  },
  {
    code: "exposure/message-http-selector",
    title: "HTTP selector on a MESSAGE API",
    why: "Gravitee's Management API refuses an `HTTP` selector on a MESSAGE API's flow (so GKO with a management context refuses the API), while a gateway given the definition directly runs the flow. Sluice runs it as that gateway does: the selector's path and methods are matched against the request the entrypoint took (the path below the context path, the method).",
    fix: "Use a `CHANNEL` selector (`channel`, `channelOperator`, `operations`), which both accept.",
  },
  {
    code: "exposure/entrypoint-role",
    title: "Endpoint cannot play the entrypoint's role",
    why: "An entrypoint that consumes (http-get, sse, webhook, websocket subscriber) needs a consumer on every endpoint group; one that produces (http-post, websocket publisher) needs a producer.",
    fix: "Enable `consumer`/`producer` in the group's `sharedConfiguration` or the endpoint's `sharedConfigurationOverride`.",
  },
  {
    code: "exposure/qos",
    title: "Quality of service not supported",
    why: "A message entrypoint's `qos` must be supported by the entrypoint and honoured by every endpoint group (Gravitee's QoS matrix, docs/contract.md §2 rule 5).",
    fix: "Pick a QoS from the hint, or another endpoint.",
  },
  {
    code: "exposure/mqtt5-version",
    title: "MQTT protocol version other than 5",
    why: "The `mqtt5` endpoint speaks MQTT 5 only; silently downgrading would lose user properties, expiry and shared subscriptions.",
    fix: "Remove the version setting and use a broker that speaks MQTT 5.",
  },
  // listeners
  {
    code: "listener/required",
    title: "No listener",
    why: "Without a listener the API cannot be reached.",
    fix: "Add an HTTP listener with a path and entrypoints (or a SUBSCRIPTION listener for webhooks).",
  },
  {
    code: "listener/duplicate-type",
    title: "Two listeners of one type",
    why: "An API has at most one listener of each type.",
    fix: "Merge the listeners' paths and entrypoints.",
  },
  {
    code: "listener/unsupported-type",
    title: "Listener type not supported",
    why: "Sluice serves HTTP and SUBSCRIPTION listeners; Gravitee's TCP listener is not implemented.",
    fix: "Use an HTTP listener.",
  },
  {
    code: "listener/entrypoint-listener-type",
    title: "Entrypoint on the wrong listener",
    why: "`webhook` belongs on a SUBSCRIPTION listener; every other entrypoint on the HTTP listener.",
    fix: "Move the entrypoint to a listener of the right type.",
  },
  {
    code: "listener/duplicate-entrypoint",
    title: "Entrypoint declared twice",
    why: "Two entrypoints of one type would compete for the same requests.",
    fix: "Keep one entrypoint of each type.",
  },
  // plans
  {
    code: "plan/required",
    title: "No plan",
    why: "Every request goes through a plan; an API without one rejects every call.",
    fix: "Add a plan, e.g. a KEY_LESS plan.",
  },
  {
    code: "plan/security-required",
    title: "STANDARD plan without security",
    why: "A STANDARD plan must say how consumers authenticate.",
    fix: "Add `security: { type: KEY_LESS }` (or API_KEY, JWT, OAUTH2, MTLS), or use `mode: PUSH` for webhooks.",
  },
  {
    code: "plan/jwt-key",
    title: "JWT plan key missing, malformed or a secret in git",
    why: "A GIVEN_KEY JWT plan verifies tokens with the key in `resolverParameter`: without one, or with something that is not an RSA public key, every token is refused; an HMAC secret written in the spec is a secret in git. JWKS_URL needs an http(s) URL and an RSA signature.",
    fix: "Give the RSA public key (PEM, certificate or ssh-rsa) or the JWKS URL; keep HMAC secrets in the environment (`resolverParameter: ${JWT_SECRET}`).",
  },
  {
    code: "plan/push-security",
    title: "PUSH plan with security",
    why: "In a PUSH plan the gateway calls the subscriber; there is no consumer credential to check.",
    fix: "Remove `security` from the PUSH plan.",
  },
  {
    code: "plan/webhook-without-push",
    title: "Webhook entrypoint without a PUSH plan (warning)",
    why: "Consumers subscribe to webhooks through a PUSH plan; without one nobody can subscribe.",
    fix: "Add a plan with `mode: PUSH`.",
  },
  // endpoints
  {
    code: "endpoint/group-required",
    title: "No endpoint group",
    why: "The gateway has nowhere to send traffic.",
    fix: "Add an endpoint group with at least one endpoint.",
  },
  {
    code: "endpoint/duplicate-name",
    title: "Duplicate endpoint or group name",
    why: "Group and endpoint names share one namespace within an API: DLQs and failover refer to them by name.",
    fix: "Rename one of them.",
  },
  {
    code: "endpoint/unknown-reference",
    title: "Reference to an unknown endpoint",
    why: "`#endpoints['name']` (dynamic-routing's `url`, traffic-shadowing's `target`) and a traffic-shadowing step's bare `target` name an endpoint or endpoint group of the API; none has that name, so Gravitee would route the request to the default group or send no copy.",
    fix: "Use the name of one of the API's endpoints or endpoint groups (the hint lists them).",
  },
  {
    code: "endpoint/name-colon",
    title: "`:` in an endpoint or group name",
    why: "`:` separates group and endpoint in Gravitee endpoint references.",
    fix: "Rename without `:`.",
  },
  {
    code: "endpoint/type-mismatch",
    title: "Endpoint type differs from its group",
    why: "An endpoint group is one connector; its endpoints are of its type.",
    fix: "Use the group's type, or move the endpoint to another group.",
  },
  {
    code: "endpoint/inherit-without-shared",
    title: "Inherits a configuration that does not exist",
    why: "`inheritConfiguration: true` takes the group's `sharedConfiguration`, which is missing.",
    fix: "Add `sharedConfiguration` to the group, or set `inheritConfiguration: false`.",
  },
  {
    code: "endpoint/dlq-entrypoint",
    title: "Dead-letter queue on a non-webhook entrypoint",
    why: "Only webhook deliveries have a dead-letter queue.",
    fix: "Remove `dlq`.",
  },
  {
    code: "endpoint/dlq-target",
    title: "Dead-letter queue target cannot receive messages",
    why: "The DLQ must name an endpoint group or endpoint of the API with a producer enabled, or refused messages would be lost.",
    fix: "Name a group or endpoint that exists and enable its producer.",
  },
  // paths
  {
    code: "path/invalid",
    title: "Invalid context path",
    why: "A context path is a URL path: no query, fragment, white space, `.` or `..` segments.",
    fix: "Fix the path.",
  },
  {
    code: "path/flow-regex",
    title: "Flow path Sluice cannot run as Gravitee's regular expression",
    why: "Gravitee builds a flow's matcher from its path without escaping it, so the path is a Java regular expression (`/(.*)/products`, `.` is any character), and Sluice runs it with Java's meaning. A path Java refuses (`/{id}`, an unclosed `(`) fails every request on Gravitee; a construct Java and JavaScript read differently — possessive quantifiers (`*+`), atomic groups, inline flags (`(?i)`), `\\p{…}` classes, back references, class unions and intersections — is refused rather than run with another meaning. The error points at the construct.",
    fix: "Escape a character meant literally (`\\{`, `\\.`), write `:name` for a variable segment, rewrite the construct (`[Aa]` for `(?i)a`, `[a-zA-Z]` for `\\p{Alpha}`), or select with a `CONDITION` selector (`{#request.pathInfo matches '…'}`).",
  },
  {
    code: "path/flow-regex-backtracking",
    title: "Flow path that backtracks on a crafted request path",
    why: "A flow's path is a regular expression matched against the client's request path on every request. Nested or competing repetitions (`([a-z]+)*`, `/(.*)/(.*)/x` with EQUALS) backtrack super-linearly: on an 8 KB path the second takes about 150 ms, the first up to seconds on 30 characters, and the gateway's worker serves nothing else meanwhile.",
    fix: "Keep repetitions from competing for the same characters: a segment is `[^/]*` or `:name`, not `.*`; do not repeat a group that itself repeats (`([a-z]+)*` → `[a-z]*`).",
  },
  {
    code: "path/duplicate",
    title: "Host and path used twice",
    why: "A host+path pair routes to exactly one API across the repository; otherwise routing would depend on file order.",
    fix: "Change the path or the host of one of the APIs.",
  },
  // v2 and repository
  {
    code: "v2/http-only",
    title: "Non-HTTP endpoint on a v2 API",
    why: "v2 APIs proxy HTTP to HTTP; there is no protocol mediation.",
    fix: "Use an `ApiV4Definition` MESSAGE API for brokers.",
  },
  {
    code: "repo/duplicate-name",
    title: "Duplicate resource name",
    why: "`metadata.name` is a resource's identity within its kind (as in Kubernetes): an API's names the generated module, metrics and consumer groups; an Application's or Subscription's is what subscriptions and logs refer to.",
    fix: "Rename one of the resources.",
  },
  // consumers (Application, Subscription, ApiResource)
  {
    code: "consumer/unknown-api",
    title: "Subscription to an unknown API",
    why: "A Subscription names an API by `spec.api.name` (and `spec.api.kind`, GKO's default `ApiV4Definition`); no API of the repository has that name and kind, so the subscription would authenticate nobody.",
    fix: "Use the `metadata.name` of an API in the repository; for a v2 API add `kind: ApiDefinition`.",
  },
  {
    code: "consumer/unknown-plan",
    title: "Subscription to an unknown plan",
    why: "A Subscription's `plan` is the key of one of its API's `spec.plans` (v2: the plan's `id`, else its `name`).",
    fix: "Use one of the plan keys the message lists.",
  },
  {
    code: "consumer/unknown-application",
    title: "Subscription of an unknown application",
    why: "A Subscription's `application.name` must be the `metadata.name` of an Application in the repository.",
    fix: "Add the Application resource, or fix the name.",
  },
  {
    code: "consumer/keyless-plan",
    title: "Subscription to a KEY_LESS plan",
    why: "A KEY_LESS plan lets anyone call and takes no subscriptions (as in Gravitee): the subscription's credentials would never be asked for.",
    fix: "Subscribe to an API_KEY, JWT, OAUTH2 or MTLS plan (or a PUSH plan for webhooks).",
  },
  {
    code: "consumer/api-keys-plan",
    title: "API keys on a plan that is not API_KEY",
    why: "`apiKeys` are read by API_KEY plans only; on a JWT, OAUTH2, MTLS or PUSH plan they would protect nothing.",
    fix: "Remove `apiKeys`, or subscribe to an API_KEY plan.",
  },
  {
    code: "consumer/client-id-required",
    title: "Application without a client id on a JWT/OAUTH2 plan",
    why: "JWT and OAUTH2 plans find the subscription by the client id of the token, matched against the application's `settings.app.clientId`.",
    fix: "Set `spec.settings.app.clientId` on the Application.",
  },
  {
    code: "consumer/certificate-required",
    title: "Application without a certificate on an MTLS plan",
    why: "MTLS plans find the subscription by the client certificate's SHA-256 thumbprint, matched against the application's `settings.tls` certificates.",
    fix: "Add `spec.settings.tls.clientCertificates` to the Application.",
  },
  {
    code: "consumer/literal-key",
    title: "API key or webhook credential written in clear",
    why: "A credential in git is a leaked credential. An API key, and a webhook subscription's password, token, OAuth2 client secret or signing secret, is a `${ENV}` reference (no default; `${NAME:-}` for one that may be unset) or GKO's `[[ secret `name/key` ]]` template, read from `$SLUICE_SECRETS_DIR/name/key`.",
    fix: "Move the value into a Kubernetes Secret (or the environment) and reference it; see docs/consumers.md.",
  },
  {
    code: "consumer/duplicate-client-id",
    title: "Two applications share a client id on one plan",
    why: "JWT and OAUTH2 plans find the subscription by client id; two applications with the same client id on one plan make it ambiguous.",
    fix: "Give each application its own `settings.app.clientId`.",
  },
  {
    code: "consumer/duplicate-certificate",
    title: "Two applications share a certificate on one plan",
    why: "MTLS plans find the subscription by certificate; one certificate held by two applications subscribed to the same plan makes it ambiguous.",
    fix: "Give each application its own client certificate.",
  },
  {
    code: "consumer/duplicate-key",
    title: "One key reference used twice on an API",
    why: "The gateway finds the subscription by the key: two key entries of one API referencing the same secret or variable would give one key two subscriptions.",
    fix: "Give each subscription its own secret key or variable.",
  },
  {
    code: "consumer/duplicate-subscription",
    title: "Application subscribed twice to one plan",
    why: "An application has one subscription per plan (as in APIM); a second one makes its client identifier ambiguous.",
    fix: "Keep one subscription and list all its keys under its `apiKeys`.",
  },
  {
    code: "consumer/ended",
    title: "Subscription or key already ended",
    why: "`endingAt` (or a key's `expireAt`) is in the past: the gateway refuses these credentials on every request.",
    fix: "Nothing, if the subscription was ended on purpose; otherwise move the date into the future.",
  },
  {
    code: "consumer/push-configuration",
    title: "Webhook configuration and PUSH plans",
    why: "A PUSH plan delivers messages to the subscriber, at the address its Subscription gives in `consumerConfiguration` (GKO); other plans never read that field.",
    fix: "Give a subscription to a PUSH plan `consumerConfiguration` (`entrypointId: webhook`, `entrypointConfiguration.callbackUrl`); remove it from subscriptions to other plans.",
  },
  {
    code: "consumer/webhook-entrypoint",
    title: "Webhook subscription that no entrypoint delivers",
    why: "A subscription to a PUSH plan is delivered by the API's `webhook` entrypoint (`consumerConfiguration.entrypointId: webhook`); another entrypoint id, or an API without a `webhook` entrypoint, would compile and deliver nothing.",
    fix: "Write `entrypointId: webhook`, and give the API a `SUBSCRIPTION` listener with a `webhook` entrypoint.",
  },
  {
    code: "consumer/webhook-callback",
    title: "Webhook subscription without a usable callback URL",
    why: "A webhook subscription delivers each message with a POST to `entrypointConfiguration.callbackUrl`, which must be an absolute http:// or https:// URL (as in Gravitee's subscription form); a subscription without `entrypointConfiguration` has none.",
    fix: "Give the receiver's full URL, e.g. `callbackUrl: https://partner.example/hooks/orders`, or a `${ENV}` reference.",
  },
  {
    code: "consumer/closed-plan",
    title: "Subscription to a plan that takes no traffic",
    why: "Gravitee deploys PUBLISHED and DEPRECATED plans only; a STAGING or CLOSED plan is left out of the gateway, so its subscribers are refused.",
    fix: "Publish the plan, or remove the subscription if the plan was closed on purpose.",
  },
  {
    code: "consumer/unknown-resource",
    title: "Reference to an unknown ApiResource",
    why: "An entry of `spec.resources` with `ref` names a GKO ApiResource by `metadata.name`; none has that name.",
    fix: "Add the ApiResource, or define the resource inline with `type` and `configuration`.",
  },
  {
    code: "consumer/unknown-dictionary",
    title: "Expression reads an unknown Dictionary",
    why: "`#dictionaries['name']` reads the Dictionary resource with that `metadata.name`; none has it, so Gravitee would read null.",
    fix: "Add a Dictionary resource (kind: Dictionary, see docs/expression-language.md#dictionaries), or fix the name.",
  },
  {
    code: "consumer/unknown-shared-policy-group",
    title: "Step references an unknown SharedPolicyGroup",
    why: "A v4 step's `sharedPolicyGroupRef.name` names a SharedPolicyGroup resource by `metadata.name`; none has it, so there are no steps to run there (GKO's admission refuses the API).",
    fix: "Add the SharedPolicyGroup (kind: SharedPolicyGroup, docs/shared-policy-groups.md), or fix the name.",
  },
  {
    code: "consumer/shared-policy-group-mismatch",
    title: "SharedPolicyGroup used in another API type or phase",
    why: "A SharedPolicyGroup serves one `apiType` (PROXY or MESSAGE) and one `phase` (REQUEST, RESPONSE, PUBLISH, SUBSCRIBE); Gravitee runs it only there, and GKO refuses a reference from elsewhere.",
    fix: "Move the step to the flow phase the group names, or reference a group made for this API type and phase.",
  },
  // documentation pages
  {
    code: "page/source-skipped",
    title: "Documentation page fetched from the network",
    why: "The developer portal (`sluice docs`) is built offline from the repository, so Gravitee's fetchers (`http-fetcher`, `github-fetcher`, …) are not run and the page is left out.",
    fix: "Put the page's text in `content`, or in a file beside the spec with `source: { type: file, configuration: { path: … } }` (docs/portal.md).",
  },
  {
    code: "page/file-missing",
    title: "Documentation page file not found",
    why: "A page's `file` source names a path, relative to the spec's folder, where there is no file; the page is left out of the developer portal.",
    fix: "Fix the path (relative to the folder of the spec file) or add the file.",
  },
  {
    code: "notification/unknown-ref",
    title: "Reference to an unknown Notification",
    why: "An entry of `spec.notificationsRefs` names a Notification resource by `metadata.name`; none has that name, so the API's events would go nowhere.",
    fix: "Add the Notification resource (docs/notifications.md), or fix the name.",
  },
  {
    code: "notification/console-target",
    title: "Console Notification",
    why: "GKO's `console` target (the default) notifies members in the Gravitee console; Sluice has no console, so the Notification is accepted and sends nothing.",
    fix: "Use `target: webhook` with a `webhook` block (docs/notifications.md), or remove the Notification.",
  },
  {
    code: "notification/webhook-required",
    title: "Webhook Notification without its webhook",
    why: "A Notification with `target: webhook` is sent to the URL of its `webhook` block; without the block there is nowhere to send the events.",
    fix: "Add `webhook: { url: …, apiEvents: [...] }` (docs/notifications.md), or use GKO's `console` target.",
  },
  // expressions
  {
    code: "expression/syntax",
    title: "Malformed expression",
    why: "A Gravitee EL expression (`{#...}`) could not be parsed.",
    fix: "Fix the expression at the reported column; see Sluice's docs/expression-language.md.",
  },
  {
    code: "expression/unsupported",
    title: "Unsupported expression",
    why: "Expressions are compiled to TypeScript at compile time, with Gravitee's semantics. This one is valid SpEL, but either Sluice does not compile the form, or its types cannot work in Gravitee (text compared with a number is never equal there, a list is not one value); the message says which (see docs/expression-language.md).",
    fix: "Follow the hint: rewrite the expression with the supported forms, or convert the value first (e.g. T(Integer).parseInt(…)).",
  },
  // compile
  {
    code: "compile/not-implemented",
    title: "Connector, policy or option not implemented yet",
    why: "The spec is valid Gravitee, but the Sluice runtime has no implementation of this connector, policy, plan security, option or field yet. An unimplemented entrypoint is left out with a warning (the API serves its other entrypoints); a plan whose security is not implemented, a plan security option the runtime does not honour (docs/consumers.md lists them), and any other field the runtime ignores (`analytics`, `dlq`, `pathMappings`, `tenants`, … — docs/spec-format.md) is a warning on its key; an unimplemented connector or policy stops the compile.",
    fix: "Use an implemented alternative (docs/connectors.md and docs/consumers.md list them), or remove the part until it is supported.",
  },
  {
    code: "compile/type-check",
    title: "Generated configuration does not type-check",
    why: "The TypeScript emitted for this part of the spec does not match the runtime connector's configuration type.",
    fix: "Fix the spec value at the reported position; if the spec is valid, this is a Sluice bug: please report it.",
  },
  {
    code: "compile/policy-type-check",
    title: "A policy of the repository does not type-check",
    why: "A TypeScript policy in the repository's `policies/<id>/index.ts` is type-checked with the generated gateway, against the runtime's policy contract (`definePolicy` from `sluice/runtime`), before it is linked into the bundle; this line has a type error.",
    fix: "Fix the TypeScript at the reported line (docs/custom-policies.md describes the contract).",
  },
  {
    code: "compile/script-type-check",
    title: "A `javascript` policy's script does not type-check",
    why: "Each script of a `javascript` step is compiled into the gateway as the body of a function and checked by TypeScript against the objects Gravitee binds (`request`, `response`, `message`, `context`, `result`, `State`); this line of the script has a syntax error, names something that does not exist, or calls the API wrongly. Nothing is evaluated at run time, so the script must be correct at compile time.",
    fix: "Fix the script at the reported line; docs/policies.md#javascript lists the API a script sees and how strictly it is checked.",
  },
  {
    code: "policy/unsupported",
    title: "A Gravitee policy Sluice does not run",
    why: "Some Gravitee policies run code or processors the gateway cannot hold soundly: `groovy` evaluates scripts at run time (Sluice never evaluates code it has not type-checked; `javascript` scripts are compiled and type-checked instead), `xslt` needs a complete XSLT processor, which Sluice does not link (XSD validation, `xml-validation`, runs: libxml2 is linked for it).",
    fix: "Follow the hint: a TypeScript policy of the repository (docs/custom-policies.md), or the built-in policies that cover the common cases.",
  },
  {
    code: "policy/invalid-regex",
    title: "A policy's regular expression cannot be compiled",
    why: "A literal regular expression of a policy is checked at build time: `dynamic-routing`'s rule `pattern` is Java syntax in Gravitee and is translated (this one does not parse or uses a construct JavaScript has no counterpart for: possessive quantifiers, atomic groups, inline flags past the start…); `data-logging-masking`'s `bodyRules[].regex` is compiled as a JavaScript expression and this one is not valid.",
    fix: "Rewrite the pattern at the reported position without that construct (see docs/expression-language.md#regular-expressions-matches-split-replaceall-replacefirst).",
  },
  {
    code: "policy/invalid-json-schema",
    title: "A policy's JSON Schema cannot be compiled",
    why: "A JSON Schema in a policy's configuration (`json-validation`'s `schema`) is compiled into the gateway at build time, so that the gateway validates without loading a validator library; this one is not JSON, not a valid schema for its `$schema` dialect, or missing.",
    fix: "Fix the schema text at the reported position (or set one).",
  },
  {
    code: "policy/invalid-message-schema",
    title: "A message conversion's schema cannot be used",
    why: "`avro-json` and `protobuf-json` convert with a schema that the compiler reads (`schemaDefinition`, or the file `schemaFile` names, relative to the spec's folder) and parses at build time, so that the gateway never starts with a schema it cannot use; this one is missing, unreadable, outside the repository (a spec cannot pull other files of the machine into the gateway), not a valid Avro schema or .proto file, or has no message named `messageType`.",
    fix: "Fix the schema or the path at the reported position (docs/message-apis.md#avro-protobuf-and-cloudevents).",
  },
  {
    code: "policy/invalid-xml-schema",
    title: "An xml-validation XSD schema cannot be compiled",
    why: "`xml-validation`'s `xsdSchema` is parsed and compiled at build time by the XML Schema processor the gateway validates with (libxml2), so that the gateway never starts with a schema it cannot use; this one is not well-formed XML, not a valid XML Schema 1.0, or names another document (`xs:include`, `xs:import`, `xs:redefine` with a `schemaLocation`, an external entity), which Sluice never loads from files or the network.",
    fix: "Fix the schema at the reported line; inline the components of included or imported schemas (docs/policies.md#xml-validation).",
  },
  {
    code: "policy/invalid-selector",
    title: "An html-json selector cannot be parsed",
    why: "`html-json`'s selectors are CSS selectors (with jsoup's extensions), parsed at build time; this one is not valid.",
    fix: "Fix the selector at the reported position.",
  },
  {
    code: "policy/invalid-folder",
    title: "A policy folder of the repository is not usable",
    why: "Each folder under `policies/` beside the specs is a policy: a `manifest.json` valid against the connector manifest schema, of kind `policy`, whose id and title no built-in connector uses, a `schema.json` that is a valid JSON Schema, and an `index.ts`. Specs using a policy whose folder is not usable cannot be checked.",
    fix: "Fix the file at the reported position (docs/custom-policies.md lists what a policy folder holds).",
  },
];

export function catalogueEntry(code: string): CatalogueEntry | undefined {
  return CATALOGUE.find((e) => e.code === code);
}
