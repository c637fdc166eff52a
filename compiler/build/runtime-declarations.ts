// The runtime's type declarations (.d.ts), built once per version of runtime/ and kept in the
// cache. Generated code is type-checked against them through a project reference, so a compile
// checks the API modules, not the runtime's own bodies again (the repository's `npm run typecheck`
// does that): with 1,000 APIs that is ~0.5 s less per compile.
//
// Built into a temporary directory and renamed into place, so that compiles running side by side
// (tests, two terminals) never see half a build.
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { GENERATED_COMPILER_OPTIONS } from "../emit/emit-gateway.ts";
import { CACHE_DIR } from "../shared/cache-dir.ts";
import { NODE_MODULES_DIR, typesDir } from "../shared/package-dir.ts";
import { touch } from "./cache.ts";
import { runTsc } from "./tsc.ts";

/** A fingerprint of files below `dirs` (paths, sizes, modification times) and the installed packages. */
export async function treeFingerprint(projectDir: string, dirs: readonly string[]): Promise<string> {
  const hash = createHash("sha256");
  for (const dir of dirs) {
    const names = (await readdir(join(projectDir, dir), { recursive: true }).catch(() => []))
      .map(String)
      .sort();
    const stats = await Promise.all(names.map((name) => stat(join(projectDir, dir, name))));
    names.forEach((name, i) => {
      const s = stats[i]!;
      if (s.isFile()) hash.update(`${dir}/${name}\0${s.size}\0${s.mtimeMs}\n`);
    });
  }
  const lock = await stat(join(NODE_MODULES_DIR, ".package-lock.json")).catch(() => undefined);
  hash.update(`lock\0${lock?.mtimeMs ?? 0}`);
  return hash.digest("hex");
}

export type RuntimeDeclarations = { project: string } | { internal: string[] };

const building = new Map<string, Promise<RuntimeDeclarations>>();

/** The tsconfig of the runtime's declaration project, built if it is not in the cache yet. */
export function runtimeDeclarations(projectDir: string, tsc: string): Promise<RuntimeDeclarations> {
  const key = `${projectDir}\0${tsc}`;
  let pending = building.get(key);
  if (!pending) {
    pending = build(projectDir, tsc).finally(() => building.delete(key));
    building.set(key, pending);
  }
  return pending;
}

async function build(projectDir: string, tsc: string): Promise<RuntimeDeclarations> {
  const fingerprint = (await treeFingerprint(projectDir, ["runtime"])).slice(0, 16);
  const dir = join(CACHE_DIR, `runtime-${fingerprint}`);
  const project = join(dir, "tsconfig.json");
  if (existsSync(join(dir, "built"))) {
    await touch(dir);
    return { project };
  }

  const temporary = `${dir}.${process.pid}-${Math.random().toString(36).slice(2)}`;
  await mkdir(temporary, { recursive: true });
  const config = {
    compilerOptions: {
      ...GENERATED_COMPILER_OPTIONS,
      typeRoots: [typesDir()],
      composite: true,
      declaration: true,
      emitDeclarationOnly: true,
      rootDir: join(projectDir, "runtime"),
      declarationDir: "./dts",
      tsBuildInfoFile: "./runtime.tsbuildinfo",
    },
    include: [join(projectDir, "runtime", "**", "*.ts")],
  };
  await writeFile(join(temporary, "tsconfig.json"), `${JSON.stringify(config, null, 2)}\n`);
  const output = await runTsc(tsc, ["-p", join(temporary, "tsconfig.json")], temporary);
  const errors = output.split("\n").filter((line) => line.trim() !== "");
  if (errors.length > 0) {
    await rm(temporary, { recursive: true, force: true });
    return { internal: errors.map((line) => `runtime declarations: ${line}`) };
  }
  await writeFile(join(temporary, "built"), "");
  try {
    await rename(temporary, dir);
  } catch {
    // Another compile put the same build in place first.
    await rm(temporary, { recursive: true, force: true });
  }
  return { project };
}
