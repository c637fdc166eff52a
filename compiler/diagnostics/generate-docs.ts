// Writes docs/diagnostics.md from the catalogue and docs/connectors-reference.md from the connectors'
// folders, so the documentation cannot drift from the code.
import { writeFile } from "node:fs/promises";
import { readConnectorFolders } from "../connectors/folders.ts";
import { REFERENCE_FILE, renderConnectorReference } from "../connectors/reference.ts";
import { CATALOGUE } from "./catalogue.ts";

export function renderCatalogue(): string {
  const lines = [
    "<!-- Generated from compiler/diagnostics/catalogue.ts by `npm run gen:docs`. Do not edit. -->",
    "# Diagnostic codes",
    "",
    "Every problem `sluice check` and `sluice compile` report has a permanent code. The human output",
    "prints it after the severity (`apis/orders.yaml:12:7: error exposure/qos: …`); `--format json`",
    "has it in `code`; GitHub annotations use it as the title.",
    "",
  ];
  const groups = new Map<string, typeof CATALOGUE>();
  for (const e of CATALOGUE) {
    const g = e.code.split("/")[0]!;
    groups.set(g, [...(groups.get(g) ?? []), e]);
  }
  lines.push("| code | title |", "|---|---|");
  for (const e of CATALOGUE) lines.push(`| [\`${e.code}\`](#${anchor(e.code)}) | ${e.title} |`);
  lines.push("");
  for (const [group, list] of groups) {
    lines.push(`## ${group}`, "");
    for (const e of list) {
      lines.push(`### ${e.code}`, "", `**${e.title}.** ${e.why}`, "", `**Fix:** ${e.fix}`, "");
    }
  }
  return lines.join("\n");
}

function anchor(code: string): string {
  return code.replace(/[^a-z0-9-]/g, "").toLowerCase();
}

if (import.meta.main) {
  await writeFile(new URL("../../docs/diagnostics.md", import.meta.url), renderCatalogue());
  await writeFile(REFERENCE_FILE, renderConnectorReference(readConnectorFolders()));
}
