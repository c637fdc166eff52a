// Generates runtime/spec-types/*.ts from the JSON Schemas (the source of truth of the spec
// format), so emitters and rules are typed against exactly what validation accepts. Run with
// `npm run gen:types`; test/validate/types-fresh.test.ts fails when the committed files are stale.
// Every definition carries a `title`, which becomes the exported type's name. The definitions of
// schemas/src/shared-definitions.json are generated once, into shared-definitions.ts; a schema whose
// definition is the shared one (the same JSON) imports it from there and re-exports it, so every
// type keeps its name and the module it was imported from.
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { compile, type JSONSchema } from "json-schema-to-typescript";
import { SCHEMA_FILES, SCHEMAS_DIR } from "./schemas.ts";

export const TYPES_DIR = join(import.meta.dirname, "..", "..", "runtime", "spec-types");

const BANNER = (schemaFile: string) =>
  [
    `// DO NOT EDIT: generated from compiler/validate/schemas/${schemaFile} by`,
    "// compiler/validate/generate-types.ts. Change the schema, then run `npm run gen:types`.",
  ].join("\n");

const SHARED_FILE = "src/shared-definitions.json";
const SHARED_MODULE = "shared-definitions.ts";

const OPTIONS = {
  additionalProperties: false,
  strictIndexSignatures: true,
  unreachableDefinitions: true,
  declareExternallyReferenced: true,
  enableConstEnums: false,
  format: true,
  style: { printWidth: 110, singleQuote: false, trailingComma: "all", semi: true, tabWidth: 2 },
  // Schemas are self-contained: never resolve a $ref outside the file.
  $refOptions: { resolve: { external: false } },
  cwd: SCHEMAS_DIR,
} as const;

type Definitions = Record<string, JSONSchema>;

/** Output file name → generated source, for every schema. Deterministic: same schemas, same text. */
export async function generateTypes(): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const schemas = new Map<string, JSONSchema>();
  for (const file of Object.values(SCHEMA_FILES))
    schemas.set(file, JSON.parse(await readFile(join(SCHEMAS_DIR, file), "utf8")) as JSONSchema);
  const shared = {
    ...commonDefinitions([...schemas.values()]),
    ...((JSON.parse(await readFile(join(SCHEMAS_DIR, SHARED_FILE), "utf8")) as JSONSchema)
      .definitions as Definitions),
  };
  const sharedSource = await sharedTypes(shared);
  const sharedNames = new Set(
    [...sharedSource.matchAll(/^export (?:interface|type) (\w+)/gm)].map((m) => m[1]),
  );
  out.set(SHARED_MODULE, sharedSource);
  for (const [kind, file] of Object.entries(SCHEMA_FILES)) {
    const schema = schemas.get(file)!;
    const { schema: own, imported } = withoutShared(schema, shared);
    const source = await compile(own, kind, { ...OPTIONS, bannerComment: BANNER(file) });
    // A titled sub-schema of a shared definition (Page's PageSource) is a type of the shared module too.
    const names = imported.flatMap((name) => [
      name,
      ...titlesIn(shared[name]).filter((t) => sharedNames.has(t)),
    ]);
    out.set(file.replace(/\.schema\.json$/, ".ts"), withImports(source, [...new Set(names)]));
  }
  return out;
}

/**
 * The definitions several schema files hold alike (the same name and the same JSON in every file
 * that has it: the connectors' configurations the API and SharedPolicyGroup schemas both assemble),
 * so they are generated once too — each only with every definition it refers to also common.
 */
