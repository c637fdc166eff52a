// Type-checks the generated project with TypeScript's `tsc` (7, native, fast). An error inside an
// API module is reported against the YAML node its line came from (compile/type-check), so users
// never read a raw tsc message about generated code.
//
// The runtime is seen through its cached declarations (./runtime-declarations.ts), and when only
// some API modules changed (and the runtime did not), only those are given to tsc (with what they
// import), so a one-spec change does not re-check a thousand modules.
import { randomUUID } from "node:crypto";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { EmittedModule } from "../emit/emit-api.ts";
import { runtimeDeclarations } from "./runtime-declarations.ts";
import { CACHE_DIR, runTsc, tscExecutable } from "./tsc.ts";

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
): Promise<TypecheckResult> {
  const tsc = tscExecutable(projectDir);
  const runtime = await runtimeDeclarations(projectDir, tsc);
  if ("internal" in runtime) return { diagnostics: [], internal: runtime.internal };
  await mkdir(CACHE_DIR, { recursive: true });
  // The project tsc checks: OUT's tsconfig, the files to check, the runtime by reference. A file
  // of this compile's own, removed afterwards.
  const project = join(CACHE_DIR, `typecheck-${process.pid}-${randomUUID()}.json`);
  const files = only
    ? only.filter((p) => p.endsWith(".ts")).map((p) => join(outDir, p))
    : [join(outDir, "main.ts")];
  await writeFile(
    project,
    JSON.stringify({
      extends: join(outDir, "tsconfig.json"),
      files,
      references: [{ path: runtime.project }],
    }),
  );
  const output = await runTsc(tsc, ["-p", project], outDir).finally(() => rm(project, { force: true }));
  const errors: TscError[] = [];
  const internal: string[] = [];
  for (const line of output.split("\n")) {
    const m = /^(.+?)\((\d+),(\d+)\): error (TS\d+): (.*)$/.exec(line.trim());
    if (m)
      errors.push({
        file: resolve(outDir, m[1]!),
        line: Number(m[2]),
        code: m[4]!,
        message: m[5]!,
        text: line,
      });
    else if (line.includes("error TS")) internal.push(line);
  }
  const result = mapTscErrors(outDir, modules, errors);
  result.internal.unshift(...internal);
  return result;
}

/** One error tsc reported: the absolute file, the 1-based line, `TS2322`, the message, as printed. */
export interface TscError {
  file: string;
  line: number;
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
): TypecheckResult {
  const result: TypecheckResult = { diagnostics: [], internal: [] };
  const byPath = new Map(modules.map((m) => [m.path, m]));
  for (const error of errors) {
    const module = byPath.get(relative(outDir, error.file).split("\\").join("/"));
    const origin = module ? originOf(module, error.line) : undefined;
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

/** The YAML node of the nearest mapped line at or above `line`. */
function originOf(module: EmittedModule, line: number): Diagnostic["at"] | undefined {
  let best: EmittedModule["origins"][number] | undefined;
  for (const o of module.origins) if (o.line <= line && (!best || o.line >= best.line)) best = o;
  return best?.at;
}
