// `--format github`: GitHub Actions workflow commands, shown as annotations on the pull request.
// https://docs.github.com/actions/reference/workflow-commands-for-github-actions
import type { LocatedDiagnostic } from "../diagnostic.ts";

const escapeData = (s: string) => s.replaceAll("%", "%25").replaceAll("\r", "%0D").replaceAll("\n", "%0A");
const escapeProperty = (s: string) => escapeData(s).replaceAll(":", "%3A").replaceAll(",", "%2C");

export function formatGithub(diagnostics: LocatedDiagnostic[]): string {
  return diagnostics
    .map((d) => {
      const command = d.severity === "error" ? "error" : "warning";
      const props = `file=${escapeProperty(d.file)},line=${d.line},col=${d.column},title=${escapeProperty(d.code)}`;
      const body = d.hint ? `${d.message}\n${d.hint}` : d.message;
      return `::${command} ${props}::${escapeData(body)}`;
    })
    .join("\n");
}