function commonDefinitions(schemas: readonly JSONSchema[]): Definitions {
  const seen = new Map<string, { json: string; definition: JSONSchema; files: number; alike: boolean }>();
  for (const schema of schemas) {
    for (const [name, definition] of Object.entries((schema.definitions ?? {}) as Definitions)) {
      const json = JSON.stringify(definition);
      const entry = seen.get(name);
      if (!entry) seen.set(name, { json, definition, files: 1, alike: true });
      else {
        entry.files++;
        if (entry.json !== json) entry.alike = false;
      }
    }
  }
  const common = new Map(
    [...seen].filter(([, e]) => e.files > 1 && e.alike).map(([name, e]) => [name, e] as const),
  );
  // A definition that refers to one that is not common stays in each file.
  for (let changed = true; changed; ) {
    changed = false;
    for (const [name, e] of common) {
      const refs = [...e.json.matchAll(/"\$ref":"#\/definitions\/([^"]+)"/g)].map((m) => m[1]!);
      if (refs.some((ref) => !common.has(ref))) {
        common.delete(name);
        changed = true;
      }
    }
  }
  return Object.fromEntries([...common].map(([name, e]) => [name, e.definition]));
}

/** The shared definitions, each an exported type; the root only reaches them and is left out. */
async function sharedTypes(shared: Definitions): Promise<string> {
  const root: JSONSchema = {
    type: "object",
    additionalProperties: false,
    properties: Object.fromEntries(
      Object.keys(shared).map((name) => [name, { $ref: `#/definitions/${name}` }]),
    ),
    definitions: shared,
  };
  const source = await compile(root, "SharedDefinitions", {
    ...OPTIONS,
    bannerComment: BANNER(SHARED_FILE),
  });
  const rootDeclaration = /^export interface SharedDefinitions \{\n(?: .*\n)*\}\n/m;
  if (!rootDeclaration.test(source)) throw new Error("generate-types: the shared definitions' root moved");
  return source.replace(rootDeclaration, "");
}

/**
 * The schema with its copies of shared definitions taken out: each `$ref` to one becomes the type's
 * name (json-schema-to-typescript's `tsType`), and the names are returned to be imported.
 */
function withoutShared(schema: JSONSchema, shared: Definitions): { schema: JSONSchema; imported: string[] } {
  const own = { ...((schema.definitions ?? {}) as Definitions) };
  const imported = Object.keys(shared).filter(
    (name) => own[name] !== undefined && JSON.stringify(own[name]) === JSON.stringify(shared[name]),
  );
  if (imported.length === 0) return { schema, imported };
  for (const name of imported) delete own[name];
  const refs = new Map(imported.map((name) => [`#/definitions/${name}`, name]));
  const rewrite = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(rewrite);
    if (node === null || typeof node !== "object") return node;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) {
      // `default`, `const`, `enum` and `examples` hold data, not schemas.
      out[k] = k === "default" || k === "const" || k === "enum" || k === "examples" ? v : rewrite(v);
    }
    const name = typeof out.$ref === "string" ? refs.get(out.$ref) : undefined;
    if (name !== undefined) {
      delete out.$ref;
      out.tsType = name;
    }
    return out;
  };
  return { schema: rewrite({ ...schema, definitions: own }) as JSONSchema, imported };
}

/** The `title`s of the sub-schemas of a schema (not its own). */
function titlesIn(schema: unknown, top = true): string[] {
  if (schema === null || typeof schema !== "object") return [];
  const node = schema as Record<string, unknown>;
  const own = !top && !Array.isArray(node) && typeof node.title === "string" ? [node.title] : [];
  return [...own, ...Object.values(node).flatMap((v) => titlesIn(v, false))];
}

/** The import (and re-export, so the names stay where they were) of the shared types, after the banner. */
function withImports(source: string, imported: readonly string[]): string {
  if (imported.length === 0) return source;
  const names = imported.join(", ");
  const lines = [`import type { ${names} } from "./${SHARED_MODULE}";`, `export type { ${names} };`];
  const bannerEnd = source.indexOf("\n\n") + 2;
  return `${source.slice(0, bannerEnd)}${lines.join("\n")}\n\n${source.slice(bannerEnd)}`;
}

async function main(): Promise<void> {
  for (const [name, source] of await generateTypes()) {
    await writeFile(join(TYPES_DIR, name), source);
    console.log(`wrote ${join("runtime/spec-types", name)}`);
  }
}

if (import.meta.main) await main();
