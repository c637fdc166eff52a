// One HTTP exchange through the gateway, and its EL view (built only when an expression asks).
import { randomUUID } from "node:crypto";
import type { Exchange, GatewayRequest, GatewayResponse, RuntimeApi, SubscriptionInfo } from "../contract.ts";
import type { ElApplication, ElContext, ElMultiMap, ElSubscription } from "../el.ts";
import type { ExchangeObserver } from "../observability/observer.ts";
import { BufferedBody, DEFAULT_BODY_LIMIT } from "./body.ts";
import { elSsl } from "./el-ssl.ts";
import type { CompiledFlow } from "./flows.ts";

/**
 * Whether the client got the whole response. On HTTP/1.1, the response flushed; on HTTP/2 the
 * gateway ended it and the stream closed without a reset (Node reports a reset stream's response
 * as finished).
 */
export function responseCompleted(response: GatewayResponse): boolean {
  if ("stream" in response) return response.writableEnded && response.stream.rstCode === 0;
  return response.writableFinished;
}

export const REQUEST_ID_HEADER = "x-gravitee-request-id";
export const TRANSACTION_ID_HEADER = "x-gravitee-transaction-id";

type UpstreamRequest = { method?: string; pathInfo?: string; query?: string; target?: string };

export class GatewayExchange implements Exchange {
  readonly api: RuntimeApi;
  readonly request: GatewayRequest;
  readonly response: GatewayResponse;
  readonly requestId: string;
  readonly transactionId: string;
  readonly pathInfo: string;
  readonly contextPath: string;
  readonly attributes: Record<string, unknown> = {};
  // The request's changes for its endpoint, its bodies and the response steps deferred by policies
  // are made when first asked for: an exchange no policy or endpoint touches that way (a message
  // session: an SSE stream holds its exchange for as long as it is open) keeps none of them.
  private upstreamHeadersValue: Record<string, string | null> | undefined = undefined;
  private upstreamRequestValue: UpstreamRequest | undefined = undefined;
  private requestBodyValue: BufferedBody | undefined = undefined;
  private responseBodyValue: BufferedBody | undefined = undefined;
  private deferredResponseValue: Array<(exchange: Exchange) => void | Promise<void>> | undefined = undefined;
  /** The most a body of this exchange may hold in memory (the API sets its own: BufferedBody.limit). */
  private bodyLimitValue = DEFAULT_BODY_LIMIT;
  plan?: string;
  subscription?: SubscriptionInfo;
  clientIdentifier?: string;
  // Engine state lives in typed fields, not in `attributes`, which policies (assign-attributes) and
  // EL can write: a request must not be able to change which flows run or which entrypoint it took.
  /** The gateway answered CORS for this API (./cors.ts), so a backend's CORS headers are dropped. */
  corsApplied = false;
  /** Why the gateway refused a WebSocket handshake's Origin (the entrypoint closes with it). */
  originRefused: string | undefined = undefined;
  /** The entrypoint that took the exchange (CHANNEL selectors filter on it). */
  entrypoint: string | undefined = undefined;
  /** The flows selected in the request phase; the response and message phases run the same. */
  flows: readonly CompiledFlow[] = [];
  /** Path parameters captured by the matched flow (`/orders/:id`). */
  pathParams: Record<string, string> = {};
  /** Who watches this exchange: tracing, debug mode (runtime/observability/); usually nobody. */
  observer: ExchangeObserver | undefined = undefined;
  /** When the request arrived (`#request.timestamp`). */
  readonly receivedAt = Date.now();
  // What the access log and the metrics read (runtime/observability/access-log.ts): set by the
  // gateway, the pipeline and the connectors as the exchange goes.
  /** The endpoint that took the exchange (its name in the spec). */
  endpointName: string | undefined = undefined;
  /** performance.now() when the endpoint was called and when its response head arrived (0: not). */
  endpointStartedAt = 0;
  endpointRespondedAt = 0;
  /** Gravitee's key of the error the gateway answered with (API_KEY_INVALID, RATE_LIMIT_TOO_MANY_REQUESTS …). */
  errorKey: string | undefined = undefined;
  /** The selected plan's security type. */
  securityType: string | undefined = undefined;
  /** Messages through the publish phase (from the client) and delivered to it; messages that failed. */
  publishCount = 0;
  subscribeCount = 0;
  messageErrors = 0;
  /**
   * The gateway's `close` listener on the response tells `responseWatcher` (gateway.ts sets this
   * for the exchanges it listens to): a message subscription registers there rather than adding a
   * listener of its own — a closure and a listener array less per open stream.
   */
  relaysResponseClose = false;
  responseWatcher: { responseClosed(): void } | undefined = undefined;
  private elContext: ElContext | undefined;
  /**
   * The client's connection, kept from the start: undici sets `socket` to null on an HTTP/1.1
   * request it has streamed upstream (core/util.js destroy), and response-phase steps still ask.
   */
  private readonly socket: GatewayRequest["socket"];
  /** Made when something asks for `signal` (most proxy exchanges never do). */
  private abort: AbortController | undefined;

