// Where Sluice is installed, found once here for every module that reads its own files: the same
// code runs from its TypeScript sources in Sluice's repository and from the JavaScript built into
// lib/ in an installed package, at different depths, so no module counts `..` from itself.
//   PROJECT_DIR       the package's root (package.json, runtime/, compiler/validate/schemas/);
//   NODE_MODULES_DIR  where its dependencies are installed: the node_modules it sits in when
//                     installed (npm hoists them there), else its own node_modules.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join } from "node:path";

function packageRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json"))) return dir;
    if (dirname(dir) === dir) throw new Error(`sluice: no package.json above ${from}`);
  }
}

export const PROJECT_DIR = packageRoot(import.meta.dirname);

function nodeModules(root: string): string {
  for (let dir = dirname(root); dirname(dir) !== dir; dir = dirname(dir))
    if (basename(dir) === "node_modules") return dir;
  return join(root, "node_modules");
}

export const NODE_MODULES_DIR = nodeModules(PROJECT_DIR);

/** The folder of `@types` packages (@types/node) the runtime and generated code are checked with. */
export function typesDir(): string {
  const require = createRequire(join(PROJECT_DIR, "package.json"));
  try {
    return dirname(dirname(require.resolve("@types/node/package.json")));
  } catch {
    return join(NODE_MODULES_DIR, "@types");
  }
}
