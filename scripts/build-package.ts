// `npm run build:package` (run by `npm pack` / `npm publish` through `prepack`): the compiler as
// JavaScript in lib/, for the published package. Node.js strips TypeScript types only outside
// node_modules, so an installed Sluice cannot run compiler/*.ts; in this repository nothing uses
// lib/ (bin/sluice.js runs the sources when they are there).
//
// One .js per .ts, the tree kept (lib/compiler/…, and lib/runtime/… for the runtime modules the
// compiler itself imports), relative imports rewritten from .ts to .js; npm packages stay imports
// (they are the package's dependencies), but for VENDORED ones, whose file is copied into
// lib/vendor/ with its licence. The runtime's .ts sources ship as they are: the generated gateway
// imports them, tsc type-checks them and esbuild bundles them.
import { copyFile, mkdir, readdir, rm } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { build, type Plugin } from "esbuild";

const ROOT = resolve(import.meta.dirname, "..");
const OUT = join(ROOT, "lib");
/** Development tools under compiler/, not part of the command. */
const NOT_SHIPPED = new Set(["compiler/validate/generate-types.ts", "compiler/diagnostics/generate-docs.ts"]);

/**
 * Imports of one file of a development dependency, shipped in lib/vendor/ instead: recheck's pure
 * JavaScript build (its package's optional native binary and JAR are ~52 MB an install).
 */
const VENDORED: Readonly<Record<string, { file: string; licence: string; as: string }>> = {
  "recheck/lib/browser.js": {
    file: "node_modules/recheck/lib/browser.js",
    licence: "node_modules/recheck/LICENSE",
    as: "vendor/recheck/browser.cjs",
  },
};

/** Relative imports stay imports, of the .js file built beside; `reached` collects their targets. */
function keepRelativeImports(reached: Set<string>): Plugin {
  return {
    name: "keep-relative-imports",
    setup(builder) {
      builder.onResolve({ filter: /^recheck\// }, (args) => {
        const vendored = VENDORED[args.path];
        if (!vendored) throw new Error(`${args.importer}: ${args.path} is not vendored`);
        const from = dirname(join(OUT, relative(ROOT, args.importer)));
        const path = relative(from, join(OUT, vendored.as)).split("\\").join("/");
        return { path: path.startsWith(".") ? path : `./${path}`, external: true };
      });
      builder.onResolve({ filter: /^\.\.?\// }, (args) => {
        if (args.kind === "entry-point") return undefined;
        reached.add(
          relative(ROOT, resolve(dirname(args.importer), args.path))
            .split("\\")
            .join("/"),
        );
        return { path: args.path.replace(/\.ts$/, ".js"), external: true };
      });
    },
  };
}

async function transpile(files: readonly string[], reached: Set<string>): Promise<void> {
  await build({
    entryPoints: files.map((f) => join(ROOT, f)),
    outdir: OUT,
    outbase: ROOT,
    bundle: true, // for the resolve hook only: every import is external
    packages: "external",
    platform: "node",
    format: "esm",
    target: "node24",
    logLevel: "warning",
    plugins: [keepRelativeImports(reached)],
  });
}

await rm(OUT, { recursive: true, force: true });
const compiler = (await readdir(join(ROOT, "compiler"), { recursive: true }))
  .map((name) => `compiler/${String(name).split("\\").join("/")}`)
  .filter((path) => path.endsWith(".ts") && !NOT_SHIPPED.has(path))
  .sort();
const built = new Set(compiler);
const reached = new Set<string>();
await transpile(compiler, reached);
// The runtime modules the compiler imports (not type-only), and what they import in turn.
for (;;) {
  const more = [...reached].filter((p) => p.startsWith("runtime/") && !built.has(p)).sort();
  if (more.length === 0) break;
  for (const p of more) built.add(p);
  await transpile(more, reached);
}
const outside = [...reached].filter((p) => !built.has(p));
if (outside.length > 0) throw new Error(`imports of files that are not built: ${outside.join(", ")}`);
for (const { file, licence, as } of Object.values(VENDORED)) {
  await mkdir(dirname(join(OUT, as)), { recursive: true });
  await copyFile(join(ROOT, file), join(OUT, as));
  await copyFile(join(ROOT, licence), join(dirname(join(OUT, as)), "LICENSE"));
}
process.stderr.write(`build:package: ${built.size} modules into lib/\n`);