  constructor(
    api: RuntimeApi,
    request: GatewayRequest,
    response: GatewayResponse,
    contextPath: string,
    pathInfo: string,
  ) {
    this.api = api;
    this.request = request;
    this.socket = request.socket;
    this.response = response;
    this.contextPath = contextPath;
    this.pathInfo = pathInfo;
    // Gravitee's built-in `api` attribute (ExecutionContext.ATTR_API): `{#context.attributes['api']}`.
    this.attributes.api = api.definition.id;
    this.requestId = randomUUID();
    const given = request.headers[TRANSACTION_ID_HEADER];
    this.transactionId = (Array.isArray(given) ? given[0] : given) || this.requestId;
  }

  get upstreamHeaders(): Record<string, string | null> {
    this.upstreamHeadersValue ??= {};
    return this.upstreamHeadersValue;
  }

  get upstreamRequest(): UpstreamRequest {
    this.upstreamRequestValue ??= {};
    return this.upstreamRequestValue;
  }

  get requestBody(): BufferedBody {
    if (this.requestBodyValue === undefined) {
      this.requestBodyValue = new BufferedBody(this.request);
      this.requestBodyValue.limit = this.bodyLimitValue;
    }
    return this.requestBodyValue;
  }

  get responseBody(): BufferedBody {
    if (this.responseBodyValue === undefined) {
      this.responseBodyValue = new BufferedBody(undefined, "response");
      this.responseBodyValue.limit = this.bodyLimitValue;
    }
    return this.responseBodyValue;
  }

  get deferredResponse(): Array<(exchange: Exchange) => void | Promise<void>> {
    this.deferredResponseValue ??= [];
    return this.deferredResponseValue;
  }

  /** How many response steps policies deferred (without making the list). */
  get deferredCount(): number {
    return this.deferredResponseValue?.length ?? 0;
  }

  /** Sets the body limit of both bodies, made or not. */
  set bodyLimit(limit: number) {
    this.bodyLimitValue = limit;
    if (this.requestBodyValue) this.requestBodyValue.limit = limit;
    if (this.responseBodyValue) this.responseBodyValue.limit = limit;
  }

  /** Aborts when the client goes away before its response is complete. */
  get signal(): AbortSignal {
    if (this.abort) return this.abort.signal;
    const abort = new AbortController();
    this.abort = abort;
    const response = this.response;
    const onClose = () => {
      if (!responseCompleted(response)) abort.abort();
    };
    if (response.destroyed) onClose();
    else response.on("close", onClose);
    return abort.signal;
  }

  el(): ElContext {
    if (this.elContext) return this.elContext;
    const req = this.request;
    const url = req.url ?? "/";
    const q = url.indexOf("?");
    const path = q >= 0 ? url.slice(0, q) : url;
    const query = new URLSearchParams(q >= 0 ? url.slice(q + 1) : "");
    const received = distinctHeaders(req.rawHeaders);
    // Headers set by earlier policies (transform-headers) are what later expressions see, as in Gravitee.
    const headers: ElMultiMap = (name) => {
      const set = this.upstreamHeaders[name];
      if (set !== undefined) return set === null ? undefined : [set];
      return received.get(name);
    };
    const responseHeaders: ElMultiMap = (name) => {
      const v = this.response.getHeader(name);
      return v === undefined ? undefined : Array.isArray(v) ? v : [String(v)];
    };
    const self = this;
    const definition = this.api.definition;
    const socket = this.socket;
    const ssl = elSsl(socket);
    this.elContext = {
      request: {
        id: this.requestId,
        transactionId: this.transactionId,
        method: (req.method ?? "GET").toUpperCase(),
        scheme: "encrypted" in socket && socket.encrypted ? "https" : "http",
        host: String(req.headers.host ?? req.headers[":authority"] ?? ""),
        path,
        pathInfo: this.pathInfo,
        contextPath: this.contextPath,
        uri: url,
        remoteAddress: socket.remoteAddress ?? "",
        localAddress: socket.localAddress ?? "",
        version: req.httpVersionMajor === 2 ? "HTTP_2" : req.httpVersion === "1.0" ? "HTTP_1_0" : "HTTP_1_1",
        timestamp: this.receivedAt,
        ...(ssl === undefined ? {} : { ssl }),
        headers,
        params: (name) => {
          const all = query.getAll(name);
          return all.length > 0 ? all : undefined;
        },
        pathParams: (name) => (name in self.pathParams ? [self.pathParams[name]!] : undefined),
        get content() {
          return self.requestBody.text;
        },
      },
      api: { id: definition.id, name: definition.name, version: definition.version },
      context: { attributes: elAttributes(this) },
      properties: this.api.info.properties,
      ...(this.api.info.dictionaries === undefined ? {} : { dictionaries: this.api.info.dictionaries }),
      ...(this.api.info.endpoints === undefined ? {} : { endpoints: this.api.info.endpoints }),
      get subscription() {
        return elSubscription(self);
      },
      get application() {
        return elApplication(self);
      },
      get response() {
        return self.response.headersSent || self.response.statusCode !== 200 || self.responseBody.attached
          ? { status: self.response.statusCode, headers: responseHeaders, content: self.responseBody.text }
          : undefined;
      },
    };
    return this.elContext;
  }
}

