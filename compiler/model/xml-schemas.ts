// `xml-validation`'s XSD schemas, compiled at build time by the processor the gateway validates
// with (runtime/policies/xml-validation/xsd.ts, libxml2 in WebAssembly): a schema that is not
// well-formed, not a valid XML Schema, or that names another document is `policy/invalid-xml-schema`
// at its line inside the YAML. Loaded by the pipeline only when a document uses the policy (the
// WebAssembly module takes ~35 ms to instantiate).
import { compileXsd } from "../../runtime/policies/xml-validation/xsd.ts";
import { obj } from "../check/spec-view.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";

type Report = (
  diagnostic: Omit<Diagnostic, "at"> & { pointer: string; inScalar?: { line: number; column: number } },
) => void;

/** Checks the `xsdSchema` of an xml-validation step's configuration (`raw`, as written). */
export function checkXmlSchema(raw: unknown, pointer: string, report: Report): void {
  const text = obj(raw).xsdSchema;
  if (typeof text !== "string") return; // absent (a schema error) or an environment reference
  const compiled = compileXsd(text);
  if ("validator" in compiled) {
    compiled.validator.dispose();
    return;
  }
  for (const problem of compiled.problems.slice(0, 5)) {
    const where = problem.line > 0 ? ` (line ${problem.line} of the schema)` : "";
    report({
      code: "policy/invalid-xml-schema",
      severity: "error",
      message: `the XSD schema cannot be compiled${where}: ${problem.message}`,
      hint: "the schema is compiled into the gateway at build time, and must be self-contained (docs/policies.md#xml-validation)",
      pointer: `${pointer}/xsdSchema`,
      ...(problem.line > 0
        ? { inScalar: { line: problem.line - 1, column: Math.max(problem.column - 1, 0) } }
        : {}),
    });
  }
}
