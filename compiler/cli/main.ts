// The `sluice` command line (docs/contract.md §3). The only module that prints or chooses exit codes:
// 0 success (warnings allowed), 1 the specs have errors, 2 usage or internal error.
import { type ParseArgsOptionsConfig, parseArgs } from "node:util";
import { isApiDocument, LoadError } from "../load/load-specs.ts";
import { FORMATS, type Format, renderDiagnostics } from "./report.ts";

export const EXIT_OK = 0;
export const EXIT_SPEC_ERRORS = 1;
export const EXIT_USAGE = 2;

const USAGE = `Usage: sluice <command> [options]

Commands:
  init [DIR]                  create an API repository (specs, workflow, Dockerfile, Kubernetes)
  new [--out D] [flags]       create an API step by step (every question is also a flag)
  import FILE|DIR|- [--out D] Gravitee exports, GKO manifests, OpenAPI 3 → one YAML spec per API in D (apis/)
  check [DIR]                 load, validate and check every spec (DIR: a directory, a file or -)
  compile [DIR] [--out OUT]   check, then emit and type-check the gateway into OUT (default generated/)
  start [OUT]                 run a compiled gateway in the foreground (default generated/)
  test [DIR]                  generated conformance tests against the compiled gateway, stand-in backends
  diff BASE [HEAD]            what changed for clients, per API: breaking, risky, safe (git refs or dirs)
  audit [DIR] [--since X]     who changed which API when, and what it did to clients (git history)
  explain METHOD URL [DIR]    which API, plan, flows and policy steps a request would meet (offline)
  debug-token METHOD PATH     the X-Sluice-Debug header that records one request (SLUICE_DEBUG_SECRET)
  docs [DIR] [--out site]     the developer portal: API list, pages, OpenAPI/AsyncAPI, try-it (static site)

Options:
  --format human|json|github  how diagnostics are printed (default human)
  --allow-empty               no API in DIR is not an error (it is by default)
  --fix                       check: rewrite the mistakes Gravitee tolerates (docs/import.md), then check
  --check                     compile: write nothing, exit 1 if OUT is stale
  --watch, -w                 compile: compile again on every change below DIR, until Ctrl-C
  --timings                   compile: print the time each phase took
  -h, --help                  show this help
  -v, --version               print the version
`;

/** A mistake in how the command was called: printed without a stack, exit code 2. */
export class UsageError extends Error {}

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

const defaultIo: Io = {
  out: (s) => process.stdout.write(s.endsWith("\n") ? s : `${s}\n`),
  err: (s) => process.stderr.write(s.endsWith("\n") ? s : `${s}\n`),
};

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  try {
    return await run(argv, io);
  } catch (error) {
    if (error instanceof UsageError || error instanceof LoadError) {
      io.err(`sluice: ${error.message}`);
      if (error instanceof UsageError) io.err("Run `sluice --help` for usage.");
      return EXIT_USAGE;
    }
    io.err(`sluice: internal error: ${error instanceof Error ? error.message : String(error)}`);
    if (process.env.SLUICE_DEBUG && error instanceof Error && error.stack) io.err(error.stack);
    else io.err("(set SLUICE_DEBUG=1 for a stack trace, and please report it)");
    return EXIT_USAGE;
  }
}

