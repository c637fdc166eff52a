// `sluice compile [DIR] [--out OUT] [--check] [--format …]` (SPEC.md §3).
import { compileRepository } from "../compile.ts";
import { hasErrors } from "../pipeline.ts";
import { EXIT_OK, EXIT_SPEC_ERRORS, EXIT_USAGE, formatOption, type Io, parse, UsageError } from "./main.ts";
import { renderDiagnostics } from "./report.ts";

export async function commandCompile(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, {
    out: { type: "string", short: "o" },
    check: { type: "boolean" },
    format: { type: "string" },
    quiet: { type: "boolean", short: "q" },
    timings: { type: "boolean" },
  });
  if (values.help) {
    io.out(
      "Usage: sluice compile [DIR|FILE|-] [--out OUT] [--check] [--timings] [--format human|json|github]\n",
    );
    return EXIT_OK;
  }
  if (positionals.length > 1) throw new UsageError("compile takes one DIR, FILE or -");
  const format = formatOption(values.format);
  const outDir = (values.out as string | undefined) ?? "generated";
  const started = performance.now();
  const progress = values.quiet || format !== "human" ? undefined : (m: string) => io.err(`sluice: ${m}…`);
  const result = await compileRepository({
    target: positionals[0] ?? "apis",
    outDir,
    checkOnly: values.check === true,
    ...(progress ? { progress } : {}),
  });
  if (values.timings) {
    const phases = Object.entries(result.timings).map(([phase, ms]) => `${phase} ${ms} ms`);
    io.err(`sluice: timings: ${phases.join(", ")}${result.build ? ` (build: ${result.build})` : ""}`);
  }
  const printed = renderDiagnostics(result.diagnostics, result.sources, format);
  if (printed || format === "json") io.out(printed);
  if (result.internalErrors.length > 0) {
    io.err("sluice: internal error: the generated gateway does not type-check:");
    for (const e of result.internalErrors.slice(0, 20)) io.err(`  ${e}`);
    return EXIT_USAGE;
  }
  if (hasErrors(result.diagnostics)) return EXIT_SPEC_ERRORS;
  if (values.check) {
    if (result.changed.length > 0) {
      io.err(`sluice: ${outDir}/ is stale; run \`sluice compile\`. Differs: ${result.changed.join(", ")}`);
      return EXIT_SPEC_ERRORS;
    }
    if (format === "human") io.err(`sluice: ${outDir}/ is up to date (${result.apis} APIs)`);
    return EXIT_OK;
  }
  if (format === "human") {
    const ms = Math.round(performance.now() - started);
    const size = result.bundle ? `, bundle ${(result.bundle.bytes / 1024).toFixed(0)} KiB` : "";
    io.err(
      `sluice: compiled ${result.apis} APIs into ${outDir}/ in ${ms} ms (${result.changed.length} files changed${size})`,
    );
  }
  return EXIT_OK;
}
