// Every supported EL form: the exact TypeScript emitted, what it returns when Node 24 runs it against
// sample contexts, and that the whole set type-checks under strict tsc.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  type CompileResult,
  compileCondition,
  compileExpression,
  compileTemplate,
} from "../../compiler/expression/compile-expression.ts";
import { type CompileKind, SUPPORTED, TYPE_CHECK_ONLY } from "./cases.ts";
import {
  decode,
  type Encoded,
  evaluateModule,
  removeDirectory,
  scratchDirectory,
  typeCheck,
  writeModule,
} from "./emitted-module.ts";

const COMPILERS: Record<CompileKind, (source: string) => CompileResult> = {
  condition: compileCondition,
  template: compileTemplate,
  expression: compileExpression,
};

function compiled(kind: CompileKind, source: string) {
  const result = COMPILERS[kind](source);
  if (!result.ok) throw new Error(`${source}: ${result.error.message} at ${result.error.offset}`);
  return result;
}

describe("emitted code", () => {
  test.each(SUPPORTED)("$name", ({ kind, source, code }) => {
    expect(compiled(kind, source).code).toBe(code);
  });

  test("is free of escape hatches", () => {
    for (const { kind, source } of SUPPORTED) {
      expect(compiled(kind, source).code).not.toMatch(/\bany\b|@ts-|\beval\b|\bFunction\(| as /);
    }
  });

  test("reports the context it reads and the helpers it calls", () => {
    const result = compiled(
      "condition",
      "{#request.headers['X-Tenant'][0] == 'acme' && #response.status > 199}",
    );
    expect([...result.uses].sort()).toEqual(["request.headers", "response.status"]);
    expect([...result.imports].sort()).toEqual(["elCmp", "elEq"]);
    expect(result.returnType).toBe("boolean");
  });

  test.each([
    ["{#request.headers['accept']}", "string[]", true, "readonly string[] | undefined"],
    ["{#request.method}", "string", false, "string"],
    ["{#response.status}", "number", true, "number | undefined"],
    ["{#context.attributes['a']}", "unknown", true, "unknown"],
    ["{#request.method == 'GET'}", "boolean", false, "boolean"],
    ["id={#request.id}", "string", false, "string"],
  ])("infers the type of %s", (source, type, nullable, returnType) => {
    const result = compiled("expression", source);
    expect({ type: result.type, nullable: result.nullable, returnType: result.returnType }).toEqual({
      type,
      nullable,
      returnType,
    });
  });
});

describe("evaluated by Node 24 against sample contexts", () => {
  let results: Record<string, Record<string, Encoded>> = {};
  let directory = "";

  beforeAll(() => {
    directory = scratchDirectory("expression-eval");
    writeModule(
      directory,
      SUPPORTED.map(({ name, kind, source }) => {
        const { code, imports } = compiled(kind, source);
        return { name, code, imports };
      }),
    );
    results = evaluateModule(directory);
  });

  afterAll(() => removeDirectory(directory));

  test.each(SUPPORTED)("$name", ({ name, results: expected }) => {
    const actual = Object.fromEntries(
      Object.keys(expected).map((context) => [context, decode(results[name]![context]!)]),
    );
    expect(actual).toEqual(expected);
  });

  test("the module type-checks under strict tsc, with the type corner cases", () => {
    const corners = TYPE_CHECK_ONLY.map((source) => {
      const { code, imports } = compiled("condition", source);
      return { name: source, code, imports };
    });
    writeModule(directory, corners, "corners.ts");
    const { status, output } = typeCheck(directory, ["emitted.ts", "corners.ts"]);
    expect(output).toBe("");
    expect(status).toBe(0);
  });

  test("the type-check would catch a wrongly typed function", () => {
    const wrong = compiled("condition", "{#request.method == 'GET'}").code.replace(
      "): boolean =>",
      "): number =>",
    );
    writeModule(directory, [{ name: "wrong", code: wrong, imports: ["elEq"] }], "wrong.ts");
    const { status, output } = typeCheck(directory, ["wrong.ts"]);
    expect(status).not.toBe(0);
    expect(output).toContain("wrong.ts");
  });
});
