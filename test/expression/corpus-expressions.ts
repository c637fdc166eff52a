// Every EL expression found in the Gravitee files users bring (exports, gateway definitions, GKO
// resources: every string with a block opening `{#`, `{T`, `{(`), copied with the file it comes
// from and where it sits there, so the tests never read those files. `kind` is how it sits: a
// condition (flow/step condition, logging condition, health-check assertion) or a templated value.
// `values`: requests whose result Gravitee's semantics fix, with that result.
//
// Left out: `${(api.primaryOwner.email)!''}` in `metadata[].value` of two exports
// (apim-quicksetup_export-wrapper_tcp-proxy.json, apim-rest-test_export-wrapper_proxy-api.json):
// portal metadata in FreeMarker, which the gateway never evaluates (and Sluice's import drops).

export interface CorpusRequest {
  headers?: Record<string, string | string[]>;
  params?: Record<string, string | string[]>;
  status?: number;
  timestamp?: number;
}

export interface CorpusExpression {
  origin: string;
  at: string;
  kind: "condition" | "template";
  source: string;
  values: ReadonlyArray<{ request: CorpusRequest; expected: string | boolean; why: string }>;
}

const KEY = "b655afe3-c8a9-44fb-808d-e45b75d8412c";

const SSL_TEMPLATE = `{
  "#request.ssl.client.attributes['oU']": "{#request.ssl.client.attributes['ou']}",
  "#request.ssl.client.dn": "{#request.ssl.client.dn}",
  "#request.ssl.server.attributes['Ou']": "{#request.ssl.server.attributes['ou']}",
  "#request.ssl.server.dn": "{#request.ssl.server.dn}"
}`;

/** On clear text the SSL session is empty: every value renders as nothing (test/expression/ssl.test.ts covers TLS). */
const SSL_CLEAR_TEXT = `{
  "#request.ssl.client.attributes['oU']": "",
  "#request.ssl.client.dn": "",
  "#request.ssl.server.attributes['Ou']": "",
  "#request.ssl.server.dn": ""
}`;

export const CORPUS_EXPRESSIONS: readonly CorpusExpression[] = [
  {
    origin: "v2/apim-quicksetup_v2-export_echo.json",
    at: "plans/0/flows/0/pre/1/configuration/content",
    kind: "template",
    source: SSL_TEMPLATE,
    values: [{ request: {}, expected: SSL_CLEAR_TEXT, why: "no TLS session: empty principals" }],
  },
  {
    origin: "v4/apim-quicksetup_export-wrapper_echo-v4.json",
    at: "plans/0/flows/0/request/1/configuration/content",
    kind: "template",
    source: SSL_TEMPLATE,
    values: [{ request: {}, expected: SSL_CLEAR_TEXT, why: "no TLS session: empty principals" }],
  },
  {
    origin: "v2/apim-rest-test_v2-export_logging-groups.json",
    at: "proxy/logging/condition",
    kind: "condition",
    source: `{(#request.params['api-key'] != null && #request.params['api-key'][0] == '${KEY}') || #request.headers['X-Gravitee-Api-Key'][0] == '${KEY}'}`,
    values: [
      {
        request: { params: { "api-key": KEY } },
        expected: true,
        why: "the query parameter matches: || stops",
      },
      { request: { headers: { "X-Gravitee-Api-Key": KEY } }, expected: true, why: "the header matches" },
      {
        request: { params: { "api-key": "other" }, headers: { "X-Gravitee-Api-Key": "other" } },
        expected: false,
        why: "neither matches",
      },
    ],
  },
  {
    origin: "v4/apim-it_http-get-entrypoint_kafka-endpoint_dynamic-config-el.json",
    at: "endpointGroups/0/endpoints/0/sharedConfigurationOverride/consumer/autoOffsetReset",
    kind: "template",
    source: "{#request.headers['X-AutoOffsetReset'][0]}",
    values: [
      {
        request: { headers: { "X-AutoOffsetReset": "earliest" } },
        expected: "earliest",
        why: "the header's value",
      },
      { request: {}, expected: "", why: "no header: null renders as nothing" },
    ],
  },
  {
    origin: "v4/apim-it_http-get-entrypoint_kafka-endpoint_dynamic-config-el.json",
    at: "flows/0/request/0/condition",
    kind: "condition",
    source: "{#request.headers['X-Topic-Override-Request-Level'] != null}",
    values: [
      { request: { headers: { "X-Topic-Override-Request-Level": "t" } }, expected: true, why: "present" },
      { request: {}, expected: false, why: "absent: getAll gives null" },
    ],
  },
  {
    origin: "v4/apim-it_http-get-entrypoint_kafka-endpoint_dynamic-config-el.json",
    at: "flows/0/request/0/configuration/attributes/0/value",
    kind: "template",
    source: "{#request.headers['X-Topic-Override-Request-Level'][0]}",
    values: [
      {
        request: { headers: { "X-Topic-Override-Request-Level": ["topic-b", "topic-c"] } },
        expected: "topic-b",
        why: "the first header line",
      },
    ],
  },
  {
    origin: "v4/apim-rest-test_export-wrapper_proxy-api.json",
    at: "api/endpointGroups/0/services/healthCheck/configuration/assertion",
    kind: "condition",
    source: "{#response.status == 200}",
    values: [
      { request: { status: 200 }, expected: true, why: "an int compared with an int" },
      { request: { status: 503 }, expected: false, why: "another status" },
    ],
  },
  {
    origin: "v4/apim-rest-test_export-wrapper_proxy-api.json",
    at: "api/analytics/logging/condition",
    kind: "condition",
    source: "{#request.timestamp <= 1709737299215l}",
    values: [
      { request: { timestamp: 1709737299215 }, expected: true, why: "a long compared with a long: equal" },
      { request: { timestamp: 1709737299216 }, expected: false, why: "one millisecond later" },
    ],
  },
  {
    origin: "v4/gko_apiv4definition_proxy-health-check.yml",
    at: "spec/endpointGroups/0/endpoints/0/services/healthCheck/configuration/assertion",
    kind: "condition",
    source: "{#response.status == 200}",
    values: [{ request: { status: 200 }, expected: true, why: "an int compared with an int" }],
  },
];
