// `sluice compile`: check → model → emit → write → type-check → bundle. Returns data; the CLI
// prints. Writing touches only files whose content changed, so an unchanged repository leaves
// OUT byte-identical and a one-spec change rewrites one module.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { readFile, rm } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { planBuild, runtimeFingerprint, saveBuildState } from "./build/build-state.ts";
import { type BundleResult, bundleGateway, bundleInfo } from "./build/bundle.ts";
import { pruneCache } from "./build/cache.ts";
import { readProvenance } from "./build/provenance.ts";
import { typecheck } from "./build/typecheck.ts";
import { WarmTypechecker } from "./build/warm-typecheck.ts";
import type { Diagnostic } from "./diagnostics/diagnostic.ts";
import { ConnectorResolver } from "./emit/connectors.ts";
import type { EmittedModule } from "./emit/emit-api.ts";
import { type EmitCache, emitGateway } from "./emit/emit-gateway.ts";
import { isApiDocument, type LoadInput } from "./load/load-specs.ts";
import type { SourceSet } from "./load/source-set.ts";
import { CheckCache, checkRepository, hasErrors } from "./pipeline.ts";
import { PROJECT_DIR, typesDir } from "./shared/package-dir.ts";

export { PROJECT_DIR };

export interface CompileOptions extends LoadInput {
  outDir: string;
  /** What a long-lived process (watch mode) keeps between compiles of the same repository. */
  session?: CompileSession;
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
  bundle?: BundleResult;
  apis: number;
  /** How much type-checking and bundling this compile did. */
  build?: "nothing" | "partial" | "full";
  /** Wall time of each phase in ms (type-check and bundle run side by side). */
  timings: Partial<Record<Phase, number>>;
}

export type Phase = "check" | "emit" | "write" | "typecheck" | "bundle";

/**
 * What one compile can reuse from the previous one in the same process: the documents, schema
 * diagnostics and models of unchanged specs, and the emitted module of every unchanged model.
 * (A one-shot `sluice compile` has none.)
 */
export class CompileSession {
  readonly check = new CheckCache();
  readonly emitted: EmitCache = new WeakMap();
  private readonly checkers = new Map<string, WarmTypechecker>();

  /** The warm type-checker of OUT (started on first use). */
  typechecker(outDir: string): WarmTypechecker {
    let checker = this.checkers.get(outDir);
    if (!checker) {
      checker = new WarmTypechecker(outDir, PROJECT_DIR);
      this.checkers.set(outDir, checker);
    }
    return checker;
  }

  /** After a full build: a checker started afresh on the new files. */
  async restartTypechecker(outDir: string): Promise<void> {
    await this.checkers.get(outDir)?.dispose();
    this.checkers.delete(outDir);
    void this.typechecker(outDir).warm();
  }

  async dispose(): Promise<void> {
    for (const checker of this.checkers.values()) await checker.dispose();
    this.checkers.clear();
  }
}

/** Runs `work` and records its wall time under `phase`. */
async function timed<T>(
  timings: CompileResult["timings"],
  phase: Phase,
  work: () => Promise<T> | T,
): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    timings[phase] = Math.round(performance.now() - started);
  }
}

