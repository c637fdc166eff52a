// `sluice diff` output: human (a terminal), markdown (a pull-request comment or the job summary),
// json (tools). Changes are grouped per resource, most severe first; the order is stable.
import type { Change, Severity } from "./compare.ts";
import { SEVERITIES } from "./compare.ts";

export const DIFF_FORMATS = ["human", "markdown", "json"] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

const MARK: Record<Severity, string> = { breaking: "🔴 breaking", risky: "🟠 risky", safe: "🟢 safe" };

function ordered(changes: readonly Change[]): Change[] {
  return [...changes].sort(
    (a, b) =>
      (a.resource < b.resource ? -1 : a.resource > b.resource ? 1 : 0) ||
      SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity),
  );
}

function byResource(changes: readonly Change[]): Map<string, Change[]> {
  const groups = new Map<string, Change[]>();
  for (const c of ordered(changes)) {
    const list = groups.get(c.resource) ?? [];
    list.push(c);
    groups.set(c.resource, list);
  }
  return groups;
}

export function summary(changes: readonly Change[]): string {
  const count = (s: Severity) => changes.filter((c) => c.severity === s).length;
  return `${count("breaking")} breaking, ${count("risky")} risky, ${count("safe")} safe`;
}

export function renderDiff(
  changes: readonly Change[],
  format: DiffFormat,
  base: string,
  head: string,
): string {
  if (format === "json") return JSON.stringify({ base, head, changes: ordered(changes) }, null, 2);
  if (format === "markdown") return markdown(changes, base, head);
  if (changes.length === 0) return `No API changes between ${base} and ${head}.`;
  const lines: string[] = [];
  for (const [resource, list] of byResource(changes)) {
    lines.push(`${resource} (${list[0]?.file ?? ""})`);
    for (const c of list)
      lines.push(`  ${c.severity.padEnd(8)} ${c.kind}: ${c.where}: ${c.message} — ${c.why}`);
  }
  lines.push("", `${summary(changes)} (${base} → ${head})`);
  return lines.join("\n");
}

const cell = (s: string) => s.replaceAll("|", "\\|").replaceAll("\n", " ");

function markdown(changes: readonly Change[], base: string, head: string): string {
  const lines = [`### Sluice API diff: \`${base}\` → \`${head}\``, ""];
  if (changes.length === 0) {
    lines.push("No API changes.");
    return lines.join("\n");
  }
  lines.push(`**${summary(changes)}**`, "");
  for (const [resource, list] of byResource(changes)) {
    lines.push(
      `#### \`${resource}\` — ${list[0]?.file ?? ""}`,
      "",
      "| | change | where | what | why |",
      "|---|---|---|---|---|",
    );
    for (const c of list)
      lines.push(
        `| ${MARK[c.severity]} | \`${c.kind}\` | ${cell(c.where)} | ${cell(c.message)} | ${cell(c.why)} |`,
      );
    lines.push("");
  }
  return lines.join("\n").trimEnd();
}
