// What the last successful build of an output directory saw: the runtime's files and the emitted
// modules. It decides how much of type-check and bundle a compile must redo: nothing when neither
// changed, only the changed modules when the runtime is the same, everything otherwise. Kept in
// OUT/dist/.sluice-build.json, beside the bundle it describes (and gone with it).
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { EmittedModule } from "../emit/emit-api.ts";
import { treeFingerprint } from "./runtime-declarations.ts";

export interface BuildState {
  runtime: string;
  modules: Record<string, string>;
}

export type Plan = ({ kind: "nothing" } | { kind: "partial"; files: string[] } | { kind: "full" }) & {
  /** What to save once the build succeeded (saveBuildState). */
  state: BuildState;
};

/** A fingerprint of runtime/ and the compiler (sources, or lib/ when installed) and the installed packages. */
export function runtimeFingerprint(projectDir: string): Promise<string> {
  // The compiler too: a new emitter or bundler setting must rebuild what it produced.
  return treeFingerprint(projectDir, ["runtime", "compiler", "lib"]);
}

function stateFile(outDir: string): string {
  return join(outDir, "dist", ".sluice-build.json");
}

export async function planBuild(
  outDir: string,
  runtime: string,
  modules: readonly EmittedModule[],
): Promise<Plan> {
  const state: BuildState = {
    runtime,
    modules: Object.fromEntries(modules.map((m) => [m.path, digest(m.text)])),
  };
  const previous = await readFile(stateFile(outDir), "utf8")
    .then((t) => JSON.parse(t) as BuildState)
    .catch(() => undefined);
  if (
    !previous ||
    previous.runtime !== runtime ||
    !existsSync(join(outDir, "dist", "gateway.mjs")) ||
    !existsSync(join(outDir, "dist", "gateway.js"))
  )
    return { kind: "full", state };
  const changed = modules
    .filter((m) => previous.modules[m.path] !== state.modules[m.path])
    .map((m) => m.path);
  const removed = Object.keys(previous.modules).some((p) => state.modules[p] === undefined);
  if (changed.length === 0 && !removed) return { kind: "nothing", state };
  const added = modules.some((m) => previous.modules[m.path] === undefined);
  if (
    removed ||
    added ||
    changed.includes("tsconfig.json") ||
    changed.includes("link.ts") ||
    changed.length > modules.length / 2
  )
    return { kind: "full", state };
  return { kind: "partial", files: changed, state };
}

export async function saveBuildState(outDir: string, state: BuildState): Promise<void> {
  await writeFile(stateFile(outDir), JSON.stringify(state));
}

function digest(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
