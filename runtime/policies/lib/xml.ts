// JSON ⇄ XML the way Gravitee's json-xml and xml-json policies convert (org.json's XML class):
// object keys become elements, arrays repeat their element, a `content` key is the text of an element
// that also has attributes or children, attributes become keys, and text that reads as a number or a
// boolean becomes one. Documents with a DOCTYPE are refused (no entity expansion, no external entities).
import { XMLParser, XMLValidator } from "fast-xml-parser";

export class ConversionError extends Error {}

const TEXT = "content";

/** `<root>…</root>` from a JSON document whose top level is an object (as Gravitee requires). */
export function jsonToXml(json: string, rootElement: string): string {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw new ConversionError(`Unable to transform JSON into XML: ${(error as Error).message}`);
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new ConversionError("Unable to transform JSON into XML: the document is not a JSON object");
  }
  return element(rootElement, value);
}

function element(name: string, value: unknown): string {
  if (Array.isArray(value)) return value.map((item) => element(name, item)).join("");
  if (value === null || value === undefined || value === "") return `<${name}/>`;
  if (typeof value !== "object") return `<${name}>${escapeText(String(value))}</${name}>`;
  let inner = "";
  for (const [key, child] of Object.entries(value)) {
    if (key === TEXT)
      inner += Array.isArray(child)
        ? child.map((c) => escapeText(String(c))).join("\n")
        : escapeText(String(child));
    else inner += element(key, child);
  }
  return inner === "" ? `<${name}/>` : `<${name}>${inner}</${name}>`;
}

function escapeText(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => `&${{ "&": "amp", "<": "lt", ">": "gt", '"': "quot", "'": "apos" }[c]};`,
  );
}

/** The JSON value of an XML document: `{"root": {…}}`. `stripNamespaces` drops prefixes and xmlns. */
export function xmlToJson(xml: string, options: { stripNamespaces?: boolean } = {}): Record<string, unknown> {
  if (/<!DOCTYPE/i.test(xml))
    throw new ConversionError("Unable to transform XML into JSON: DOCTYPE is not allowed");
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new ConversionError(`Unable to transform XML into JSON: ${valid.err.msg} (line ${valid.err.line})`);
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "",
    textNodeName: TEXT,
    ignoreDeclaration: true,
    ignorePiTags: true,
    parseTagValue: true,
    parseAttributeValue: true,
    trimValues: true,
    removeNSPrefix: options.stripNamespaces === true,
    numberParseOptions: { hex: false, leadingZeros: false, eNotation: true },
  });
  const parsed = parser.parse(xml) as Record<string, unknown>;
  if (options.stripNamespaces) dropNamespaceDeclarations(parsed);
  return parsed;
}

function dropNamespaceDeclarations(value: unknown): void {
  if (Array.isArray(value)) {
    for (const item of value) dropNamespaceDeclarations(item);
  } else if (value !== null && typeof value === "object") {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (key === "xmlns" || key.startsWith("xmlns:")) delete record[key];
      else dropNamespaceDeclarations(record[key]);
    }
  }
}

/** Whether a content type names XML (`text/xml`, `application/xml`, `application/soap+xml`, …). */
export function isXml(contentType: string | undefined): boolean {
  return contentType !== undefined && /[/+]xml\b/i.test(contentType);
}
