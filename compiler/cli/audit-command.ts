// `sluice audit [DIR]`: who changed which API when, and what it did to clients — the git history of
// the specs directory read commit by commit with the rules of `sluice diff` (compiler/diff/history.ts).
import { EXIT_OK, type Io, parse, UsageError } from "./main.ts";

const HELP = `Usage: sluice audit [DIR] [--since DATE|REF] [--format human|markdown|json]

Lists the commits that changed the specs in DIR (default apis), newest first: author, date, and
per API what changed for clients (breaking, risky, safe — the rules of sluice diff).
  --since X   only commits after a date git understands (2026-01-01, "2 weeks ago") or a ref (v1.2)
  --format F  human (default), markdown, json
`;

export async function commandAudit(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, {
    since: { type: "string" },
    format: { type: "string" },
  });
  if (values.help) {
    io.out(HELP);
    return EXIT_OK;
  }
  const { AUDIT_FORMATS, auditHistory, renderAudit } = await import("../diff/history.ts");
  const { SideError } = await import("../diff/read-side.ts");
  const format = (values.format ?? "human") as (typeof AUDIT_FORMATS)[number];
  if (!AUDIT_FORMATS.includes(format))
    throw new UsageError(
      `--format must be one of ${AUDIT_FORMATS.join(", ")}, not \`${String(values.format)}\``,
    );
  if (positionals.length > 1) throw new UsageError("audit takes one DIR");
  const dir = positionals[0] ?? "apis";
  try {
    io.out(renderAudit(await auditHistory(dir, values.since), format));
  } catch (error) {
    if (error instanceof SideError) throw new UsageError(error.message);
    throw error;
  }
  return EXIT_OK;
}
