// Prometheus metrics for /metrics: request counts and latency per API and status, readiness per API,
// and each webhook subscription's deliveries.
// Text exposition format 0.0.4: https://prometheus.io/docs/instrumenting/exposition_formats/
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
  buckets: number[];
  sum: number;
  count: number;
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
      s = { byStatus: new Map(), byPlan: new Map(), buckets: BUCKETS.map(() => 0), sum: 0, count: 0 };
      this.series.set(api, s);
    }
    return s;
  }

  finished(api: string, status: number, seconds: number): void {
    this.inFlight--;
    const s = this.seriesOf(api);
    s.byStatus.set(status, (s.byStatus.get(status) ?? 0) + 1);
    for (let i = 0; i < BUCKETS.length; i++) if (seconds <= BUCKETS[i]!) s.buckets[i]!++;
    s.sum += seconds;
    s.count++;
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

  render(
    ready: ReadonlyArray<{ api: string; ready: boolean }>,
    deliveries: readonly SubscriptionDeliveryState[] = [],
  ): string {
    const out: string[] = [];
    const requests: Array<[string, number]> = [];
    const planRequests: Array<[string, number]> = [];
    const durations: Array<[string, ApiSeries]> = [];
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
      if (s.count > 0) durations.push([a, s]);
    }
    out.push(
      "# HELP sluice_requests_total Requests handled, by API and response status.",
      "# TYPE sluice_requests_total counter",
    );
    for (const [k, v] of requests.sort()) out.push(`sluice_requests_total{${k}} ${v}`);
    out.push(
      "# HELP sluice_plan_requests_total Requests by the plan that took them and the subscribing application (empty for keyless plans).",
      "# TYPE sluice_plan_requests_total counter",
    );
    for (const [k, v] of planRequests.sort()) out.push(`sluice_plan_requests_total{${k}} ${v}`);
    out.push(
      "# HELP sluice_request_duration_seconds Time to the end of the response.",
      "# TYPE sluice_request_duration_seconds histogram",
    );
    for (const [k, d] of durations.sort()) {
      BUCKETS.forEach((b, i) => {
        out.push(`sluice_request_duration_seconds_bucket{${k},le="${b}"} ${d.buckets[i]}`);
      });
      out.push(`sluice_request_duration_seconds_bucket{${k},le="+Inf"} ${d.count}`);
      out.push(
        `sluice_request_duration_seconds_sum{${k}} ${d.sum}`,
        `sluice_request_duration_seconds_count{${k}} ${d.count}`,
      );
    }
    out.push(
      "# HELP sluice_requests_in_flight Requests being handled.",
      "# TYPE sluice_requests_in_flight gauge",
    );
    out.push(`sluice_requests_in_flight ${this.inFlight}`);
    out.push(
      "# HELP sluice_api_ready 1 when every endpoint of the API is connected.",
      "# TYPE sluice_api_ready gauge",
    );
    for (const r of ready) out.push(`sluice_api_ready{api="${escapeLabel(r.api)}"} ${r.ready ? 1 : 0}`);
    if (deliveries.length > 0) {
      const label = (d: SubscriptionDeliveryState) =>
        `api="${escapeLabel(d.api)}",subscription="${escapeLabel(d.subscription)}"`;
      out.push(
        "# HELP sluice_webhook_messages_total Webhook messages by outcome: delivered, dead_lettered, dropped.",
        "# TYPE sluice_webhook_messages_total counter",
      );
      for (const d of deliveries) {
        out.push(
          `sluice_webhook_messages_total{${label(d)},outcome="delivered"} ${d.delivered}`,
          `sluice_webhook_messages_total{${label(d)},outcome="dead_lettered"} ${d.deadLettered}`,
          `sluice_webhook_messages_total{${label(d)},outcome="dropped"} ${d.dropped}`,
        );
      }
      out.push(
        "# HELP sluice_webhook_failed_attempts_total Callback calls that failed (each retry counts).",
        "# TYPE sluice_webhook_failed_attempts_total counter",
      );
      for (const d of deliveries)
        out.push(`sluice_webhook_failed_attempts_total{${label(d)}} ${d.failedAttempts}`);
      out.push(
        "# HELP sluice_webhook_subscription_up 1 while the subscription delivers (running), 0 retrying, failed or stopped.",
        "# TYPE sluice_webhook_subscription_up gauge",
      );
      for (const d of deliveries)
        out.push(`sluice_webhook_subscription_up{${label(d)}} ${d.state === "running" ? 1 : 0}`);
    }
    return `${out.join("\n")}\n`;
  }
}

function escapeLabel(s: string): string {
  return s.replaceAll("\\", "\\\\").replaceAll('"', '\\"').replaceAll("\n", "\\n");
}
