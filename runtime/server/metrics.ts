// Prometheus metrics for /metrics: request counts and latency per API and status, readiness per API.
// Text exposition format 0.0.4: https://prometheus.io/docs/instrumenting/exposition_formats/

/**
 * The status label of an exchange the client abandoned before its response was complete (nginx's
 * 499 "client closed request"); one the gateway broke off mid-body counts as 502.
 */
export const CLIENT_CLOSED = 499;

const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export class Metrics {
  private readonly requests = new Map<string, number>();
  /** Requests a plan was selected for, by API, plan, application (subscription's) and status. */
  private readonly planRequests = new Map<string, number>();
  private readonly durations = new Map<string, { buckets: number[]; sum: number; count: number }>();
  private inFlight = 0;

  started(): void {
    this.inFlight++;
  }

  finished(api: string, status: number, seconds: number): void {
    this.inFlight--;
    const key = `api="${escapeLabel(api)}",status="${status}"`;
    this.requests.set(key, (this.requests.get(key) ?? 0) + 1);
    const dKey = `api="${escapeLabel(api)}"`;
    let d = this.durations.get(dKey);
    if (!d) {
      d = { buckets: BUCKETS.map(() => 0), sum: 0, count: 0 };
      this.durations.set(dKey, d);
    }
    for (let i = 0; i < BUCKETS.length; i++) if (seconds <= BUCKETS[i]!) d.buckets[i]!++;
    d.sum += seconds;
    d.count++;
  }

  planFinished(api: string, plan: string, application: string, status: number): void {
    const key = `api="${escapeLabel(api)}",plan="${escapeLabel(plan)}",application="${escapeLabel(application)}",status="${status}"`;
    this.planRequests.set(key, (this.planRequests.get(key) ?? 0) + 1);
  }

  get active(): number {
    return this.inFlight;
  }

  render(ready: ReadonlyArray<{ api: string; ready: boolean }>): string {
    const out: string[] = [];
    out.push(
      "# HELP sluice_requests_total Requests handled, by API and response status.",
      "# TYPE sluice_requests_total counter",
    );
    for (const [k, v] of [...this.requests].sort()) out.push(`sluice_requests_total{${k}} ${v}`);
    out.push(
      "# HELP sluice_plan_requests_total Requests by the plan that took them and the subscribing application (empty for keyless plans).",
      "# TYPE sluice_plan_requests_total counter",
    );
    for (const [k, v] of [...this.planRequests].sort()) out.push(`sluice_plan_requests_total{${k}} ${v}`);
    out.push(
      "# HELP sluice_request_duration_seconds Time to the end of the response.",
      "# TYPE sluice_request_duration_seconds histogram",
    );
    for (const [k, d] of [...this.durations].sort()) {
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
    return `${out.join("\n")}\n`;
  }
}

function escapeLabel(s: string): string {
  return s.replaceAll("\\", "\\\\").replaceAll('"', '\\"').replaceAll("\n", "\\n");
}