async function run(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === "-h" || command === "--help" || command === "help") {
    io.out(USAGE);
    return command === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (command === "-v" || command === "--version") {
    io.out(await version());
    return EXIT_OK;
  }
  switch (command) {
    case "check":
      return commandCheck(rest, io);
    case "compile": {
      const { commandCompile } = await import("./compile-command.ts");
      return commandCompile(rest, io);
    }
    case "init": {
      const { commandInit } = await import("./init-command.ts");
      return commandInit(rest, io);
    }
    case "test": {
      const { commandTest } = await import("./test-command.ts");
      return commandTest(rest, io);
    }
    case "diff": {
      const { commandDiff } = await import("./diff-command.ts");
      return commandDiff(rest, io);
    }
    case "audit": {
      const { commandAudit } = await import("./audit-command.ts");
      return commandAudit(rest, io);
    }
    case "new": {
      const { commandNew } = await import("./new-command.ts");
      return commandNew(rest, io);
    }
    case "import": {
      const { commandImport } = await import("./import-command.ts");
      return commandImport(rest, io);
    }
    case "explain": {
      const { commandExplain } = await import("./explain-command.ts");
      return commandExplain(rest, io);
    }
    case "debug-token": {
      const { commandDebugToken } = await import("./debug-token-command.ts");
      return commandDebugToken(rest, io);
    }
    case "docs": {
      const { commandDocs } = await import("./docs-command.ts");
      return commandDocs(rest, io);
    }
    case "start": {
      const { commandStart } = await import("./start-command.ts");
      return commandStart(rest, io);
    }
    default:
      throw new UsageError(`unknown command \`${command}\``);
  }
}

export function parse<O extends ParseArgsOptionsConfig>(argv: string[], options: O) {
  try {
    return parseArgs({
      args: argv,
      options: { ...options, help: { type: "boolean", short: "h" } } as O & {
        help: { type: "boolean"; short: "h" };
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

export function formatOption(value: unknown): Format {
  const format = (value ?? "human") as Format;
  if (!FORMATS.includes(format))
    throw new UsageError(`--format must be one of ${FORMATS.join(", ")}, not \`${String(value)}\``);
  return format;
}

async function commandCheck(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, {
    format: { type: "string" },
    "allow-empty": { type: "boolean" },
    fix: { type: "boolean" },
  });
  if (values.help) {
    io.out("Usage: sluice check [DIR|FILE|-] [--allow-empty] [--format human|json|github] [--fix]\n");
    return EXIT_OK;
  }
  const format = formatOption(values.format);
  if (positionals.length > 1) throw new UsageError("check takes one DIR, FILE or -");
  const target = positionals[0] ?? "apis";
  // Loaded here, not above: `sluice start` runs a gateway in this process and needs none of it.
  const { checkRepository, hasErrors } = await import("../pipeline.ts");
  let result = await checkRepository({ target, allowEmpty: values["allow-empty"] === true });
  if (values.fix) {
    // Fixed, then checked again: what is printed below is what is left.
    const { applyFixes } = await import("./fix-command.ts");
    // JSON and GitHub output stay machine-readable: the changes go to stderr then.
    const changed = await applyFixes(result, format === "human" ? io.out : io.err);
    io.err(`sluice: ${changed} fix${changed === 1 ? "" : "es"} written`);
    if (changed > 0) result = await checkRepository({ target, allowEmpty: values["allow-empty"] === true });
  }
  const printed = renderDiagnostics(result.diagnostics, result.sources, format);
  if (format === "json") io.out(printed);
  else if (printed) io.out(printed);
  if (format === "human" && !hasErrors(result.diagnostics)) {
    const apis = result.documents.filter(isApiDocument).length;
    const others = result.documents.length - apis;
    const consumers = others > 0 ? ` and ${others} consumer resource${others === 1 ? "" : "s"}` : "";
    io.err(`sluice: ${apis} API${apis === 1 ? "" : "s"}${consumers} checked, no errors`);
  }
  if (format === "human" && !values.fix && result.diagnostics.length > 0) {
    const { fixesFor } = await import("../check/fixes.ts");
    const fixable = fixesFor(result.diagnostics, result.documents).length;
    if (fixable > 0)
      io.err(`sluice: ${fixable} of these can be fixed in place: sluice check ${target} --fix`);
  }
  return hasErrors(result.diagnostics) ? EXIT_SPEC_ERRORS : EXIT_OK;
}

async function version(): Promise<string> {
  const { readFile } = await import("node:fs/promises");
  const { join } = await import("node:path");
  const { PROJECT_DIR } = await import("../shared/package-dir.ts");
  const pkg = JSON.parse(await readFile(join(PROJECT_DIR, "package.json"), "utf8")) as {
    version: string;
  };
  return `sluice ${pkg.version}`;
}
