// Whether the gateway traces, from the standard OpenTelemetry variables
// (https://opentelemetry.io/docs/specs/otel/configuration/sdk-environment-variables/): on when an
// OTLP endpoint is configured, OTEL_SDK_DISABLED is not true and some API's spec has
// `analytics.tracing.enabled`. Only then are the OpenTelemetry packages loaded (./otel.ts, a
// dynamic import: esbuild keeps the module in the bundle but evaluates it only on that import), so
// a gateway that does not trace pays nothing for them.
import type { Exchange, Logger } from "../contract.ts";
import type { ExchangeObserver } from "./observer.ts";

export interface TracingSettings {
  /** The OTLP/HTTP traces URL (…/v1/traces). */
  url: string;
  protocol: "http/protobuf" | "http/json";
  serviceName: string;
  resource: Record<string, string>;
  /** OTEL_EXPORTER_OTLP_TRACES_HEADERS, else OTEL_EXPORTER_OTLP_HEADERS (credentials: never logged). */
  headers: Record<string, string>;
  sampler: string;
  samplerArg: string | undefined;
  /** OTEL_BSP_SCHEDULE_DELAY, OTEL_BSP_MAX_QUEUE_SIZE, OTEL_BSP_MAX_EXPORT_BATCH_SIZE, OTEL_BSP_EXPORT_TIMEOUT. */
  batch: {
    scheduledDelayMillis?: number;
    maxQueueSize?: number;
    maxExportBatchSize?: number;
    exportTimeoutMillis?: number;
  };
}

export interface Tracing {
  /** The observer that traces one exchange of an API with tracing enabled. */
  observe(exchange: Exchange, verbose: boolean): ExchangeObserver;
  /** Exports what is left and stops. */
  shutdown(): Promise<void>;
}

type Env = Readonly<Record<string, string | undefined>>;

/** The settings when tracing is configured, or undefined (tracing off). */
export function tracingSettings(env: Env, log: Logger): TracingSettings | undefined {
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === "true") return undefined;
  if (env.OTEL_TRACES_EXPORTER !== undefined && !/^\s*otlp\s*$/i.test(env.OTEL_TRACES_EXPORTER)) {
    if (env.OTEL_TRACES_EXPORTER.trim().toLowerCase() !== "none")
      log.warn("OTEL_TRACES_EXPORTER not supported, tracing off", {
        value: env.OTEL_TRACES_EXPORTER,
        accepted: ["otlp", "none"],
      });
    return undefined;
  }
  const signal = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim();
  const base = env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim();
  if (!signal && !base) return undefined;
  const url = signal || `${base!.replace(/\/+$/, "")}/v1/traces`;
  const requested = (env.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL ?? env.OTEL_EXPORTER_OTLP_PROTOCOL ?? "")
    .trim()
    .toLowerCase();
  let protocol: TracingSettings["protocol"] = "http/protobuf";
  if (requested === "http/json") protocol = "http/json";
  else if (requested !== "" && requested !== "http/protobuf")
    log.warn("OTEL_EXPORTER_OTLP_PROTOCOL not supported, using http/protobuf", {
      value: requested,
      accepted: ["http/protobuf", "http/json"],
    });
  return {
    url,
    protocol,
    serviceName: env.OTEL_SERVICE_NAME?.trim() || "sluice",
    resource: {},
    headers: {},
    sampler: (env.OTEL_TRACES_SAMPLER ?? "parentbased_always_on").trim().toLowerCase(),
    samplerArg: env.OTEL_TRACES_SAMPLER_ARG,
    batch: {
      ...positive("scheduledDelayMillis", env.OTEL_BSP_SCHEDULE_DELAY),
      ...positive("maxQueueSize", env.OTEL_BSP_MAX_QUEUE_SIZE),
      ...positive("maxExportBatchSize", env.OTEL_BSP_MAX_EXPORT_BATCH_SIZE),
      ...positive("exportTimeoutMillis", env.OTEL_BSP_EXPORT_TIMEOUT),
    },
  };
}

/**
 * Starts tracing when it is configured and some API asks for it; undefined otherwise, without
 * loading any OpenTelemetry package.
 */
export async function startTracing(
  env: Env,
  log: Logger,
  anyApiTraced: boolean,
): Promise<Tracing | undefined> {
  if (!anyApiTraced) return undefined;
  const settings = tracingSettings(env, log);
  if (!settings) return undefined;
  const otel = await import("./otel.ts");
  settings.resource = otel.keyValuePairs(env.OTEL_RESOURCE_ATTRIBUTES);
  settings.headers = otel.keyValuePairs(
    env.OTEL_EXPORTER_OTLP_TRACES_HEADERS ?? env.OTEL_EXPORTER_OTLP_HEADERS,
  );
  const tracing = otel.createTracing(settings, log);
  log.info("tracing on", {
    url: withoutCredentials(settings.url),
    protocol: settings.protocol,
    serviceName: settings.serviceName,
    sampler: settings.sampler,
  });
  return tracing;
}

function positive<K extends string>(key: K, value: string | undefined): Partial<Record<K, number>> {
  const n = Number(value);
  return value !== undefined && Number.isInteger(n) && n > 0 ? ({ [key]: n } as Record<K, number>) : {};
}

/** A URL for the log: no user information, no query (either may hold a credential). */
function withoutCredentials(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return "(not a URL)";
  }
}
