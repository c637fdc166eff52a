// ajv validators for the spec schemas. Compiling the schemas takes ajv ~0.4 s — most of what
// `sluice check` costs on a small repository — so the compiled validators are generated once as
// standalone code (ajv's own code generator) into node_modules/.cache/sluice/, keyed by a hash of
// the schemas and the ajv version, and loaded from there on later runs. A stale or unreadable cache
// entry is simply regenerated; nothing generated is committed.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { Ajv, type ValidateFunction } from "ajv";
import standaloneModule from "ajv/dist/standalone/index.js";
import type { SupportedKind } from "../load/load-specs.ts";
import { CACHE_DIR } from "../shared/cache-dir.ts";
import { SCHEMA_FILES, SCHEMAS_DIR } from "./schemas.ts";

const require = createRequire(import.meta.url);
const standaloneCode = ((standaloneModule as unknown as { default?: unknown }).default ??
  standaloneModule) as (ajv: Ajv, refs: Record<string, string>) => string;

// `date-time` values (endingAt, expireAt, certificate dates) are checked by the consumer rules, which
// say what a good value looks like; declared here so ajv does not warn about an unknown format.
export const AJV_OPTIONS = {
  allErrors: true,
  strict: false,
  discriminator: true,
  verbose: true,
  formats: { "date-time": true },
} as const;

/** Validators of the schema files, or of `texts` (kind → schema text: a repository's assembled schemas). */
export function loadValidators(
  texts: ReadonlyArray<readonly [string, string]> = Object.entries(SCHEMA_FILES).map(
    ([kind, file]) => [kind, readFileSync(join(SCHEMAS_DIR, file), "utf8")] as const,
  ),
): Map<SupportedKind, ValidateFunction> {
  const ajvVersion = (require("ajv/package.json") as { version: string }).version;
  const hash = createHash("sha256").update(ajvVersion);
  for (const [kind, text] of texts) hash.update(`\0${kind}\0${text}`);
  const file = join(CACHE_DIR, `validators-${hash.digest("hex").slice(0, 16)}.cjs`);
  try {
    return asMap(require(file) as Record<string, ValidateFunction>);
  } catch {
    // Not generated yet (or unreadable): generate it below.
  }
  const ajv = new Ajv({ ...AJV_OPTIONS, code: { source: true } });
  for (const [kind, text] of texts) ajv.addSchema(JSON.parse(text) as object, kind);
  const code = standaloneCode(ajv, Object.fromEntries(texts.map(([kind]) => [kind, kind])));
  try {
    mkdirSync(CACHE_DIR, { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, code);
    renameSync(temp, file);
    return asMap(require(file) as Record<string, ValidateFunction>);
  } catch {
    // A read-only installation: use the validators compiled in memory this time.
    return asMap(Object.fromEntries(texts.map(([kind]) => [kind, ajv.getSchema(kind) as ValidateFunction])));
  }
}

function asMap(validators: Record<string, ValidateFunction>): Map<SupportedKind, ValidateFunction> {
  return new Map(Object.entries(SCHEMA_FILES).map(([kind]) => [kind as SupportedKind, validators[kind]!]));
}
