// DO NOT EDIT: generated from runtime/<kind>/<id>/manifest.json by compiler/validate/assemble-schemas.ts
// (`npm run gen:schemas`). The built-in connectors' manifests, as data for the checker and the runtime.
import type { ConnectorManifest } from "./manifest.ts";

export const MANIFESTS: readonly ConnectorManifest[] = [
  {
    "id": "http-get",
    "aliases": [],
    "kind": "entrypoint",
    "title": "HttpGet",
    "summary": "The `http-get` entrypoint: clients poll messages with GET.",
    "apiTypes": [
      "MESSAGE"
    ],
    "listener": "HTTP",
    "modes": [
      "SUBSCRIBE"
    ],
    "qos": [
      "AUTO",
      "AT_MOST_ONCE",
      "AT_LEAST_ONCE"
    ]
  },
  {
    "id": "http-post",
    "aliases": [],
    "kind": "entrypoint",
    "title": "HttpPost",
    "summary": "The `http-post` entrypoint: each POST body is a message.",
    "apiTypes": [
      "MESSAGE"
    ],
    "listener": "HTTP",
    "modes": [
      "PUBLISH"
    ],
    "qos": [
      "NONE",
      "AUTO"
    ]
  },
  {
    "id": "http-proxy",
    "aliases": [],
    "kind": "entrypoint",
    "title": "HttpProxy",
    "summary": "The `http-proxy` entrypoint (PROXY APIs).",
    "apiTypes": [
      "PROXY"
    ],
    "listener": "HTTP"
  },
  {
    "id": "sse",
    "aliases": [],
    "kind": "entrypoint",
    "title": "Sse",
    "summary": "The `sse` entrypoint: messages streamed as server-sent events.",
    "apiTypes": [
      "MESSAGE"
    ],
    "listener": "HTTP",
    "modes": [
      "SUBSCRIBE"
    ],
    "qos": [
      "NONE",
      "AUTO",
      "AT_MOST_ONCE",
      "AT_LEAST_ONCE"
    ]
  },
  {
    "id": "webhook",
    "aliases": [],
    "kind": "entrypoint",
    "title": "Webhook",
    "summary": "The `webhook` entrypoint: messages POSTed to each subscription's callback URL.",
    "apiTypes": [
      "MESSAGE"
    ],
    "listener": "SUBSCRIPTION",
    "modes": [
      "SUBSCRIBE"
    ],
    "qos": [
      "NONE",
      "AUTO",
      "AT_MOST_ONCE",
      "AT_LEAST_ONCE"
    ]
  },
  {
    "id": "websocket",
    "aliases": [],
    "kind": "entrypoint",
    "title": "Websocket",
    "summary": "The `websocket` entrypoint: messages as WebSocket frames, both ways.",
    "apiTypes": [
      "MESSAGE"
    ],
    "listener": "HTTP",
    "modes": [
      "PUBLISH",
      "SUBSCRIBE"
    ],
    "qos": [
      "NONE",
      "AUTO"
    ]
  },
  {
    "id": "http-proxy",
    "aliases": [],
    "kind": "endpoint",
    "title": "HttpProxy",
    "summary": "A HTTP backend endpoint.",
    "groupSummary": "An endpoint group of HTTP endpoints.",
    "apiTypes": [
      "PROXY"
    ]
  },
  {
    "id": "kafka",
    "aliases": [],
    "kind": "endpoint",
    "title": "Kafka",
    "summary": "A Kafka cluster endpoint.",
    "groupSummary": "An endpoint group of Kafka endpoints.",
    "apiTypes": [
      "MESSAGE"
    ]
  },
  {
    "id": "mock",
    "aliases": [],
    "kind": "endpoint",
    "title": "Mock",
    "summary": "A mock message source endpoint.",
    "groupSummary": "An endpoint group of mock endpoints.",
    "apiTypes": [
      "MESSAGE"
    ],
    "capabilities": [
      "roles-always-enabled"
    ]
  },
  {
    "id": "mqtt5",
    "aliases": [],
    "kind": "endpoint",
    "title": "Mqtt5",
    "summary": "A MQTT 5 broker endpoint.",
    "groupSummary": "An endpoint group of MQTT 5 endpoints.",
    "apiTypes": [
      "MESSAGE"
    ],
    "qosLimits": {
      "http-get": [
        "AUTO"
      ],
      "sse": [
        "NONE",
        "AUTO"
      ]
    }
  },
  {
    "id": "rabbitmq",
    "aliases": [],
    "kind": "endpoint",
    "title": "RabbitMq",
    "summary": "A RabbitMQ broker endpoint.",
    "groupSummary": "An endpoint group of RabbitMQ endpoints.",
    "apiTypes": [
      "MESSAGE"
    ]
  },
  {
    "id": "solace",
    "aliases": [],
    "kind": "endpoint",
    "title": "Solace",
    "summary": "A Solace broker endpoint.",
    "groupSummary": "An endpoint group of Solace endpoints.",
    "apiTypes": [
      "MESSAGE"
    ],
    "qosLimits": {
      "http-get": [
        "AUTO"
      ],
      "sse": [
        "NONE",
        "AUTO"
      ]
    }
  },
  {
    "id": "API_KEY",
    "aliases": [],
    "kind": "security",
    "title": "ApiKey",
    "summary": "API key in the `X-Gravitee-Api-Key` header or the `api-key` query parameter.",
    "apiTypes": [
      "PROXY",
      "MESSAGE",
      "V2"
    ]
  },
  {
    "id": "JWT",
    "aliases": [],
    "kind": "security",
    "title": "Jwt",
    "summary": "A JSON Web Token in the Authorization header.",
    "apiTypes": [
      "PROXY",
      "MESSAGE",
      "V2"
    ]
  },
  {
    "id": "KEY_LESS",
    "aliases": [],
    "kind": "security",
    "title": "KeyLess",
    "summary": "No authentication.",
    "apiTypes": [
      "PROXY",
      "MESSAGE",
      "V2"
    ]
  },
  {
    "id": "MTLS",
    "aliases": [],
    "kind": "security",
    "title": "Mtls",
    "summary": "A TLS client certificate.",
    "apiTypes": [
      "PROXY",
      "MESSAGE"
    ]
  },
  {
    "id": "OAUTH2",
    "aliases": [],
    "kind": "security",
    "title": "OAuth2",
    "summary": "An OAuth2 access token checked with an OAuth2 resource.",
    "apiTypes": [
      "PROXY",
      "MESSAGE",
      "V2"
    ]
  },
  {
    "id": "assign-attributes",
    "aliases": [
      "policy-assign-attributes"
    ],
    "kind": "policy",
    "title": "AssignAttributes",
    "summary": "Sets attributes of the exchange, or of each message, from EL templates.",
    "phases": {
      "PROXY": [
        "request",
        "response"
      ],
      "MESSAGE": [
        "request",
        "response",
        "publish",
        "subscribe"
      ],
      "V2": [
        "request",
        "response"
      ]
    },
    "errorKeys": []
  },
  {
    "id": "assign-content",
    "aliases": [
      "policy-assign-content"
    ],
    "kind": "policy",
    "title": "AssignContent",
    "summary": "Replaces the request body, the response body or a message's content with an EL template.",
    "phases": {
      "PROXY": [
        "request",
        "response"
      ],
      "MESSAGE": [
        "request",
        "response",
        "publish",
        "subscribe"
      ],
      "V2": [
        "request",
        "response"
      ]
    },
    "capabilities": [
      "writes-response"
    ],
    "errorKeys": [
      "ASSIGN_CONTENT_ERROR"
    ]
  },
  {
    "id": "avro-json",
    "aliases": [],
    "kind": "policy",
    "title": "AvroJson",
    "summary": "Converts Avro (Confluent wire format or raw) to JSON, or JSON to Avro, with a schema checked at compile time.",
    "phases": {
      "PROXY": [
        "request",
        "response"
      ],
      "MESSAGE": [
        "publish",
        "subscribe"
      ],
      "V2": [
        "request",
        "response"
      ]
    },
    "errorKeys": [
      "INVALID_AVRO_TRANSFORMATION"
    ]
  },
  {
    "id": "cache",
    "aliases": [
      "policy-cache"
    ],
    "kind": "policy",
    "title": "Cache",
    "summary": "Answers from a cache resource (in memory, or Redis through `cache-redis`) the responses it stored earlier.",
    "phases": {
      "PROXY": [
        "request"
      ],
      "V2": [
        "request"
      ]
    },
    "errorKeys": []
  },
  {
    "id": "cloud-events",
    "aliases": [],
    "kind": "policy",
    "title": "CloudEvents",
    "summary": "Wraps each message in a CloudEvents 1.0 JSON envelope (structured mode).",
    "phases": {
      "MESSAGE": [
        "publish",
        "subscribe"
      ]
    },
    "errorKeys": [
      "CLOUD_EVENTS_TRANSFORMATION_ERROR"
    ]
  },
  {
    "id": "data-logging-masking",
    "aliases": [
      "policy-data-logging-masking"
    ],
    "kind": "policy",
    "title": "DataLoggingMasking",
    "summary": "Masks headers and body data (JSON path, XML path, patterns such as e-mail or card numbers) in what the access log writes; the client and the backend see the data unchanged.",
    "phases": {
      "PROXY": [
        "request",
        "response"
      ],
      "V2": [
        "request",
        "response"
      ]
    },
    "errorKeys": []
  },
  {
    "id": "dynamic-routing",
    "aliases": [
      "policy-dynamic-routing"
    ],
    "kind": "policy",
    "title": "DynamicRouting",
    "summary": "Routes the request by the first rule whose regular expression matches its path: to an endpoint or group by name, or to a URL.",
    "phases": {
      "PROXY": [
        "request"
      ],
      "V2": [
        "request"
      ]
    },
    "errorKeys": []
  },
  {
    "id": "graphql-guard",
    "aliases": [],
    "kind": "policy",
    "title": "GraphqlGuard",
    "summary": "Rejects GraphQL operations that nest too deep, cost too much, are not allowlisted or introspect (a Sluice policy).",
    "phases": {
      "PROXY": [
        "request"
      ],
      "V2": [
        "request"
      ]
    },
    "errorKeys": [
      "MAX_DEPTH_EXCEEDED",
      "MAX_COMPLEXITY_EXCEEDED",
      "OPERATION_NOT_ALLOWED",
      "INTROSPECTION_DISABLED"
    ]
  },
  {
    "id": "graphql-rate-limit",
    "aliases": [],
    "kind": "policy",
    "title": "GraphqlRateLimit",
    "summary": "A rate limit weighted by the cost of each GraphQL operation.",
    "phases": {
      "PROXY": [
        "request"
      ],
      "V2": [
        "request"
      ]
    },
    "errorKeys": [
      "RATE_LIMIT_TOO_MANY_REQUESTS",
      "MAX_COST_EXCEEDED"
    ]
  },
  {
    "id": "html-json",
    "aliases": [],
    "kind": "policy",
    "title": "HtmlJson",
    "summary": "Turns an HTML response into JSON: each selector's text under its JSON name.",
    "phases": {
      "PROXY": [
        "response"
      ],
      "V2": [
        "response"
      ]
    },
    "errorKeys": []
  },
  {
    "id": "http-callout",
    "aliases": [
      "policy-http-callout"
    ],
    "kind": "policy",
    "title": "HttpCallout",
    "summary": "Calls an HTTP service and keeps values of its response as attributes, or ends the exchange on its error.",
    "phases": {
      "PROXY": [
        "request",
        "response"
      ],
      "MESSAGE": [
        "request",
        "response",
        "publish",
        "subscribe"
      ],
      "V2": [
        "request",
        "response"
      ]
    },
    "errorKeys": [
      "CALLOUT_EXIT_ON_ERROR",
      "CALLOUT_HTTP_ERROR"
    ]
  },
  {
    "id": "ip-filtering",
    "aliases": [],
    "kind": "policy",
    "title": "IpFiltering",
    "summary": "Refuses clients by IP address or CIDR range (allow and deny lists).",
    "phases": {
      "PROXY": [
        "request"
      ],
      "V2": [
        "request"
      ]
    },
    "errorKeys": [
      "IP_FILTERING_UNAUTHORIZED"
    ]
  },
  {
    "id": "javascript",
    "aliases": [
      "policy-javascript"
    ],
    "kind": "policy",
    "title": "Javascript",
    "summary": "Runs a JavaScript script compiled into the gateway and type-checked: headers, attributes, content, or a failure through `result`.",
    "phases": {
      "PROXY": [
        "request",
        "response"
      ],
      "MESSAGE": [
        "publish",
        "subscribe"
      ],
      "V2": [
        "request",
        "response"
      ]
    },
    "errorKeys": [
      "JAVASCRIPT_EXECUTION_FAILURE"
    ]
  },
  {
    "id": "json-threat-protection",
    "aliases": [
      "policy-json-threat-protection"
    ],
    "kind": "policy",
    "title": "JsonThreatProtection",
    "summary": "Refuses a JSON request body (or published message) beyond limits of depth, entries, array size and lengths.",
    "phases": {
      "PROXY": [
        "request"
      ],
      "MESSAGE": [
        "publish"
      ],
      "V2": [
        "request"
      ]
    },
    "errorKeys": [
      "JSON_THREAT_DETECTED",
      "JSON_THREAT_MAX_DEPTH",
      "JSON_THREAT_MAX_ENTRIES",
      "JSON_THREAT_MAX_NAME_LENGTH",
      "JSON_THREAT_MAX_VALUE_LENGTH",
      "JSON_MAX_ARRAY_SIZE"
    ]
  },
  {
    "id": "json-validation",
    "aliases": [],
    "kind": "policy",
    "title": "JsonValidation",
    "summary": "Validates a JSON body or message against a JSON Schema compiled into the gateway at build time.",
    "phases": {
      "PROXY": [
        "request",
        "response"
      ],
      "MESSAGE": [
        "publish",
        "subscribe"
      ],
      "V2": [
        "request",
        "response"
      ]
    },
    "errorKeys": [
      "JSON_INVALID_PAYLOAD",
      "JSON_INVALID_FORMAT",
      "JSON_INVALID_RESPONSE_PAYLOAD",
      "JSON_INVALID_RESPONSE_FORMAT",
      "JSON_INVALID_MESSAGE_REQUEST_PAYLOAD",
      "JSON_INVALID_MESSAGE_REQUEST_FORMAT",
      "JSON_INVALID_MESSAGE_RESPONSE_PAYLOAD",
      "JSON_INVALID_MESSAGE_RESPONSE_FORMAT"
    ]
  },
  {
    "id": "json-xml",
    "aliases": [],
    "kind": "policy",
    "title": "JsonToXml",
    "summary": "Converts a JSON body or message to XML.",
    "phases": {
      "PROXY": [
        "request",
        "response"
      ],
      "MESSAGE": [
        "request",
        "response",
        "publish",
        "subscribe"
      ],
      "V2": [
        "request",
        "response"
      ]
    },
    "errorKeys": [
      "JSON_INVALID_PAYLOAD"
    ]
  },
  {
    "id": "latency",
    "aliases": [
      "policy-latency"
    ],
    "kind": "policy",
    "title": "Latency",
    "summary": "Delays the request, the response or each message by a fixed time.",
    "phases": {
      "PROXY": [
        "request",
        "response"
      ],
      "MESSAGE": [
        "request",
        "response",
        "publish",
        "subscribe"
      ],
      "V2": [
        "request",
        "response"
      ]
    },
    "errorKeys": []
  },
  {
    "id": "message-filtering",
    "aliases": [],
    "kind": "policy",
    "title": "MessageFiltering",
    "summary": "Drops the messages for which an EL condition is false.",
    "phases": {
      "MESSAGE": [
        "publish",
        "subscribe"
      ]
    },
    "errorKeys": []
  },
  {
    "id": "mock",
    "aliases": [],
    "kind": "policy",
    "title": "Mock",
    "summary": "Answers with a configured status, headers and body instead of calling the endpoint.",
    "phases": {
      "PROXY": [
        "request"
      ],
      "V2": [
        "request"
      ]
    },
    "capabilities": [
      "writes-response"
    ],
    "errorKeys": [
      "MOCK_ERROR"
    ]
  },
  {
    "id": "policy-basic-authentication",
    "aliases": [
      "basic-authentication"
    ],
    "kind": "policy",
    "title": "BasicAuthentication",
    "summary": "Authenticates HTTP Basic credentials against the API's authentication provider resources.",
    "phases": {
      "PROXY": [
        "request"
      ],
      "MESSAGE": [
        "request"
      ],
      "V2": [
        "request"
      ]
    },
    "errorKeys": []
  },
  {
    "id": "policy-interrupt",
    "aliases": [
      "interrupt"
    ],
    "kind": "policy",
    "title": "Interrupt",
    "summary": "Ends the exchange with an error: a status, a message and an error key for response templates.",
    "phases": {
      "PROXY": [
        "request",
        "response"
      ],
      "MESSAGE": [
        "request",
        "response"
      ],
      "V2": [
        "request",
        "response"
      ]
    },
    "capabilities": [
      "writes-response"
    ],
    "errorKeys": []
  },
  {
    "id": "policy-override-request-method",
    "aliases": [],
    "kind": "policy",
    "title": "OverrideRequestMethod",
    "summary": "Sends the endpoint another HTTP method than the client's.",
    "phases": {
      "PROXY": [
        "request"
      ],
      "V2": [
        "request"
      ]
    },
    "errorKeys": []
  },
  {
    "id": "policy-request-validation",
    "aliases": [
      "request-validation"
    ],
    "kind": "policy",
    "title": "RequestValidation",
    "summary": "Refuses a request whose values (EL) break constraint rules: not null, min, max, mail, date, pattern, size, enum.",
    "phases": {
      "PROXY": [
        "request"
      ],
      "V2": [
        "request"
      ]
    },
    "errorKeys": [
      "REQUEST_VALIDATION_INVALID"
    ]
  },
  {
    "id": "protobuf-json",
    "aliases": [],
    "kind": "policy",
    "title": "ProtobufJson",
    "summary": "Converts Protobuf (Confluent wire format or raw) to JSON, or JSON to Protobuf, with a .proto schema checked at compile time.",
    "phases": {
      "PROXY": [
        "request",
        "response"
      ],
      "MESSAGE": [
        "publish",
        "subscribe"
      ],
      "V2": [
        "request",
        "response"
      ]
    },
    "errorKeys": [
      "INVALID_PROTOBUF_TRANSFORMATION"
    ]
  },
  {
    "id": "quota",
    "aliases": [],
    "kind": "policy",
    "title": "Quota",
    "summary": "A rate limit over long periods (hours to months), per plan or subscription, optionally shared through Redis.",
    "phases": {
      "PROXY": [
        "request"
      ],
      "MESSAGE": [
        "request",
        "publish",
        "subscribe"
      ],
      "V2": [
        "request"
      ]
    },
    "capabilities": [
      "rate-limiting"
    ],
    "errorKeys": [
      "QUOTA_TOO_MANY_REQUESTS",
      "QUOTA_BLOCK_ON_INTERNAL_ERROR"
    ]
  },
  {
    "id": "rate-limit",
    "aliases": [],
    "kind": "policy",
    "title": "RateLimit",
    "summary": "At most N requests per period, per plan or subscription (or a custom key), optionally shared through Redis.",
    "phases": {
      "PROXY": [
        "request"
      ],
      "MESSAGE": [
        "request",
        "publish",
        "subscribe"
      ],
      "V2": [
        "request"
      ]
    },
    "capabilities": [
      "rate-limiting"
    ],
    "errorKeys": [
      "RATE_LIMIT_TOO_MANY_REQUESTS",
      "RATE_LIMIT_BLOCK_ON_INTERNAL_ERROR"
    ]
  },
  {
    "id": "regex-threat-protection",
    "aliases": [
      "policy-regex-threat-protection"
    ],
    "kind": "policy",
    "title": "RegexThreatProtection",
    "summary": "Refuses a request whose headers, path, query or body match a regular expression.",
    "phases": {
      "PROXY": [
        "request"
      ],
      "V2": [
        "request"
      ]
    },
    "errorKeys": [
      "REGEX_THREAT_HEADER_DETECTED",
      "REGEX_THREAT_PATH_DETECTED",
      "REGEX_THREAT_BODY_DETECTED"
    ]
  },
  {
    "id": "request-content-limit",
    "aliases": [
      "policy-request-content-limit"
    ],
    "kind": "policy",
    "title": "RequestContentLimit",
    "summary": "Refuses request bodies larger than a limit.",
    "phases": {
      "PROXY": [
        "request"
      ],
      "V2": [
        "request"
      ]
    },
    "errorKeys": [
      "REQUEST_CONTENT_LIMIT_TOO_LARGE",
      "REQUEST_CONTENT_LIMIT_LENGTH_REQUIRED"
    ]
  },
  {
    "id": "resource-filtering",
    "aliases": [
      "policy-resource-filtering"
    ],
    "kind": "policy",
    "title": "ResourceFiltering",
    "summary": "Allows (whitelist) or refuses (blacklist) requests by path pattern and method.",
    "phases": {
      "PROXY": [
        "request"
      ],
      "MESSAGE": [
        "request"
      ],
      "V2": [
        "request"
      ]
    },
    "errorKeys": [
      "RESOURCE_FILTERING_FORBIDDEN",
      "RESOURCE_FILTERING_METHOD_NOT_ALLOWED"
    ]
  },
  {
    "id": "rest-to-soap",
    "aliases": [],
    "kind": "policy",
    "title": "RestToSoap",
    "summary": "Exposes a SOAP service as a REST resource: the request becomes a SOAP envelope, the response JSON.",
    "phases": {
      "PROXY": [
        "request"
      ],
      "V2": [
        "request"
      ]
    },
    "errorKeys": [
      "SOAP_INVALID_RESPONSE"
    ]
  },
  {
    "id": "retry",
    "aliases": [
      "policy-retry"
    ],
    "kind": "policy",
    "title": "Retry",
    "summary": "Calls the endpoint again while a condition on its response holds, or when it fails or is too slow.",
    "phases": {
      "PROXY": [
        "request"
      ],
      "V2": [
        "request"
      ]
    },
    "errorKeys": []
  },
  {
    "id": "spike-arrest",
    "aliases": [],
    "kind": "policy",
    "title": "SpikeArrest",
    "summary": "Smooths traffic: the period is cut into slices, each allowing its share of the limit.",
    "phases": {
      "PROXY": [
        "request"
      ],
      "MESSAGE": [
        "request",
        "publish",
        "subscribe"
      ],
      "V2": [
        "request"
      ]
    },
    "capabilities": [
      "rate-limiting"
    ],
    "errorKeys": [
      "SPIKE_ARREST_TOO_MANY_REQUESTS",
      "SPIKE_ARREST_BLOCK_ON_INTERNAL_ERROR"
    ]
  },
  {
    "id": "ssl-enforcement",
    "aliases": [],
    "kind": "policy",
    "title": "SslEnforcement",
    "summary": "Requires TLS and, optionally, a client certificate whose subject is allowlisted.",
    "phases": {
      "PROXY": [
        "request"
      ],
      "V2": [
        "request"
      ]
    },
    "errorKeys": [
      "SSL_ENFORCEMENT_SSL_REQUIRED",
      "SSL_ENFORCEMENT_AUTHENTICATION_REQUIRED",
      "SSL_ENFORCEMENT_CLIENT_FORBIDDEN"
    ]
  },
  {
    "id": "traffic-shadowing",
    "aliases": [
      "policy-traffic-shadowing"
    ],
    "kind": "policy",
    "title": "TrafficShadowing",
    "summary": "Sends a copy of each request to another endpoint of the API, without waiting for it or letting it change the client's answer.",
    "phases": {
      "PROXY": [
        "request"
      ],
      "V2": [
        "request"
      ]
    },
    "errorKeys": []
  },
  {
    "id": "transform-headers",
    "aliases": [],
    "kind": "policy",
    "title": "TransformHeaders",
    "summary": "Sets, removes and allowlists headers of the request, the response or a message.",
    "phases": {
      "PROXY": [
        "request",
        "response"
      ],
      "MESSAGE": [
        "request",
        "response",
        "publish",
        "subscribe"
      ],
      "V2": [
        "request",
        "response"
      ]
    },
    "errorKeys": []
  },
  {
    "id": "transform-queryparams",
    "aliases": [],
    "kind": "policy",
    "title": "TransformQueryParams",
    "summary": "Adds, removes or clears query parameters of the request sent to the endpoint.",
    "phases": {
      "PROXY": [
        "request"
      ],
      "V2": [
        "request"
      ]
    },
    "errorKeys": []
  },
  {
    "id": "url-rewriting",
    "aliases": [
      "policy-url-rewriting"
    ],
    "kind": "policy",
    "title": "UrlRewriting",
    "summary": "Rewrites URLs matching a regular expression in the response headers and body.",
    "phases": {
      "PROXY": [
        "response"
      ],
      "V2": [
        "response"
      ]
    },
    "errorKeys": []
  },
  {
    "id": "xml-json",
    "aliases": [],
    "kind": "policy",
    "title": "XmlToJson",
    "summary": "Converts an XML body or message to JSON.",
    "phases": {
      "PROXY": [
        "request",
        "response"
      ],
      "MESSAGE": [
        "request",
        "response",
        "publish",
        "subscribe"
      ],
      "V2": [
        "request",
        "response"
      ]
    },
    "errorKeys": [
      "XML_INVALID_PAYLOAD"
    ]
  },
  {
    "id": "xml-threat-protection",
    "aliases": [
      "policy-xml-threat-protection"
    ],
    "kind": "policy",
    "title": "XmlThreatProtection",
    "summary": "Refuses an XML request body (or published message) beyond limits of size, depth, elements, attributes, text and entities.",
    "phases": {
      "PROXY": [
        "request"
      ],
      "MESSAGE": [
        "publish"
      ],
      "V2": [
        "request"
      ]
    },
    "errorKeys": [
      "XML_THREAT_DETECTED",
      "XML_THREAT_MAX_ATTRIBUTES",
      "XML_THREAT_MAX_ATTRIBUTE_VALUE_LENGTH",
      "XML_THREAT_MAX_ELEMENTS",
      "XML_THREAT_MAX_ENTITIES",
      "XML_THREAT_MAX_DEPTH",
      "XML_THREAT_MAX_ENTITY_DEPTH",
      "XML_THREAT_MAX_CHILD_ELEMENTS",
      "XML_THREAT_MAX_LENGTH",
      "XML_THREAT_MAX_TEXT_VALUE_LENGTH",
      "XML_THREAT_EXTERNAL_ENTITY_FORBIDDEN"
    ]
  },
  {
    "id": "xml-validation",
    "aliases": [],
    "kind": "policy",
    "title": "XmlValidation",
    "summary": "Validates an XML request body against an XSD schema (libxml2, checked at build time); 400 when it is malformed or invalid.",
    "phases": {
      "PROXY": [
        "request"
      ],
      "V2": [
        "request"
      ]
    },
    "errorKeys": [
      "REQUEST_CONTENT_TOO_LARGE"
    ]
  }
];
