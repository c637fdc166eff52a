// Type-checks the generated project with TypeScript's `tsc` (7, native, fast). An error inside an
// API module is reported against the YAML node its line came from (compile/type-check), so users
// never read a raw tsc message about generated code.
//
// The runtime is seen through its cached declarations (./runtime-declarations.ts), and when only
// some API modules changed (and the runtime did not), only those are given to tsc (with what they
// import), so a one-spec change does not re-check a thousand modules.
import { randomUUID } from "node:crypto";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { join, relative, resolve } from "node:path";
import type { LocalPolicies } from "../connectors/local-policies.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { EmittedModule } from "../emit/emit-api.ts";
import { RETURN } from "../model/javascript-script.ts";
import { CACHE_DIR } from "../shared/cache-dir.ts";
import { PROJECT_DIR } from "../shared/package-dir.ts";
import { runtimeDeclarations } from "./runtime-declarations.ts";
import { runTsc, tscExecutable } from "./tsc.ts";

export interface TypecheckResult {
  diagnostics: Diagnostic[];
  /** Errors outside API modules (runtime or wiring): a Sluice bug, printed as is. */
  internal: string[];
}

export async function typecheck(
  outDir: string,
  projectDir: string,
  modules: readonly EmittedModule[],
  only?: readonly string[],
  /** How many tsc share a full check (default: one a core from 200 APIs on). */
  parts?: number,
  /** The repository's own policies: an error in one of their files is reported on its line. */
  local?: Pick<LocalPolicies, "dir" | "sources">,
): Promise<TypecheckResult> {
  const tsc = tscExecutable(projectDir);
  const runtime = await runtimeDeclarations(projectDir, tsc);
  if ("internal" in runtime) return { diagnostics: [], internal: runtime.internal };
  const output = only
    ? await runProject(tsc, outDir, runtime.project, { files: only.filter((p) => p.endsWith(".ts")) })
    : await checkAll(tsc, outDir, runtime.project, modules, parts);
  const errors: TscError[] = [];
  const internal: string[] = [];
  for (const line of output.split("\n")) {
    const m = /^(.+?)\((\d+),(\d+)\): error (TS\d+): (.*)$/.exec(line.trim());
    if (m)
      errors.push({
        file: resolve(outDir, m[1]!),
        line: Number(m[2]),
        column: Number(m[3]),
        code: m[4]!,
        message: m[5]!,
        text: line,
      });
    else if (line.includes("error TS")) internal.push(line);
  }
  const result = mapTscErrors(outDir, modules, errors, local);
  result.internal.unshift(...internal);
  return result;
}

/**
 * Every module. With many APIs, the API modules are split over one tsc a core, and the first also
 * checks the wiring (main.ts, gateway.ts, the chunks, link.ts) with each `#apis/<id>.js` seen
 * as a stand-in of type ApiDefinition — so no tsc checks all the modules, as one importing
 * gateway.ts otherwise would. (Each module is still checked exactly once.)
 */
async function checkAll(
  tsc: string,
  outDir: string,
  runtimeProject: string,
  modules: readonly EmittedModule[],
  requested?: number,
): Promise<string> {
  const apis = modules.map((m) => m.path).filter((p) => p.startsWith("apis/") && p.endsWith(".ts"));
  const parts = requested ?? (apis.length < SPLIT_FROM ? 1 : Math.min(4, availableParallelism()));
  if (parts <= 1) return runProject(tsc, outDir, runtimeProject, { files: ["main.ts"] });
  const stub = join(CACHE_DIR, `typecheck-${process.pid}-${randomUUID()}.d.ts`);
  const runtimeIndex = join(PROJECT_DIR, "runtime", "index.ts");
  await writeFile(
    stub,
    `import type { ApiDefinition } from ${JSON.stringify(runtimeIndex)};\ndeclare const api: ApiDefinition;\nexport default api;\n`,
  );
  try {
    const slices = Array.from({ length: parts }, (_, i) => apis.filter((_p, j) => j % parts === i));
    const outputs = await Promise.all(
      slices.map((files, i) =>
        i === 0
          ? runProject(
              tsc,
              outDir,
              runtimeProject,
              { files: ["main.ts", ...files], paths: { "#apis/*": [stub] } },
              1,
            )
          : runProject(tsc, outDir, runtimeProject, { files }, 1),
      ),
    );
    return outputs.join("\n");
  } finally {
    await rm(stub, { force: true });
  }
}

/** Below this many APIs one tsc checks everything: starting another costs more than it saves. */
const SPLIT_FROM = 200;

/** tsc on a project file of its own (writeProject), removed afterwards. */
async function runProject(
  tsc: string,
  outDir: string,
  runtimeProject: string,
  options: { files: readonly string[]; paths?: Record<string, string[]> },
  checkers?: number,
): Promise<string> {
  const project = await writeProject(outDir, runtimeProject, options);
  return runTsc(tsc, ["-p", project], outDir, checkers).finally(() => rm(project, { force: true }));
}

