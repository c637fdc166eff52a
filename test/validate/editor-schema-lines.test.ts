// Every spec of the example repository starts with the `# yaml-language-server: $schema=…` line of
// its kind (editor completion and validation), and the schema it names exists: the README promises it.
import { existsSync, readFileSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { load } from "js-yaml";
import { describe, expect, it } from "vitest";
import { PROJECT_DIR } from "../../compiler/compile.ts";
import { SCHEMA_FILES, SCHEMAS_DIR, type SchemaKind } from "../../compiler/validate/schemas.ts";

const APIS = join(PROJECT_DIR, "apis");
const files = (await readdir(APIS, { recursive: true })).filter((f) => f.endsWith(".yaml")).sort();

describe("editor $schema lines", () => {
  it.each(files)("%s", (file) => {
    const text = readFileSync(join(APIS, file), "utf8");
    const first = text.split("\n", 1)[0] ?? "";
    const kind = (load(text.split(/^---$/m)[0] ?? "") as { kind: SchemaKind }).kind;
    const expected = relative(dirname(join(APIS, file)), join(SCHEMAS_DIR, SCHEMA_FILES[kind]));
    expect(first).toBe(`# yaml-language-server: $schema=${expected}`);
    expect(existsSync(join(dirname(join(APIS, file)), expected))).toBe(true);
  });
});
