// `sluice compile`: check → model → emit → write → type-check → bundle. Returns data; the CLI
// prints. Writing touches only files whose content changed, so an unchanged repository leaves
// OUT byte-identical and a one-spec change rewrites one module.
import { mkdir, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { planBuild, runtimeFingerprint, saveBuildState } from "./build/build-state.ts";
import { bundleGateway } from "./build/bundle.ts";
import { typecheck } from "./build/typecheck.ts";
import type { Diagnostic } from "./diagnostics/diagnostic.ts";
import { ConnectorResolver } from "./emit/connectors.ts";
import type { EmittedModule } from "./emit/emit-api.ts";
import { emitGateway } from "./emit/emit-gateway.ts";
import type { LoadInput } from "./load/load-specs.ts";
import type { SourceSet } from "./load/source-set.ts";
import { checkRepository, hasErrors } from "./pipeline.ts";

export const PROJECT_DIR = resolve(import.meta.dirname, "..");

export interface CompileOptions extends LoadInput {
  outDir: string;
  /** Write nothing; report the files that differ. */
  checkOnly?: boolean;
  /** Skip tsc and the bundler (used by tests of the emitter alone). */
  emitOnly?: boolean;
  progress?: (message: string) => void;
}

export interface CompileResult {
  sources: SourceSet;
  diagnostics: Diagnostic[];
  modules: EmittedModule[];
  /** Paths below OUT that were (or, with checkOnly, would be) written or removed. */
  changed: string[];
  internalErrors: string[];
  bundle?: { file: string; bytes: number };
  apis: number;
  /** How much type-checking and bundling this compile did. */
  build?: "nothing" | "partial" | "full";
}

export async function compileRepository(options: CompileOptions): Promise<CompileResult> {
  const progress = options.progress ?? (() => {});
  const checked = await checkRepository(options);
  const result: CompileResult = {
    sources: checked.sources,
    diagnostics: checked.diagnostics,
    modules: [],
    changed: [],
    internalErrors: [],
    apis: checked.documents.length,
  };
  const model = checked.model;
  if (!model) return result;
  const outDir = resolve(options.cwd ?? process.cwd(), options.outDir);
  const runtimeDir = join(PROJECT_DIR, "runtime");
  const pkg = JSON.parse(await readFile(join(PROJECT_DIR, "package.json"), "utf8")) as { version: string };
  const emitted = emitGateway(model, new ConnectorResolver(runtimeDir), {
    outDir,
    runtimeDir,
    typesDir: join(PROJECT_DIR, "node_modules", "@types"),
    version: pkg.version,
  });
  result.diagnostics.push(...emitted.diagnostics);
  result.modules = emitted.modules;
  if (hasErrors(emitted.diagnostics)) return result;
  progress(`emitted ${model.apis.length} API module${model.apis.length === 1 ? "" : "s"}`);

  result.changed = await sync(outDir, emitted.modules, options.checkOnly === true);
  if (options.checkOnly || options.emitOnly) return result;

  const runtime = await runtimeFingerprint(PROJECT_DIR);
  const plan = await planBuild(outDir, runtime, emitted.modules);
  result.build = plan.kind;
  if (plan.kind === "nothing") {
    progress("the gateway is up to date");
    result.bundle = await bundleInfo(outDir);
    return result;
  }
  progress(
    plan.kind === "partial"
      ? `type-checking ${plan.files.length} changed module(s) and bundling`
      : "type-checking and bundling the generated gateway",
  );
  // tsc and esbuild run side by side; a bundle whose sources do not type-check is removed.
  const tsc = join(PROJECT_DIR, "node_modules", ".bin", "tsc");
  const [checkedTypes, bundle] = await Promise.all([
    typecheck(outDir, tsc, emitted.modules, plan.kind === "partial" ? plan.files : undefined),
    bundleGateway(outDir, PROJECT_DIR),
  ]);
  result.diagnostics.push(...checkedTypes.diagnostics);
  result.internalErrors = checkedTypes.internal;
  if (checkedTypes.diagnostics.length > 0 || checkedTypes.internal.length > 0) {
    await rm(bundle.file, { force: true });
    return result;
  }
  result.bundle = bundle;
  await saveBuildState(outDir, runtime, emitted.modules);
  return result;
}

async function bundleInfo(outDir: string): Promise<{ file: string; bytes: number }> {
  const file = join(outDir, "dist", "gateway.mjs");
  return { file, bytes: (await stat(file)).size };
}

/** Writes changed files, removes generated API modules whose spec is gone; returns what differs. */
async function sync(outDir: string, modules: readonly EmittedModule[], dryRun: boolean): Promise<string[]> {
  const changed: string[] = [];
  const wanted = new Set(modules.map((m) => m.path));
  if (!dryRun) await mkdir(join(outDir, "apis"), { recursive: true });
  // In parallel: a thousand sequential read+write pairs cost more than the code generation.
  await Promise.all(
    modules.map(async (m) => {
      const file = join(outDir, m.path);
      const current = await readFile(file, "utf8").catch(() => undefined);
      if (current === m.text) return;
      changed.push(m.path);
      if (dryRun) return;
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, m.text);
    }),
  );
  const existing = await readdir(join(outDir, "apis")).catch(() => [] as string[]);
  for (const name of existing) {
    const path = `apis/${name}`;
    if (!name.endsWith(".ts") || wanted.has(path)) continue;
    changed.push(path);
    if (!dryRun) await rm(join(outDir, path));
  }
  return changed.sort();
}
