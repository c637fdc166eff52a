// `sluice test`'s reports: one line per case (human), JSON, or JUnit XML for CI test views.
import type { Outcome } from "./run-tests.ts";
import type { Skipped } from "./test-cases.ts";

export const REPORTERS = ["human", "json", "junit"] as const;
export type Reporter = (typeof REPORTERS)[number];

export function humanLine(o: Outcome): string {
  return `${o.ok ? "ok  " : "FAIL"} ${o.test.api}: ${o.test.title} — ${o.detail}`;
}

export const skipLine = (s: Skipped) => `skip ${s.api}: ${s.what} — ${s.why}`;

export function summary(outcomes: readonly Outcome[], skipped: readonly Skipped[]): string {
  const failed = outcomes.filter((o) => !o.ok).length;
  return `${outcomes.length - failed} passed, ${failed} failed, ${skipped.length} skipped`;
}

export function renderJson(outcomes: readonly Outcome[], skipped: readonly Skipped[]): string {
  return JSON.stringify(
    {
      passed: outcomes.filter((o) => o.ok).length,
      failed: outcomes.filter((o) => !o.ok).length,
      skipped: skipped.length,
      cases: [
        ...outcomes.map((o) => ({
          api: o.test.api,
          title: o.test.title,
          result: o.ok ? "pass" : "fail",
          detail: o.detail,
          ms: o.ms,
        })),
        ...skipped.map((s) => ({ api: s.api, title: s.what, result: "skip", detail: s.why, ms: 0 })),
      ],
    },
    null,
    2,
  );
}

const xml = (s: string) =>
  s.replace(
    /[<>&"']/g,
    (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]!,
  );

/** JUnit XML (the Ant/Surefire shape CI systems read): one testsuite per API. */
export function renderJunit(outcomes: readonly Outcome[], skipped: readonly Skipped[]): string {
  const apis = [...new Set([...outcomes.map((o) => o.test.api), ...skipped.map((s) => s.api)])].sort();
  const suites = apis.map((api) => {
    const mine = outcomes.filter((o) => o.test.api === api);
    const skips = skipped.filter((s) => s.api === api);
    const time = mine.reduce((t, o) => t + o.ms, 0) / 1000;
    const cases = [
      ...mine.map((o) => {
        const head = `    <testcase classname="${xml(api)}" name="${xml(o.test.title)}" time="${(o.ms / 1000).toFixed(3)}"`;
        return o.ok ? `${head}/>` : `${head}>\n      <failure message="${xml(o.detail)}"/>\n    </testcase>`;
      }),
      ...skips.map(
        (s) =>
          `    <testcase classname="${xml(api)}" name="${xml(s.what)}" time="0">\n      <skipped message="${xml(s.why)}"/>\n    </testcase>`,
      ),
    ];
    return `  <testsuite name="${xml(api)}" tests="${mine.length + skips.length}" failures="${mine.filter((o) => !o.ok).length}" skipped="${skips.length}" time="${time.toFixed(3)}">\n${cases.join("\n")}\n  </testsuite>`;
  });
  const failures = outcomes.filter((o) => !o.ok).length;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="sluice test" tests="${outcomes.length + skipped.length}" failures="${failures}" skipped="${skipped.length}">\n${suites.join("\n")}\n</testsuites>\n`;
}
