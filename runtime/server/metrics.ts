// Prometheus metrics for /metrics: request counts and latency per API and status (the time to the
// end of the response, and its split into the endpoint's time and the gateway's own), message
// counts per entrypoint and endpoint, readiness per API and endpoint, each webhook subscription's
// deliveries, traffic-shadowing copies, the access log's lines, and the process (docs/operations.md lists them all;
// deploy/grafana/sluice-dashboard.json charts them). Counters are plain numbers in Maps, so one
// process's series can be added to another's.
// Text exposition format 0.0.4: https://prometheus.io/docs/instrumenting/exposition_formats/
import { monitorEventLoopDelay } from "node:perf_hooks";
import type { SubscriptionDeliveryState } from "../contract.ts";

/**
 * The status label of an exchange the client abandoned before its response was complete (nginx's
 * 499 "client closed request"); one the gateway broke off mid-body counts as 502.
 */
export const CLIENT_CLOSED = 499;

const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** One API's counters, found by one Map lookup per request; label text is built only by `render`. */
interface ApiSeries {
  byStatus: Map<number, number>;
  /** plan → application → status → count. */
  byPlan: Map<string, Map<string, Map<number, number>>>;
  /** Time to the end of the response. */
  total: Histogram;
  /** Exchanges that reached an endpoint: the endpoint's time (to its response head), and the rest. */
  endpoint: Histogram;
  gateway: Histogram;
  /** `entrypoint\u0000endpoint\u0000operation` → messages (publish: from the client, subscribe: to it). */
  messages: Map<string, number>;
  /** `entrypoint\u0000endpoint` → messages that failed (the endpoint refused or broke off). */
  messageErrors: Map<string, number>;
  /** `endpoint\u0000outcome` → traffic-shadowing copies (sent, failed, abandoned). */
  shadows: Map<string, number>;
}

interface Histogram {
  buckets: number[];
  sum: number;
  count: number;
}

function histogram(): Histogram {
  return { buckets: BUCKETS.map(() => 0), sum: 0, count: 0 };
}

function observe(h: Histogram, seconds: number): void {
  for (let i = 0; i < BUCKETS.length; i++) if (seconds <= BUCKETS[i]!) h.buckets[i]!++;
  h.sum += seconds;
  h.count++;
}

/** An endpoint's state for `sluice_endpoint_up`. */
export interface EndpointState {
  api: string;
  group: string;
  endpoint: string;
  up: boolean;
}

/** What /metrics shows besides the counters: computed when it is scraped. */
export interface MetricsExtras {
  deliveries?: readonly SubscriptionDeliveryState[];
  endpoints?: readonly EndpointState[];
  accessLog?: { written: number; dropped: number } | undefined;
  /** Kafka consumers' lag per partition they hold (MessageEndpoint.consumerLag). */
  consumerLag?: ReadonlyArray<{
    api: string;
    endpoint: string;
    group: string;
    topic: string;
    partition: number;
    lag: number;
  }>;
}

export class Metrics {
  private readonly series = new Map<string, ApiSeries>();
  private inFlight = 0;

  started(): void {
    this.inFlight++;
  }

  private seriesOf(api: string): ApiSeries {
    let s = this.series.get(api);
    if (!s) {
      s = {
        byStatus: new Map(),
        byPlan: new Map(),
        total: histogram(),
        endpoint: histogram(),
        gateway: histogram(),
        messages: new Map(),
        messageErrors: new Map(),
        shadows: new Map(),
      };
      this.series.set(api, s);
    }
    return s;
  }

  /** `endpointSeconds`: the endpoint's share, when the exchange reached one. */
  finished(api: string, status: number, seconds: number, endpointSeconds?: number): void {
    this.inFlight--;
    const s = this.seriesOf(api);
    s.byStatus.set(status, (s.byStatus.get(status) ?? 0) + 1);
    observe(s.total, seconds);
    if (endpointSeconds !== undefined) {
      observe(s.endpoint, endpointSeconds);
      observe(s.gateway, Math.max(0, seconds - endpointSeconds));
    }
  }

  message(api: string, entrypoint: string, endpoint: string, operation: "publish" | "subscribe"): void {
    const m = this.seriesOf(api).messages;
    const key = `${entrypoint}\u0000${endpoint}\u0000${operation}`;
    m.set(key, (m.get(key) ?? 0) + 1);
  }

  messageFailed(api: string, entrypoint: string, endpoint: string): void {
    const m = this.seriesOf(api).messageErrors;
    const key = `${entrypoint}\u0000${endpoint}`;
    m.set(key, (m.get(key) ?? 0) + 1);
  }

  /** A traffic-shadowing copy to `endpoint`: answered (`sent`), failed, or abandoned behind the client. */
  shadow(api: string, endpoint: string, outcome: "sent" | "failed" | "abandoned"): void {
    const m = this.seriesOf(api).shadows;
    const key = `${endpoint}\u0000${outcome}`;
    m.set(key, (m.get(key) ?? 0) + 1);
  }

