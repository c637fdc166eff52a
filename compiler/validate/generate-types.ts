// Generates runtime/spec-types/*.ts from the JSON Schemas (the source of truth of the spec
// format), so emitters and rules are typed against exactly what validation accepts. Run with
// `npm run gen:types`; test/validate/types-fresh.test.ts fails when the committed files are stale.
// Every definition carries a `title`, which becomes the exported type's name.
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

/** Output file name → generated source, for every schema. Deterministic: same schemas, same text. */
export async function generateTypes(): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const [kind, file] of Object.entries(SCHEMA_FILES)) {
    const schema = JSON.parse(await readFile(join(SCHEMAS_DIR, file), "utf8")) as JSONSchema;
    const source = await compile(schema, kind, {
      bannerComment: BANNER(file),
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
    });
    out.set(file.replace(/\.schema\.json$/, ".ts"), source);
  }
  return out;
}

async function main(): Promise<void> {
  for (const [name, source] of await generateTypes()) {
    await writeFile(join(TYPES_DIR, name), source);
    console.log(`wrote ${join("runtime/spec-types", name)}`);
  }
}

if (import.meta.main) await main();