/**
 * A project file in the cache for checking OUT: OUT's tsconfig, `files` (below OUT), the runtime
 * by reference to its declarations. Returns its path; the caller removes it.
 */
export async function writeProject(
  outDir: string,
  runtimeProject: string,
  options: { files: readonly string[]; paths?: Record<string, string[]> },
): Promise<string> {
  await mkdir(CACHE_DIR, { recursive: true });
  const project = join(CACHE_DIR, `typecheck-${process.pid}-${randomUUID()}.json`);
  await writeFile(
    project,
    JSON.stringify({
      extends: join(outDir, "tsconfig.json"),
      ...(options.paths ? { compilerOptions: { paths: options.paths } } : {}),
      files: options.files.map((p) => join(outDir, p)),
      references: [{ path: runtimeProject }],
    }),
  );
  return project;
}

/** One error tsc reported: the absolute file, the 1-based line, `TS2322`, the message, as printed. */
export interface TscError {
  file: string;
  line: number;
  /** 1-based column. */
  column?: number;
  code: string;
  message: string;
  text: string;
}

/**
 * An error on a line of an API module becomes a diagnostic on the YAML node the line came from;
 * any other error is a Sluice bug (the runtime or the wiring does not type-check), kept as is.
 */
export function mapTscErrors(
  outDir: string,
  modules: readonly EmittedModule[],
  errors: readonly TscError[],
  local?: Pick<LocalPolicies, "dir" | "sources">,
): TypecheckResult {
  const result: TypecheckResult = { diagnostics: [], internal: [] };
  const byPath = new Map(modules.map((m) => [m.path, m]));
  for (const error of errors) {
    const source = local?.sources.get(error.file);
    if (source) {
      result.diagnostics.push({
        code: "compile/policy-type-check",
        severity: "error",
        message: `${error.message} (${error.code})`,
        hint: "a policy of the repository is type-checked against the runtime's contract (`definePolicy` from `sluice/runtime`): docs/custom-policies.md",
        at: {
          file: source.path,
          doc: 0,
          pointer: "",
          pos: offsetOf(source.text, error.line, error.column ?? 1),
        },
      });
      continue;
    }
    const module = byPath.get(relative(outDir, error.file).split("\\").join("/"));
    const found = module ? originOf(module, error.line) : undefined;
    if (found?.script) {
      if (!LENIENT_IN_SCRIPTS.has(error.code)) result.diagnostics.push(scriptDiagnostic(found, error));
      continue;
    }
    const origin = found?.at;
    if (!origin) {
      result.internal.push(error.text);
      continue;
    }
    result.diagnostics.push({
      code: "compile/type-check",
      severity: "error",
      message: `this value does not fit the connector's configuration type: ${error.message} (${error.code})`,
      hint: "check the value against the schema; if the spec is valid this is a Sluice bug, please report it",
      at: origin,
    });
  }
  return result;
}

/** The character offset of a 1-based line and column in `text`. */
function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf("\n", offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return offset + column - 1;
}

/** The nearest mapped line at or above `line`. */
function originOf(module: EmittedModule, line: number): EmittedModule["origins"][number] | undefined {
  let best: EmittedModule["origins"][number] | undefined;
  for (const o of module.origins) if (o.line <= line && (!best || o.line >= best.line)) best = o;
  return best;
}

/**
 * What a script is not held to (docs/policies.md#javascript): it is JavaScript, so a value without
 * a type is `any` (TS7xxx: implicit any), and a value that may be null or undefined may be used as
 * one that is not (it fails at run time, as under Gravitee, with JAVASCRIPT_EXECUTION_FAILURE).
 */
const LENIENT_IN_SCRIPTS = new Set([
  "TS7005",
  "TS7006",
  "TS7008",
  "TS7019",
  "TS7031",
  "TS7034",
  "TS7053",
  "TS2531",
  "TS2532",
  "TS2533",
  "TS18047",
  "TS18048",
  "TS18049",
]);

/**
 * An error in a `javascript` script: located on the script's own line and column inside its YAML
 * scalar (the `return ` the compiler inserted taken out of the column).
 */
function scriptDiagnostic(origin: EmittedModule["origins"][number], error: TscError): Diagnostic {
  const script = origin.script!;
  const line = Math.min(error.line - origin.line, script.lines - 1);
  let column = (error.column ?? 1) - 1;
  for (const i of script.insertions)
    if (i.line === line && column >= i.column) column = Math.max(i.column, column - RETURN.length);
  return {
    code: "compile/script-type-check",
    severity: "error",
    message: `the script does not type-check: ${error.message} (${error.code})`,
    hint: "scripts are compiled into the gateway and checked against the API Gravitee gives them (`request`, `response`, `message`, `context`, `result`, `State`): docs/policies.md#javascript",
    at: { ...origin.at, inScalar: { line: Math.max(line, 0), column } },
  };
}