  planFinished(api: string, plan: string, application: string, status: number): void {
    const byPlan = this.seriesOf(api).byPlan;
    let byApp = byPlan.get(plan);
    if (!byApp) {
      byApp = new Map();
      byPlan.set(plan, byApp);
    }
    let byStatus = byApp.get(application);
    if (!byStatus) {
      byStatus = new Map();
      byApp.set(application, byStatus);
    }
    byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
  }

  get active(): number {
    return this.inFlight;
  }

  render(ready: ReadonlyArray<{ api: string; ready: boolean }>, extras: MetricsExtras = {}): string {
    const out: string[] = [];
    const requests: Array<[string, number]> = [];
    const planRequests: Array<[string, number]> = [];
    const durations: Array<[string, Histogram]> = [];
    const endpointDurations: Array<[string, Histogram]> = [];
    const gatewayDurations: Array<[string, Histogram]> = [];
    const messages: Array<[string, number]> = [];
    const messageErrors: Array<[string, number]> = [];
    const shadows: Array<[string, number]> = [];
    for (const [api, s] of this.series) {
      const a = `api="${escapeLabel(api)}"`;
      for (const [status, n] of s.byStatus) requests.push([`${a},status="${status}"`, n]);
      for (const [plan, byApp] of s.byPlan)
        for (const [app, byStatus] of byApp)
          for (const [status, n] of byStatus)
            planRequests.push([
              `${a},plan="${escapeLabel(plan)}",application="${escapeLabel(app)}",status="${status}"`,
              n,
            ]);
      if (s.total.count > 0) durations.push([a, s.total]);
      if (s.endpoint.count > 0) {
        endpointDurations.push([a, s.endpoint]);
        gatewayDurations.push([a, s.gateway]);
      }
      for (const [key, n] of s.messages) {
        const [entrypoint, endpoint, operation] = key.split("\u0000") as [string, string, string];
        messages.push([
          `${a},entrypoint="${escapeLabel(entrypoint)}",endpoint="${escapeLabel(endpoint)}",operation="${operation}"`,
          n,
        ]);
      }
      for (const [key, n] of s.messageErrors) {
        const [entrypoint, endpoint] = key.split("\u0000") as [string, string];
        messageErrors.push([
          `${a},entrypoint="${escapeLabel(entrypoint)}",endpoint="${escapeLabel(endpoint)}"`,
          n,
        ]);
      }
      for (const [key, n] of s.shadows) {
        const [endpoint, outcome] = key.split("\u0000") as [string, string];
        shadows.push([`${a},endpoint="${escapeLabel(endpoint)}",outcome="${outcome}"`, n]);
      }
    }
    const family = (name: string, type: string, help: string) =>
      out.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
    const counters = (name: string, rows: Array<[string, number]>) => {
      for (const [k, v] of rows.sort()) out.push(`${name}{${k}} ${v}`);
    };
    const histograms = (name: string, rows: Array<[string, Histogram]>) => {
      for (const [k, d] of rows.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0))) {
        BUCKETS.forEach((b, i) => {
          out.push(`${name}_bucket{${k},le="${b}"} ${d.buckets[i]}`);
        });
        out.push(
          `${name}_bucket{${k},le="+Inf"} ${d.count}`,
          `${name}_sum{${k}} ${d.sum}`,
          `${name}_count{${k}} ${d.count}`,
        );
      }
    };
    family("sluice_requests_total", "counter", "Requests handled, by API and response status.");
    counters("sluice_requests_total", requests);
    family(
      "sluice_plan_requests_total",
      "counter",
      "Requests by the plan that took them and the subscribing application (empty for keyless plans).",
    );
    counters("sluice_plan_requests_total", planRequests);
    family("sluice_request_duration_seconds", "histogram", "Time to the end of the response.");
    histograms("sluice_request_duration_seconds", durations);
    family(
      "sluice_endpoint_duration_seconds",
      "histogram",
      "Time from calling the endpoint to its response head (exchanges that reached an endpoint).",
    );
    histograms("sluice_endpoint_duration_seconds", endpointDurations);
    family(
      "sluice_gateway_latency_seconds",
      "histogram",
      "The gateway's own share of the response time: the total minus the endpoint's time.",
    );
    histograms("sluice_gateway_latency_seconds", gatewayDurations);
    family("sluice_requests_in_flight", "gauge", "Requests being handled.");
    out.push(`sluice_requests_in_flight ${this.inFlight}`);
    family(
      "sluice_messages_total",
      "counter",
      "Messages of MESSAGE APIs by entrypoint, endpoint and operation (publish: from the client, subscribe: to it).",
    );
    counters("sluice_messages_total", messages);
    family(
      "sluice_message_errors_total",
      "counter",
      "Messages that failed between entrypoint and endpoint (the endpoint refused or broke off).",
    );
    counters("sluice_message_errors_total", messageErrors);
    family(
      "sluice_shadow_requests_total",
      "counter",
      "Traffic-shadowing copies, by API, shadow endpoint and outcome (sent, failed, abandoned).",
    );
    counters("sluice_shadow_requests_total", shadows);
    family("sluice_api_ready", "gauge", "1 when every endpoint of the API is connected.");
    for (const r of ready) out.push(`sluice_api_ready{api="${escapeLabel(r.api)}"} ${r.ready ? 1 : 0}`);
    family(
      "sluice_endpoint_up",
      "gauge",
      "1 while the endpoint is connected and in rotation (health checks), else 0.",
    );
    for (const e of extras.endpoints ?? [])
      out.push(
        `sluice_endpoint_up{api="${escapeLabel(e.api)}",group="${escapeLabel(e.group)}",endpoint="${escapeLabel(e.endpoint)}"} ${e.up ? 1 : 0}`,
      );
    family(
      "sluice_consumer_lag_messages",
      "gauge",
      "Messages written to a partition and not yet committed by the consumer group of a running subscription (Kafka).",
    );
    for (const l of extras.consumerLag ?? [])
      out.push(
        `sluice_consumer_lag_messages{api="${escapeLabel(l.api)}",endpoint="${escapeLabel(l.endpoint)}",group="${escapeLabel(l.group)}",topic="${escapeLabel(l.topic)}",partition="${l.partition}"} ${l.lag}`,
      );
    const deliveries = extras.deliveries ?? [];
    const label = (d: SubscriptionDeliveryState) =>
      `api="${escapeLabel(d.api)}",subscription="${escapeLabel(d.subscription)}"`;
    family(
      "sluice_webhook_messages_total",
      "counter",
      "Webhook messages by outcome: delivered, dead_lettered, dropped.",
    );
    for (const d of deliveries) {
      out.push(
        `sluice_webhook_messages_total{${label(d)},outcome="delivered"} ${d.delivered}`,
        `sluice_webhook_messages_total{${label(d)},outcome="dead_lettered"} ${d.deadLettered}`,
        `sluice_webhook_messages_total{${label(d)},outcome="dropped"} ${d.dropped}`,
      );
    }
    family(
      "sluice_webhook_failed_attempts_total",
      "counter",
      "Callback calls that failed (each retry counts).",
    );
    for (const d of deliveries)
      out.push(`sluice_webhook_failed_attempts_total{${label(d)}} ${d.failedAttempts}`);
    family(
      "sluice_webhook_subscription_up",
      "gauge",
      "1 while the subscription delivers (running), 0 retrying, failed or stopped.",
    );
    for (const d of deliveries)
      out.push(`sluice_webhook_subscription_up{${label(d)}} ${d.state === "running" ? 1 : 0}`);
    if (extras.accessLog) {
      family("sluice_access_log_lines_total", "counter", "Lines handed to the access log.");
      out.push(`sluice_access_log_lines_total ${extras.accessLog.written}`);
      family(
        "sluice_access_log_dropped_lines_total",
        "counter",
        "Access-log lines dropped because the destination fell 16 MiB behind.",
      );
      out.push(`sluice_access_log_dropped_lines_total ${extras.accessLog.dropped}`);
    }
    out.push(...processMetrics());
    return `${out.join("\n")}\n`;
  }
}

