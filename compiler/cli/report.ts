// Printing diagnostics in the format the user asked for (docs/contract.md §3).
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { formatGithub } from "../diagnostics/format/github.ts";
import { formatHuman } from "../diagnostics/format/human.ts";
import { formatJson } from "../diagnostics/format/json.ts";
import { compareLocated, locateDiagnostic } from "../diagnostics/locate.ts";
import type { SourceSet } from "../load/source-set.ts";

export const FORMATS = ["human", "json", "github"] as const;
export type Format = (typeof FORMATS)[number];

export function renderDiagnostics(
  diagnostics: readonly Diagnostic[],
  sources: SourceSet,
  format: Format,
): string {
  const located = diagnostics.map((d) => locateDiagnostic(sources, d)).sort(compareLocated);
  switch (format) {
    case "json":
      return formatJson(located);
    case "github":
      return formatGithub(located);
    default:
      return formatHuman(located, sources, process.stdout.isTTY === true && !process.env.NO_COLOR);
  }
}
