// Compiles a JSON Schema that a policy validates with (json-validation's `schema`) into standalone
// JavaScript at compile time — ajv's own code generator — so that the gateway never imports ajv:
// the generated function is written beside the API module (generated/validators/<api>.js, with
// its declaration) and linked into the API's bundle like any other module. The schema's dialect
// follows its `$schema` (draft-04, as Gravitee's validator defaults to, draft-06/07, 2019-09,
// 2020-12). ajv's run-time helpers are replaced by Node.js's: deep equality is
// `util.isDeepStrictEqual` (on JSON values the same relation), string length counts code points.
// Formats are not asserted (as `format` is an annotation in 2019-09 and later).
import { createHash } from "node:crypto";
import { Ajv, type Options } from "ajv";
import Ajv2019Module from "ajv/dist/2019.js";
import Ajv2020Module from "ajv/dist/2020.js";
import standaloneModule from "ajv/dist/standalone/index.js";
import Ajv04Module from "ajv-draft-04";

type AjvClass = new (options: Options) => Ajv;
const def = <T>(m: T): T => ((m as { default?: T }).default ?? m) as T;
const Ajv2019 = def(Ajv2019Module) as unknown as AjvClass;
const Ajv2020 = def(Ajv2020Module) as unknown as AjvClass;
const Ajv04 = def(Ajv04Module) as unknown as AjvClass;
const standaloneCode = def(standaloneModule) as unknown as (ajv: Ajv, refs: Record<string, string>) => string;

/** A validator's standalone code: `name` is the export of `code`, an ES module of plain JavaScript. */
export interface CompiledSchema {
  readonly name: string;
  readonly code: string;
}

/** Run-time helpers ajv's code may require, and what replaces each. */
const HELPERS: Readonly<Record<string, (local: string) => string>> = {
  equal: (local) => `import { isDeepStrictEqual as ${local} } from "node:util";`,
  ucs2length: (local) => `const ${local} = (s) => [...s].length;`,
};

function ajvFor(schema: unknown): Ajv {
  const dialect =
    schema !== null && typeof schema === "object"
      ? String((schema as { $schema?: unknown }).$schema ?? "")
      : "";
  const options: Options = {
    strict: false,
    allErrors: true,
    validateFormats: false,
    code: { source: true, esm: true },
  };
  if (dialect.includes("draft-04")) return new Ajv04(options);
  if (dialect.includes("2019-09")) return new Ajv2019(options);
  if (dialect.includes("2020-12")) return new Ajv2020(options);
  return new Ajv(options);
}

/** The standalone validator of `text` (a JSON Schema as text), or why it cannot be one. */
export function compileJsonSchema(text: string): CompiledSchema | { error: string } {
  let schema: unknown;
  try {
    schema = JSON.parse(text);
  } catch (error) {
    return { error: `the schema is not JSON: ${(error as Error).message}` };
  }
  if (schema === null || (typeof schema !== "object" && typeof schema !== "boolean"))
    return { error: "the schema is not a JSON Schema (an object or a boolean)" };
  const name = `schema_${createHash("sha256").update(text).digest("hex").slice(0, 16)}`;
  let code: string;
  try {
    const ajv = ajvFor(schema);
    ajv.addSchema(schema as object, name);
    code = standaloneCode(ajv, { [name]: name });
  } catch (error) {
    return { error: `the schema cannot be compiled: ${(error as Error).message}` };
  }
  const unsupported: string[] = [];
  code = code
    .replace(/^"use strict";/, "")
    .replace(
      /const (\w+) = require\("ajv\/dist\/runtime\/(\w+)"\)\.default;/g,
      (_all, local: string, helper: string) => {
        const replacement = HELPERS[helper];
        if (replacement) return replacement(local);
        unsupported.push(helper);
        return "";
      },
    );
  if (unsupported.length > 0 || /\brequire\(/.test(code))
    return {
      error: `the schema needs ajv's run-time helper ${unsupported.join(", ") || "require"}, which Sluice does not link`,
    };
  return { name, code };
}