/**
 * The process's own metrics under the names Prometheus client libraries use (process_*, nodejs_*),
 * read when scraped: nothing runs on the traffic path.
 */
function processMetrics(): string[] {
  const cpu = process.cpuUsage();
  const memory = process.memoryUsage();
  eventLoop ??= startEventLoopMonitor();
  return [
    "# HELP process_cpu_seconds_total Total user and system CPU time spent in seconds.",
    "# TYPE process_cpu_seconds_total counter",
    `process_cpu_seconds_total ${(cpu.user + cpu.system) / 1e6}`,
    "# HELP process_resident_memory_bytes Resident memory size in bytes.",
    "# TYPE process_resident_memory_bytes gauge",
    `process_resident_memory_bytes ${memory.rss}`,
    "# HELP process_start_time_seconds Start time of the process since unix epoch in seconds.",
    "# TYPE process_start_time_seconds gauge",
    `process_start_time_seconds ${Math.round((Date.now() - process.uptime() * 1000) / 1000)}`,
    "# HELP nodejs_heap_size_used_bytes Process heap size used from Node.js in bytes.",
    "# TYPE nodejs_heap_size_used_bytes gauge",
    `nodejs_heap_size_used_bytes ${memory.heapUsed}`,
    "# HELP nodejs_eventloop_lag_p99_seconds The 99th percentile of the event loop delay since the last scrape.",
    "# TYPE nodejs_eventloop_lag_p99_seconds gauge",
    `nodejs_eventloop_lag_p99_seconds ${eventLoopP99()}`,
  ];
}

let eventLoop: ReturnType<typeof monitorEventLoopDelay> | undefined;

function startEventLoopMonitor(): ReturnType<typeof monitorEventLoopDelay> {
  const h = monitorEventLoopDelay({ resolution: 20 });
  h.enable();
  return h;
}

function eventLoopP99(): number {
  if (!eventLoop || eventLoop.count === 0) return 0;
  const p99 = eventLoop.percentile(99) / 1e9;
  eventLoop.reset();
  return p99;
}

function escapeLabel(s: string): string {
  return s.replaceAll("\\", "\\\\").replaceAll('"', '\\"').replaceAll("\n", "\\n");
}