export async function compileRepository(options: CompileOptions): Promise<CompileResult> {
  const progress = options.progress ?? (() => {});
  const timings: CompileResult["timings"] = {};
  const checked = await timed(timings, "check", () => checkRepository(options, options.session?.check));
  const result: CompileResult = {
    sources: checked.sources,
    diagnostics: checked.diagnostics,
    modules: [],
    changed: [],
    internalErrors: [],
    apis: checked.documents.filter(isApiDocument).length,
    timings,
  };
  const model = checked.model;
  if (!model) return result;
  const outDir = resolve(options.cwd ?? process.cwd(), options.outDir);
  const runtimeDir = join(PROJECT_DIR, "runtime");
  const pkg = JSON.parse(await readFile(join(PROJECT_DIR, "package.json"), "utf8")) as { version: string };
  const emitted = await timed(timings, "emit", () =>
    emitGateway(
      model,
      new ConnectorResolver(
        checked.localPolicies.folders.map((f) => ({ manifest: f.manifest, module: join(f.dir, "index.ts") })),
      ),
      {
        outDir,
        runtimeDir,
        typesDir: typesDir(),
        version: pkg.version,
        localPolicies: checked.localPolicies.folders.length > 0,
      },
      options.session?.emitted,
    ),
  );
  result.diagnostics.push(...emitted.diagnostics);
  result.modules = emitted.modules;
  if (hasErrors(emitted.diagnostics)) return result;
  progress(`emitted ${model.apis.length} API module${model.apis.length === 1 ? "" : "s"}`);

  result.changed = await timed(timings, "write", () =>
    sync(outDir, emitted.modules, options.checkOnly === true),
  );
  if (options.checkOnly || options.emitOnly) return result;

  // The repository's own policies are part of what is linked: a changed one rebuilds the gateway.
  const runtime = `${await runtimeFingerprint(PROJECT_DIR)}${checked.localPolicies.fingerprint}`;
  const plan = await planBuild(outDir, runtime, emitted.modules);
  result.build = plan.kind;
  // Every compile: a commit since the last one changes no bundle byte, but /info must show it.
  const writeProvenance = readProvenance(model.apis, options.cwd ?? process.cwd());
  const provenance = () => writeProvenance(outDir);
  if (plan.kind === "nothing") {
    await provenance();
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
  const [checkedTypes, bundle] = await Promise.all([
    // The set of APIs is the same in a partial build, so gateway.ts differs only in its version
    // string: checking it would pull every module in. The changed API modules are checked with
    // what they import.
    timed(timings, "typecheck", async () => {
      const only = plan.kind === "partial" ? plan.files.filter((p) => p.startsWith("apis/")) : undefined;
      const warm =
        plan.kind === "partial"
          ? await options.session?.typechecker(outDir).check(emitted.modules, plan.files, only ?? [])
          : undefined;
      return warm ?? typecheck(outDir, PROJECT_DIR, emitted.modules, only, undefined, checked.localPolicies);
    }),
    timed(timings, "bundle", () =>
      bundleGateway(outDir, PROJECT_DIR, runtime, plan.kind === "partial" ? plan.files : undefined),
    ),
  ]);
  result.diagnostics.push(...checkedTypes.diagnostics);
  result.internalErrors = checkedTypes.internal;
  if (checkedTypes.diagnostics.length > 0 || checkedTypes.internal.length > 0) {
    await rm(bundle.file, { force: true });
    return result;
  }
  result.bundle = bundle;
  await saveBuildState(outDir, plan.state);
  await provenance();
  if (plan.kind === "full") {
    await pruneCache();
    await options.session?.restartTypechecker(outDir);
  }
  return result;
}

/**
 * Writes changed files, removes generated API modules whose spec is gone; returns what differs.
 * Synchronous on purpose: a thousand small reads and writes through the thread pool took 2–3× as
 * long as doing them in a row.
 */
function sync(outDir: string, modules: readonly EmittedModule[], dryRun: boolean): string[] {
  const changed: string[] = [];
  const wanted = new Set(modules.map((m) => m.path));
  const dirs = new Set<string>();
  for (const m of modules) {
    const file = join(outDir, m.path);
    let current: string | undefined;
    try {
      current = readFileSync(file, "utf8");
    } catch {
      current = undefined;
    }
    if (current === m.text) continue;
    changed.push(m.path);
    if (dryRun) continue;
    const dir = dirname(file);
    if (!dirs.has(dir)) {
      mkdirSync(dir, { recursive: true });
      dirs.add(dir);
    }
    writeFileSync(file, m.text);
  }
  // Generated modules whose API is gone (and chunks left empty).
  for (const dir of ["apis", "chunks", "validators", "scripts"]) {
    let existing: string[] = [];
    try {
      existing = readdirSync(join(outDir, dir));
    } catch {
      existing = [];
    }
    for (const name of existing) {
      const path = `${dir}/${name}`;
      if (!(name.endsWith(".ts") || name.endsWith(".js")) || wanted.has(path)) continue;
      changed.push(path);
      if (!dryRun) rmSync(join(outDir, path));
    }
  }
  return changed.sort();
}
