// `sluice compile [DIR] [--out OUT] [--check] [--watch] [--timings] [--format …]` (docs/contract.md §3).
import { relative } from "node:path";
import { type CompileResult, compileRepository } from "../compile.ts";
import { hasErrors } from "../pipeline.ts";
import { watchRepository } from "../watch.ts";
import { EXIT_OK, EXIT_SPEC_ERRORS, EXIT_USAGE, formatOption, type Io, parse, UsageError } from "./main.ts";
import { type Format, renderDiagnostics } from "./report.ts";

const USAGE =
  "Usage: sluice compile [DIR|FILE|-] [--out OUT] [--check] [--watch] [--timings] [--allow-empty] [--format human|json|github]\n";

interface Reporting {
  io: Io;
  format: Format;
  outDir: string;
  timings: boolean;
  checkOnly: boolean;
  allowEmpty: boolean;
}

export async function commandCompile(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, {
    out: { type: "string", short: "o" },
    check: { type: "boolean" },
    watch: { type: "boolean", short: "w" },
    format: { type: "string" },
    quiet: { type: "boolean", short: "q" },
    timings: { type: "boolean" },
    "allow-empty": { type: "boolean" },
  });
  if (values.help) {
    io.out(USAGE);
    return EXIT_OK;
  }
  if (positionals.length > 1) throw new UsageError("compile takes one DIR, FILE or -");
  const format = formatOption(values.format);
  const target = positionals[0] ?? "apis";
  const reporting: Reporting = {
    io,
    format,
    outDir: (values.out as string | undefined) ?? "generated",
    timings: values.timings === true,
    checkOnly: values.check === true,
    allowEmpty: values["allow-empty"] === true,
  };
  const progress = values.quiet || format !== "human" ? undefined : (m: string) => io.err(`sluice: ${m}…`);
  if (values.watch) {
    if (reporting.checkOnly) throw new UsageError("--watch and --check cannot be used together");
    if (target === "-") throw new UsageError("--watch needs a DIR or FILE to watch, not standard input");
    return watch(target, reporting);
  }
  const started = performance.now();
  const result = await compileRepository({
    target,
    outDir: reporting.outDir,
    checkOnly: reporting.checkOnly,
    allowEmpty: reporting.allowEmpty,
    ...(progress ? { progress } : {}),
  });
  return report(result, Math.round(performance.now() - started), reporting);
}

/** Prints one compile's outcome; returns its exit code. */
function report(result: CompileResult, ms: number, r: Reporting, changedFiles?: readonly string[]): number {
  const { io, format, outDir } = r;
  if (r.timings) {
    const phases = Object.entries(result.timings).map(([phase, t]) => `${phase} ${t} ms`);
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
  if (r.checkOnly) {
    if (result.changed.length > 0) {
      io.err(`sluice: ${outDir}/ is stale; run \`sluice compile\`. Differs: ${result.changed.join(", ")}`);
      return EXIT_SPEC_ERRORS;
    }
    if (format === "human") io.err(`sluice: ${outDir}/ is up to date (${result.apis} APIs)`);
    return EXIT_OK;
  }
  if (format === "human") {
    const size = result.bundle ? `, bundle ${(result.bundle.bytes / 1024).toFixed(0)} KiB` : "";
    const why = changedFiles ? `${changedFiles.join(", ")} changed: ` : "";
    io.err(
      `sluice: ${why}compiled ${result.apis} APIs into ${outDir}/ in ${ms} ms (${result.changed.length} files changed${size})`,
    );
    if (result.bundle) io.err(`sluice: bundle ${result.bundle.digest} (${outDir}/dist/)`);
  }
  return EXIT_OK;
}

/** Compiles, then again on every change, until SIGINT or SIGTERM; exit code 0. */
async function watch(target: string, r: Reporting): Promise<number> {
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    await watchRepository(
      {
        target,
        outDir: r.outDir,
        allowEmpty: r.allowEmpty,
        onCompile: (result, ms, changed) => {
          const code = report(result, ms, r, changed);
          if (code !== EXIT_OK && r.format === "human")
            r.io.err(`sluice: ${r.outDir}/ was not updated; fix the spec and save again`);
        },
        onError: (error) =>
          r.io.err(`sluice: internal error: ${error instanceof Error ? error.message : String(error)}`),
        onWatching: (dir) => {
          if (r.format === "human")
            r.io.err(`sluice: watching ${relative(process.cwd(), dir) || "."}/ for changes (Ctrl-C to stop)`);
        },
      },
      stop.signal,
    );
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
  return EXIT_OK;
}
