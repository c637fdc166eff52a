// The Grafana dashboard (deploy/grafana/sluice-dashboard.json) cannot drift from the gateway's
// metrics: every metric a panel queries is one /metrics serves, with the suffixes its type allows,
// and every metric family the gateway serves is on some panel.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_DIR } from "../../compiler/compile.ts";
import { Metrics } from "../../runtime/server/metrics.ts";

interface Panel {
  title: string;
  type: string;
  targets?: Array<{ expr: string }>;
}

/** Every family /metrics can serve, with its type: one of each series recorded, every extra given. */
function families(): Map<string, string> {
  const metrics = new Metrics();
  metrics.started();
  metrics.finished("a", 200, 0.01, 0.005);
  metrics.planFinished("a", "p", "app", 200);
  metrics.message("a", "sse", "mock", "subscribe");
  metrics.messageFailed("a", "sse", "mock");
  const text = metrics.render([{ api: "a", ready: true }], {
    endpoints: [{ api: "a", group: "g", endpoint: "e", up: true }],
    deliveries: [
      {
        api: "a",
        subscription: "s",
        plan: "p",
        callback: "http://127.0.0.1/cb",
        state: "running",
        delivered: 1,
        deadLettered: 0,
        dropped: 0,
        failedAttempts: 0,
      },
    ],
    accessLog: { written: 1, dropped: 0 },
  });
  const out = new Map<string, string>();
  for (const m of text.matchAll(/^# TYPE (\S+) (\S+)$/gm)) out.set(m[1]!, m[2]!);
  return out;
}

const PROMQL_WORDS = new Set([
  "sum",
  "max",
  "by",
  "rate",
  "histogram_quantile",
  "label_replace",
  "clamp_min",
  "count",
  "or",
  "vector",
  "time",
  "le",
]);

/** Metric names in a PromQL expression: identifiers outside strings, braces and PromQL's own words. */
function metricNames(expr: string): string[] {
  const bare = expr
    .replace(/"[^"]*"/g, '""')
    .replace(/\{[^}]*\}/g, "{}")
    .replace(/\[[^\]]*\]/g, "[]")
    .replace(/\b\d+(\.\d+)?(e[-+]?\d+)?\b/gi, "0");
  const names = bare.match(/[a-zA-Z_:][a-zA-Z0-9_:]*/g) ?? [];
  // `by (api, plan)`: grouping labels, not metrics.
  const grouped = new Set([...bare.matchAll(/by \(([^)]*)\)/g)].flatMap((m) => m[1]!.split(/,\s*/)));
  return names.filter((n) => !PROMQL_WORDS.has(n) && !grouped.has(n));
}

describe("the Grafana dashboard", () => {
  const dashboard = JSON.parse(
    readFileSync(join(PROJECT_DIR, "deploy", "grafana", "sluice-dashboard.json"), "utf8"),
  ) as { panels: Panel[]; templating: { list: Array<{ definition?: string }> } };
  const served = families();
  const queries = [
    ...dashboard.panels.flatMap((p) => (p.targets ?? []).map((t) => ({ panel: p.title, expr: t.expr }))),
    ...dashboard.templating.list
      .filter((v) => v.definition)
      .map((v) => ({ panel: "variable", expr: v.definition!.replace(/^label_values\((\w+),.*$/, "$1") })),
  ];

  it("queries only metrics the gateway serves", () => {
    expect(queries.length).toBeGreaterThan(20);
    const unknown: string[] = [];
    for (const { panel, expr } of queries) {
      for (const name of metricNames(expr)) {
        const histogram = /^(.*)_(bucket|sum|count)$/.exec(name);
        const known =
          (served.has(name) && served.get(name) !== "histogram") ||
          (histogram !== null && served.get(histogram[1]!) === "histogram");
        if (!known) unknown.push(`${panel}: ${name}`);
      }
    }
    expect(unknown).toEqual([]);
  });

  it("charts every metric family the gateway serves", () => {
    const used = new Set(
      queries.flatMap(({ expr }) => metricNames(expr).map((n) => n.replace(/_(bucket|sum|count)$/, ""))),
    );
    expect([...served.keys()].filter((name) => !used.has(name))).toEqual([]);
  });
});
