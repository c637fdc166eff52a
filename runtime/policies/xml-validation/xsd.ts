// XSD validation with libxml2 (libxml2-wasm: libxml2 compiled to WebAssembly, no native code and
// no JVM), shared by the policy at run time and by the compiler, which compiles every `xsdSchema`
// at build time with the same code. Loading this module instantiates the WebAssembly module
// (~35 ms, top-level await): linked only into gateways using the policy, loaded by the compiler
// only for specs using it.
//
// Nothing is ever loaded from outside: one input provider, registered here for the whole module,
// claims every file or URL libxml2 would open (an external entity, an `xs:include`/`xs:import`
// schemaLocation) and refuses it, recording that it was asked. A document whose parse tried to load
// something is refused (an XXE attempt); a schema that names another document is a build error.
// Internal entities are substituted within libxml2's amplification limit (no "billion laughs");
// network access is off (XML_PARSE_NONET), XInclude is not processed.
import {
  ParseOption,
  XmlDocument,
  XmlError,
  XmlLibError,
  XsdValidator,
  xmlRegisterInputProvider,
} from "libxml2-wasm";

/** What libxml2 asked to open since the last reset (it parses synchronously: no interleaving). */
const attempted: string[] = [];

xmlRegisterInputProvider({
  match(filename) {
    attempted.push(filename);
    return true;
  },
  open: () => undefined,
  read: () => -1,
  close: () => true,
});

const OPTIONS = ParseOption.XML_PARSE_NOENT | ParseOption.XML_PARSE_NONET;

/** A problem of a schema, at its 1-based line and column in the schema text (0: unknown). */
export interface XsdProblem {
  readonly message: string;
  readonly line: number;
  readonly column: number;
}

export type CompiledXsd = { readonly validator: XsdValidator } | { readonly problems: readonly XsdProblem[] };

function problemsOf(error: unknown): XsdProblem[] {
  if (error instanceof XmlLibError && error.details.length > 0)
    return error.details
      .filter((d) => d.level >= 2)
      .map((d) => ({ message: d.message.trim(), line: d.line, column: d.col }));
  return [{ message: error instanceof Error ? error.message : String(error), line: 0, column: 0 }];
}

/** Parses and compiles an XSD; the validator lives as long as the gateway (never disposed). */
export function compileXsd(text: string): CompiledXsd {
  attempted.length = 0;
  let doc: XmlDocument;
  try {
    doc = XmlDocument.fromString(text, { option: OPTIONS });
  } catch (error) {
    return { problems: problemsOf(error) };
  }
  try {
    const validator = XsdValidator.fromDoc(doc);
    if (attempted.length > 0) {
      validator.dispose();
      return {
        problems: attempted.map((name) => ({
          message: `the schema names \`${name}\` (xs:include, xs:import, xs:redefine or an external entity), which is never loaded: a schema must be self-contained`,
          line: 0,
          column: 0,
        })),
      };
    }
    return { validator };
  } catch (error) {
    const problems = problemsOf(error);
    return {
      problems: problems.length > 0 ? problems : [{ message: "not a valid XML Schema", line: 0, column: 0 }],
    };
  } finally {
    doc.dispose();
  }
}

/**
 * `valid`; `malformed` (not well-formed XML, empty, or past libxml2's limits); `external` (it
 * references an external entity or DTD, never loaded); `invalid` (well-formed, not valid), with
 * libxml2's first message.
 */
export type XmlVerdict =
  | { readonly outcome: "valid" }
  | { readonly outcome: "malformed" | "external" | "invalid"; readonly message: string };

export function validateXml(validator: XsdValidator, content: Uint8Array): XmlVerdict {
  attempted.length = 0;
  let doc: XmlDocument;
  try {
    doc = XmlDocument.fromBuffer(content, { option: OPTIONS });
  } catch (error) {
    return { outcome: "malformed", message: problemsOf(error)[0]?.message ?? "not well-formed" };
  }
  try {
    if (attempted.length > 0)
      return { outcome: "external", message: `references external content (${attempted[0]}), never loaded` };
    validator.validate(doc);
    return { outcome: "valid" };
  } catch (error) {
    if (!(error instanceof XmlError)) throw error;
    return { outcome: "invalid", message: problemsOf(error)[0]?.message ?? "not valid" };
  } finally {
    doc.dispose();
  }
}
