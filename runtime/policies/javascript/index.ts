// `javascript`: Gravitee's JavaScript policy, with the script compiled ahead of time. The compiler
// emits each script as the body of a typed function (generated/scripts/<api>.js, checked by tsc
// against ./api.ts) and hands it to this policy as `script` — nothing is evaluated at run time.
// Phases as gravitee-policy-javascript runs them: v4 `script` (+ `readContent`, `overrideContent`)
// in the phase its step sits in, or on each message; v2's `onRequestScript`, `onResponseScript`,
// `onRequestContentScript`, `onResponseContentScript` (a content script's value replaces the body).
// `result.state = State.FAILURE` ends the exchange with `result.code`, `error`, `key`,
// `contentType`; a script that throws is a 500 with the key JAVASCRIPT_EXECUTION_FAILURE.
// https://github.com/gravitee-io/gravitee-policy-javascript
import { type Exchange, GatewayError, type Message } from "../../contract.ts";
import { definePolicy } from "../../define.ts";
import {
  attributesApi,
  type JavascriptScript,
  messageApi,
  multiMap,
  newResult,
  responseHeaders,
  type ScriptContext,
  type ScriptMessage,
  type ScriptRequest,
  type ScriptResponse,
  type ScriptResult,
  State,
  upstreamHeaders,
} from "./api.ts";

export type { JavascriptScript } from "./api.ts";

export interface JavascriptConfig {
  script?: JavascriptScript;
  readContent?: boolean;
  overrideContent?: boolean;
  onRequestScript?: JavascriptScript;
  onResponseScript?: JavascriptScript;
  onRequestContentScript?: JavascriptScript;
  onResponseContentScript?: JavascriptScript;
}

export const EXECUTION_FAILURE = "JAVASCRIPT_EXECUTION_FAILURE";

export const connector = definePolicy<JavascriptConfig>({
  id: "javascript",
  create(config) {
    const v4 = config.script;
    const phase = (plain: JavascriptScript | undefined, content: JavascriptScript | undefined) => ({
      plain: v4 ? (config.readContent ? undefined : v4) : plain,
      content: v4 ? (config.readContent ? v4 : undefined) : content,
      // v2's content scripts always write their value back (Gravitee's isOverrideContent()).
      override: v4 ? config.overrideContent === true : content !== undefined,
    });
    const request = phase(config.onRequestScript, config.onRequestContentScript);
    const response = phase(config.onResponseScript, config.onResponseContentScript);
    return {
      async onRequest(exchange) {
        if (request.plain) run(request.plain, exchange);
        if (request.content) {
          await exchange.requestBody.read();
          const value = run(request.content, exchange);
          if (request.override) exchange.requestBody.replace(contentOf(value));
        }
      },
      async onResponse(exchange) {
        if (response.plain) run(response.plain, exchange);
        if (response.content) {
          await exchange.responseBody.read();
          const value = run(response.content, exchange);
          if (response.override) exchange.responseBody.replace(contentOf(value));
        }
      },
      onMessage(message, exchange) {
        if (!v4) return message;
        const value = run(v4, exchange, message);
        if (config.overrideContent) message.content = Buffer.from(contentOf(value));
        return message;
      },
    };
  },
});

/** Runs a script with Gravitee's bindings; its failure (result or exception) ends the exchange. */
function run(script: JavascriptScript, exchange: Exchange, message?: Message): unknown {
  const result = newResult();
  let value: unknown;
  try {
    value = script(
      requestApi(exchange),
      responseApi(exchange),
      message ? messageApi(message) : NO_MESSAGE,
      contextApi(exchange),
      result,
      State,
      () => {}, // Gravitee ignores print()
    );
  } catch (error) {
    if (error instanceof GatewayError) throw error;
    throw new GatewayError(500, "Internal Server Error", { key: EXECUTION_FAILURE });
  }
  if (result.state === State.FAILURE) throw failure(result);
  return value;
}

function failure(result: ScriptResult): GatewayError {
  const message = result.error ?? "";
  return new GatewayError(Number(result.code) || 500, message, {
    ...(result.key ? { key: result.key } : {}),
    ...(result.contentType ? { body: { contentType: result.contentType, content: message } } : {}),
  });
}

/** The value a content script leaves, as the new body (Gravitee: `output.toString()`). */
function contentOf(value: unknown): string {
  if (value === undefined || value === null) return "";
  return typeof value === "string"
    ? value
    : typeof value === "object"
      ? JSON.stringify(value)
      : String(value);
}

const NO_MESSAGE = new Proxy({} as ScriptMessage, {
  get() {
    throw new TypeError("`message` is only bound in a MESSAGE API's publish and subscribe phases");
  },
});

function requestApi(exchange: Exchange): ScriptRequest {
  const req = exchange.request;
  const url = new URL(req.url ?? "/", "http://gateway");
  const query = new Map<string, string[]>();
  const upstreamQuery = exchange.upstreamRequest.query;
  const search = upstreamQuery !== undefined ? new URLSearchParams(upstreamQuery) : url.searchParams;
  for (const [k, v] of search) query.set(k, [...(query.get(k) ?? []), v]);
  const writeQuery = () => {
    const out = new URLSearchParams();
    for (const [k, values] of query) for (const v of values) out.append(k, v);
    const text = out.toString();
    exchange.upstreamRequest.query = text === "" ? "" : `?${text}`;
  };
  const host = String(req.headers.host ?? req.headers[":authority"] ?? "");
  const socket = req.socket;
  const encrypted = "encrypted" in socket && socket.encrypted === true;
  return {
    get content() {
      return exchange.requestBody.text ?? "";
    },
    id: exchange.requestId,
    transactionId: exchange.transactionId,
    clientIdentifier: exchange.clientIdentifier ?? "",
    uri: req.url ?? "/",
    host,
    originalHost: host,
    path: url.pathname,
    pathInfo: exchange.pathInfo,
    contextPath: exchange.contextPath,
    parameters: multiMap(query, writeQuery),
    pathParameters: multiMap(new Map()),
    headers: upstreamHeaders(exchange),
    method: req.method ?? "GET",
    scheme: encrypted ? "https" : "http",
    version: req.httpVersion === "2.0" ? "HTTP_2" : `HTTP_${req.httpVersion.replace(".", "_")}`,
    timestamp: Date.now(),
    remoteAddress: socket.remoteAddress ?? "",
    localAddress: socket.localAddress ?? "",
  };
}

function responseApi(exchange: Exchange): ScriptResponse {
  return {
    get content() {
      return exchange.responseBody.text ?? "";
    },
    get status() {
      return exchange.response.statusCode;
    },
    set status(code: number) {
      exchange.response.statusCode = code;
    },
    headers: responseHeaders(exchange),
  };
}

function contextApi(exchange: Exchange): ScriptContext {
  const attributes = attributesApi(exchange.attributes);
  return {
    attributes,
    getAttribute: (name) => exchange.attributes[name],
    setAttribute: (name, value) => {
      exchange.attributes[name] = value;
    },
    putAttribute: (name, value) => {
      exchange.attributes[name] = value;
    },
    removeAttribute: (name) => {
      delete exchange.attributes[name];
    },
    getAttributeNames: () => Object.keys(exchange.attributes),
    properties: () => ({ ...exchange.api.info.properties }),
    dictionaries: () => ({ ...(exchange.api.info.dictionaries ?? {}) }),
  };
}
