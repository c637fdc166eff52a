// Every rejected form: the diagnostic code, message and the exact characters it points at; and the
// bridge to the compiler's Diagnostic type, which carries the offset inside the YAML scalar.
import { describe, expect, test } from "vitest";
import {
  type CompileResult,
  compileCondition,
  compileExpression,
  compileTemplate,
} from "../../compiler/expression/compile-expression.ts";
import { expressionDiagnostics } from "../../compiler/expression/expression-diagnostics.ts";
import { type CompileKind, REJECTED } from "./cases.ts";

const COMPILERS: Record<CompileKind, (source: string) => CompileResult> = {
  condition: compileCondition,
  template: compileTemplate,
  expression: compileExpression,
};

describe("rejected expressions", () => {
  test.each(REJECTED)("$name", ({ kind, source, code, message, offset, at, hint }) => {
    const result = COMPILERS[kind](source);
    if (result.ok) throw new Error(`compiled unexpectedly: ${result.code}`);
    const { error } = result;
    expect({
      code: error.code,
      message: error.message,
      offset: error.offset,
      at: source.slice(error.offset, error.offset + error.length),
      hint: error.hint,
    }).toEqual({ code, message, offset, at, hint });
  });
});

describe("expressionDiagnostics", () => {
  const at = { file: "apis/orders.yaml", doc: 0, pointer: "/flows/0/selectors/0/condition" };

  test("turns an error into a diagnostic pointing inside the scalar", () => {
    const result = compileCondition("{#request.headers['x'][0] == 'a' && #request.foo}");
    expect(expressionDiagnostics(result, at)).toEqual([
      {
        code: "expression/unsupported",
        severity: "error",
        message: "#request has no property 'foo'.",
        hint: "Known properties: id, transactionId, method, scheme, host, path, pathInfo, contextPath, uri, remoteAddress, content, jsonContent, paths, pathInfos, timestamp, version, localAddress, ssl, headers, params, pathParams.",
        at: { ...at, offset: 45 },
      },
    ]);
  });

  test("adds to an offset the location already has, and leaves out an absent hint", () => {
    const result = compileTemplate("x{#request.method ~ 1}");
    expect(expressionDiagnostics(result, { ...at, offset: 3 }, "warning")).toEqual([
      {
        code: "expression/syntax",
        severity: "warning",
        message: "Unexpected character '~'.",
        at: { ...at, offset: 21 },
      },
    ]);
  });

  test("has nothing to say about a compiled expression", () => {
    expect(expressionDiagnostics(compileExpression("{#request.id}"), at)).toEqual([]);
  });
});
