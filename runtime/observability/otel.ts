// OpenTelemetry traces of the APIs whose spec says `analytics.tracing.enabled`: a SERVER span per
// request (its parent the client's W3C `traceparent`), a CLIENT span per endpoint call whose
// context goes upstream as `traceparent`, the same context in the headers of messages produced to a
// broker, a CONSUMER span per message delivered (linked to its producer's `traceparent`), and with
// `tracing.verbose` an INTERNAL span per policy step. Exported over OTLP/HTTP
// (protobuf or JSON) as the standard OTEL_* variables say. Loaded only when tracing is on
// (./tracing.ts imports this module dynamically): the packages cost nothing otherwise.
// https://opentelemetry.io/docs/specs/semconv/http/http-spans/ — https://www.w3.org/TR/trace-context/
import {
  type Attributes,
  type Context,
  ROOT_CONTEXT,
  type Span,
  SpanKind,
  SpanStatusCode,
  type TextMapGetter,
  type Tracer,
  trace,
} from "@opentelemetry/api";
import { ExportResultCode, parseKeyPairsIntoRecord, W3CTraceContextPropagator } from "@opentelemetry/core";
import { OTLPTraceExporter as JsonExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { OTLPTraceExporter as ProtobufExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { resourceFromAttributes } from "@opentelemetry/resources";
import {
  AlwaysOffSampler,
  AlwaysOnSampler,
  BatchSpanProcessor,
  ParentBasedSampler,
  type ReadableSpan,
  type Sampler,
  type SpanExporter,
  TraceIdRatioBasedSampler,
  TracerProvider,
} from "@opentelemetry/sdk-trace";
import {
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_HTTP_ROUTE,
  ATTR_NETWORK_PROTOCOL_VERSION,
  ATTR_SERVER_ADDRESS,
  ATTR_SERVICE_NAME,
  ATTR_URL_PATH,
  ATTR_URL_SCHEME,
} from "@opentelemetry/semantic-conventions";
import type { Exchange, GatewayRequest, Logger, Message } from "../contract.ts";
import type { ExchangeObserver, PlanInfo, StepInfo } from "./observer.ts";
import type { Tracing, TracingSettings } from "./tracing.ts";

/** Span attributes of Sluice's own (the API, plan and application are Gravitee's ids). */
export const ATTR = {
  api: "gravitee.api.id",
  apiName: "gravitee.api.name",
  plan: "gravitee.plan.id",
  application: "gravitee.application.id",
  flows: "sluice.flows",
  flow: "sluice.flow",
  phase: "sluice.phase",
  policy: "sluice.policy",
  endpoint: "sluice.endpoint",
  messageId: "messaging.message.id",
} as const;

const propagator = new W3CTraceContextPropagator();

const requestHeaders: TextMapGetter<GatewayRequest> = {
  keys: (req) => Object.keys(req.headers),
  get: (req, key) => req.headers[key],
};

export function createTracing(settings: TracingSettings, log: Logger): Tracing {
  const config = { url: settings.url, headers: settings.headers };
  const exporter =
    settings.protocol === "http/json" ? new JsonExporter(config) : new ProtobufExporter(config);
  const provider = new TracerProvider({
    resource: resourceFromAttributes({ ...settings.resource, [ATTR_SERVICE_NAME]: settings.serviceName }),
    sampler: samplerOf(settings.sampler, settings.samplerArg, log),
    spanProcessors: [new BatchSpanProcessor({ exporter: reporting(exporter, log), ...settings.batch })],
  });
  const tracer = provider.getTracer("sluice");
  return {
    observe: (exchange, verbose) => new TraceObserver(tracer, exchange, verbose),
    shutdown: () => provider.shutdown(),
  };
}

/** Export failures a minute apart at most, logged with how many batches were lost since the last line. */
const FAILURE_LOG_INTERVAL_MS = 60_000;

/**
 * The exporter, with its failures logged: a collector that is down or refuses the spans is seen in
 * the gateway's log (the error's message only: never the exporter's headers), at most once a minute.
 */
function reporting(exporter: SpanExporter, log: Logger): SpanExporter {
  let lastLogged = Number.NEGATIVE_INFINITY;
  let lost = 0;
  return {
    export(spans: ReadableSpan[], done) {
      exporter.export(spans, (result) => {
        if (result.code !== ExportResultCode.SUCCESS) {
          lost++;
          const now = Date.now();
          if (now - lastLogged >= FAILURE_LOG_INTERVAL_MS) {
            log.warn("trace export failed", { error: result.error?.message ?? "unknown", batchesLost: lost });
            lastLogged = now;
            lost = 0;
          }
        }
        done(result);
      });
    },
    shutdown: () => exporter.shutdown(),
    forceFlush: () => exporter.forceFlush?.() ?? Promise.resolve(),
  };
}

/** OTEL_RESOURCE_ATTRIBUTES, OTEL_EXPORTER_OTLP_HEADERS (`key=value,…`, percent-encoded values). */
export function keyValuePairs(value: string | undefined): Record<string, string> {
  return value ? parseKeyPairsIntoRecord(value) : {};
}

/** OTEL_TRACES_SAMPLER and OTEL_TRACES_SAMPLER_ARG (the specification's names; default parentbased_always_on). */
function samplerOf(name: string, arg: string | undefined, log: Logger): Sampler {
  const ratio = () => {
    const r = Number(arg ?? 1);
    return new TraceIdRatioBasedSampler(Number.isFinite(r) && r >= 0 && r <= 1 ? r : 1);
  };
  switch (name) {
    case "always_on":
      return new AlwaysOnSampler();
    case "always_off":
      return new AlwaysOffSampler();
    case "traceidratio":
      return ratio();
    case "parentbased_always_off":
      return new ParentBasedSampler({ root: new AlwaysOffSampler() });
    case "parentbased_traceidratio":
      return new ParentBasedSampler({ root: ratio() });
    case "parentbased_always_on":
      return new ParentBasedSampler({ root: new AlwaysOnSampler() });
    default:
      log.warn("unknown OTEL_TRACES_SAMPLER, using parentbased_always_on", { value: name });
      return new ParentBasedSampler({ root: new AlwaysOnSampler() });
  }
}

class TraceObserver implements ExchangeObserver {
  private readonly span: Span;
  private readonly context: Context;
  private readonly exchange: Exchange;
  private readonly verbose: boolean;
  private readonly tracer: Tracer;

  constructor(tracer: Tracer, exchange: Exchange, verbose: boolean) {
    this.tracer = tracer;
    this.exchange = exchange;
    this.verbose = verbose;
    const req = exchange.request;
    const method = (req.method ?? "GET").toUpperCase();
    const url = req.url ?? "/";
    const q = url.indexOf("?");
    const definition = exchange.api.definition;
    const parent =
      req.headers.traceparent === undefined
        ? ROOT_CONTEXT
        : propagator.extract(ROOT_CONTEXT, req, requestHeaders);
    const attributes: Attributes = {
      [ATTR_HTTP_REQUEST_METHOD]: method,
      [ATTR_URL_PATH]: q >= 0 ? url.slice(0, q) : url,
      [ATTR_URL_SCHEME]: "encrypted" in req.socket && req.socket.encrypted ? "https" : "http",
      [ATTR_HTTP_ROUTE]: exchange.contextPath,
      [ATTR_NETWORK_PROTOCOL_VERSION]: req.httpVersionMajor === 2 ? "2" : req.httpVersion,
      [ATTR.api]: definition.id,
      [ATTR.apiName]: definition.name,
    };
    const host = req.headers.host ?? req.headers[":authority"];
    if (typeof host === "string") attributes[ATTR_SERVER_ADDRESS] = host.replace(/:\d+$/, "");
    this.span = tracer.startSpan(
      `${method} ${exchange.contextPath}`,
      { kind: SpanKind.SERVER, attributes },
      parent,
    );
    this.context = trace.setSpan(parent, this.span);
  }

  plan(plan: PlanInfo): void {
    this.span.setAttribute(ATTR.plan, plan.id);
  }

  planSkipped(): void {}

  flows(names: readonly string[]): void {
    if (names.length > 0) this.span.setAttribute(ATTR.flows, [...names]);
  }

  async step(info: StepInfo, _exchange: Exchange, run: () => unknown): Promise<void> {
    if (!this.verbose) {
      await run();
      return;
    }
    const span = this.tracer.startSpan(
      `policy ${info.policy}`,
      {
        kind: SpanKind.INTERNAL,
        attributes: { [ATTR.policy]: info.policy, [ATTR.flow]: info.flow, [ATTR.phase]: info.phase },
      },
      this.context,
    );
    try {
      await run();
    } catch (error) {
      failed(span, error);
      throw error;
    } finally {
      span.end();
    }
  }

  stepSkipped(): void {}

  async endpoint<T>(name: string, exchange: Exchange, call: () => Promise<T>): Promise<T> {
    const method = (exchange.upstreamRequest.method ?? exchange.request.method ?? "GET").toUpperCase();
    const span = this.tracer.startSpan(
      method,
      { kind: SpanKind.CLIENT, attributes: { [ATTR_HTTP_REQUEST_METHOD]: method, [ATTR.endpoint]: name } },
      this.context,
    );
    // The backend continues this trace: its parent is the endpoint call.
    const carrier: Record<string, string> = {};
    propagator.inject(trace.setSpan(this.context, span), carrier, {
      set: (c, k, v) => {
        c[k] = v;
      },
    });
    for (const key in carrier) exchange.upstreamHeaders[key] = carrier[key]!;
    try {
      const result = await call();
      // request() answers with the upstream response; forward() writes it to the client directly.
      const status =
        typeof result === "object" && result !== null && "status" in result
          ? (result as { status: number }).status
          : exchange.response.statusCode;
      span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, status);
      if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      return result;
    } catch (error) {
      failed(span, error);
      throw error;
    } finally {
      span.end();
    }
  }

  /**
   * A CONSUMER span per message delivered to the client, linked to the trace the producer put in
   * the message's `traceparent` (W3C) when it has one.
   */
  consumed(message: Message): void {
    const value = message.headers.traceparent ?? headerOf(message, "traceparent");
    const producer = value?.[0]
      ? trace.getSpanContext(propagator.extract(ROOT_CONTEXT, { traceparent: value[0] }, carrierGetter))
      : undefined;
    const span = this.tracer.startSpan(
      "deliver",
      {
        kind: SpanKind.CONSUMER,
        ...(message.id !== undefined ? { attributes: { [ATTR.messageId]: message.id } } : {}),
        ...(producer ? { links: [{ context: producer }] } : {}),
      },
      this.context,
    );
    span.end();
  }

  produced(message: Message): void {
    propagator.inject(this.context, message.headers, {
      set: (headers, key, value) => {
        headers[key] = [value];
      },
    });
  }

  finish(status: number): void {
    const subscription = this.exchange.subscription;
    if (subscription) this.span.setAttribute(ATTR.application, subscription.application.id);
    this.span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, status);
    // Server spans: a 4xx is the client's error, not the gateway's (semantic conventions).
    if (status >= 500) this.span.setStatus({ code: SpanStatusCode.ERROR });
    this.span.end();
  }
}

const carrierGetter: TextMapGetter<Record<string, string>> = {
  keys: (c) => Object.keys(c),
  get: (c, key) => c[key],
};

/** A message header by name, whatever its case (brokers keep what the producer wrote). */
function headerOf(message: Message, name: string): string[] | undefined {
  for (const key in message.headers) if (key.toLowerCase() === name) return message.headers[key];
  return undefined;
}

function failed(span: Span, error: unknown): void {
  const status = (error as { status?: unknown } | null)?.status;
  if (typeof status === "number") span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, status);
  span.setStatus({
    code: SpanStatusCode.ERROR,
    message: error instanceof Error ? error.message : String(error),
  });
}
