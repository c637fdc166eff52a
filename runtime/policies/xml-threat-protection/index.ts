// `xml-threat-protection`: refuses an XML body (or a published message) that is not well-formed or
// breaks a limit — 400 `Bad Request` with the limit's key, as Gravitee (which counts with Woodstox's
// limits). fast-xml-parser checks well-formedness and gives the element tree (entities are not
// expanded, so no expansion bomb); the DOCTYPE's entity declarations are counted, their nesting
// measured, and SYSTEM/PUBLIC entities refused unless allowed.
// https://documentation.gravitee.io/apim/policies/xml-threat-protection
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { GatewayError } from "../../contract.ts";
import { definePolicy } from "../../define.ts";
import type { XmlThreatProtectionPolicyConfiguration } from "../../spec-types/api-v4-definition.ts";

type Limits = Required<XmlThreatProtectionPolicyConfiguration>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  processEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
});

type Node = Record<string, unknown> & { ":@"?: Record<string, string> };

/** The key of the first limit `xml` breaks, or undefined. */
export function xmlThreat(xml: string, limits: Limits): string | undefined {
  const over = (limit: number, value: number) => limit >= 0 && value > limit;
  if (over(limits.maxLength, xml.length)) return "XML_THREAT_MAX_LENGTH";
  const entities = entityThreat(xml, limits);
  if (entities) return entities;
  if (XMLValidator.validate(xml) !== true) return "XML_THREAT_DETECTED";
  let nodes: Node[];
  try {
    nodes = parser.parse(xml) as Node[];
  } catch {
    return "XML_THREAT_DETECTED";
  }
  let elements = 0;
  const stack: Array<{ nodes: Node[]; depth: number }> = [{ nodes, depth: 0 }];
  while (stack.length > 0) {
    const { nodes: level, depth } = stack.pop()!;
    let children = 0;
    for (const node of level) {
      for (const [name, value] of Object.entries(node)) {
        if (name === ":@" || name.startsWith("?") || name === "!DOCTYPE") continue;
        if (name === "#text") {
          if (over(limits.maxTextValueLength, String(value).length))
            return "XML_THREAT_MAX_TEXT_VALUE_LENGTH";
          continue;
        }
        elements++;
        children++;
        if (over(limits.maxElements, elements)) return "XML_THREAT_MAX_ELEMENTS";
        if (over(limits.maxDepth, depth + 1)) return "XML_THREAT_MAX_DEPTH";
        const attributes = Object.values(node[":@"] ?? {});
        if (over(limits.maxAttributesPerElement, attributes.length)) return "XML_THREAT_MAX_ATTRIBUTES";
        if (attributes.some((a) => over(limits.maxAttributeValueLength, String(a).length)))
          return "XML_THREAT_MAX_ATTRIBUTE_VALUE_LENGTH";
        if (Array.isArray(value)) stack.push({ nodes: value as Node[], depth: depth + 1 });
      }
    }
    if (depth > 0 && over(limits.maxChildrenPerElement, children)) return "XML_THREAT_MAX_CHILD_ELEMENTS";
  }
  return undefined;
}

const ENTITY = /<!ENTITY\s+(%\s+)?([^\s>]+)\s+(SYSTEM|PUBLIC|"[^"]*"|'[^']*')/g;

function entityThreat(xml: string, limits: Limits): string | undefined {
  const doctype = /<!DOCTYPE[^[>]*(\[[\s\S]*?\])?\s*>/.exec(xml)?.[1];
  if (!doctype) return undefined;
  const declared = new Map<string, string>();
  for (const m of doctype.matchAll(ENTITY)) {
    const kind = m[3]!;
    if ((kind === "SYSTEM" || kind === "PUBLIC") && !limits.allowExternalEntities)
      return "XML_THREAT_EXTERNAL_ENTITY_FORBIDDEN";
    declared.set(m[2]!, kind.startsWith('"') || kind.startsWith("'") ? kind.slice(1, -1) : "");
  }
  if (limits.maxEntities >= 0 && declared.size > limits.maxEntities) return "XML_THREAT_MAX_ENTITIES";
  // The nesting of references among declared entities (a cycle is the deepest of all).
  const depth = (name: string, seen: Set<string>): number => {
    if (seen.has(name)) return Number.POSITIVE_INFINITY;
    const value = declared.get(name);
    if (value === undefined) return 0;
    const next = new Set(seen).add(name);
    let deepest = 0;
    for (const ref of value.matchAll(/&([^;\s]+);/g)) deepest = Math.max(deepest, depth(ref[1]!, next));
    return 1 + deepest;
  };
  if (limits.maxEntityDepth >= 0)
    for (const name of declared.keys())
      if (depth(name, new Set()) > limits.maxEntityDepth) return "XML_THREAT_MAX_ENTITY_DEPTH";
  return undefined;
}

export const connector = definePolicy<XmlThreatProtectionPolicyConfiguration>({
  id: "xml-threat-protection",
  create(config) {
    const limits: Limits = {
      maxElements: config.maxElements ?? 1000,
      maxDepth: config.maxDepth ?? 100,
      maxLength: config.maxLength ?? 1000,
      maxAttributesPerElement: config.maxAttributesPerElement ?? 100,
      maxAttributeValueLength: config.maxAttributeValueLength ?? 100,
      maxChildrenPerElement: config.maxChildrenPerElement ?? 100,
      maxTextValueLength: config.maxTextValueLength ?? 100,
      maxEntities: config.maxEntities ?? 100,
      maxEntityDepth: config.maxEntityDepth ?? 100,
      allowExternalEntities: config.allowExternalEntities ?? false,
    };
    const check = (content: Buffer) => {
      const key = xmlThreat(content.toString("utf8"), limits);
      if (key) throw new GatewayError(400, "Bad Request", { key });
    };
    return {
      async onRequest(exchange) {
        check(await exchange.requestBody.read());
      },
      onMessage(message) {
        check(message.content);
        return message;
      },
    };
  },
});
