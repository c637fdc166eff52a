// Gravitee's `#xpath(xml, 'path'[, 'string' | 'boolean' | 'number'])` (gravitee-expression-language
// XPathFunction): the text is parsed as XML and the XPath 1.0 expression evaluated over it, names
// matched as Gravitee's parser (without namespace awareness) sees them; the result is converted as
// JAXP converts it (string: the string-value of the first node, "" for none; number: a double;
// boolean). Parsing uses @xmldom/xmldom, evaluation the `xpath` package (XPath 1.0, as JAXP). The
// path was parsed at compile time (compiler/expression/compile-functions.ts), so a malformed one
// never reaches the gateway.
//
// This module is linked only into gateways whose expressions call #xpath: the compiler imports
// helpers named `elXml…` from here rather than from ./el.ts, so other bundles carry no XML parser.
// https://documentation.gravitee.io/apim/gravitee-expression-language

import { DOMParser } from "@xmldom/xmldom";
import * as xpath from "xpath";
import { ElEvaluationError } from "./el.ts";

/** What `xpath.parse` returns (the package exports it without declaring it). */
interface XPathOptions {
  node: unknown;
  allowAnyNamespaceForNoPrefix: boolean;
}
interface ParsedXPath {
  evaluateString(options: XPathOptions): string;
  evaluateNumber(options: XPathOptions): number;
  evaluateBoolean(options: XPathOptions): boolean;
}

const parseXPath = (xpath as unknown as { parse(expression: string): ParsedXPath }).parse;

/** Compiled paths, by source: each is parsed once per process. */
const paths = new Map<string, ParsedXPath>();

/** The XPath result types Gravitee's #xpath converts to, and what their values are here. */
export interface ElXmlResult {
  string: string;
  number: number;
  boolean: boolean;
}

/** `#xpath(text, path, type)`: parse `text` as XML (a failure fails the request, as in Gravitee) and evaluate. */
export function elXmlPath<T extends keyof ElXmlResult>(
  text: string | undefined,
  path: string,
  type: T,
): ElXmlResult[T] {
  if (text === undefined) throw new ElEvaluationError("#xpath has no XML to read (the value is null).");
  let parsed = paths.get(path);
  if (parsed === undefined) {
    parsed = parseXPath(path);
    paths.set(path, parsed);
  }
  // Gravitee's XmlPayloadConverter parses without namespace awareness, so `//b` finds a `<b>` in a
  // default namespace: an unprefixed name test matches an unprefixed element of any namespace.
  const options = { node: parseXml(text), allowAnyNamespaceForNoPrefix: true };
  const result =
    type === "number"
      ? parsed.evaluateNumber(options)
      : type === "boolean"
        ? parsed.evaluateBoolean(options)
        : parsed.evaluateString(options);
  return result as ElXmlResult[T];
}

function parseXml(text: string): unknown {
  const errors: string[] = [];
  const parser = new DOMParser({
    onError: (level, message) => {
      if (level !== "warning") errors.push(message);
    },
  });
  let document: unknown;
  try {
    document = parser.parseFromString(text, "text/xml");
  } catch (error) {
    errors.push(error instanceof Error ? error.message : String(error));
  }
  if (errors.length > 0 || document === undefined)
    throw new ElEvaluationError(`#xpath could not parse the XML: ${errors[0] ?? "no document"}`);
  return document;
}
