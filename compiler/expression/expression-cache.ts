// A cache of compiled expressions. The expression compiler prints TypeScript through the
// TypeScript compiler's own factory and printer, and loading TypeScript costs about half a second —
// most of what `sluice check` costs on a large repository. Compiled results (code, imports, or the
// error) are kept in node_modules/.cache/sluice/, keyed by the expression and by a fingerprint of
// compiler/expression/, and the compiler is only loaded when an expression is not in the cache.
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { extname, join } from "node:path";
import { CACHE_DIR } from "../shared/cache-dir.ts";
import type { ExpressionError } from "./expression-error.ts";

export type CachedResult =
  | { ok: true; code: string; imports: string[]; uses: string[] }
  | { ok: false; error: ExpressionError };

type Kind = "condition" | "template";
type Compiler = typeof import("./compile-expression.ts");

const require = createRequire(import.meta.url);

let compiler: Compiler | undefined;
let entries: Map<string, CachedResult> | undefined;
let file: string | undefined;
let dirty = false;

function cacheFile(): string {
  if (file) return file;
  const hash = createHash("sha256");
  for (const name of readdirSync(import.meta.dirname).sort()) {
    const s = statSync(join(import.meta.dirname, name));
    hash.update(`${name}\0${s.size}\0${s.mtimeMs}\n`);
  }
  file = join(CACHE_DIR, `expressions-${hash.digest("hex").slice(0, 16)}.json`);
  return file;
}

function load(): Map<string, CachedResult> {
  if (entries) return entries;
  try {
    entries = new Map(
      Object.entries(JSON.parse(readFileSync(cacheFile(), "utf8")) as Record<string, CachedResult>),
    );
  } catch {
    entries = new Map();
  }
  return entries;
}

export function compileCached(kind: Kind, source: string): CachedResult {
  const key = `${kind}\0${source}`;
  const cached = load().get(key);
  if (cached) return cached;
  // Synchronous on purpose: the model stage is synchronous, and Node 24 can require() ES modules.
  // Named with this module's own extension: .ts in Sluice's repository, .js in the built package.
  compiler ??= require(`./compile-expression${extname(import.meta.url)}`) as Compiler;
  const r = kind === "condition" ? compiler.compileCondition(source) : compiler.compileTemplate(source);
  const result: CachedResult = r.ok
    ? { ok: true, code: r.code, imports: [...r.imports].sort(), uses: [...r.uses].sort() }
    : { ok: false, error: r.error };
  load().set(key, result);
  dirty = true;
  return result;
}

/** Writes new entries (atomically); a read-only installation simply does not cache. */
export function saveExpressionCache(): void {
  if (!dirty || !entries) return;
  try {
    mkdirSync(CACHE_DIR, { recursive: true });
    const temp = `${cacheFile()}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(Object.fromEntries(entries)));
    renameSync(temp, cacheFile());
    dirty = false;
  } catch {
    // Not cached this time.
  }
}