/** Every value of every request header line, by lower-case name (Node joins repeated lines in `headers`). */
function distinctHeaders(raw: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i]!.toLowerCase();
    if (name.startsWith(":")) continue;
    const list = out.get(name);
    if (list) list.push(raw[i + 1]!);
    else out.set(name, [raw[i + 1]!]);
  }
  return out;
}

/** Gravitee's application id for requests on a keyless plan (its "unknown application"). */
const ANONYMOUS_APPLICATION = "1";

const NO_METADATA: Readonly<Record<string, string>> = Object.freeze({});

/**
 * `#subscription` once a plan is selected: the subscription the plan's security found, or, on a
 * keyless plan, Gravitee's stand-in (SubscriptionProcessor): the remote address as its id.
 */
function elSubscription(exchange: GatewayExchange): ElSubscription | undefined {
  const subscription = (exchange as Exchange).subscription;
  if (subscription !== undefined) {
    const { application } = subscription;
    return {
      id: subscription.id,
      type: "STANDARD",
      metadata: subscription.metadata ?? NO_METADATA,
      applicationName: application.name,
      ...(application.clientId === undefined ? {} : { clientId: application.clientId }),
    };
  }
  if (exchange.plan === undefined) return undefined;
  return { id: exchange.el().request.remoteAddress, type: "STANDARD", metadata: NO_METADATA };
}

/** `#application` once a plan is selected (keyless plans: Gravitee's unknown application, id `1`). */
function elApplication(exchange: GatewayExchange): ElApplication | undefined {
  const subscription = (exchange as Exchange).subscription;
  if (subscription !== undefined) {
    const { application } = subscription;
    return { id: application.id, name: application.name, metadata: application.metadata ?? NO_METADATA };
  }
  if (exchange.plan === undefined) return undefined;
  return { id: ANONYMOUS_APPLICATION, metadata: NO_METADATA };
}

/**
 * `#context.attributes` as Gravitee shows them: the attributes policies set, then the built-in ones
 * the gateway sets on every request (`api`, `plan`, `application`, `user-id`, …, Gravitee's names
 * without the `gravitee.attribute.` prefix). Engine state (keys starting with `sluice.`) is not
 * readable. A live view: attributes set later in the request are seen.
 */
function elAttributes(exchange: GatewayExchange): Readonly<Record<string, unknown>> {
  const builtIn = (key: string): unknown => {
    const subscription = (exchange as Exchange).subscription;
    switch (key) {
      case "context-path":
        return exchange.contextPath;
      case "api":
        return exchange.api.definition.id;
      case "api.name":
        return exchange.api.definition.name;
      case "plan":
        return exchange.plan;
      case "application":
        return (
          subscription?.application.id ?? (exchange.plan === undefined ? undefined : ANONYMOUS_APPLICATION)
        );
      case "user-id":
        return (
          subscription?.id ?? (exchange.plan === undefined ? undefined : exchange.el().request.remoteAddress)
        );
      default:
        return undefined;
    }
  };
  const own = exchange.attributes;
  const visible = (key: string) => !key.startsWith(ENGINE_PREFIX);
  const read = (key: string): unknown => {
    if (!visible(key)) return undefined;
    return Object.hasOwn(own, key) ? own[key] : builtIn(key);
  };
  return new Proxy(own, {
    get: (_target, key) => (typeof key === "string" ? read(key) : undefined),
    has: (_target, key) => typeof key === "string" && read(key) !== undefined,
    ownKeys: () => [
      ...new Set([
        ...Object.keys(own).filter(visible),
        ...BUILT_IN_ATTRIBUTES.filter((k) => builtIn(k) !== undefined),
      ]),
    ],
    getOwnPropertyDescriptor: (_target, key) => {
      if (typeof key !== "string") return undefined;
      const value = read(key);
      return value === undefined && !(visible(key) && Object.hasOwn(own, key))
        ? undefined
        : { value, enumerable: true, configurable: true, writable: false };
    },
    set: () => false,
    deleteProperty: () => false,
    defineProperty: () => false,
  });
}

const ENGINE_PREFIX = "sluice.";
const BUILT_IN_ATTRIBUTES = ["context-path", "api", "api.name", "plan", "application", "user-id"];
